// Experience from `type: experience` notes: each job as a span of days, and the time they add up to. Jobs that
// overlap count once; a job without `end` (or ending after the as-of date) runs to the as-of date; a job
// starting after it does not count. Days are counted inclusively (a job from 1 March to 1 March is one day)
// and years are days / 365.25, as the issue fixes them for `pharmacy-ce career`.
import { compareText } from '../common/text';
import { addDays, addMonths, dayNumber } from '../common/dates';
import type { CalendarDate, ParsedNote } from '../types';
import type { ExperienceSpan, ExperienceSummary, WorkSetting } from './types';
import { FULL_TIME_HOURS_PER_WEEK, RESPONSIBILITIES, WORK_SETTINGS, ids } from './vocabulary';

export const DAYS_PER_YEAR = 365.25;

/** A span of whole days, both ends included (day numbers since 1970-01-01). */
interface DaySpan {
  first: number;
  last: number;
}

/** Which jobs a figure counts, and how far back (no `withinYears`: all of them). */
export interface ExperienceFilter {
  withinYears?: number;
  /** Only jobs of FULL_TIME_HOURS_PER_WEEK or more (a job without `hours_per_week` is not known to be full-time). */
  fullTime?: boolean;
  /** Only jobs listing this responsibility. */
  responsibility?: string;
}

/** The jobs of the notes at `asOf`: each with a valid start on or before `asOf`, cut at `asOf`, by start date then file. */
export function experienceSpans(notes: readonly ParsedNote[], asOf: CalendarDate): ExperienceSpan[] {
  const jobs: ExperienceSpan[] = [];
  for (const note of notes) {
    const record = note.career;
    if (record?.type !== 'experience' || record.start === undefined || record.start > asOf) continue;
    // An end before the start is an error at the note (its problem says so): the job cannot be placed.
    if (record.end !== undefined && record.end < record.start) continue;
    const current = record.end === undefined || record.end > asOf;
    jobs.push({
      file: note.path,
      line: note.keyLines['start'] ?? note.keyLines['type'] ?? 1,
      employer: record.employer ?? null,
      role: record.role ?? null,
      setting: record.setting ?? null,
      start: record.start,
      end: current ? asOf : (record.end as CalendarDate),
      current,
      hoursPerWeek: record.hoursPerWeek ?? null,
      responsibilities: [...record.responsibilities],
    });
  }
  return jobs.sort((a, b) => compareText(a.start, b.start) || compareText(a.file, b.file));
}

/** Exact years of the jobs that pass `filter`, merged, within the window before `asOf` when it has one. */
export function experienceYears(jobs: readonly ExperienceSpan[], asOf: CalendarDate, filter: ExperienceFilter = {}): number {
  const chosen = jobs.filter((job) => fits(job, filter));
  const window = filter.withinYears === undefined ? undefined : windowOf(asOf, filter.withinYears);
  return mergedDays(chosen.map(spanOf), window) / DAYS_PER_YEAR;
}

/** The experience part of the career model. `years` and `yearsWithinLast8` floored to 2 decimals (as `have` is). */
export function summarizeExperience(jobs: readonly ExperienceSpan[], asOf: CalendarDate): ExperienceSummary {
  const settings: (WorkSetting | 'unspecified')[] = [...ids(WORK_SETTINGS), 'unspecified'];
  const bySetting = settings
    .map((setting) => ({ setting, spans: jobs.filter((job) => (job.setting ?? 'unspecified') === setting).map(spanOf) }))
    .filter(({ spans }) => spans.length > 0)
    .map(({ setting, spans }) => ({ setting, years: floorYears(mergedDays(spans) / DAYS_PER_YEAR) }));
  return {
    years: floorYears(experienceYears(jobs, asOf)),
    yearsWithinLast8: floorYears(experienceYears(jobs, asOf, { withinYears: 8 })),
    bySetting,
    responsibilities: inVocabularyOrder(jobs.flatMap((job) => job.responsibilities)),
    jobs: [...jobs],
  };
}

/** Years as shown: floored to 2 decimals, so 2.999 years never reads as 3 (the epsilon absorbs binary noise). */
export function floorYears(years: number): number {
  return Math.floor(years * 100 + 1e-9) / 100;
}

/** The days of the `years` calendar years before `asOf`, `asOf` included: 8 years to 2026-11-30 start 2018-12-01. */
/** The first day of the `years` before the as-of date (the day after the as-of date that many years back). */
export function windowStart(asOf: CalendarDate, years: number): CalendarDate {
  return addDays(addMonths(asOf, -12 * years), 1);
}

function windowOf(asOf: CalendarDate, years: number): DaySpan {
  return { first: dayNumber(windowStart(asOf, years)), last: dayNumber(asOf) };
}

function fits(job: ExperienceSpan, filter: ExperienceFilter): boolean {
  if (filter.fullTime && (job.hoursPerWeek === null || job.hoursPerWeek < FULL_TIME_HOURS_PER_WEEK)) return false;
  return filter.responsibility === undefined || job.responsibilities.includes(filter.responsibility);
}

function spanOf(job: ExperienceSpan): DaySpan {
  return { first: dayNumber(job.start), last: dayNumber(job.end) };
}

/** Days covered by the spans, each day once, only those inside `window` when given. */
function mergedDays(spans: readonly DaySpan[], window?: DaySpan): number {
  const clipped = spans
    .map((s) => (window ? { first: Math.max(s.first, window.first), last: Math.min(s.last, window.last) } : s))
    .filter((s) => s.first <= s.last)
    .sort((a, b) => a.first - b.first);
  let days = 0;
  let reached = -Infinity; // the last day counted so far
  for (const span of clipped) {
    const from = Math.max(span.first, reached + 1);
    if (span.last >= from) days += span.last - from + 1;
    reached = Math.max(reached, span.last);
  }
  return days;
}

/** Each id once: the vocabulary's in its order, then any other in alphabetical order. */
function inVocabularyOrder(found: readonly string[]): string[] {
  const known = ids(RESPONSIBILITIES);
  const set = new Set(found);
  return [...known.filter((id) => set.has(id)), ...[...set].filter((id) => !known.includes(id)).sort()];
}
