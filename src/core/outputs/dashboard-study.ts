// The dashboard's Study section, from a folder's study model: readiness per exam with its domains, cards due
// today, the 30-day forecast and study next steps. Plain data (the dashboard feature escapes and draws it).
import { wholePercent } from '../common/numbers';
import { FORECAST_DAYS } from '../study/model';
import { studyNextSteps, type StudyStep } from '../study/next-steps';
import type { StudySummary, StudyPlan } from '../study/types';

/** Days the forecast covers (the summary's forecast length). */

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

export interface StudySection {
  total: number;
  new: number;
  /** Reviewed cards due by the end of today, overdue included. */
  dueToday: number;
  exams: StudyExamCard[];
  /** Reviewed cards falling due on each of the next 30 days (index 0 = today, overdue included). */
  forecast: number[];
  /** Study next steps in plain words (the study core's), most pressing first. */
  steps: StudyStep[];
}

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
  // "Due today" means by the end of today here, as in the status bar: the steps count the same cards.
  return { total: summary.total, new: summary.new, dueToday: summary.due, exams, forecast, steps: studyNextSteps(summary, today) };
}
