// Notes, cards and schedules for the study tests, built by hand (the card parser is tested on its own).
import type { Card, CardSchedule, StudyCard, StudyKeyValue } from '../../src/core/study/types';
import type { StudyNote } from '../../src/core/types';

/** A question card at `line`; its id is the question, so two cards with the same question share an id. */
export function qa(front: string, line: number, back = `answer to ${front}`): Card {
  return { id: `qa:${front}`, type: 'qa', line, front, back };
}

/** A frontmatter value as written on `line` (`exam: x` puts the value at column 7). */
export function key(value: string, line: number, column = 7): StudyKeyValue {
  return { value, line, column, length: value.length };
}

export function studyNote(path: string, cards: Card[], place: { exam?: StudyKeyValue; domain?: StudyKeyValue } = {}): StudyNote {
  return { kind: 'study', path, title: path, topics: [], tags: [], keyLines: {}, study: { cards, ...place } };
}

/**
 * A reviewed card's schedule. The model tests replace recallAt by `(s) => s.stability`, so `recall` here is
 * the predicted recall the model sees, and readiness can be worked out by hand.
 */
export function reviewed(due: number, recall = 0.9): CardSchedule {
  return { state: 'review', due, stability: recall, difficulty: 5, reps: 3, lapses: 0, lastReview: due - 86_400_000 };
}

export const NEW: CardSchedule = { state: 'new', due: null, stability: 0, difficulty: 0, reps: 0, lapses: 0 };

/** A StudyCard as the model makes it. */
export function studyCard(id: string, file: string, place: { exam?: string; domain?: string } = {}, schedule: CardSchedule = NEW, line = 1): StudyCard {
  return { id, type: 'qa', line, front: id, back: `answer to ${id}`, file, ...place, schedule, recall: schedule.state === 'new' ? 0 : schedule.stability };
}

/** A local time (the model counts days as the clock on the wall does). */
export const local = (month: number, day: number, hour = 12, minute = 0): number => new Date(2026, month - 1, day, hour, minute).getTime();
