// ACPE Universal Activity Numbers (`PPPP-JJJJ-YY-NNN-FTT-A`). Certificates and provider pages print them in a
// few sloppy ways; those are accepted with the deviations listed so the user can be offered the canonical form.
import * as l10n from '@vscode/l10n';
import { quoteExcerpt } from './problems';
import { TOPICS, topicForAcpeCode } from './topics';
import type { Format, Uan } from '../types';

export interface UanParseResult {
  uan?: Uan;
  /** Why the text is not a UAN at all: what is wrong, in words, once. */
  error?: string;
  /** The UAN the text was surely meant to be, when a single unambiguous correction makes it one (a quick fix). */
  fix?: string;
}

const CANONICAL = /^(\d{4})-(\d{4})-(\d{2})-(\d{3})-([LHB])(\d{2})-([PT])$/;
/** Hyphenated, but with leading zeros dropped from the provider or sequence number. */
const HYPHENATED = /^(\d{1,4})-(\d{4})-(\d{2})-(\d{1,3})-([LHB])(\d{2})-([PT])$/;
/** All 17 characters run together, as some transcripts print them. */
const RUN_TOGETHER = /^(\d{4})(\d{4})(\d{2})(\d{3})([LHB])(\d{2})([PT])$/;
/** En/em dashes, minus signs and spaces pasted from PDFs instead of `-`. */
const OTHER_SEPARATORS = /[\u2010-\u2015\u2212\s]+/g;

export const UAN_EXAMPLE = '0145-0000-24-101-H07-T';

const LAST_KNOWN_TOPIC_CODE = TOPICS.map((t) => t.acpeCode ?? '').reduce((a, b) => (b > a ? b : a), '');

/**
 * Blended activities (`B`) have no single format. They are deliberately left without one, so the note's own
 * `format` (or the home-study default) decides: counting them as live could overstate a live-hours requirement.
 */
const FORMATS: Record<string, Format | undefined> = { L: 'live', H: 'home-study', B: undefined };

const NO_VARIANTS = Object.freeze([]) as unknown as string[];

export function parseUan(text: string): UanParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { error: l10n.t('The UAN is empty.') };
  if (trimmed.length > 64) return { error: notAUan(trimmed.slice(0, 40) + '…') };
  // Most UANs are copied correctly: try the canonical form before any rewriting. They share one empty
  // variants list (the index keeps a UAN per note; nothing adds to a parsed UAN's list).
  const exact = canonicalUan(trimmed);
  if (exact) return { uan: exact };
  const variants: string[] = [];
  let work = trimmed;
  const upper = work.toUpperCase();
  if (upper !== work) {
    variants.push(l10n.t('lower-case letters'));
    work = upper;
  }
  const separated = work.replace(OTHER_SEPARATORS, '-');
  if (separated !== work) {
    variants.push(l10n.t('spaces or dashes other than "-" between the parts'));
    work = separated;
  }
  let m = CANONICAL.exec(work);
  if (!m) {
    m = HYPHENATED.exec(work);
    if (m) {
      if (m[1].length < 4) variants.push(l10n.t('leading zero missing from the provider number'));
      if (m[4].length < 3) variants.push(l10n.t('leading zero missing from the sequence number'));
    } else {
      m = RUN_TOGETHER.exec(work);
      if (m) variants.push(l10n.t('no hyphens'));
    }
  }
  if (!m) return diagnose(work, trimmed);
  return { uan: uanOf(m, variants.length > 0 ? variants : NO_VARIANTS) };
}

/**
 * A UAN already in the standard form, read by character codes (what CANONICAL matches): no match array and
 * no cut strings, since nearly every note's UAN is copied correctly. Undefined for anything else.
 */
function canonicalUan(text: string): Uan | undefined {
  if (text.length !== 22) return undefined;
  for (let k = 0; k < CANONICAL_DIGITS.length; k++) {
    const c = text.charCodeAt(CANONICAL_DIGITS[k]);
    if (c < 48 || c > 57) return undefined;
  }
  for (let k = 0; k < CANONICAL_HYPHENS.length; k++) if (text.charCodeAt(CANONICAL_HYPHENS[k]) !== 45) return undefined;
  const formatLetter = text[17];
  const audienceLetter = text[21];
  if ((formatLetter !== 'L' && formatLetter !== 'H' && formatLetter !== 'B') || (audienceLetter !== 'P' && audienceLetter !== 'T')) return undefined;
  const topicCode = text.slice(18, 20);
  return {
    normalized: text,
    provider: text.slice(0, 4),
    joint: text.startsWith('9999', 5),
    year: text.slice(10, 12),
    sequence: text.slice(13, 16),
    formatLetter,
    format: FORMATS[formatLetter],
    topicCode,
    topic: topicForAcpeCode(topicCode),
    audienceLetter,
    audience: audienceLetter === 'P' ? 'pharmacist' : 'technician',
    variants: NO_VARIANTS,
  };
}
const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 13, 14, 15, 18, 19];
const CANONICAL_HYPHENS = [4, 9, 12, 16, 20];

function uanOf(m: RegExpExecArray, variants: string[]): Uan {
  const [, provider, joint, year, sequence, formatLetter, topicCode, audienceLetter] = m;
  const p = provider.padStart(4, '0');
  const s = sequence.padStart(3, '0');
  const normalized = `${p}-${joint}-${year}-${s}-${formatLetter}${topicCode}-${audienceLetter}`;
  return {
    normalized,
    provider: p,
    joint: joint === '9999',
    year,
    sequence: s,
    formatLetter: formatLetter as Uan['formatLetter'],
    format: FORMATS[formatLetter],
    topicCode,
    topic: topicForAcpeCode(topicCode),
    audienceLetter: audienceLetter as Uan['audienceLetter'],
    audience: audienceLetter === 'P' ? 'pharmacist' : 'technician',
    variants,
  };
}

/** One thing wrong with one part of a UAN, and the corrected part when only one correction is possible. */
interface PartIssue {
  what: string;
  fixed?: string;
}

/**
 * What is wrong with text that is not a UAN, part by part (`topic code 8 needs two digits: 08`), and the fix when
 * exactly one part is wrong and its correction is unambiguous. `work` is the text upper-cased with `-` between parts.
 */
function diagnose(work: string, written: string): UanParseResult {
  const parts = work.split('-');
  if (parts.length !== 6) {
    // Text with few digits is something else altogether (a note, a course code): say what a UAN looks like.
    if ((work.match(/\d/g) ?? []).length < 12) return { error: notAUan(written) };
    const count = parts.length === 1 ? l10n.t('no hyphens between its parts') : l10n.t('{0} parts', String(parts.length));
    return { error: l10n.t('"{0}" is not a complete ACPE activity number (UAN): it has {1}, and a UAN has 6, e.g. {2}.', quoteExcerpt(written), count, UAN_EXAMPLE) };
  }
  const [provider, joint, year, sequence, ftt, audience] = parts;
  const issues: { at: number; issue: PartIssue }[] = [];
  const check = (at: number, issue: PartIssue | undefined) => issue && issues.push({ at, issue });
  check(0, /^\d{1,4}$/.test(provider) ? undefined : { what: l10n.t('the provider number "{0}" must be 4 digits', quoteExcerpt(provider)) });
  check(1, /^\d{4}$/.test(joint) ? undefined : { what: l10n.t('the second part "{0}" must be 4 digits (0000, or 9999 for joint providers)', quoteExcerpt(joint)) });
  check(2, yearIssue(year));
  check(3, /^\d{1,3}$/.test(sequence) ? undefined : { what: l10n.t('the sequence number "{0}" must be 3 digits', quoteExcerpt(sequence)) });
  check(4, formatTopicIssue(ftt));
  check(5, /^[PT]$/.test(audience) ? undefined : { what: l10n.t('the last part "{0}" must be T (for technicians) or P (for pharmacists)', quoteExcerpt(audience)) });
  if (issues.length === 0) return { error: notAUan(written) };
  const error = l10n.t('"{0}" is not a valid ACPE activity number (UAN): {1}.', quoteExcerpt(written), issues.map((i) => i.issue.what).join('; '));
  const only = issues.length === 1 ? issues[0] : undefined;
  if (only?.issue.fixed === undefined) return { error };
  const corrected = parts.map((part, i) => (i === only.at ? only.issue.fixed : part)).join('-');
  const uan = parseUan(corrected).uan;
  return uan ? { error, fix: uan.normalized } : { error };
}

function yearIssue(year: string): PartIssue | undefined {
  if (/^\d{2}$/.test(year)) return undefined;
  // Only 20xx is corrected: 1926 is a typo whose meaning (2026? 2019?) is a guess.
  if (/^20\d{2}$/.test(year)) return { what: l10n.t('the year {0} needs two digits: {1}', year, year.slice(2)), fixed: year.slice(2) };
  if (/^19\d{2}$/.test(year)) return { what: l10n.t('the year {0} needs two digits: check them on the certificate', year) };
  return { what: l10n.t('the year "{0}" must be 2 digits', quoteExcerpt(year)) };
}

/** The fifth part: a format letter (L, H, B) and a two-digit ACPE topic code, e.g. H07. */
function formatTopicIssue(ftt: string): PartIssue | undefined {
  if (/^[LHB]\d{2}$/.test(ftt)) return undefined;
  const oneDigit = /^([LHB])(\d)$/.exec(ftt);
  // Corrected only to a known topic: H0 is more likely a cut-off H05 than topic 00, which no activity has.
  const known = oneDigit && topicForAcpeCode(`0${oneDigit[2]}`) !== undefined;
  if (oneDigit && known) return { what: l10n.t('topic code {0} needs two digits: {1}', oneDigit[2], `0${oneDigit[2]}`), fixed: `${oneDigit[1]}0${oneDigit[2]}` };
  if (oneDigit) return { what: l10n.t('topic code {0} needs two digits: check them on the certificate', oneDigit[2]) };
  const otherLetter = /^([A-Z])\d{1,2}$/.exec(ftt);
  if (otherLetter) return { what: l10n.t('the format letter {0} must be L (live), H (home study) or B (blended)', otherLetter[1]) };
  if (/^\d{1,2}$/.test(ftt)) return { what: l10n.t('the format letter (L live, H home study or B blended) is missing before topic code {0}', ftt) };
  return { what: l10n.t('the fifth part "{0}" must be a format letter and a two-digit topic code, e.g. H07', quoteExcerpt(ftt)) };
}

/**
 * What to tell the user about a UAN that parses but carries a topic designator with no known meaning. ACPE's
 * form lists 01-07 and 08 is in real use (pain management, e.g. ASHP's 0204-0000-20-755-H08-P); no source was
 * found for 09 and above, so those are kept (the note still counts) but pointed out.
 */
export function uanTopicWarning(uan: Uan): string | undefined {
  if (uan.topic !== undefined) return undefined;
  return l10n.t("The UAN's topic designator {0} is not one ACPE is known to use (01 to {1}): check it against the certificate. The note still counts by its hours.", uan.topicCode, LAST_KNOWN_TOPIC_CODE);
}

function notAUan(text: string): string {
  return l10n.t('"{0}" is not an ACPE activity number (UAN): expected PPPP-JJJJ-YY-NNN-FTT-A, e.g. {1}.', quoteExcerpt(text), UAN_EXAMPLE);
}
