// The study next steps the dashboard lists, in plain words: what to write cards for, what to review, how fast
// to go before the exam.
import { roundTo } from '../common/numbers';
import { plural } from '../common/plural';
import type { CalendarDate } from '../types';
import { studyDaysLeft } from './local-days';
import type { StudySummary } from './types';

export type StudyStepKind = 'exam-passed' | 'exam-today' | 'due' | 'new-per-day' | 'no-cards';

export interface StudyStep {
  kind: StudyStepKind;
  text: string;
  /** The exam (and domain) the step is about, for a link to it. */
  exam?: string;
  domain?: string;
}

/** Domains without cards named per exam; the rest are counted in one more step. */
const MAX_EMPTY_DOMAINS = 3;

/**
 * The steps, most pressing first: an exam date passed or today, cards due today, new cards a day needed before
 * the exam, then domains with no cards (largest weight first).
 */
export function studyNextSteps(summary: StudySummary, today: CalendarDate): StudyStep[] {
  const steps: StudyStep[] = [];
  for (const exam of summary.exams) {
    if (exam.examDate === undefined) continue;
    const daysLeft = studyDaysLeft(today, exam.examDate);
    if (daysLeft < 0) {
      steps.push({ kind: 'exam-passed', exam: exam.id, text: `Your ${exam.name} exam date (${exam.examDate}) has passed: set your next exam date in .pharmacy-ce.json.` });
    } else if (daysLeft === 0) {
      steps.push({ kind: 'exam-today', exam: exam.id, text: `Your ${exam.name} exam is today. Good luck!` });
    }
  }
  if (summary.due > 0) {
    steps.push({ kind: 'due', text: plural(summary.due, '1 card is due today: start a review.', `${summary.due} cards are due today: start a review.`) });
  }
  for (const exam of summary.exams) {
    if (exam.newPerDay === undefined || exam.newPerDay === 0 || exam.examDate === undefined) continue;
    const cards = plural(exam.new, `the 1 new ${exam.name} card`, `all ${exam.new} new ${exam.name} cards`);
    const perDay = plural(exam.newPerDay, '1 new card', `${exam.newPerDay} new cards`);
    steps.push({ kind: 'new-per-day', exam: exam.id, text: `To see ${cards} before your exam on ${exam.examDate}, study ${perDay} a day.` });
  }
  for (const exam of summary.exams) {
    const empty = exam.domains.filter((d) => d.cards === 0).sort((a, b) => b.weight - a.weight);
    for (const d of empty.slice(0, MAX_EMPTY_DOMAINS)) {
      steps.push({ kind: 'no-cards', exam: exam.id, domain: d.id, text: `${d.name} is ${roundTo(d.weight, 2)}% of the ${exam.name} and has no cards.` });
    }
    const more = empty.length - MAX_EMPTY_DOMAINS;
    if (more > 0) {
      steps.push({ kind: 'no-cards', exam: exam.id, text: plural(more, `1 more ${exam.name} domain has no cards.`, `${more} more ${exam.name} domains have no cards.`) });
    }
  }
  return steps;
}
