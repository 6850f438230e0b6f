// How many hours count toward a credential, which requirements are met, and why each note counts or not.
//
// The order of the rules, for one credential:
// 1. A note is *counted* when it is a valid CE note, completed, dated inside the cycle and not after the
//    as-of date, and meant for the credential (its `credentials` name it, or it names none).
// 2. A limit with `maxHours: 0` refuses its notes outright: they count toward nothing, requirements included.
// 3. Requirements add up the full hours of every counted note matching all their filters.
// 4. Notes matching a `countsTowardTotal: false` requirement stay out of the total (Texas trafficking).
// 5. Limits cap what the remaining notes add to the total. A note matched by several limits adds no more
//    than the tightest one still allows, and uses up room in each of them, so every limit holds at once
//    (a 6 h pharmacist college course under "pharmacist <= 5" and "college <= 10" adds 5 and leaves 5 of
//    the college room). Notes are taken earliest first, so the hours earned first are the ones that count.
// Hours are counted in whole hundredths, so 0.1 + 0.2 is 0.3 and a 3.33 h cap compares exactly.
import { daysBetween } from './dates';
import type {
  CalendarDate,
  CeNote,
  Credential,
  CredentialProgress,
  Limit,
  LimitProgress,
  NoteFilter,
  NoteVerdict,
  ParsedNote,
  ProgressState,
  RequirementProgress,
  ResolvedConfig,
  RuleSet,
} from './types';

/** Average days per month, for the pace. */
const DAYS_PER_MONTH = 30.44;
/** A cycle ending this soon and not met is at risk, whatever the pace. */
const AT_RISK_DAYS = 60;
/** A requirement still unmet this close to the end is at risk. */
const REQUIREMENT_RISK_DAYS = 90;

export function evaluateCredential(credential: Credential, ruleSet: RuleSet, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress {
  return evaluateFacts(credential, ruleSet, factsOf(notes), asOf);
}

/** Every credential of a config, in config order. A credential whose rule set is missing is skipped, never a crash. */
export function evaluateAll(config: ResolvedConfig, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress[] {
  const facts = factsOf(notes);
  return config.credentials.flatMap((c) => {
    const ruleSet = config.ruleSets[c.ruleSetId];
    return ruleSet ? [evaluateFacts(c, ruleSet, facts, asOf)] : [];
  });
}

/**
 * What the rules read of a CE note, in one fixed shape. Parsed notes differ in which optional keys they
 * have, so reading them in the hot loops below is slow (megamorphic property access); each note is read
 * once per evaluation into this instead, and hours become whole hundredths (sums of them are exact).
 */
interface Facts {
  path: string;
  cents: number;
  valid: boolean;
  status: string;
  /** '' when none. */
  completed: string;
  /** Lower-cased, trimmed; null when the note names none (then it counts for every credential). */
  credentials: string[] | null;
  credentialsText: string;
  topics: readonly string[];
  format: string;
  audience: string;
  category: string;
}

/** Facts of each note object. Parsed notes are never changed in place (an edit makes a new note object). */
const FACTS = new WeakMap<CeNote, Facts>();

function factsOf(notes: readonly ParsedNote[]): Facts[] {
  const out: Facts[] = [];
  for (const note of notes) {
    if (note.kind !== 'ce') continue;
    let facts = FACTS.get(note);
    if (facts === undefined) {
      facts = project(note);
      FACTS.set(note, facts);
    }
    out.push(facts);
  }
  return out;
}

function project(note: CeNote): Facts {
  const credentials = note.credentials;
  return {
    path: note.path,
    cents: Number.isFinite(note.hours) && note.hours > 0 ? Math.round(note.hours * 100) : 0,
    valid: note.valid === true,
    status: note.status,
    completed: note.completed ?? '',
    credentials: Array.isArray(credentials) ? credentials.map((c) => String(c).trim().toLowerCase()) : null,
    credentialsText: Array.isArray(credentials) ? credentials.join(', ') : '',
    topics: Array.isArray(note.topics) ? note.topics : [],
    format: note.format,
    audience: note.audience,
    category: note.category,
  };
}

/** Whether one note counts for one credential before limits, and its verdict (shared, never mutated). */
interface Classified {
  verdict: NoteVerdict;
  /** Index of the `maxHours: 0` limit refusing the note, or -1. */
  refusedBy: number;
}

/**
 * Classifications by rule set, then by credential/cycle/as-of, then by note: after one edit only the
 * edited note is classified again, and unchanged notes keep their verdict objects (less to allocate).
 */
const CLASSIFIED = new WeakMap<RuleSet, Map<string, WeakMap<Facts, Classified>>>();
const CONTEXTS_PER_RULE_SET = 8;

function classifications(ruleSet: RuleSet, key: string): WeakMap<Facts, Classified> {
  let byKey = CLASSIFIED.get(ruleSet);
  if (!byKey) CLASSIFIED.set(ruleSet, (byKey = new Map()));
  let cache = byKey.get(key);
  if (!cache) {
    // Keys change with the date; keep only the latest few.
    if (byKey.size >= CONTEXTS_PER_RULE_SET) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, (cache = new WeakMap()));
  }
  return cache;
}

/** A requirement's or limit's filter in one fixed shape; null matches anything. */
interface Filter {
  topic: string | null;
  format: string | null;
  audience: string | null;
  category: string | null;
}

function toFilter(f: NoteFilter): Filter {
  return { topic: f.topic ?? null, format: f.format ?? null, audience: f.audience ?? null, category: f.category ?? null };
}

function matches(f: Filter, n: Facts): boolean {
  return (
    (f.topic === null || n.topics.includes(f.topic)) &&
    (f.format === null || n.format === f.format) &&
    (f.audience === null || n.audience === f.audience) &&
    (f.category === null || n.category === f.category)
  );
}

/** A limit's filter; one with neither audience nor category matches nothing (the config refuses it). */
function limitFilter(limit: Limit): Filter | undefined {
  return limit.audience === undefined && limit.category === undefined ? undefined : toFilter({ audience: limit.audience, category: limit.category });
}

function evaluateFacts(credential: Credential, ruleSet: RuleSet, notes: readonly Facts[], asOf: CalendarDate): CredentialProgress {
  const { start, end } = credential.cycle;
  const wanted = credential.id.trim().toLowerCase();
  const reasons = new ReasonCache(start, end, asOf);
  const verdicts: NoteVerdict[] = [];
  const counted: Facts[] = [];
  const countedAt: number[] = [];
  const refusing = ruleSet.limits.filter((l) => l.maxHours <= 0).map((limit) => ({ limit, filter: limitFilter(limit), notes: [] as Facts[] }));
  const cache = classifications(ruleSet, `${wanted}|${start}|${end}|${asOf}`);
  const classify = (note: Facts): Classified => {
    const reason = reasons.whyNot(note, wanted);
    if (reason !== undefined) return { verdict: { path: note.path, counted: false, reason }, refusedBy: -1 };
    const r = refusing.findIndex((x) => x.filter !== undefined && matches(x.filter, note));
    if (r >= 0) return { verdict: { path: note.path, counted: false, reason: `${lowerFirst(refusing[r].limit.label)} is not accepted by ${ruleSet.name}` }, refusedBy: r };
    return { verdict: { path: note.path, counted: true }, refusedBy: -1 };
  };

  for (const note of notes) {
    let c = cache.get(note);
    if (c === undefined) {
      c = classify(note);
      cache.set(note, c);
    }
    if (c.verdict.counted) {
      countedAt.push(verdicts.length);
      counted.push(note);
    } else if (c.refusedBy >= 0) refusing[c.refusedBy].notes.push(note);
    verdicts.push(c.verdict);
  }

  const requirements: RequirementProgress[] = ruleSet.requirements.map((r) => {
    const filter = toFilter(r);
    let cents = 0;
    const paths: string[] = [];
    for (const n of counted) {
      if (!matches(filter, n)) continue;
      cents += n.cents;
      paths.push(n.path);
    }
    const earned = cents / 100;
    return {
      id: r.id,
      label: r.label,
      required: r.minHours,
      earned,
      remaining: round2(Math.max(0, r.minHours - earned)),
      met: earned >= r.minHours,
      countsTowardTotal: r.countsTowardTotal !== false,
      notes: paths,
    };
  });

  const outside = ruleSet.requirements.filter((r) => r.countsTowardTotal === false).map((r) => ({ label: r.label, filter: toFilter(r) }));
  const caps = ruleSet.limits
    .filter((l) => l.maxHours > 0)
    .map((limit) => ({ limit, filter: limitFilter(limit), max: Math.round(limit.maxHours * 100), matched: 0, applied: 0, notes: [] as string[] }));
  const capMatches = (note: Facts) => caps.filter((c) => c.filter !== undefined && matches(c.filter, note));
  let earnedCents = 0;
  // Notes under a limit wait for the ordered pass below; the others add in full.
  const limited: number[] = [];
  for (let k = 0; k < counted.length; k++) {
    const note = counted[k];
    const keptOut = outside.length > 0 ? outside.find((r) => matches(r.filter, note)) : undefined;
    if (keptOut) {
      verdicts[countedAt[k]] = { path: note.path, counted: true, reason: `${keptOut.label}: counts toward that requirement, not toward the ${ruleSet.totalHours} h total` };
    } else if (caps.length > 0 && caps.some((c) => c.filter !== undefined && matches(c.filter, note))) limited.push(k);
    else earnedCents += note.cents;
  }

  limited.sort((a, b) => byCompletion(counted[a], counted[b]));
  for (const k of limited) {
    const note = counted[k];
    const cents = note.cents;
    const matching = capMatches(note);
    let allowed = cents;
    let tightest: (typeof caps)[number] | undefined;
    for (const c of matching) {
      const room = Math.max(0, c.max - c.applied);
      if (room < allowed) [allowed, tightest] = [room, c];
    }
    for (const c of matching) {
      c.matched += cents;
      c.applied += allowed;
      c.notes.push(note.path);
    }
    earnedCents += allowed;
    if (tightest) {
      const { label, maxHours } = tightest.limit;
      const reason =
        allowed > 0
          ? `${lowerFirst(label)}: only ${allowed / 100} of ${cents / 100} h count (limit ${maxHours} h)`
          : `${lowerFirst(label)}: none of the ${cents / 100} h count (the ${maxHours} h limit is already reached)`;
      verdicts[countedAt[k]] = { path: note.path, counted: true, reason };
    }
  }
  const earned = earnedCents / 100;

  const limits: LimitProgress[] = ruleSet.limits.map((limit) => {
    const refused = refusing.find((r) => r.limit === limit);
    if (refused) {
      const matched = refused.notes.reduce((sum, n) => sum + n.cents, 0) / 100;
      return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched, applied: 0, notes: refused.notes.map((n) => n.path) };
    }
    const c = caps.find((x) => x.limit === limit) as (typeof caps)[number];
    return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched: c.matched / 100, applied: c.applied / 100, notes: c.notes };
  });

  const required = ruleSet.totalHours;
  const remaining = round2(Math.max(0, required - earned));
  const met = earned >= required && requirements.every((r) => r.met);

  const daysLeft = daysBetween(asOf, end);
  const daysTotal = daysBetween(start, end) + 1;
  const span = daysBetween(start, end);
  const elapsed = span <= 0 ? (asOf >= end ? 1 : 0) : clamp(daysBetween(start, asOf) / span, 0, 1);
  const behindPace = !met && earned < round2(required * elapsed);

  // Hours still needed at the least: the total's shortfall or the largest requirement shortfall among those
  // that count toward it (one note can serve several), plus shortfalls of requirements outside the total.
  const needed =
    Math.max(remaining, ...requirements.filter((r) => r.countsTowardTotal).map((r) => r.remaining)) +
    requirements.filter((r) => !r.countsTowardTotal).reduce((sum, r) => sum + r.remaining, 0);
  // Only days inside the cycle can earn hours (a cycle may not have started yet). Less than a month left,
  // or none: everything still needed is needed this month.
  const earningDays = daysBetween(asOf > start ? asOf : start, end);
  const monthsLeft = Math.max(1, earningDays / DAYS_PER_MONTH);
  const pacePerMonth = met ? 0 : round2(needed / monthsLeft);

  let state: ProgressState;
  if (met) state = 'met';
  else if (daysLeft < 0) state = 'unmet';
  else if (behindPace || daysLeft <= AT_RISK_DAYS || (daysLeft <= REQUIREMENT_RISK_DAYS && requirements.some((r) => !r.met))) state = 'at-risk';
  else state = 'on-track';

  return {
    credential,
    ruleSet,
    cycle: { start, end, daysLeft, daysTotal, elapsed },
    hours: { earned, required, remaining },
    met,
    state,
    pacePerMonth,
    behindPace,
    requirements,
    limits,
    countedNotes: counted.map((n) => n.path),
    verdicts,
  };
}

/** Why a CE note does not count toward a credential at `asOf`, or undefined when it is counted. */
export function whyNotCounted(note: CeNote, credential: Credential, asOf: CalendarDate): string | undefined {
  const facts = project(note);
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

  whyNot(note: Facts, wanted: string): string | undefined {
    if (!note.valid) return 'has errors';
    if (note.credentials !== null) {
      if (note.credentials.length === 0) return 'not for any credential (its credentials list is empty)';
      if (!note.credentials.includes(wanted)) return `only for credentials: ${note.credentialsText}`;
    }
    if (note.status === 'planned') return 'planned, not completed';
    if (note.status === 'in-progress') return 'in progress, not completed';
    if (note.completed === '') return 'completed, but with no completion date';
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
    if (date < start) return `completed ${date}, before this cycle (${start}..${end})`;
    if (date > end) return `completed ${date}, after this cycle (${start}..${end})`;
    // Credit is earned on the day: a later date is a typo or a course still ahead, and progress "as of" a
    // past day (the CLI's --as-of) must not include what came after it.
    return `completed ${date}, a date still to come (as of ${asOf})`;
  }
}

/** True when a note passes every filter the requirement (or limit) gives. */
export function matchesFilter(filter: NoteFilter, note: CeNote): boolean {
  return matches(toFilter(filter), project(note));
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function byCompletion(a: Facts, b: Facts): number {
  return a.completed < b.completed ? -1 : a.completed > b.completed ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** "Pharmacist CE" -> "pharmacist CE", but "HIV/AIDS" stays as written. */
function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() && text[1] !== text[1].toUpperCase() ? text[0].toLowerCase() + text.slice(1) : text;
}
