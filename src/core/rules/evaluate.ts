// How many hours count toward a credential, which requirements are met, and why each note counts or not.
//
// The order of the rules, for one credential:
// 1. A note is *counted* when it is a valid CE note, completed, dated inside the cycle and not after the
//    as-of date, and meant for the credential (its `credentials` name it, or it names none).
// 2. A limit with `maxHours: 0` refuses its notes outright: they count toward nothing, requirements included.
// 3. Requirements add up the full hours of every counted note matching all their filters.
// 4. Notes matching a `countsTowardTotal: false` requirement stay out of the total; under `'acpe'`, those
//    without a UAN do (Texas trafficking). A requirement with `windowMonths` also counts notes from before
//    the cycle, back to its own window's start; those stay out of the total.
// 5. Limits cap what the remaining notes add to the total. A note matched by several limits adds no more
//    than the tightest one still allows, and uses up room in each of them, so every limit holds at once
//    (a 6 h pharmacist college course under "pharmacist <= 5" and "college <= 10" adds 5 and leaves 5 of
//    the college room). Notes are taken earliest first, so the hours earned first are the ones that count.
// Hours are counted in whole hundredths, so 0.1 + 0.2 is 0.3 and a 3.33 h cap compares exactly.
import * as l10n from '@vscode/l10n';
import { daysBetween } from '../common/dates';
import { roundHours } from '../common/numbers';
import { NONE, limitFilter, matches, matchingIndexes, toFilter } from './filters';
import { cycleFor } from './rules';
import { applicationDeadline, credentialStanding, elapsedFraction, hoursStillNeeded, paceOf } from './standing';
import type {
  CalendarDate,
  CeNote,
  Credential,
  CredentialProgress,
  LimitProgress,
  NoteFilter,
  NoteVerdict,
  ParsedNote,
  RequirementProgress,
  ResolvedConfig,
  RuleSet,
} from '../types';


export function evaluateCredential(credential: Credential, ruleSet: RuleSet, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress {
  return evaluateFacts(credential, ruleSet, factsOf(notes), asOf, undefined);
}

/** Every credential of a config, in config order. A credential whose rule set is missing is skipped, never a crash. */
export function evaluateAll(config: ResolvedConfig, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress[] {
  return evaluateAllFacts(config, factsOf(notes), asOf);
}

/**
 * As evaluateAll, from the facts of the CE notes (in note order). With a memo, each note is classified once
 * per credential and date: after an edit only the edited note is, and the rest costs a few additions.
 */
export function evaluateAllFacts(config: ResolvedConfig, facts: readonly NoteFacts[], asOf: CalendarDate, memo?: EvaluationMemo): CredentialProgress[] {
  return config.credentials.flatMap((c) => {
    const ruleSet = Object.hasOwn(config.ruleSets, c.ruleSetId) ? config.ruleSets[c.ruleSetId] : undefined;
    return ruleSet ? [evaluateFacts(c, ruleSet, facts, asOf, memo)] : [];
  });
}

/**
 * What the rules read of a CE note, in one fixed shape. Parsed notes differ in which optional keys they
 * have, so reading them in the hot loops below is slow (megamorphic property access); each note is read
 * once into this instead, and hours become whole hundredths (sums of them are exact). A note object never
 * changes once parsed (an edit makes a new one), so its facts can be kept with it.
 */
export interface NoteFacts {
  readonly path: string;
  readonly cents: number;
  readonly valid: boolean;
  /** An invalid note's errors in words (its reason for not counting); '' when valid. */
  readonly errorText: string;
  readonly status: string;
  /** '' when none. */
  readonly completed: string;
  /** Lower-cased, trimmed; null when the note names none (then it counts for every credential). */
  readonly credentials: string[] | null;
  readonly credentialsText: string;
  readonly topics: readonly string[];
  readonly format: string;
  readonly audience: string;
  readonly category: string;
  /** Has a valid ACPE UAN: an ACPE-accredited activity. */
  readonly acpe: boolean;
  /** The note's classification in each recent evaluation context (see EvaluationMemo), newest last. */
  readonly classified: Classified[];
  /** The plain "counted" verdict, one for every credential that counts the note in full. */
  countedVerdict: NoteVerdict | undefined;
}

export function noteFacts(note: CeNote): NoteFacts {
  const credentials = note.credentials;
  return {
    path: note.path,
    cents: Number.isFinite(note.hours) && note.hours > 0 ? Math.round(note.hours * 100) : 0,
    valid: note.valid === true,
    errorText: note.valid === true ? '' : (note.errors ?? []).join(' '),
    status: note.status,
    completed: note.completed ?? '',
    credentials: Array.isArray(credentials) ? credentials.map((c) => String(c).trim().toLowerCase()) : null,
    credentialsText: Array.isArray(credentials) ? credentials.join(', ') : '',
    topics: Array.isArray(note.topics) ? note.topics : [],
    format: note.format,
    audience: note.audience,
    category: note.category,
    acpe: note.uan !== undefined,
    classified: [],
    countedVerdict: undefined,
  };
}

function factsOf(notes: readonly ParsedNote[]): NoteFacts[] {
  const out: NoteFacts[] = [];
  for (const note of notes) if (note.kind === 'ce') out.push(noteFacts(note));
  return out;
}

/** One credential with its rule set, cycle and as-of date: a note's classification holds within one. */
interface Context {
  readonly ruleSet: RuleSet;
}

/** Classifications a note keeps at most: a few credentials, and yesterday's date beside today's. */
const CONTEXTS_PER_NOTE = 8;
const CONTEXTS_KEPT = 64;

/**
 * Lets evaluations reuse what earlier ones worked out about each note. Owned by one index (FolderIndex);
 * the classifications themselves live on the notes' facts, so they go when a note is edited or removed.
 */
export class EvaluationMemo {
  private readonly contexts = new Map<string, Context>();

  /** The same object for the same credential, cycle, date and rule set object, so notes can compare it cheaply. */
  context(ruleSet: RuleSet, key: string): Context {
    let context = this.contexts.get(key);
    if (context?.ruleSet !== ruleSet) {
      this.contexts.delete(key);
      if (this.contexts.size >= CONTEXTS_KEPT) this.contexts.delete(this.contexts.keys().next().value as string);
      context = { ruleSet };
      this.contexts.set(key, context);
    }
    return context;
  }
}

/**
 * How one note stands toward one credential before limits are applied, with everything the totals need
 * from it worked out once. Verdicts are shared between evaluations and never mutated.
 */
interface Classified {
  /** Where this classification holds. */
  context: Context;
  verdict: NoteVerdict;
  counted: boolean;
  /** Index of the `maxHours: 0` limit refusing the note, or -1. */
  refusedBy: number;
  /** Indexes of the requirements the note matches (counted notes only). */
  requirements: readonly number[];
  /** A counted note matching a `countsTowardTotal: false` requirement: it adds nothing to the total. */
  keptOut: boolean;
  /** Indexes (among the limits with room) of the limits capping the note; only when not kept out. */
  caps: readonly number[];
}

function evaluateFacts(credential: Credential, ruleSet: RuleSet, notes: readonly NoteFacts[], asOf: CalendarDate, memo: EvaluationMemo | undefined): CredentialProgress {
  const { start, end } = credential.cycle;
  const wanted = credential.id.trim().toLowerCase();
  const reasons = new ReasonCache(start, end, asOf);
  const refusing = ruleSet.limits.filter((l) => l.maxHours <= 0);
  const refusingFilters = refusing.map(limitFilter);
  const requirementFilters = ruleSet.requirements.map(toFilter);
  const outside = ruleSet.requirements.filter((r) => r.countsTowardTotal === false || r.countsTowardTotal === 'acpe');
  const outsideFilters = outside.map(toFilter);
  const capLimits = ruleSet.limits.filter((l) => l.maxHours > 0);
  const capFilters = capLimits.map(limitFilter);
  const context: Context = memo ? memo.context(ruleSet, `${credential.id}|${start}|${end}|${asOf}`) : { ruleSet };

  const classify = (note: NoteFacts): Classified => {
    const reason = reasons.whyNot(note, wanted);
    if (reason !== undefined) return { context, verdict: { path: note.path, counted: false, reason }, counted: false, refusedBy: -1, requirements: NONE, keptOut: false, caps: NONE };
    const r = refusingFilters.findIndex((f) => f !== undefined && matches(f, note));
    if (r >= 0) {
      const verdict = { path: note.path, counted: false, reason: l10n.t('{0} is not accepted by {1}', lowerFirst(refusing[r].label), ruleSet.name) };
      return { context, verdict, counted: false, refusedBy: r, requirements: NONE, keptOut: false, caps: NONE };
    }
    const requirements = matchingIndexes(requirementFilters, note);
    const o = outsideFilters.findIndex((f, i) => matches(f, note) && !(outside[i].countsTowardTotal === 'acpe' && note.acpe));
    if (o >= 0) {
      const total = String(ruleSet.totalHours);
      const reason = outside[o].countsTowardTotal === 'acpe' ? l10n.t('{0}: counts toward that requirement, not toward the {1} h total (it has no UAN, so it is not ACPE-accredited)', outside[o].label, total) : l10n.t('{0}: counts toward that requirement, not toward the {1} h total', outside[o].label, total);
      return { context, verdict: { path: note.path, counted: true, reason }, counted: true, refusedBy: -1, requirements, keptOut: true, caps: NONE };
    }
    const verdict = (note.countedVerdict ??= { path: note.path, counted: true });
    return { context, verdict, counted: true, refusedBy: -1, requirements, keptOut: false, caps: matchingIndexes(capFilters, note) };
  };

  const verdicts: NoteVerdict[] = new Array(notes.length);
  const countedNotes: string[] = [];
  const keptOut: string[] = [];
  // Requirements with their own window are added up in their own pass below.
  const windowed = ruleSet.requirements.map((r) => r.windowMonths !== undefined);
  const requirementCents = requirementFilters.map(() => 0);
  const requirementNotes: string[][] = requirementFilters.map(() => []);
  const refusedNotes: NoteFacts[][] = refusing.map(() => []);
  // Notes under a limit wait for the ordered pass below; the others add in full.
  const limited: { note: NoteFacts; at: number; caps: readonly number[] }[] = [];
  let earnedCents = 0;
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i];
    let c: Classified | undefined;
    const kept = note.classified;
    for (let k = kept.length - 1; k >= 0; k--) {
      if (kept[k].context === context) {
        c = kept[k];
        break;
      }
    }
    if (c === undefined) {
      c = classify(note);
      if (memo) {
        if (kept.length >= CONTEXTS_PER_NOTE) kept.shift();
        kept.push(c);
      }
    }
    verdicts[i] = c.verdict;
    if (c.counted) {
      countedNotes.push(note.path);
      for (const r of c.requirements) {
        if (windowed[r]) continue;
        requirementCents[r] += note.cents;
        requirementNotes[r].push(note.path);
      }
      if (c.keptOut) {
        keptOut.push(note.path);
        continue;
      }
      if (c.caps.length > 0) limited.push({ note, at: i, caps: c.caps });
      else earnedCents += note.cents;
    } else if (c.refusedBy >= 0) refusedNotes[c.refusedBy].push(note);
  }

  ruleSet.requirements.forEach((r, i) => {
    if (r.windowMonths === undefined) return;
    const window = new ReasonCache(cycleFor(end, r.windowMonths).start, end, asOf);
    const filter = requirementFilters[i];
    notes.forEach((note, n) => {
      if (window.whyNot(note, wanted) !== undefined || !matches(filter, note) || refusingFilters.some((f) => f !== undefined && matches(f, note))) return;
      requirementCents[i] += note.cents;
      requirementNotes[i].push(note.path);
      const v = verdicts[n];
      if (!v.counted) verdicts[n] = { path: v.path, counted: false, reason: l10n.t('{0}; counts toward {1} only (it looks back {2} months)', v.reason ?? '', r.label, String(r.windowMonths)) };
    });
  });

  const requirements: RequirementProgress[] = ruleSet.requirements.map((r, i) => {
    const earned = requirementCents[i] / 100;
    return {
      id: r.id,
      label: r.label,
      required: r.minHours,
      earned,
      remaining: roundHours(Math.max(0, r.minHours - earned)),
      met: earned >= r.minHours,
      countsTowardTotal: r.countsTowardTotal !== false,
      notes: requirementNotes[i],
    };
  });

  const caps = capLimits.map((limit) => ({ limit, max: Math.round(limit.maxHours * 100), matched: 0, applied: 0, notes: [] as string[] }));
  limited.sort((a, b) => byCompletion(a.note, b.note));
  for (const { note, at, caps: matching } of limited) {
    const cents = note.cents;
    let allowed = cents;
    let tightest: (typeof caps)[number] | undefined;
    for (const i of matching) {
      const c = caps[i];
      const room = Math.max(0, c.max - c.applied);
      if (room < allowed) [allowed, tightest] = [room, c];
    }
    for (const i of matching) {
      const c = caps[i];
      c.matched += cents;
      c.applied += allowed;
      c.notes.push(note.path);
    }
    earnedCents += allowed;
    if (tightest) {
      const { label, maxHours } = tightest.limit;
      const reason =
        allowed > 0
          ? l10n.t('{0}: only {1} of {2} h count (limit {3} h)', lowerFirst(label), String(allowed / 100), String(cents / 100), String(maxHours))
          : l10n.t('{0}: none of the {1} h count (the {2} h limit is already reached)', lowerFirst(label), String(cents / 100), String(maxHours));
      verdicts[at] = { path: note.path, counted: true, reason };
    }
  }
  const earned = earnedCents / 100;

  const limits: LimitProgress[] = ruleSet.limits.map((limit) => {
    const r = refusing.indexOf(limit);
    if (r >= 0) {
      const notes = refusedNotes[r];
      const matched = notes.reduce((sum, n) => sum + n.cents, 0) / 100;
      return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched, applied: 0, notes: notes.map((n) => n.path) };
    }
    const c = caps[capLimits.indexOf(limit)];
    return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched: c.matched / 100, applied: c.applied / 100, notes: c.notes };
  });

  const required = ruleSet.totalHours;
  const remaining = roundHours(Math.max(0, required - earned));
  const met = earned >= required && requirements.every((r) => r.met);

  const daysLeft = daysBetween(asOf, end);
  const daysTotal = daysBetween(start, end) + 1;
  const elapsed = elapsedFraction(start, end, asOf);
  const applyBy = applicationDeadline(ruleSet, end);
  const needed = hoursStillNeeded({ hours: { required, remaining }, requirements });
  const { behindPace, pacePerMonth } = paceOf({ start, dueBy: applyBy ?? end, asOf, met, earned, required, needed });

  const { state } = credentialStanding({ met, behindPace, cycle: { daysLeft, end, ...(applyBy !== undefined ? { applyBy } : {}) }, hours: { required, remaining }, requirements });

  return {
    credential,
    ruleSet,
    cycle: { start, end, daysLeft, daysTotal, elapsed, ...(applyBy !== undefined ? { applyBy } : {}) },
    hours: { earned, required, remaining },
    met,
    state,
    pacePerMonth,
    behindPace,
    requirements,
    limits,
    countedNotes,
    keptOut,
    verdicts,
  };
}

/** Why a CE note does not count toward a credential at `asOf`, or undefined when it is counted. */
export function whyNotCounted(note: CeNote, credential: Credential, asOf: CalendarDate): string | undefined {
  const facts = noteFacts(note);
  return new ReasonCache(credential.cycle.start, credential.cycle.end, asOf).whyNot(facts, credential.id.trim().toLowerCase());
}

/** The reasons a note is not counted; date reasons are shared by notes of the same day (fewer strings to build). */
class ReasonCache {
  private readonly byDate = new Map<string, string | undefined>();

  constructor(
    private readonly start: CalendarDate,
    private readonly end: CalendarDate,
    private readonly asOf: CalendarDate,
  ) {}

  whyNot(note: NoteFacts, wanted: string): string | undefined {
    if (!note.valid) return note.errorText || l10n.t('has errors');
    if (note.credentials !== null) {
      if (note.credentials.length === 0) return l10n.t('not for any credential (its credentials list is empty)');
      if (!note.credentials.includes(wanted)) return l10n.t('only for credentials: {0}', note.credentialsText);
    }
    if (note.status === 'planned') return l10n.t('planned, not completed');
    if (note.status === 'in-progress') return l10n.t('in progress, not completed');
    if (note.completed === '') return l10n.t('completed, but with no completion date');
    if (note.completed >= this.start && note.completed <= this.end && note.completed <= this.asOf) return undefined;
    let reason = this.byDate.get(note.completed);
    if (reason === undefined) {
      reason = this.dateReason(note.completed);
      this.byDate.set(note.completed, reason);
    }
    return reason;
  }

  private dateReason(date: CalendarDate): string {
    const { start, end, asOf } = this;
    if (date < start) return l10n.t('completed {0}, before this cycle ({1}..{2})', date, start, end);
    if (date > end) return l10n.t('completed {0}, after this cycle ({1}..{2})', date, start, end);
    // Credit is earned on the day: a later date is a typo or a course still ahead, and progress "as of" a
    // past day (the CLI's --as-of) must not include what came after it.
    return l10n.t('completed {0}, a date still to come (as of {1})', date, asOf);
  }
}

/** True when a note passes every filter the requirement (or limit) gives. */
export function matchesFilter(filter: NoteFilter, note: CeNote): boolean {
  return matches(toFilter(filter), noteFacts(note));
}

function byCompletion(a: NoteFacts, b: NoteFacts): number {
  return a.completed < b.completed ? -1 : a.completed > b.completed ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** "Pharmacist CE" -> "pharmacist CE", but "HIV/AIDS" stays as written. */
function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() && text[1] !== text[1].toUpperCase() ? text[0].toLowerCase() + text.slice(1) : text;
}
