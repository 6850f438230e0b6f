// Calendar dates as `YYYY-MM-DD` strings. All arithmetic is done on UTC day numbers so a user's time zone
// can never shift a completion date by a day.
import * as l10n from '@vscode/l10n';
import type { CalendarDate } from '../types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * The dates a config file or the command line may give. Far wider than any CE cycle, and narrow enough that
 * every date worked out from one (a cycle start ten years earlier, a deadline after it) is still a date
 * `YYYY-MM-DD` can write.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

/** True when `date` (a calendar date) lies within FIRST_DATE..LAST_DATE. */
export function isDateInRange(date: CalendarDate): boolean {
  return date >= FIRST_DATE && date <= LAST_DATE;
}

/** True when `text` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in a month (1-12), by the proleptic Gregorian calendar that Date uses for every year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Date.UTC, except that years 0-99 stay themselves (Date.UTC maps them to 1900-1999: 0026 would become 1926). */
function utcMs(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

/**
 * Reads a date from a frontmatter value: a `YYYY-MM-DD` string, or the Date that YAML makes of an unquoted
 * date (YAML dates are UTC midnight, so the UTC fields are the date as written). Undefined when not a date.
 */
export function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(year) || year < 0 || year > 9999) return undefined;
    return fromDayNumber(Math.floor(value.getTime() / MS_PER_DAY));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return isCalendarDate(text) ? text : undefined;
  }
  return undefined;
}

// The functions below throw a RangeError for what is not a calendar date or for a result a four-digit
// year cannot write, rather than return a wrong date: callers check their input (config dates and --as-of
// against FIRST_DATE..LAST_DATE) so that this never happens on user data.

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return utcMs(y, m - 1, d) / MS_PER_DAY;
}

/** The calendar date of a whole day number (days since 1970-01-01). */
export function fromDayNumber(day: number): CalendarDate {
  const date = new Date(day * MS_PER_DAY);
  if (!Number.isInteger(day) || Number.isNaN(date.getTime())) throw new RangeError(`not a day number: ${day}`);
  return formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds calendar months, clamping the day to the target month's length (2025-01-31 + 1 month = 2025-02-28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inclusive on both ends. */
export function isWithin(date: CalendarDate, start: CalendarDate, end: CalendarDate): boolean {
  return date >= start && date <= end;
}

/** The user's local calendar day (what "today" means to a person), as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): CalendarDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The last day of the month containing `date`. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const [y, m] = parts(date);
  return formatDate(y, m, daysInMonth(y, m));
}

/** Year, month and day of a calendar date. */
function parts(date: CalendarDate): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function formatDate(year: number, month: number, day: number): CalendarDate {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} cannot be written YYYY`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A month's name (1 = January) in the user's language. */
export function monthName(month: number): string {
  switch (month) {
    case 1: return l10n.t('January');
    case 2: return l10n.t('February');
    case 3: return l10n.t('March');
    case 4: return l10n.t('April');
    case 5: return l10n.t('May');
    case 6: return l10n.t('June');
    case 7: return l10n.t('July');
    case 8: return l10n.t('August');
    case 9: return l10n.t('September');
    case 10: return l10n.t('October');
    case 11: return l10n.t('November');
    default: return l10n.t('December');
  }
}

const TYPED_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Month first, as US certificates and wallet cards print dates: 06/30/2027, 6/30/2027, 06-30-2027. */
const TYPED_US = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/**
 * A date a person typed, as `YYYY-MM-DD` or month first (`MM/DD/YYYY`), read into a calendar date; or why it
 * is not one, in words for the person (`June has 30 days`).
 */
export function parseTypedDate(text: string): { date: CalendarDate } | { error: string } {
  const t = text.trim();
  const iso = TYPED_ISO.exec(t);
  const us = iso ? undefined : TYPED_US.exec(t);
  if (!iso && !us) return { error: l10n.t('Enter the date as MM/DD/YYYY (as on the certificate) or YYYY-MM-DD.') };
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [us![3], us![1], us![2]];
  if (year.length === 2) {
    // Suggested only when it reads: 13/40/27 gets what is wrong with 13/40/2027, not "13/40/2027?".
    const four = `${us![1]}/${us![2]}/20${year}`;
    const read = parseTypedDate(four);
    return { error: 'date' in read ? l10n.t('Write the year with four digits: {0}?', four) : l10n.t('Write the year with four digits. {0}', read.error) };
  }
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12) {
    // 30/06/2027 is a day-first date: say so rather than only "no month 30".
    const swapped = `${pad2(d)}/${pad2(m)}/${year}`;
    const dayFirst = us && m > 12 && m <= 31 && d >= 1 && d <= 12 && 'date' in parseTypedDate(swapped);
    return { error: dayFirst ? l10n.t('There is no month {0}. Month first: {1}?', String(m), swapped) : l10n.t('There is no month {0}.', String(m)) };
  }
  if (d < 1 || d > daysInMonth(y, m)) return { error: l10n.t('{0} is not a real date: {1} {2} has {3} days.', t, monthName(m), String(y), String(daysInMonth(y, m))) };
  const date = formatDate(y, m, d);
  if (!isDateInRange(date)) return { error: l10n.t('Enter a year between {0} and {1}.', FIRST_DATE.slice(0, 4), LAST_DATE.slice(0, 4)) };
  return { date };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
