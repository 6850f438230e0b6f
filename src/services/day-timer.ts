// Tells when the local date changes (the default credential's cycle and every "due in" move with it).
import type * as vscode from 'vscode';
import { localToday } from '../core/common/dates';
import type { CalendarDate } from '../core/types';

/** How often the date is re-checked at most (sleep, clock or time-zone changes delay a midnight timer). */
const DAY_CHECK_MAX_MS = 10 * 60_000;

/** Calls `onNewDay` with the new date after each local midnight (checked at least every ten minutes). */
export function watchDay(today: CalendarDate, onNewDay: (today: CalendarDate) => void): vscode.Disposable {
  let current = today;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    const wait = Math.min(DAY_CHECK_MAX_MS, Math.max(1000, midnight.getTime() - now.getTime()));
    timer = setTimeout(() => {
      const date = localToday();
      if (date !== current) {
        current = date;
        onNewDay(date);
      }
      schedule();
    }, wait);
  };
  schedule();
  return { dispose: () => timer && clearTimeout(timer) };
}
