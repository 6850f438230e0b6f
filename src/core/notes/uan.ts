// ACPE Universal Activity Numbers (`PPPP-JJJJ-YY-NNN-FTT-A`). Certificates and provider pages print them in a
// few sloppy ways; those are accepted with the deviations listed so the user can be offered the canonical form.
import { quoteExcerpt } from './problems';
import { TOPICS, topicForAcpeCode } from './topics';
import type { Format, Uan } from '../types';

export interface UanParseResult {
  uan?: Uan;
  /** Why the text is not a UAN at all. */
  error?: string;
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
  if (trimmed === '') return { error: 'The UAN is empty.' };
  if (trimmed.length > 64) return { error: notAUan(trimmed.slice(0, 40) + '…') };
  // Most UANs are copied correctly: try the canonical form before any rewriting. They share one empty
  // variants list (the index keeps a UAN per note; nothing adds to a parsed UAN's list).
  const exact = canonicalUan(trimmed);
  if (exact) return { uan: exact };
  const variants: string[] = [];
  let work = trimmed;
  const upper = work.toUpperCase();
  if (upper !== work) {
    variants.push('lower-case letters');
    work = upper;
  }
  const separated = work.replace(OTHER_SEPARATORS, '-');
  if (separated !== work) {
    variants.push('spaces or dashes other than "-" between the parts');
    work = separated;
  }
  let m = CANONICAL.exec(work);
  if (!m) {
    m = HYPHENATED.exec(work);
    if (m) {
      if (m[1].length < 4) variants.push('leading zero missing from the provider number');
      if (m[4].length < 3) variants.push('leading zero missing from the sequence number');
    } else {
      m = RUN_TOGETHER.exec(work);
      if (m) variants.push('no hyphens');
    }
  }
  if (!m) return { error: notAUan(trimmed) };
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

/**
 * What to tell the user about a UAN that parses but carries a topic designator with no known meaning. ACPE's
 * form lists 01-07 and 08 is in real use (pain management, e.g. ASHP's 0204-0000-20-755-H08-P); no source was
 * found for 09 and above, so those are kept (the note still counts) but pointed out.
 */
export function uanTopicWarning(uan: Uan): string | undefined {
  if (uan.topic !== undefined) return undefined;
  return `The UAN's topic designator ${uan.topicCode} is not one ACPE is known to use (01 to ${LAST_KNOWN_TOPIC_CODE}): check it against the certificate. The note still counts by its hours.`;
}

function notAUan(text: string): string {
  return `"${quoteExcerpt(text)}" is not an ACPE activity number (UAN): expected PPPP-JJJJ-YY-NNN-FTT-A, e.g. ${UAN_EXAMPLE}.`;
}
