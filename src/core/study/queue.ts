// CONTRACT STUB (lead, session 5): the helper owning plans and readiness replaces this file.
import type { StudyCard } from './types';

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

/** Cards to review now: due ones (most overdue first), then new ones up to the limit, in note order. */
export function reviewQueue(cards: readonly StudyCard[], options: QueueOptions): StudyCard[] {
  void cards;
  void options;
  return [];
}
