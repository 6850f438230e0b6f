// CONTRACT STUB (lead, session 5): the helper owning the schedule replaces this file (ts-fsrs).
import type { CardSchedule, Rating, ReviewEntry } from './types';

export interface ScheduleOptions {
  /** Desired retention, 0.7 to 0.99 (FSRS default 0.9). */
  retention: number;
}

export const NEW_SCHEDULE: CardSchedule = Object.freeze({ state: 'new', due: null, stability: 0, difficulty: 0, reps: 0, lapses: 0 }) as CardSchedule;

/** Every card's schedule after replaying the log (entries in any order; each card's sorted by time). */
export function replayReviews(entries: readonly ReviewEntry[], options: ScheduleOptions): Map<string, CardSchedule> {
  void entries;
  void options;
  return new Map();
}

/** One card's schedule from its own reviews (any order). */
export function replayCard(entries: readonly Pick<ReviewEntry, 'at' | 'rating'>[], options: ScheduleOptions): CardSchedule {
  void entries;
  void options;
  return NEW_SCHEDULE;
}

/** What each grade given `now` would make of a card with these reviews (for the review buttons). */
export function previewRatings(entries: readonly Pick<ReviewEntry, 'at' | 'rating'>[], now: number, options: ScheduleOptions): Record<Rating, CardSchedule> {
  void entries;
  void now;
  void options;
  return { 1: NEW_SCHEDULE, 2: NEW_SCHEDULE, 3: NEW_SCHEDULE, 4: NEW_SCHEDULE };
}

/** Predicted recall (0 to 1) of a card at `now`; 0 for a new card. */
export function recallAt(schedule: CardSchedule, now: number): number {
  void schedule;
  void now;
  return 0;
}
