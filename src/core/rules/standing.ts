// How a credential stands: its state, its short text and how far along it is. Decided here, once, for every
// surface (report, dashboard, tree, status bar), so no surface can call a credential on track or 100% while
// a required hour is missing.
import * as l10n from '@vscode/l10n';
import { daysBetween } from '../common/dates';
import { roundHours } from '../common/numbers';
import type { CalendarDate, ProgressState, RuleSet } from '../types';

/** A cycle ending this soon and not met is at risk, whatever the pace. */
const AT_RISK_DAYS = 60;
/** A requirement still unmet this close to the end is at risk. */
const REQUIREMENT_RISK_DAYS = 90;

/** What the standing is decided from: a CredentialProgress, a report's credential or a dashboard card's figures. */
export interface StandingInput {
  met: boolean;
  behindPace: boolean;
  /** `end` and `applyBy` when known: the risk window counts to the deadline to apply, as "days left" does. */
  cycle: { daysLeft: number; end?: CalendarDate; applyBy?: CalendarDate };
  hours: { required: number; remaining: number };
  requirements: readonly { met: boolean; required: number; remaining: number; countsTowardTotal: boolean }[];
}

export interface Standing {
  state: ProgressState;
  /** Requirements not yet met. */
  missing: number;
  /** 0..100; 100 only when met. */
  percent: number;
  /** `Met`, `On track`, `At risk`, `Not met`, or `1 requirement missing` once the total is met without them. */
  text: string;
}

/** The standing, in words from the core's own bundle (issue #15). */
export function credentialStanding(input: StandingInput): Standing {
  const missing = input.requirements.filter((r) => !r.met).length;
  const totalMet = input.hours.remaining <= 0;
  const daysLeft = input.cycle.daysLeft;
  // Unmet only once the cycle has ended; at risk counted to the deadline to apply (a late fee after it).
  const { end, applyBy } = input.cycle;
  const daysToGo = end !== undefined && applyBy !== undefined ? nextDeadline({ end, daysLeft, applyBy }).daysLeft : daysLeft;
  let state: ProgressState;
  if (input.met) state = 'met';
  else if (daysLeft < 0) state = 'unmet';
  // The total reached with a requirement missing is never on track: more hours of the wrong topic will not help.
  else if (input.behindPace || daysToGo <= AT_RISK_DAYS || (missing > 0 && (totalMet || daysToGo <= REQUIREMENT_RISK_DAYS))) state = 'at-risk';
  else state = 'on-track';

  let text: string;
  if (state === 'met') text = l10n.t('Met');
  else if (state === 'unmet') text = l10n.t('Not met');
  else if (totalMet && missing > 0) text = missing === 1 ? l10n.t('1 requirement missing') : l10n.t('{0} requirements missing', String(missing));
  else text = state === 'at-risk' ? l10n.t('At risk') : l10n.t('On track');

  const base = input.hours.required + input.requirements.filter((r) => !r.countsTowardTotal).reduce((sum, r) => sum + r.required, 0);
  const done = base > 0 ? Math.round(((base - hoursStillNeeded(input)) / base) * 100) : 0;
  const percent = input.met ? 100 : Math.max(0, Math.min(99, done));
  return { state, missing, percent, text };
}

/**
 * Hours still needed at the least: the total's shortfall or the largest requirement shortfall among those
 * that count toward it (one note can serve several), plus shortfalls of requirements outside the total.
 */
export function hoursStillNeeded(input: Pick<StandingInput, 'hours' | 'requirements'>): number {
  let inside = input.hours.remaining;
  let outside = 0;
  for (const r of input.requirements) {
    if (r.countsTowardTotal) inside = Math.max(inside, r.remaining);
    else outside += r.remaining;
  }
  return inside + outside;
}

/** The day the renewal application is due for a cycle ending `end`, when the rule set has such a deadline. */
export function applicationDeadline(ruleSet: Pick<RuleSet, 'applicationDeadline'>, end: CalendarDate): CalendarDate | undefined {
  if (ruleSet.applicationDeadline !== 'first-of-end-month') return undefined;
  return `${end.slice(0, 7)}-01`;
}

/** The date "days left" counts to: the application deadline when there is one, else the cycle end. */
export function nextDeadline(cycle: { end: CalendarDate; daysLeft: number; applyBy?: CalendarDate }): { date: CalendarDate; daysLeft: number; apply: boolean } {
  if (cycle.applyBy === undefined) return { date: cycle.end, daysLeft: cycle.daysLeft, apply: false };
  // daysLeft counts from the as-of date to the end; the same distance to the deadline is the difference.
  return { date: cycle.applyBy, daysLeft: cycle.daysLeft - daysBetween(cycle.applyBy, cycle.end), apply: true };
}

/** Average days per month, for the pace. */
const DAYS_PER_MONTH = 30.44;

/** How far into [start, until] the as-of date is, from 0 to 1. */
export function elapsedFraction(start: CalendarDate, until: CalendarDate, asOf: CalendarDate): number {
  const span = daysBetween(start, until);
  return span <= 0 ? (asOf >= until ? 1 : 0) : Math.min(1, Math.max(0, daysBetween(start, asOf) / span));
}

/**
 * Whether the hours earned are behind an even pace, and the hours per month still needed. Both run to `dueBy`,
 * the deadline to apply where the rule set has one: the hours are due when the renewal is applied for.
 */
export function paceOf(p: { start: CalendarDate; dueBy: CalendarDate; asOf: CalendarDate; met: boolean; earned: number; required: number; needed: number }): { behindPace: boolean; pacePerMonth: number } {
  const behindPace = !p.met && p.earned < roundHours(p.required * elapsedFraction(p.start, p.dueBy, p.asOf));
  // Only days inside the cycle can earn hours (a cycle may not have started yet). Less than a month left,
  // or none: everything still needed is needed this month.
  const earningDays = daysBetween(p.asOf > p.start ? p.asOf : p.start, p.dueBy);
  const pacePerMonth = p.met ? 0 : roundHours(p.needed / Math.max(1, earningDays / DAYS_PER_MONTH));
  return { behindPace, pacePerMonth };
}
