// The study next steps the dashboard lists, in plain words: what to write cards for, what to review, how fast
// to go before the exam.
import * as l10n from '@vscode/l10n';
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
      steps.push({ kind: 'exam-passed', exam: exam.id, text: l10n.t('Your {0} exam date ({1}) has passed: set your next exam date in .pharmacy-ce.json.', exam.name, exam.examDate) });
    } else if (daysLeft === 0) {
      steps.push({ kind: 'exam-today', exam: exam.id, text: l10n.t('Your {0} exam is today. Good luck!', exam.name) });
    }
  }
  if (summary.due > 0) {
    steps.push({ kind: 'due', text: plural(summary.due, l10n.t('1 card is due today: start a review.'), l10n.t('{0} cards are due today: start a review.', summary.due)) });
  }
  for (const exam of summary.exams) {
    if (exam.newPerDay === undefined || exam.newPerDay === 0 || exam.examDate === undefined) continue;
    steps.push({ kind: 'new-per-day', exam: exam.id, text: newPerDayText(exam.name, exam.new, exam.newPerDay, exam.examDate) });
  }
  for (const exam of summary.exams) {
    const empty = exam.domains.filter((d) => d.cards === 0).sort((a, b) => b.weight - a.weight);
    for (const d of empty.slice(0, MAX_EMPTY_DOMAINS)) {
      steps.push({ kind: 'no-cards', exam: exam.id, domain: d.id, text: l10n.t('{0} is {1}% of the {2} and has no cards.', d.name, roundTo(d.weight, 2), exam.name) });
    }
    const more = empty.length - MAX_EMPTY_DOMAINS;
    if (more > 0) {
      steps.push({ kind: 'no-cards', exam: exam.id, text: plural(more, l10n.t('1 more {0} domain has no cards.', exam.name), l10n.t('{0} more {1} domains have no cards.', more, exam.name)) });
    }
  }
  return steps;
}

/** The pace step as one whole message per plural form (one new card means one a day). */
function newPerDayText(exam: string, fresh: number, perDay: number, examDate: CalendarDate): string {
  if (fresh === 1) return l10n.t('To see the 1 new {0} card before your exam on {1}, study 1 new card a day.', exam, examDate);
  return plural(
    perDay,
    l10n.t('To see all {0} new {1} cards before your exam on {2}, study 1 new card a day.', fresh, exam, examDate),
    l10n.t('To see all {0} new {1} cards before your exam on {2}, study {3} new cards a day.', fresh, exam, examDate, perDay),
  );
}

