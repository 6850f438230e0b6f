// Hand-made study data for the surfaces' unit tests: cards with schedules, and a summary with a PTCE-like
// exam, written out so each test's figures can be checked by hand.
import type { CardSchedule, DomainReadiness, ExamReadiness, StudyCard, StudySummary } from '../../src/core/study/types';

export const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const DAY = 86_400_000;

export function schedule(over: Partial<CardSchedule> = {}): CardSchedule {
  return { state: 'new', due: null, stability: 0, difficulty: 0, reps: 0, lapses: 0, ...over };
}

export function reviewed(dueInDays: number): CardSchedule {
  return schedule({ state: 'review', due: NOW + dueInDays * DAY, stability: 5, difficulty: 5, reps: 2, lastReview: NOW - 3 * DAY });
}

export function card(id: string, over: Partial<StudyCard> = {}): StudyCard {
  return { id, type: 'qa', line: 1, front: `Question ${id}?`, back: 'Answer', file: 'notes/a.md', schedule: schedule(), recall: 0, ...over };
}

export function domain(id: string, name: string, weight: number, over: Partial<DomainReadiness> = {}): DomainReadiness {
  return { id, name, weight, cards: 0, new: 0, due: 0, readiness: 0, ...over };
}

export function exam(over: Partial<ExamReadiness> = {}): ExamReadiness {
  return {
    id: 'ptce',
    name: 'PTCE',
    readiness: 0.42,
    cards: 3,
    new: 1,
    due: 1,
    domains: [
      domain('medications', 'Medications', 35, { cards: 2, new: 1, due: 1, readiness: 0.45 }),
      domain('federal-requirements', 'Federal Requirements', 18.75),
      domain('patient-safety-qa', 'Patient Safety and Quality Assurance', 23.75, { cards: 1, readiness: 0.9 }),
      domain('order-entry', 'Order Entry and Processing', 22.5),
    ],
    source: 'https://ptcb.org/wp-content/uploads/2025/07/PTCE-Content-Outline.pdf',
    asOf: '2026-11-30',
    ...over,
  };
}

export function summary(over: Partial<StudySummary> = {}): StudySummary {
  const forecast = new Array<number>(30).fill(0);
  forecast[0] = 1;
  forecast[3] = 2;
  return { total: 5, new: 2, due: 1, exams: [exam()], forecast, ...over };
}
