// How many hours count toward a credential, which requirements are met, and why each note counts or not.
//
// The order of the rules, for one credential:
// 1. A note is *counted* when it is a valid CE note, completed, dated inside the cycle, and meant for the
//    credential (its `credentials` name it, or it names none).
// 2. A limit with `maxHours: 0` refuses its notes outright: they count toward nothing, requirements included.
// 3. Requirements add up the full hours of every counted note matching all their filters.
// 4. Notes matching a `countsTowardTotal: false` requirement stay out of the total (Texas trafficking).
// 5. Limits cap what the remaining notes add to the total. A note matched by several limits adds no more
//    than the tightest one still allows, and uses up room in each of them, so every limit holds at once
//    (a 6 h pharmacist college course under "pharmacist <= 5" and "college <= 10" adds 5 and leaves 5 of
//    the college room). Notes are taken earliest first, so the hours earned first are the ones that count.
// Hours are rounded to hundredths at every sum, so 0.1 + 0.2 is 0.3 and a 3.33 h cap compares exactly.
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
  const { start, end } = credential.cycle;
  const verdicts = new Map<CeNote, NoteVerdict>();
  const counted: CeNote[] = [];
  const refused = new Map<Limit, CeNote[]>();

  for (const note of notes) {
    if (note.kind !== 'ce') continue;
    const reason = whyNotCounted(note, credential);
    if (reason !== undefined) {
      verdicts.set(note, { path: note.path, counted: false, reason });
      continue;
    }
    const refusing = ruleSet.limits.find((l) => l.maxHours <= 0 && matchesLimit(l, note));
    if (refusing) {
      refused.set(refusing, [...(refused.get(refusing) ?? []), note]);
      verdicts.set(note, { path: note.path, counted: false, reason: `${lowerFirst(refusing.label)} is not accepted by ${ruleSet.name}` });
      continue;
    }
    counted.push(note);
    verdicts.set(note, { path: note.path, counted: true });
  }

  const requirements: RequirementProgress[] = ruleSet.requirements.map((r) => {
    const matching = counted.filter((n) => matchesFilter(r, n));
    const earned = sumHours(matching);
    return {
      id: r.id,
      label: r.label,
      required: r.minHours,
      earned,
      remaining: round2(Math.max(0, r.minHours - earned)),
      met: earned >= r.minHours,
      countsTowardTotal: r.countsTowardTotal !== false,
      notes: matching.map((n) => n.path),
    };
  });

  const outside = ruleSet.requirements.filter((r) => r.countsTowardTotal === false);
  const toTotal: CeNote[] = [];
  for (const note of counted) {
    const keptOut = outside.find((r) => matchesFilter(r, note));
    if (keptOut) {
      verdicts.set(note, {
        path: note.path,
        counted: true,
        reason: `${keptOut.label}: counts toward that requirement, not toward the ${ruleSet.totalHours} h total`,
      });
    } else toTotal.push(note);
  }

  const caps = ruleSet.limits.filter((l) => l.maxHours > 0).map((limit) => ({ limit, matched: 0, applied: 0, notes: [] as string[] }));
  let earned = 0;
  for (const note of [...toTotal].sort(byCompletion)) {
    const hours = hoursOf(note);
    const matching = caps.filter((c) => matchesLimit(c.limit, note));
    let allowed = hours;
    let tightest: (typeof caps)[number] | undefined;
    for (const c of matching) {
      const room = round2(Math.max(0, c.limit.maxHours - c.applied));
      if (room < allowed) [allowed, tightest] = [room, c];
    }
    for (const c of matching) {
      c.matched = round2(c.matched + hours);
      c.applied = round2(c.applied + allowed);
      c.notes.push(note.path);
    }
    earned = round2(earned + allowed);
    if (tightest) {
      const { label, maxHours } = tightest.limit;
      const reason =
        allowed > 0
          ? `${lowerFirst(label)}: only ${allowed} of ${hours} h count (limit ${maxHours} h)`
          : `${lowerFirst(label)}: none of the ${hours} h count (the ${maxHours} h limit is already reached)`;
      verdicts.set(note, { path: note.path, counted: true, reason });
    }
  }

  const limits: LimitProgress[] = ruleSet.limits.map((limit) => {
    if (limit.maxHours <= 0) {
      const notesRefused = refused.get(limit) ?? [];
      return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched: sumHours(notesRefused), applied: 0, notes: notesRefused.map((n) => n.path) };
    }
    const c = caps.find((x) => x.limit === limit) as (typeof caps)[number];
    return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched: c.matched, applied: c.applied, notes: c.notes };
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
  // Less than a month left (or none): everything still needed is needed this month.
  const monthsLeft = Math.max(1, daysLeft / DAYS_PER_MONTH);
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
    verdicts: notes.filter((n): n is CeNote => n.kind === 'ce').map((n) => verdicts.get(n) as NoteVerdict),
  };
}

/** Every credential of a config, in config order. A credential whose rule set is missing is skipped, never a crash. */
export function evaluateAll(config: ResolvedConfig, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress[] {
  return config.credentials.flatMap((c) => {
    const ruleSet = config.ruleSets[c.ruleSetId];
    return ruleSet ? [evaluateCredential(c, ruleSet, notes, asOf)] : [];
  });
}

/** Why a CE note does not count toward a credential at all, or undefined when it is counted. */
export function whyNotCounted(note: CeNote, credential: Credential): string | undefined {
  if (!note.valid) return 'has errors';
  if (note.credentials !== undefined) {
    const wanted = credential.id.toLowerCase();
    if (note.credentials.length === 0) return 'not for any credential (its credentials list is empty)';
    if (!note.credentials.some((c) => c.trim().toLowerCase() === wanted)) return `only for credentials: ${note.credentials.join(', ')}`;
  }
  if (note.status === 'planned') return 'planned, not completed';
  if (note.status === 'in-progress') return 'in progress, not completed';
  if (note.completed === undefined) return 'completed, but with no completion date';
  const { start, end } = credential.cycle;
  if (note.completed < start) return `completed ${note.completed}, before this cycle (${start}..${end})`;
  if (note.completed > end) return `completed ${note.completed}, after this cycle (${start}..${end})`;
  return undefined;
}

/** True when a note passes every filter the requirement (or limit) gives. */
export function matchesFilter(filter: NoteFilter, note: CeNote): boolean {
  return (
    (filter.topic === undefined || note.topics.includes(filter.topic)) &&
    (filter.format === undefined || note.format === filter.format) &&
    (filter.audience === undefined || note.audience === filter.audience) &&
    (filter.category === undefined || note.category === filter.category)
  );
}

/** A limit matches by audience and/or category; one with neither matches nothing (the config refuses it). */
function matchesLimit(limit: Limit, note: CeNote): boolean {
  if (limit.audience === undefined && limit.category === undefined) return false;
  return matchesFilter({ audience: limit.audience, category: limit.category }, note);
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function hoursOf(note: CeNote): number {
  return Number.isFinite(note.hours) && note.hours > 0 ? round2(note.hours) : 0;
}

function sumHours(notes: readonly CeNote[]): number {
  return notes.reduce((sum, n) => round2(sum + hoursOf(n)), 0);
}

function byCompletion(a: CeNote, b: CeNote): number {
  const x = a.completed ?? '';
  const y = b.completed ?? '';
  return x < y ? -1 : x > y ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** "Pharmacist CE" -> "pharmacist CE", but "HIV/AIDS" stays as written. */
function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() && text[1] !== text[1].toUpperCase() ? text[0].toLowerCase() + text.slice(1) : text;
}
