// How a value written in a note is taken apart or put right: hours written as a clock, a choice written
// loosely, a date written with slashes, a comma-separated list. Pure helpers of the value reader (values.ts).
import * as l10n from '@vscode/l10n';
import { isCalendarDate } from '../common/dates';
import { nearestWord } from '../common/typo';

export const NUMBER = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;
const CLOCK = /^(\d{1,4}):([0-5]\d)$/;
const SLASHED_DATE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const SEPARATORS_AND_DASHES = /[\s_-]+/g;

/** `1:30` read as hours and minutes (1.5, what the user most likely meant; YAML 1.1 made it 90) and a hint. */
export function clockHours(text: string): { fix?: string; hint: string } {
  const m = CLOCK.exec(text);
  if (m) {
    const fix = String(Math.round((Number(m[1]) + Number(m[2]) / 60) * 100) / 100);
    return { fix, hint: l10n.t(': write {0} for {1} minutes', fix, String(Number(m[1]) * 60 + Number(m[2]))) };
  }
  return { hint: /^\+?0\d/.test(text) && NUMBER.test(text) ? l10n.t(': write {0} without the leading zero', String(Number(text))) : '' };
}

export function nearestChoice(value: string, allowed: readonly string[]): string | undefined {
  const prefixed = value.length >= 3 ? allowed.filter((a) => a.startsWith(value)) : [];
  return prefixed.length === 1 ? prefixed[0] : nearestWord(value, allowed, 2);
}

/** `2022/3/1` or `2022.03.01` written the standard way (the order year, month, day is certain); else undefined. */
export function slashedDate(text: string): string | undefined {
  const m = SLASHED_DATE.exec(text);
  const date = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : undefined;
  return date && isCalendarDate(date) ? date : undefined;
}

/** A word of `words` as written leniently, or the nearest one. */
export function wordOf<T extends string>(text: string, words: readonly T[]): { word?: T; near?: T } {
  const normalized = text.trim().toLowerCase().replace(SEPARATORS_AND_DASHES, '-');
  const word = words.find((w) => w === normalized);
  return word ? { word } : { near: nearestChoice(normalized, words) as T | undefined };
}

export function splitText(text: string): string[] {
  return [...new Set(text.split(',').map((part) => part.trim()))].filter((t) => t !== '');
}
