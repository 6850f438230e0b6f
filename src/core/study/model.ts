// CONTRACT STUB (lead, session 5): the helper owning plans and readiness replaces this file.
import type { CalendarDate, ParsedNote, Problem } from '../types';
import type { CardSchedule, StudyCard, StudyPlan, StudySettings, StudySummary } from './types';

export interface StudyModelInput {
  notes: readonly ParsedNote[];
  plans: Record<string, StudyPlan>;
  settings: StudySettings;
  /** Schedules of reviewed cards by card id (replayed from the log); a card without one is new. */
  schedules: ReadonlyMap<string, CardSchedule>;
  /** The instant readiness and due counts are worked out at (ms since the epoch). */
  now: number;
  /** The local calendar day of `now`. */
  today: CalendarDate;
}

export interface StudyModel {
  /** Every card of the folder, in note path then line order. */
  cards: StudyCard[];
  summary: StudySummary;
  /** Unknown exam or domain ids in notes (warnings with the nearest known id) and duplicate cards. */
  problems: Problem[];
}

export function buildStudyModel(input: StudyModelInput): StudyModel {
  void input;
  return { cards: [], summary: { total: 0, new: 0, due: 0, exams: [], forecast: new Array<number>(30).fill(0) }, problems: [] };
}
