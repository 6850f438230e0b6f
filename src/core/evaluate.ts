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
  const { start, end } = credential.cycle;
  const wanted = credential.id.toLowerCase();
  // One pass with plain arrays, hours in integer hundredths: this runs for every credential after every
  // edit, over every note of the folder.
  const verdicts: NoteVerdict[] = [];
  const counted: CeNote[] = [];
  const countedVerdicts: NoteVerdict[] = [];
  const refusing = ruleSet.limits.filter((l) => l.maxHours <= 0);
  const refused: CeNote[][] = refusing.map(() => []);

  for (const note of notes) {
    if (note.kind !== 'ce') continue;
    const reason = whyNotCountedFor(note, wanted, start, end, asOf);
    if (reason !== undefined) {
      verdicts.push({ path: note.path, counted: false, reason });
      continue;
    }
    const r = refusing.findIndex((l) => matchesLimit(l, note));
    if (r >= 0) {
      refused[r].push(note);
      verdicts.push({ path: note.path, counted: false, reason: `${lowerFirst(refusing[r].label)} is not accepted by ${ruleSet.name}` });
      continue;
    }
    const verdict: NoteVerdict = { path: note.path, counted: true };
    verdicts.push(verdict);
    counted.push(note);
    countedVerdicts.push(verdict);
  }

  const requirements: RequirementProgress[] = ruleSet.requirements.map((r) => {
    let cents = 0;
    const paths: string[] = [];
    for (const n of counted) {
      if (!matchesFilter(r, n)) continue;
      cents += centsOf(n);
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

  const outside = ruleSet.requirements.filter((r) => r.countsTowardTotal === false);
  const caps = ruleSet.limits.filter((l) => l.maxHours > 0).map((limit) => ({ limit, max: Math.round(limit.maxHours * 100), matched: 0, applied: 0, notes: [] as string[] }));
  let earnedCents = 0;
  // Notes under a limit wait for the ordered pass below; the others add in full.
  const limited: number[] = [];
  for (let k = 0; k < counted.length; k++) {
    const note = counted[k];
    const keptOut = outside.length > 0 ? outside.find((r) => matchesFilter(r, note)) : undefined;
    if (keptOut) countedVerdicts[k].reason = `${keptOut.label}: counts toward that requirement, not toward the ${ruleSet.totalHours} h total`;
    else if (caps.some((c) => matchesLimit(c.limit, note))) limited.push(k);
    else earnedCents += centsOf(note);
  }

  limited.sort((a, b) => byCompletion(counted[a], counted[b]));
  for (const k of limited) {
    const note = counted[k];
    const cents = centsOf(note);
    const matching = caps.filter((c) => matchesLimit(c.limit, note));
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
      countedVerdicts[k].reason =
        allowed > 0
          ? `${lowerFirst(label)}: only ${allowed / 100} of ${cents / 100} h count (limit ${maxHours} h)`
          : `${lowerFirst(label)}: none of the ${cents / 100} h count (the ${maxHours} h limit is already reached)`;
    }
  }
  const earned = earnedCents / 100;

  const limits: LimitProgress[] = ruleSet.limits.map((limit) => {
    const r = refusing.indexOf(limit);
    if (r >= 0) {
      const notesRefused = refused[r];
      const matched = notesRefused.reduce((sum, n) => sum + centsOf(n), 0) / 100;
      return { id: limit.id, label: limit.label, maxHours: limit.maxHours, matched, applied: 0, notes: notesRefused.map((n) => n.path) };
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

/** Every credential of a config, in config order. A credential whose rule set is missing is skipped, never a crash. */
export function evaluateAll(config: ResolvedConfig, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress[] {
  return config.credentials.flatMap((c) => {
    const ruleSet = config.ruleSets[c.ruleSetId];
    return ruleSet ? [evaluateCredential(c, ruleSet, notes, asOf)] : [];
  });
}

/** Why a CE note does not count toward a credential at `asOf`, or undefined when it is counted. */
export function whyNotCounted(note: CeNote, credential: Credential, asOf: CalendarDate): string | undefined {
  return whyNotCountedFor(note, credential.id.toLowerCase(), credential.cycle.start, credential.cycle.end, asOf);
}

function whyNotCountedFor(note: CeNote, wanted: string, start: CalendarDate, end: CalendarDate, asOf: CalendarDate): string | undefined {
  if (!note.valid) return 'has errors';
  if (note.credentials !== undefined) {
    if (note.credentials.length === 0) return 'not for any credential (its credentials list is empty)';
    if (!note.credentials.some((c) => c.trim().toLowerCase() === wanted)) return `only for credentials: ${note.credentials.join(', ')}`;
  }
  if (note.status === 'planned') return 'planned, not completed';
  if (note.status === 'in-progress') return 'in progress, not completed';
  if (note.completed === undefined) return 'completed, but with no completion date';
  if (note.completed < start) return `completed ${note.completed}, before this cycle (${start}..${end})`;
  if (note.completed > end) return `completed ${note.completed}, after this cycle (${start}..${end})`;
  // Credit is earned on the day: a later date is a typo or a course still ahead, and progress "as of" a
  // past day (the CLI's --as-of) must not include what came after it.
  if (note.completed > asOf) return `completed ${note.completed}, a date still to come (as of ${asOf})`;
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

/** A note's hours in whole hundredths (sums of them are exact). */
function centsOf(note: CeNote): number {
  return Number.isFinite(note.hours) && note.hours > 0 ? Math.round(note.hours * 100) : 0;
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
