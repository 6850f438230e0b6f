// What a review session shows, and in which order: cards due today (most overdue first), then new cards in note
// order up to the day's limit.
import { localToday } from '../common/dates';
import type { CalendarDate } from '../types';
import { endOfLocalDay, localDayStart } from './local-days';
import { isDueCard, isNewCard } from './model';
import type { ReviewEntry, StudyCard } from './types';

/** What a review is limited to: one note, one folder (folder-relative, `/`-separated), one exam or domain. */
export interface ReviewScope {
  note?: string;
  folder?: string;
  exam?: string;
  domain?: string;
}

export interface QueueOptions {
  scope?: ReviewScope;
  now: number;
  /** New cards still allowed today (the daily limit minus new cards already seen today). */
  newLimit: number;
}

/** True when a card is inside the scope (every limit given must hold). */
export function inScope(card: StudyCard, scope: ReviewScope = {}): boolean {
  if (scope.note !== undefined && card.file !== scope.note) return false;
  if (scope.folder !== undefined) {
    const folder = scope.folder.replace(/^\/+|\/+$/g, '');
    if (folder !== '' && !card.file.startsWith(`${folder}/`)) return false;
  }
  if (scope.exam !== undefined && card.exam !== scope.exam) return false;
  if (scope.domain !== undefined && card.domain !== scope.domain) return false;
  return true;
}

/**
 * Cards to review now: those due by the end of `now`'s local day (most overdue first; equal due times in note
 * order), then new ones up to the limit, in note order. A card id written in two places is shown once (its
 * first place). Due today, not due this minute: the status bar and the dashboard count "due today", and a click
 * on their count must find those cards.
 */
export function reviewQueue(cards: readonly StudyCard[], options: QueueOptions): StudyCard[] {
  const seen = new Set<string>();
  const due: StudyCard[] = [];
  const fresh: StudyCard[] = [];
  const newLimit = Math.max(0, Math.floor(options.newLimit));
  const dueBy = endOfLocalDay(localToday(new Date(options.now)));
  for (const card of cards) {
    if (seen.has(card.id) || !inScope(card, options.scope)) continue;
    seen.add(card.id);
    if (isDueCard(card.schedule, dueBy)) due.push(card);
    else if (isNewCard(card.schedule) && fresh.length < newLimit) fresh.push(card);
  }
  // Array.prototype.sort is stable: equal due times keep note order.
  due.sort((a, b) => (a.schedule.due as number) - (b.schedule.due as number));
  return [...due, ...fresh];
}

/**
 * New cards first reviewed on the local day `today`: cards whose earliest log entry falls on that day. The
 * review panel takes them off the daily limit of new cards.
 */
export function newCardsReviewedOn(entries: readonly Pick<ReviewEntry, 'card' | 'at'>[], today: CalendarDate): number {
  const start = localDayStart(today);
  const end = localDayStart(today, 1);
  const first = new Map<string, number>();
  for (const { card, at } of entries) {
    const known = first.get(card);
    if (known === undefined || at < known) first.set(card, at);
  }
  let count = 0;
  for (const at of first.values()) if (at >= start && at < end) count++;
  return count;
}
