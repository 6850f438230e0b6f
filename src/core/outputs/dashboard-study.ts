// The dashboard's Study section, from a folder's study model: readiness per exam with its domains, cards due
// today, the 30-day forecast and study next steps. Plain data (the dashboard feature escapes and draws it).
import { wholePercent } from '../common/numbers';
import type { StudySummary, StudyPlan } from '../study/types';

/** Days the forecast covers (the summary's forecast length). */
export const FORECAST_DAYS = 30;

export interface StudyDomainBar {
  id: string;
  name: string;
  /** Percent of the exam. */
  weight: number;
  cards: number;
  /** Whole percent, 0 to 100. */
  percent: number;
  /** Set when the plan marks this domain's weight or content as unverified. */
  verify?: string;
}

export interface StudyExamCard {
  id: string;
  name: string;
  /** Readiness as a whole percent, 0 to 100. */
  percent: number;
  cards: number;
  new: number;
  due: number;
  domains: StudyDomainBar[];
  examDate?: string;
  newPerDay?: number;
  source: string;
  asOf: string;
  verify?: string;
}

export type StudyNextStep =
  /** A domain of an exam with no cards at all (largest weight first). */
  | { kind: 'uncovered'; exam: string; domain: string; domainId: string; weight: number }
  /** Cards due today. */
  | { kind: 'due'; count: number }
  /** New cards a day needed to see every card before the exam date. */
  | { kind: 'new-per-day'; exam: string; count: number; examDate: string }
  /** The exam date has passed. */
  | { kind: 'exam-passed'; exam: string; examDate: string };

export interface StudySection {
  total: number;
  new: number;
  /** Reviewed cards due by the end of today, overdue included. */
  dueToday: number;
  exams: StudyExamCard[];
  /** Reviewed cards falling due on each of the next 30 days (index 0 = today, overdue included). */
  forecast: number[];
  steps: StudyNextStep[];
}

/** At most this many domains without cards are listed as next steps (the rest show as empty bars). */
const UNCOVERED_SHOWN = 3;

export function studySection(summary: StudySummary, plans: Record<string, StudyPlan>, today: string): StudySection {
  const forecast = Array.from({ length: FORECAST_DAYS }, (_, i) => Math.max(0, Math.round(summary.forecast[i] ?? 0)));
  const exams = summary.exams.map((exam): StudyExamCard => {
    const plan = Object.prototype.hasOwnProperty.call(plans, exam.id) ? plans[exam.id] : undefined;
    return {
      id: exam.id,
      name: exam.name,
      percent: wholePercent(exam.readiness),
      cards: exam.cards,
      new: exam.new,
      due: exam.due,
      domains: exam.domains.map((d) => {
        const verify = plan?.domains.find((p) => p.id === d.id)?.verify;
        return { id: d.id, name: d.name, weight: d.weight, cards: d.cards, percent: wholePercent(d.readiness), ...(verify ? { verify } : {}) };
      }),
      ...(exam.examDate ? { examDate: exam.examDate } : {}),
      ...(exam.newPerDay !== undefined ? { newPerDay: exam.newPerDay } : {}),
      source: exam.source,
      asOf: exam.asOf,
      ...(exam.verify ? { verify: exam.verify } : {}),
    };
  });
  return { total: summary.total, new: summary.new, dueToday: forecast[0], exams, forecast, steps: studySteps(exams, forecast[0], today) };
}

/**
 * What to do next for study, most useful first: cards due today, an exam date passed, the new cards a day an
 * exam date asks for, then the heaviest domains without a single card (the coverage rule: a domain
 * worth 18.75% of the exam with no cards is a next step).
 */
export function studySteps(exams: readonly StudyExamCard[], dueToday: number, today: string): StudyNextStep[] {
  const steps: StudyNextStep[] = [];
  if (dueToday > 0) steps.push({ kind: 'due', count: dueToday });
  for (const exam of exams) {
    if (!exam.examDate) continue;
    if (exam.examDate < today) steps.push({ kind: 'exam-passed', exam: exam.name, examDate: exam.examDate });
    else if (exam.newPerDay !== undefined && exam.newPerDay > 0) steps.push({ kind: 'new-per-day', exam: exam.name, count: exam.newPerDay, examDate: exam.examDate });
  }
  const uncovered = exams
    .flatMap((exam) => exam.domains.filter((d) => d.cards === 0).map((d) => ({ kind: 'uncovered' as const, exam: exam.name, domain: d.name, domainId: d.id, weight: d.weight })))
    .sort((a, b) => b.weight - a.weight || a.exam.localeCompare(b.exam) || a.domain.localeCompare(b.domain));
  steps.push(...uncovered.slice(0, UNCOVERED_SHOWN));
  return steps;
}
