// The review log, `.pharmacy-ce/reviews.jsonl`: one JSON object a line, `{"card":"…","at":"<ISO time>","rating":n}`,
// appended once per grade. Plain text so git can merge it (two machines' logs concatenate). A line that is not a
// review is a problem at its line and skipped: the file is never rewritten, so nothing in it is ever lost.
import * as l10n from '@vscode/l10n';
import { daysInMonth } from '../common/dates';
import type { Problem } from '../types';
import { REVIEW_LOG_FILE, type Rating, type ReviewEntry, type ReviewLogRead } from './types';

/** Longer than any card id the notes make (a card's id is built from its question side), shorter than a hostile one. */
export const MAX_CARD_ID_LENGTH = 1000;
/** A review line is under 100 characters plus its card id: a longer line is not read at all (never parsed). */
const MAX_LINE_LENGTH = MAX_CARD_ID_LENGTH + 200;

/**
 * The line formatReviewLine writes (the time as toISOString writes it), read without JSON.parse or Date.parse:
 * 100,000 lines took ~90 ms with JSON.parse and Date.parse, a third of that this way. Anything else (other
 * spacing or key order, escapes in the id, another form of time) takes the full path, which gives the same.
 */
const WRITTEN_LINE = /^\{"card":"([^"\\\u0000-\u0020][^"\\\u0000-\u001f]{0,999})","at":"(\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z)","rating":([1-4])\}$/;

/**
 * An ISO 8601 time with its offset (a time without one would move with the reader's time zone). Date.parse
 * alone accepts 2026-02-30 (as March 2) and 24:00, so the fields are checked here.
 */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

const KEYS = ['card', 'at', 'rating'] as const;

/**
 * Reads `.pharmacy-ce/reviews.jsonl`: every well-formed line, and a problem at each malformed one. `firstLine`:
 * the line number of the text's first line (reading only what was appended to a log already read).
 */
export function parseReviewLog(text: string, firstLine = 1): ReviewLogRead {
  const entries: ReviewEntry[] = [];
  const problems: Problem[] = [];
  // Lines past MAX_LOG_PROBLEMS malformed ones: counted, and only read when in the written form (see below).
  let unlisted: { count: number; line: number } | undefined;
  // A byte-order mark is not part of the first line (an editor counts columns without it).
  const body = firstLine === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineNumber = firstLine;
  for (const line of linesOf(body)) {
    const number = lineNumber++;
    const written = WRITTEN_LINE.exec(line);
    const at = written ? writtenTime(written[2]) : undefined;
    if (written && at !== undefined) {
      entries.push({ card: written[1], at, rating: Number(written[3]) as Rating, line: number });
      continue;
    }
    if (line.trim() === '') continue;
    // A log of millions of broken lines (64 MB of them) took minutes and gigabytes, mostly in JSON.parse's
    // errors and the problems themselves: past the listed ones, a line in any other form is only counted.
    if (problems.length >= MAX_LOG_PROBLEMS) {
      unlisted ??= { count: 0, line: number };
      unlisted.count++;
      continue;
    }
    const read = readLine(line);
    if ('message' in read) {
      problems.push({ file: REVIEW_LOG_FILE, line: number, column: read.column, length: read.length, severity: 'warning', code: 'review-log-line', message: read.message });
    } else {
      entries.push({ ...read, line: number });
    }
  }
  if (unlisted) {
    problems.push({
      file: REVIEW_LOG_FILE,
      line: unlisted.line,
      column: 1,
      severity: 'warning',
      code: 'review-log-line',
      message:
        unlisted.count === 1
          ? l10n.t('After {0} lines that are not reviews, 1 more line from here are not written as Pharmacy CE writes a review, and are not listed one by one. They are skipped and left as they are: fix the lines above first.', MAX_LOG_PROBLEMS)
          : l10n.t('After {0} lines that are not reviews, {1} more lines from here are not written as Pharmacy CE writes a review, and are not listed one by one. They are skipped and left as they are: fix the lines above first.', MAX_LOG_PROBLEMS, unlisted.count.toLocaleString('en-US')),
    });
  }
  return { entries, problems };
}

/** Malformed lines listed one by one; past these, one problem counts the rest. */
export const MAX_LOG_PROBLEMS = 100;

/**
 * The lines of `text`: LF, CRLF and a lone CR each end one, as in the editor, so line numbers match what the
 * user sees. One at a time: splitting a log of 30 million short lines at once held them all in memory.
 */
function* linesOf(text: string): Generator<string> {
  // The next CR and LF at or after `start`, each searched again only once passed (never the whole rest per line).
  let start = 0;
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  for (;;) {
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (end === -1) {
      yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + (end === cr && lf === end + 1 ? 2 : 1);
  }
}

/** One log line, with its newline: `{"card":"…","at":"<ISO time>","rating":n}\n`. */
export function formatReviewLine(review: { card: string; at: number; rating: Rating }): string {
  return `${JSON.stringify({ card: review.card, at: new Date(review.at).toISOString(), rating: review.rating })}\n`;
}

type LineRead = { card: string; at: number; rating: Rating } | { column: number; length: number; message: string };


/** One line that is not exactly as formatReviewLine writes it: a review, or what is wrong with it. */
function readLine(line: string): LineRead {
  const whole = { column: 1, length: line.length };
  if (line.length > MAX_LINE_LENGTH) {
    return { ...whole, message: l10n.t('This line of the review log is {0} characters long, far longer than a review. The line is skipped and left as it is.', line.length.toLocaleString('en-US')) };
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    // V8 says where the text stops making sense: "... in JSON at position 12".
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    const column = position ? Math.min(Number(position[1]), Math.max(0, line.length - 1)) + 1 : 1;
    return { column, length: position ? 1 : line.length, message: l10n.t('This line of the review log cannot be read: it is not written as a review. The line is skipped and left as it is.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ...whole, message: l10n.t('This line of the review log is not a review (a review gives a card, a time and a grade). The line is skipped and left as it is.') };
  }
  const record = value as Record<string, unknown>;
  const at = (key: string) => {
    const found = line.indexOf(`"${key}"`);
    return found === -1 ? whole : { column: found + 1, length: key.length + 2 };
  };
  for (const key of KEYS) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) return { ...whole, message: missingPart(key) };
  }
  const extra = Object.keys(record).find((key) => !(KEYS as readonly string[]).includes(key));
  if (extra !== undefined) {
    return { ...at(extra), message: l10n.t('This review has an unexpected part, "{0}" (a review gives only a card, a time and a grade). The line is skipped and left as it is.', shorten(extra)) };
  }
  const { card, at: time, rating } = record;
  if (typeof card !== 'string' || card.trim() === '') return { ...at('card'), message: l10n.t("This review's card is not a card name. The line is skipped and left as it is.") };
  if (card.length > MAX_CARD_ID_LENGTH) {
    return { ...at('card'), message: l10n.t("This review names a card {0} characters long, longer than any card's name. The line is skipped and left as it is.", card.length.toLocaleString('en-US')) };
  }
  const ms = typeof time === 'string' ? timeOf(time) : undefined;
  if (ms === undefined) {
    return { ...at('at'), message: l10n.t("This review's time, {0}, is not a date and time such as 2026-11-30T14:05:00Z. The line is skipped and left as it is.", shorten(JSON.stringify(time))) };
  }
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
    return { ...at('rating'), message: l10n.t("This review's grade is {0}; a grade is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy). The line is skipped and left as it is.", shorten(JSON.stringify(rating))) };
  }
  return { card, at: ms, rating };
}

/** The message for a review without one of its parts. */
function missingPart(key: (typeof KEYS)[number]): string {
  if (key === 'card') return l10n.t('This review has no card. The line is skipped and left as it is.');
  if (key === 'at') return l10n.t('This review has no time. The line is skipped and left as it is.');
  return l10n.t('This review has no grade. The line is skipped and left as it is.');
}


/** The time of WRITTEN_LINE's `YYYY-MM-DDTHH:MM:SS.mmmZ` (its digits at fixed places), or undefined when its date is not a real one. */
function writtenTime(time: string): number | undefined {
  const [year, month, day] = [digits(time, 0, 4), digits(time, 5, 2), digits(time, 8, 2)];
  // Date.UTC reads years 0-99 as 1900-1999: those (and any date that is not real) take the full path.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day, digits(time, 11, 2), digits(time, 14, 2), digits(time, 17, 2), digits(time, 20, 3));
}

/** The number written by `count` ASCII digits of `text` from `start` (checked digits: no substring, no Number()). */
function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** Milliseconds since the epoch of an ISO time with its offset, or undefined when it is not a real one. */
function timeOf(text: string): number | undefined {
  const m = ISO_TIME.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(m[1]), month)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

