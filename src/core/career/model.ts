// The career model of a folder (issue #14): credentials held, certificates, experience merged over time,
// eligibility for the next credentials requirement by requirement, suggestions, network and next steps. Pure:
// the same notes, config and as-of date give the same model.
// CONTRACT (s6): helper s6-model builds this (experience.ts, eligibility.ts, suggestions.ts, network.ts).
import type { CalendarDate, Credential, ParsedNote } from '../types';
import type { CareerModel, EligibilityRule, Program } from './types';

export interface CareerModelInput {
  notes: readonly ParsedNote[];
  /** The credentials of `.pharmacy-ce.json` (held; active when the cycle end is on or after `asOf`). */
  credentials: readonly Credential[];
  programs: Record<string, Program>;
  /** Built-in rules unless a test passes its own. */
  rules?: readonly EligibilityRule[];
  /** Study plan ids that exist (for the link from a planned certificate to its plan). */
  studyPlanIds: readonly string[];
  asOf: CalendarDate;
}

export function buildCareerModel(input: CareerModelInput): CareerModel {
  return {
    asOf: input.asOf,
    held: [],
    certificates: [],
    experience: { years: 0, yearsWithinLast8: 0, bySetting: [], responsibilities: [], jobs: [] },
    eligibility: [],
    suggestions: [],
    network: { events: [], organizations: [], memberships: [] },
    nextSteps: [],
    problems: [],
  };
}
