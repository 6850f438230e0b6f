// What the CE Dashboard shows, computed from the index: plain data, no formatting and no editor types. The
// dashboard feature turns it into escaped HTML; the tests check the figures here.
import * as l10n from '@vscode/l10n';
import { compareDates } from '../common/dates';
import { roundHours } from '../common/numbers';
import { isTopicKey, topicLabel } from '../notes/topics';
import { credentialStanding } from '../rules/standing';
import { actionsFor } from './dashboard-actions';
import { studySection, type StudySection } from './dashboard-study';
import type { StudySummary } from '../study/types';
import { careerSection, type CareerSection } from './dashboard-career';
import type { CareerModel } from '../career/types';
import type {
  CalendarDate,
  CeNote,
  CredentialProgress,
  Format,
  ParsedNote,
  Problem,
  ProgressState,
  RequirementProgress,
  ResolvedConfig,
  TopicKey,
} from '../types';

/** The part of a FolderIndex the dashboard reads (FolderIndex satisfies it). */
export interface DashboardSource {
  notes(): readonly ParsedNote[];
  problems(): Problem[];
  missingCertificates(): string[];
  readonly config: ResolvedConfig;
}

export interface DashboardFolderInput {
  /** Identifies the folder in messages (the folder's URI string in the extension). */
  key: string;
  name: string;
  workspace: DashboardSource;
  /** Evaluation of the folder's credentials at `asOf`. */
  progress: readonly CredentialProgress[];
  hasConfigFile: boolean;
  /**
   * The Markdown excerpt of a note (noteExcerpt), when the caller has read it. The index keeps no excerpts:
   * the dashboard shows a handful of notes, so their previews are read when shown.
   */
  excerpt?: (path: string) => string | undefined;
  /** The folder's study summary (cards, readiness, forecast), when the caller has the study model. */
  studySummary?: StudySummary;
  /** The folder's career model (issue #14), when the caller has it. */
  career?: CareerModel;
}

export interface DashboardSettings {
  /** `pharmacyCe.cpeMonitorReminderDays`: days without `cpe_monitor: true` before "contact the provider" (NABP: 35). */
  cpeMonitorReminderDays: number;
  /** How many recent notes to list. */
  recentNotes?: number;
}

/** ACPE providers must report credit to CPE Monitor within 60 days; later reporting is impossible. */
export const DEFAULT_RECENT_NOTES = 8;
/** Topic bucket for counted hours of notes that name no topic. */
export const NO_TOPIC = '';
/** Topic bucket for topics not in the vocabulary (a typo such as "hazardus-drugs"): charted together, not raw. */
export const OTHER_TOPICS = '~other';
/** Unknown topic words named beside the Other topics bucket; the rest are summed up. */
const OTHER_WORDS_SHOWN = 5;

export interface DashboardModel {
  asOf: CalendarDate;
  folders: FolderModel[];
}

export interface FolderModel {
  key: string;
  name: string;
  hasConfigFile: boolean;
  credentials: CredentialCard[];
  /** Most urgent first. */
  actions: ActionItem[];
  recentNotes: RecentNote[];
  study: StudyOverview;
  /** The Study section: readiness per exam, due today, forecast, study next steps. */
  studyCards?: StudySection;
  /** The Career section: the ladder, the experience timeline, renewals due, career next steps. */
  career?: CareerSection;
  problems: { errors: number; warnings: number };
}

export interface NoteRef {
  path: string;
  title: string;
}

/** A requirement's bar: its progress without the note list. */
export type RequirementBar = Omit<RequirementProgress, 'notes'>;

export interface LimitLine {
  id: string;
  label: string;
  maxHours: number;
  matched: number;
  applied: number;
}

export interface TimelinePoint {
  date: CalendarDate;
  /** Hours counted toward the total up to and including this date. */
  hours: number;
}

export interface TopicHours {
  /** Topic key, NO_TOPIC or OTHER_TOPICS. */
  topic: TopicKey;
  label: string;
  hours: number;
  /** OTHER_TOPICS only: the unknown topics as written (escape them), to say why they are not charted by name. */
  unknown?: string[];
}

export interface CredentialCard {
  id: string;
  label: string;
  ruleSetId: string;
  ruleSetName: string;
  shortName?: string;
  earned: number;
  required: number;
  remaining: number;
  met: boolean;
  state: ProgressState;
  /** From credentialStanding: `On track`, `1 requirement missing`...; 0..100, 100 only when met. */
  stateText: string;
  percent: number;
  /** `applyBy`: when the renewal application is due, if the rule set has such a deadline. */
  cycle: { start: CalendarDate; end: CalendarDate; daysLeft: number; daysTotal: number; elapsed: number; applyBy?: CalendarDate };
  pacePerMonth: number;
  behindPace: boolean;
  requirements: RequirementBar[];
  /** Limits that cut or refused hours (matched more than applied). */
  limits: LimitLine[];
  source: string;
  ruleAsOf: CalendarDate;
  verify: boolean;
  caveats: string[];
  /** Cumulative counted hours: starts at the cycle start with 0, one step per completion date. */
  timeline: TimelinePoint[];
  /** Counted hours (after limits) by topic; a note with two topics adds its hours to both. */
  byTopic: TopicHours[];
  /** Counted hours (after limits) by format; sums to `earned` minus hours kept out of the total. */
  byFormat: Record<Format, number>;
  /** CE notes considered that do not count, or count only in part, with the reason. */
  notCounted: (NoteRef & { reason: string })[];
}

export type ActionItem =
  | { kind: 'set-up' }
  | { kind: 'requirement'; credentialId: string; credential: string; requirement: string; hours: number; deadline: CalendarDate; daysLeft: number }
  | { kind: 'total'; credentialId: string; credential: string; hours: number; deadline: CalendarDate; daysLeft: number; pacePerMonth: number }
  /** ACPE credit inside the reporting window, not yet seen in CPE Monitor. `deadline`: the earliest window end. */
  | { kind: 'cpe-monitor'; notes: NoteRef[]; reminderDays: number; deadline: CalendarDate; daysLeft: number }
  /** Counted ACPE credit whose reporting window has closed without `cpe_monitor: true`. */
  | { kind: 'cpe-monitor-closed'; notes: NoteRef[] }
  | { kind: 'certificate-missing'; notes: NoteRef[] }
  /** Notes with errors (they do not count) and the number of errors in the config file. */
  | { kind: 'errors'; notes: NoteRef[]; configErrors: number };

export interface RecentNote extends NoteRef {
  completed: CalendarDate;
  hours: number;
  topics: TopicHours['topic'][];
  topicLabels: string[];
  format: Format;
  provider?: string;
  uan?: string;
  /** Markdown excerpt, still to be rendered (safely) by the adapter. */
  excerpt: string;
  /** Counted toward at least one credential. */
  counted: boolean;
  hasErrors: boolean;
  /** A note with an error: its errors in words (its hours are then as written, and never counted). */
  errors?: string[];
}

export interface StudyOverview {
  /** Every note (CE and study) per topic, most notes first. */
  notesPerTopic: { topic: TopicKey; label: string; count: number; unknown?: string[] }[];
  /**
   * CE notes completed in the calendar month of the as-of date. Chosen over "notes edited this month": the
   * index keeps no file times, and stat-ing every note on each update would cost more than it tells.
   */
  completedThisMonth: number;
  ceNotes: number;
  studyNotes: number;
  planned: number;
  inProgress: number;
  broken: number;
}

export function buildDashboardModel(folders: readonly DashboardFolderInput[], asOf: CalendarDate, settings: DashboardSettings): DashboardModel {
  return { asOf, folders: folders.map((f) => buildFolderModel(f, asOf, settings)) };
}

export function buildFolderModel(input: DashboardFolderInput, asOf: CalendarDate, settings: DashboardSettings): FolderModel {
  const notes = input.workspace.notes();
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const problems = input.workspace.problems();
  const errorPaths = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const counted = new Set(input.progress.flatMap((p) => p.countedNotes));
  const credentials = input.progress.map((p) => credentialCard(p, byPath, asOf));
  return {
    key: input.key,
    name: input.name,
    hasConfigFile: input.hasConfigFile,
    credentials,
    actions: actionsFor(input, notes, byPath, problems, counted, asOf, settings),
    recentNotes: recentNotes(notes, counted, errorPaths, settings.recentNotes ?? DEFAULT_RECENT_NOTES, input.excerpt),
    study: studyOverview(notes, asOf),
    ...(input.studySummary ? { studyCards: studySection(input.studySummary, input.workspace.config.studyPlans, asOf) } : {}),
    ...(input.career ? { career: careerSection(input.career, notes.filter((n) => n.career !== undefined).length, input.workspace.config.careerPrograms) } : {}),
    problems: {
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

function credentialCard(p: CredentialProgress, byPath: Map<string, ParsedNote>, asOf: CalendarDate): CredentialCard {
  const applied = appliedHours(p, byPath);
  const byTopic = new Map<TopicKey, number>();
  const byFormat: Record<Format, number> = { live: 0, 'home-study': 0 };
  for (const { note, hours } of applied) {
    if (hours <= 0) continue;
    byFormat[note.format] = roundHours(byFormat[note.format] + hours);
    const topics = note.topics.length > 0 ? unique(note.topics.map(topicBucket)) : [NO_TOPIC];
    for (const t of topics) byTopic.set(t, roundHours((byTopic.get(t) ?? 0) + hours));
  }
  const unknownCounted = unknownTopics(applied.filter((a) => a.hours > 0).map((a) => a.note));
  const notCounted: CredentialCard['notCounted'] = [];
  for (const v of p.verdicts) {
    if (v.counted && !v.reason) continue;
    notCounted.push({ path: v.path, title: byPath.get(v.path)?.title ?? v.path, reason: v.reason ?? '' });
  }
  const standing = credentialStanding(p);
  return {
    id: p.credential.id,
    label: p.credential.label,
    ruleSetId: p.ruleSet.id,
    ruleSetName: p.ruleSet.name,
    shortName: p.ruleSet.shortName,
    earned: p.hours.earned,
    required: p.hours.required,
    remaining: p.hours.remaining,
    met: p.met,
    state: standing.state,
    stateText: standing.text,
    percent: standing.percent,
    cycle: { ...p.cycle },
    pacePerMonth: p.pacePerMonth,
    behindPace: p.behindPace,
    requirements: p.requirements.map((r) => ({
      id: r.id,
      label: r.label,
      earned: r.earned,
      required: r.required,
      remaining: r.remaining,
      met: r.met,
      countsTowardTotal: r.countsTowardTotal,
    })),
    limits: p.limits.filter((l) => l.matched > l.applied).map((l) => ({ id: l.id, label: l.label, maxHours: l.maxHours, matched: l.matched, applied: l.applied })),
    source: p.ruleSet.source,
    ruleAsOf: p.ruleSet.asOf,
    verify: p.ruleSet.verify === true,
    caveats: [...(p.ruleSet.caveats ?? [])],
    timeline: timeline(p, applied, asOf),
    byTopic: [...byTopic]
      .map(([topic, hours]): TopicHours => (topic === OTHER_TOPICS ? { topic, label: l10n.t('Other topics'), hours, unknown: unknownCounted } : { topic, label: topic === NO_TOPIC ? '' : topicLabel(topic), hours }))
      .sort((a, b) => b.hours - a.hours || a.label.localeCompare(b.label)),
    byFormat,
    notCounted,
  };
}

/**
 * The hours each counted note adds to the total, earliest first: limits are filled in date order (the
 * evaluation only gives their sums), and notes of requirements kept out of the total add nothing.
 */
export function appliedHours(p: CredentialProgress, byPath: Map<string, ParsedNote>): { note: CeNote; hours: number }[] {
  const keptOut = new Set(p.keptOut ?? p.requirements.filter((r) => !r.countsTowardTotal).flatMap((r) => r.notes));
  const room = new Map(p.limits.map((l) => [l.id, l.maxHours]));
  const limitsOf = new Map<string, string[]>();
  for (const l of p.limits) for (const path of l.notes) limitsOf.set(path, [...(limitsOf.get(path) ?? []), l.id]);
  const notes = unique(p.countedNotes)
    .map((path) => byPath.get(path))
    .filter((n): n is CeNote => n?.kind === 'ce')
    .sort((a, b) => compareDates(a.completed ?? '', b.completed ?? '') || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return notes.map((note) => {
    if (keptOut.has(note.path)) return { note, hours: 0 };
    let hours = note.hours;
    for (const id of limitsOf.get(note.path) ?? []) hours = Math.min(hours, room.get(id) ?? hours);
    for (const id of limitsOf.get(note.path) ?? []) room.set(id, roundHours((room.get(id) ?? 0) - hours));
    return { note, hours: roundHours(Math.max(0, hours)) };
  });
}

function timeline(p: CredentialProgress, applied: { note: CeNote; hours: number }[], asOf: CalendarDate): TimelinePoint[] {
  const points: TimelinePoint[] = [{ date: p.cycle.start, hours: 0 }];
  let total = 0;
  for (const { note, hours } of applied) {
    if (hours <= 0 || !note.completed) continue;
    total = roundHours(total + hours);
    const date = note.completed < p.cycle.start ? p.cycle.start : note.completed;
    const last = points[points.length - 1];
    if (last.date === date) last.hours = total;
    else points.push({ date, hours: total });
  }
  // Carry the line to today (or the cycle end once it has passed) so a flat stretch shows as flat.
  const end = compareDates(asOf, p.cycle.end) > 0 ? p.cycle.end : asOf;
  if (compareDates(end, points[points.length - 1].date) > 0) points.push({ date: end, hours: total });
  return points;
}

function recentNotes(
  notes: readonly ParsedNote[],
  counted: Set<string>,
  errorPaths: Set<string>,
  limit: number,
  excerpt: DashboardFolderInput['excerpt'],
): RecentNote[] {
  return notes
    .filter((n): n is CeNote & { completed: CalendarDate } => n.kind === 'ce' && n.completed !== undefined && n.status === 'completed')
    .sort((a, b) => compareDates(b.completed, a.completed) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, Math.max(0, limit))
    .map((n) => ({
      path: n.path,
      title: n.title,
      completed: n.completed,
      hours: n.valid ? n.hours : (n.writtenHours ?? 0),
      topics: [...n.topics],
      topicLabels: n.topics.map(topicLabel),
      format: n.format,
      provider: n.provider,
      uan: n.uan?.normalized ?? n.uanText,
      excerpt: excerpt?.(n.path) ?? '',
      counted: counted.has(n.path),
      hasErrors: errorPaths.has(n.path) || !n.valid,
      ...(n.errors?.length ? { errors: [...n.errors] } : {}),
    }));
}

function studyOverview(notes: readonly ParsedNote[], asOf: CalendarDate): StudyOverview {
  const perTopic = new Map<TopicKey, number>();
  const overview: StudyOverview = { notesPerTopic: [], completedThisMonth: 0, ceNotes: 0, studyNotes: 0, planned: 0, inProgress: 0, broken: 0 };
  const month = asOf.slice(0, 7);
  for (const note of notes) {
    for (const t of unique(note.topics.map(topicBucket))) perTopic.set(t, (perTopic.get(t) ?? 0) + 1);
    if (note.kind === 'study') overview.studyNotes++;
    else if (note.kind === 'broken') overview.broken++;
    else {
      overview.ceNotes++;
      if (note.status === 'planned') overview.planned++;
      else if (note.status === 'in-progress') overview.inProgress++;
      else if (note.completed?.slice(0, 7) === month) overview.completedThisMonth++;
    }
  }
  overview.notesPerTopic = [...perTopic]
    .map(([topic, count]) => (topic === OTHER_TOPICS ? { topic, label: l10n.t('Other topics'), count, unknown: unknownTopics(notes) } : { topic, label: topicLabel(topic), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return overview;
}

function topicBucket(topic: TopicKey): TopicKey {
  return isTopicKey(topic) ? topic : OTHER_TOPICS;
}

/** The unknown topics of these notes as written, the first few alphabetically, then how many more. */
function unknownTopics(notes: readonly ParsedNote[]): string[] {
  const words = unique(notes.flatMap((n) => n.topics.filter((t) => !isTopicKey(t)))).sort();
  return words.length > OTHER_WORDS_SHOWN ? [...words.slice(0, OTHER_WORDS_SHOWN), `${words.length - OTHER_WORDS_SHOWN} more`] : words;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

