// How long until a card comes back, in plain words for the grade buttons and the summary ("10 min",
// "2 days"). No `vscode` import (strings come through `t`), so it is unit-tested in plain Node.
import { plural } from '../../core/common/plural';

export type Translate = (message: string, ...args: (string | number)[]) => string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A wait of `ms` milliseconds, rounded to the unit a person would use: minutes under an hour (at least 1),
 * hours under a day, days under a month, months under a year, then years with one decimal.
 */
export function intervalWords(ms: number, t: Translate): string {
  if (!Number.isFinite(ms)) return '';
  if (ms < HOUR - MINUTE / 2) return t('{0} min', Math.max(1, Math.round(ms / MINUTE)));
  if (ms < DAY - HOUR / 2) {
    const hours = Math.round(ms / HOUR);
    return plural(hours, t('{0} hour', hours), t('{0} hours', hours));
  }
  const days = Math.round(ms / DAY);
  if (days < 31) return plural(days, t('{0} day', days), t('{0} days', days));
  if (days < 365) {
    const months = Math.round(days / 30.44);
    return plural(months, t('{0} month', months), t('{0} months', months));
  }
  const years = Math.round((days / 365.25) * 10) / 10;
  return plural(years, t('{0} year', years), t('{0} years', years));
}
