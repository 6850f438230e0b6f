// Local calendar days as instants: where "today" starts and ends for the person studying. Due times are
// instants (ms since the epoch); a forecast or a daily limit counts them by the local day they fall on.
import { daysBetween } from '../common/dates';
import type { CalendarDate } from '../types';

/**
 * The start (ms since the epoch) of the local day `offset` days after `day`. Built from the calendar fields,
 * so a day with a daylight-saving change is 23 or 25 hours long, as the clock on the wall says.
 */
export function localDayStart(day: CalendarDate, offset = 0): number {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(2000, m - 1, d + offset);
  // setFullYear: the Date constructor reads years 0-99 as 1900-1999.
  date.setFullYear(y, m - 1, d + offset);
  return date.getTime();
}

/**
 * The end of the local day `day` (23:59:59, as the CLI's `--as-of` means it): a reviewed card due by then is
 * "due today" on every surface, and a review takes it.
 */
export function endOfLocalDay(day: CalendarDate): number {
  return localDayStart(day, 1) - 1000;
}

/**
 * Days left to study before an exam: from `today` (counted) up to the exam day (not counted), so an exam
 * tomorrow leaves 1. Zero or less when the exam is today or has passed.
 */
export function studyDaysLeft(today: CalendarDate, examDate: CalendarDate): number {
  return daysBetween(today, examDate);
}
