// The study model: every card of the folder with its schedule and predicted recall, and what they add up to
// per exam and domain (readiness), today's due count and the 30-day forecast.
//
// Readiness of a domain is the mean predicted recall now of its cards (a new card counts 0, a domain without
// cards is 0); of an exam, the domains' readiness weighted by their weights. Cards of an exam with no (known)
// domain count in the exam's card totals but not in its readiness: readiness follows the outline.
// A card id written in two places is one card with one review history: the summary counts it once.
import * as l10n from '@vscode/l10n';
import type { CalendarDate, ParsedNote, Problem } from '../types';
import { nearestId } from '../rules/rules';
import { short } from '../rules/json-values';
import { endOfLocalDay, localDayStart, studyDaysLeft } from './local-days';
import { nearestExamId } from './plans';
import { NEW_SCHEDULE, recallAt } from './schedule';
import type { Card, CardSchedule, DomainReadiness, ExamReadiness, NoteStudy, StudyCard, StudyKeyValue, StudyPlan, StudySettings, StudySummary } from './types';

/** Days in the due forecast (index 0 = today, with everything overdue). */
export const FORECAST_DAYS = 30;

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
  /** Predicted recall of a reviewed card at `now` (the schedule's forgetting curve; replaceable in tests). */
  recall?: (schedule: CardSchedule, now: number) => number;
}

export interface StudyModel {
  /** Every card of the folder, in note path then line order. */
  cards: StudyCard[];
  summary: StudySummary;
  /** Unknown exam or domain ids in notes (warnings with the nearest known id) and duplicate cards. */
  problems: Problem[];
}

/** True for a card never reviewed. */
export function isNewCard(schedule: CardSchedule): boolean {
  return schedule.state === 'new' || schedule.due === null;
}

/** True for a reviewed card due at or before `now`. */
export function isDueCard(schedule: CardSchedule, now: number): boolean {
  return !isNewCard(schedule) && (schedule.due as number) <= now;
}

export function buildStudyModel(input: StudyModelInput): StudyModel {
  const { plans, settings, schedules, now } = input;
  const recall = input.recall ?? recallAt;
  const problems: Problem[] = [];
  const cards: StudyCard[] = [];
  const distinct: StudyCard[] = [];
  const firstPlace = new Map<string, StudyCard>();
  const places = new PlaceResolver(plans, settings, problems);
  const notes = input.notes.filter((n) => n.study).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  for (const note of notes) {
    const study = note.study as NoteStudy;
    const { exam, domain } = places.resolve(note.path, study);
    for (const card of inLineOrder(study.cards)) {
      const schedule = schedules.get(card.id) ?? NEW_SCHEDULE;
      // Written field by field: an object spread here was most of the model's time for 10,000 cards.
      const studyCard: StudyCard = { id: card.id, type: card.type, line: card.line, front: card.front, back: card.back, file: note.path, schedule, recall: 0 };
      if (card.cloze) studyCard.cloze = card.cloze;
      if (exam !== undefined) studyCard.exam = exam;
      if (domain !== undefined) studyCard.domain = domain;
      if (!isNewCard(schedule)) studyCard.recall = recall(schedule, now);
      cards.push(studyCard);
      const first = firstPlace.get(card.id);
      if (first) {
        problems.push({
          file: note.path,
          line: card.line,
          column: 1,
          severity: 'warning',
          code: 'duplicate-card',
          message:
            first.file === note.path
              ? l10n.t('This card is the same as the one at line {0}: the two share one review history. Change the question (or the cloze text) of one of them to make two cards.', first.line)
              : l10n.t('This card is the same as the one in {0} (line {1}): the two share one review history. Change the question (or the cloze text) of one of them to make two cards.', first.file, first.line),
        });
      } else {
        firstPlace.set(card.id, studyCard);
        distinct.push(studyCard);
      }
    }
  }
  return { cards, summary: summarize(distinct, input), problems };
}

/** The cards by line: as given when they already are (the parser reads them in order), else a sorted copy. */
function inLineOrder(cards: readonly Card[]): readonly Card[] {
  for (let i = 1; i < cards.length; i++) if (cards[i - 1].line > cards[i].line) return [...cards].sort((a, b) => a.line - b.line);
  return cards;
}

/** The exam and domain of each note's cards, with a warning at each unknown id in a note. */
class PlaceResolver {
  private readonly suggestions = new Map<string, string | undefined>();

  constructor(
    private readonly plans: Record<string, StudyPlan>,
    private readonly settings: StudySettings,
    private readonly problems: Problem[],
  ) {}

  resolve(file: string, study: NoteStudy): { exam?: string; domain?: string } {
    let exam: string | undefined;
    if (study.exam) {
      if (Object.hasOwn(this.plans, study.exam.value)) exam = study.exam.value;
      else this.unknownExam(file, study.exam);
    } else if (this.settings.exam !== undefined && Object.hasOwn(this.plans, this.settings.exam)) {
      exam = this.settings.exam;
    }
    if (!study.domain) return { exam };
    if (exam === undefined) {
      // An unknown exam is reported already; with no exam at all, the domain cannot be placed.
      if (!study.exam) this.noExam(file, study.domain);
      return {};
    }
    const plan = this.plans[exam];
    if (plan.domains.some((d) => d.id === study.domain?.value)) return { exam, domain: study.domain.value };
    this.unknownDomain(file, study.domain, plan);
    return { exam };
  }

  private unknownExam(file: string, key: StudyKeyValue): void {
    const known = Object.keys(this.plans);
    const suggestion = this.nearest(`exam:${key.value}`, () => nearestExamId(key.value, this.plans));
    this.push(
      file,
      key,
      'unknown-exam',
      suggestion
        ? l10n.t('Unknown exam "{0}": did you mean "{1}"? This note\'s cards count toward no exam until it is fixed.', short(key.value), suggestion)
        : l10n.t('Unknown exam "{0}". Known: {1}. This note\'s cards count toward no exam until it is fixed.', short(key.value), known.slice(0, 20).join(', ')),
      suggestion,
    );
  }

  private unknownDomain(file: string, key: StudyKeyValue, plan: StudyPlan): void {
    const known = plan.domains.map((d) => d.id);
    const suggestion = this.nearest(`domain:${plan.id}:${key.value}`, () =>
      nearestId(key.value, known, Object.fromEntries(plan.domains.map((d) => [d.id, d.name]))),
    );
    this.push(
      file,
      key,
      'unknown-domain',
      suggestion
        ? l10n.t('The {0} has no domain "{1}": did you mean "{2}"? This note\'s cards count toward no domain until it is fixed.', plan.name, short(key.value), suggestion)
        : l10n.t('The {0} has no domain "{1}". Its domains: {2}. This note\'s cards count toward no domain until it is fixed.', plan.name, short(key.value), known.join(', ')),
      suggestion,
    );
  }

  private noExam(file: string, key: StudyKeyValue): void {
    this.push(
      file,
      key,
      'unknown-domain',
      l10n.t('The domain "{0}" belongs to no exam: add the exam to the details at the top of the note (for example exam: ptce), or choose the exam you prepare for in .pharmacy-ce.json.', short(key.value)),

    );
  }

  /** One "did you mean" search per distinct id: thousands of notes may share the same typo. */
  private nearest(key: string, search: () => string | undefined): string | undefined {
    if (!this.suggestions.has(key)) this.suggestions.set(key, search());
    return this.suggestions.get(key);
  }

  private push(file: string, key: StudyKeyValue, code: Problem['code'], message: string, replacement?: string): void {
    const problem: Problem = { file, line: key.line, column: key.column, severity: 'warning', code, message };
    if (key.length > 0) problem.length = key.length;
    if (replacement !== undefined) problem.replacement = replacement;
    this.problems.push(problem);
  }
}

interface Tally {
  cards: number;
  new: number;
  due: number;
  recall: number;
}

const emptyTally = (): Tally => ({ cards: 0, new: 0, due: 0, recall: 0 });

function add(tally: Tally, card: StudyCard, due: boolean): void {
  tally.cards++;
  if (isNewCard(card.schedule)) tally.new++;
  if (due) tally.due++;
  tally.recall += card.recall;
}

function summarize(cards: readonly StudyCard[], input: StudyModelInput): StudySummary {
  const { plans, settings, now, today } = input;
  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  // Day d (0 = today) runs from dayEnds[d - 1] to dayEnds[d]; overdue cards fall in day 0.
  const dayEnds = Array.from({ length: FORECAST_DAYS }, (_, i) => localDayStart(today, i + 1));
  const total = emptyTally();
  const exams = new Map<string, { tally: Tally; domains: Map<string, Tally> }>();

  // Due means due today, by the end of the local day, on every surface: the review takes those cards.
  const dueBy = Math.max(now, endOfLocalDay(today));
  for (const card of cards) {
    const due = isDueCard(card.schedule, dueBy);
    add(total, card, due);
    if (!isNewCard(card.schedule)) {
      const at = card.schedule.due as number;
      const day = dayEnds.findIndex((end) => at < end);
      if (day >= 0) forecast[day]++;
    }
    if (card.exam === undefined) continue;
    let exam = exams.get(card.exam);
    if (!exam) exams.set(card.exam, (exam = { tally: emptyTally(), domains: new Map() }));
    add(exam.tally, card, due);
    if (card.domain === undefined) continue;
    let domain = exam.domains.get(card.domain);
    if (!domain) exam.domains.set(card.domain, (domain = emptyTally()));
    add(domain, card, due);
  }

  const configured = settings.exam !== undefined && Object.hasOwn(plans, settings.exam) ? settings.exam : undefined;
  const listed = [...(configured ? [configured] : []), ...Object.keys(plans).filter((id) => id !== configured && exams.has(id))];
  return {
    total: total.cards,
    new: total.new,
    due: total.due,
    exams: listed.map((id) => examReadiness(plans[id], exams.get(id), id === configured ? settings.examDate : undefined, today)),
    forecast,
  };
}

function examReadiness(
  plan: StudyPlan,
  counts: { tally: Tally; domains: Map<string, Tally> } | undefined,
  examDate: CalendarDate | undefined,
  today: CalendarDate,
): ExamReadiness {
  const tally = counts?.tally ?? emptyTally();
  const domains: DomainReadiness[] = plan.domains.map((d) => {
    const t = counts?.domains.get(d.id) ?? emptyTally();
    return { id: d.id, name: d.name, weight: d.weight, cards: t.cards, new: t.new, due: t.due, readiness: t.cards > 0 ? t.recall / t.cards : 0 };
  });
  // Divided by the weights' own total (100, within the config's tolerance) so readiness never exceeds 1.
  const weights = domains.reduce((sum, d) => sum + d.weight, 0);
  const readiness = weights > 0 ? domains.reduce((sum, d) => sum + d.weight * d.readiness, 0) / weights : 0;
  const exam: ExamReadiness = {
    id: plan.id,
    name: plan.name,
    readiness,
    domains,
    cards: tally.cards,
    new: tally.new,
    due: tally.due,
    source: plan.source,
    asOf: plan.asOf,
  };
  if (plan.verify !== undefined) exam.verify = plan.verify;
  if (examDate !== undefined) {
    exam.examDate = examDate;
    const daysLeft = studyDaysLeft(today, examDate);
    if (daysLeft > 0) exam.newPerDay = Math.ceil(tally.new / daysLeft);
  }
  return exam;
}
