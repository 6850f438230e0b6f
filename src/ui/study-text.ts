// What the Study view and the cards status bar item say, built without the editor (strings through
// @vscode/l10n, which the extension loads with VS Code's bundle; English in tests), and how the view groups the cards: exam -> domain -> note -> card. The figures
// of exams and domains come from the study model (the one place readiness is worked out); a note's and the
// "No exam set" group's are counted here from their cards with the same rules (due: reviewed and due by the end of today;
// new: never reviewed; readiness: mean predicted recall, new cards counting 0).
import * as l10n from '@vscode/l10n';
import { daysBetween, localToday } from '../core/common/dates';
import { formatHours, wholePercent } from '../core/common/numbers';
import { endOfLocalDay } from '../core/study/local-days';
import { isDueCard, isNewCard } from '../core/study/model';
import type { DomainReadiness, ExamReadiness, StudyCard, StudyPlan, StudySummary } from '../core/study/types';

/** Group id for cards whose note names no (known) exam, and for cards of an exam whose note names no (known) domain. */
export const NO_EXAM = '~none';
export const NO_DOMAIN = '~none';
/** How much of a card's front its row shows. */
const CARD_LABEL_MAX = 60;

export interface StudyCounts {
  cards: number;
  new: number;
  due: number;
  /** 0 to 1. */
  readiness: number;
}

export interface NoteGroup {
  path: string;
  /** In line order. */
  cards: StudyCard[];
}
export interface DomainGroup {
  /** A domain id of the plan, or NO_DOMAIN. */
  id: string;
  /** The model's figures for a domain of the plan; undefined for NO_DOMAIN. */
  readiness?: DomainReadiness;
  notes: NoteGroup[];
}
export interface ExamGroup {
  /** A plan id, or NO_EXAM. */
  id: string;
  /** The model's figures; undefined for NO_EXAM. */
  readiness?: ExamReadiness;
  domains: DomainGroup[];
  /** NO_EXAM only: the notes directly (no domains without an exam). */
  notes: NoteGroup[];
}

const isNew = (card: StudyCard): boolean => isNewCard(card.schedule);

/** Due today: by the end of `now`'s local day, as the study model counts it and a review takes it. */
const isDue = (card: StudyCard, now: number): boolean => isDueCard(card.schedule, endOfLocalDay(localToday(new Date(now))));

/** Counts and readiness of any set of cards. */
export function countCards(cards: readonly StudyCard[], now: number): StudyCounts {
  let fresh = 0;
  let due = 0;
  let recall = 0;
  for (const card of cards) {
    if (isNew(card)) fresh++;
    else {
      if (isDue(card, now)) due++;
      recall += Number.isFinite(card.recall) ? card.recall : 0;
    }
  }
  return { cards: cards.length, new: fresh, due, readiness: cards.length ? recall / cards.length : 0 };
}

function byNote(cards: readonly StudyCard[]): NoteGroup[] {
  const notes = new Map<string, StudyCard[]>();
  for (const card of cards) {
    const list = notes.get(card.file);
    if (list) list.push(card);
    else notes.set(card.file, [card]);
  }
  return [...notes]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, list]) => ({ path, cards: list.sort((a, b) => a.line - b.line) }));
}

/**
 * The Study view's groups: each exam of the summary with every domain of its plan (a domain without cards is
 * listed: it shows what is not covered yet), cards of an exam whose note names no known domain under
 * NO_DOMAIN, and cards whose note names no known exam under NO_EXAM, last.
 */
export function studyGroups(cards: readonly StudyCard[], summary: StudySummary): ExamGroup[] {
  const exams = new Map(summary.exams.map((e) => [e.id, e]));
  const byExam = new Map<string, StudyCard[]>();
  for (const card of cards) {
    const key = card.exam !== undefined && exams.has(card.exam) ? card.exam : NO_EXAM;
    const list = byExam.get(key);
    if (list) list.push(card);
    else byExam.set(key, [card]);
  }
  const groups: ExamGroup[] = summary.exams.map((exam) => {
    const examCards = byExam.get(exam.id) ?? [];
    const known = new Set(exam.domains.map((d) => d.id));
    const domains: DomainGroup[] = exam.domains.map((d) => ({ id: d.id, readiness: d, notes: byNote(examCards.filter((c) => c.domain === d.id)) }));
    const unplaced = examCards.filter((c) => c.domain === undefined || !known.has(c.domain));
    if (unplaced.length) domains.push({ id: NO_DOMAIN, notes: byNote(unplaced) });
    return { id: exam.id, readiness: exam, domains, notes: [] };
  });
  const orphans = byExam.get(NO_EXAM);
  if (orphans?.length) groups.push({ id: NO_EXAM, domains: [], notes: byNote(orphans) });
  return groups;
}

/** `42% ready · 3 due · 5 new · 40 cards` (readiness left out when not given). */
export function countsWords(counts: Omit<StudyCounts, 'readiness'> & { readiness?: number }): string {
  const parts: string[] = [];
  if (counts.readiness !== undefined) parts.push(l10n.t('{0}% ready', wholePercent(counts.readiness)));
  parts.push(l10n.t('{0} due', counts.due), l10n.t('{0} new', counts.new), counts.cards === 1 ? l10n.t('1 card') : l10n.t('{0} cards', counts.cards));
  return parts.join(' · ');
}

export interface StudyRow {
  label: string;
  description: string;
  /** Plain sentences for the tooltip, in order. */
  tooltip: string[];
  /** Set when the plan (or this domain) is not verified against its source: the words for the mark. */
  unverified?: string;
}

/** The exam date, with the new cards a day needed before it when known ("about 1 new card a day"). */
export function examDateWords(examDate: string, newPerDay: number | undefined, formatDate: (date: string) => string): string {
  if (newPerDay === undefined) return l10n.t('Exam on {0}.', formatDate(examDate));
  return newPerDay === 1
    ? l10n.t('Exam on {0}: about 1 new card a day to see every card before it.', formatDate(examDate))
    : l10n.t('Exam on {0}: about {1} new cards a day to see every card before it.', formatDate(examDate), newPerDay);
}

/** An exam's row: the plan's name; readiness and counts; a tooltip saying what readiness means and where the outline comes from. */
export function examRow(exam: ExamReadiness, formatDate: (date: string) => string): StudyRow {
  const tooltip = [
    l10n.t('Readiness {0}%: how likely you are to remember this exam\'s cards today, on average, each domain counted by its share of the exam. A card you have not reviewed yet counts as 0.', wholePercent(exam.readiness)),
  ];
  if (exam.examDate) {
    tooltip.push(examDateWords(exam.examDate, exam.newPerDay, formatDate));
  }
  tooltip.push(l10n.t('Outline: {0}, as of {1}.', exam.source, formatDate(exam.asOf)));
  const unverified = exam.verify ? l10n.t('Not verified: {0}', exam.verify) : undefined;
  if (unverified) tooltip.push(unverified);
  const description = countsWords({ ...exam, readiness: exam.readiness }) + (unverified ? ` · ${l10n.t('not verified')}` : '');
  return { label: exam.name, description, tooltip, unverified };
}

/** A domain's row: `Medications (35%)`; readiness and counts; the plan's verify note for it, if any. */
export function domainRow(domain: DomainReadiness, exam: ExamReadiness, plan: StudyPlan | undefined, formatDate: (date: string) => string): StudyRow {
  const verify = plan?.domains.find((d) => d.id === domain.id)?.verify;
  const tooltip = [
    l10n.t('{0} is {1}% of {2}.', domain.name, formatHours(domain.weight), exam.name),
    domain.cards === 0
      ? l10n.t('No cards yet: write cards in a note that names this domain, to practise it.')
      : l10n.t('Readiness {0}%: how likely you are to remember this domain\'s cards today, on average. A card you have not reviewed yet counts as 0.', wholePercent(domain.readiness)),
    l10n.t('Outline: {0}, as of {1}.', exam.source, formatDate(exam.asOf)),
  ];
  const unverified = verify ? l10n.t('Not verified: {0}', verify) : undefined;
  if (unverified) tooltip.push(unverified);
  const description = (domain.cards === 0 ? l10n.t('no cards yet') : countsWords(domain)) + (unverified ? ` · ${l10n.t('not verified')}` : '');
  return { label: l10n.t('{0} ({1}%)', domain.name, formatHours(domain.weight)), description, tooltip, unverified };
}

/** The row of the group of cards whose note names no exam, with how to name one. */
export function noExamRow(counts: StudyCounts): StudyRow {
  return {
    label: l10n.t('No exam set'),
    description: countsWords(counts),
    tooltip: [
      l10n.t('These cards belong to no exam. To count them toward one, add a line such as "exam: ptce" (and "domain: medications") to the details at the top of their note, or name the exam you prepare for in your credentials file (.pharmacy-ce.json).'),
    ],
  };
}

/** The row of an exam's cards whose note names no domain of it. */
export function noDomainRow(counts: StudyCounts, examName: string, exampleDomain: string | undefined): StudyRow {
  return {
    label: l10n.t('No domain set'),
    description: countsWords(counts),
    tooltip: [l10n.t('These cards count toward {0} but toward none of its domains: add a line such as "domain: {1}" to the details at the top of their note.', examName, exampleDomain ?? 'medications')],
  };
}

/** A card's front as one line of plain text: Markdown marks dropped, whitespace collapsed, shortened. */
export function cardLabel(front: string, max = CARD_LABEL_MAX): string {
  const text = front
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/^\s{0,3}(>\s?)+/gm, '') // quote marks
    .replace(/^\s*([-*+]|\d{1,9}[.)])\s+/gm, '') // list markers
    .replace(/^\s{0,3}#{1,6}\s+/gm, '') // heading marks
    .replace(/(\*\*|__|`+|~~)/g, '') // emphasis and code marks
    .replace(/(^|\W)[*_](?=\S)|(?<=\S)[*_](?=\W|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** When a card is next due, in words: `new`, `due`, `due tomorrow`, `due in 3 days`. */
export function cardDueWords(card: StudyCard, now: number): string {
  if (isNew(card)) return l10n.t('new');
  if (isDue(card, now) || card.schedule.due === null) return l10n.t('due');
  const days = daysBetween(localToday(new Date(now)), localToday(new Date(card.schedule.due)));
  return days === 1 ? l10n.t('due tomorrow') : l10n.t('due in {0} days', days);
}

/** What kind of card it is, in words. */
export function cardTypeWords(card: StudyCard): string {
  if (card.type === 'qa') return l10n.t('Question and answer');
  if (card.type === 'term') return l10n.t('Term');
  return l10n.t('Fill in the blank');
}

/** The exam the status bar speaks of: the configured one if it has figures, else the first listed. */
export function shownExam(summary: StudySummary, configured: string | undefined): ExamReadiness | undefined {
  return summary.exams.find((e) => e.id === configured) ?? summary.exams[0];
}

/** Due today: reviewed cards due by the end of today (the forecast's first day, overdue included). */
export function dueToday(summary: StudySummary): number {
  return summary.due;
}

/** The status bar's text: `$(book) 12 cards due`; with none due, the new cards waiting (a review shows those). */
export function studyStatusText(due: number, fresh: number): string {
  if (due > 0) return `$(book) ${due === 1 ? l10n.t('1 card due') : l10n.t('{0} cards due', due)}`;
  if (fresh > 0) return `$(book) ${fresh === 1 ? l10n.t('1 new card') : l10n.t('{0} new cards', fresh)}`;
  return `$(book) ${l10n.t('No cards due')}`;
}

/** The status bar's tooltip for one folder: due today, new, the exam's readiness. */
export function studyStatusLines(summary: StudySummary, exam: ExamReadiness | undefined): string[] {
  const lines = [
    l10n.t('{0} due today, {1} new, {2} in all.', dueToday(summary), summary.new, summary.total === 1 ? l10n.t('1 card') : l10n.t('{0} cards', summary.total)),
  ];
  if (exam) lines.push(l10n.t('{0}: {1}% ready.', exam.name, wholePercent(exam.readiness)));
  return lines;
}
