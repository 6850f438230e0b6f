// The career model of a folder (issue #14): credentials held, certificates, experience merged over time,
// eligibility for the next credentials requirement by requirement, suggestions, network and next steps. Pure:
// the same notes, config and as-of date give the same model. Each part is worked out in a module of its own.
import type { CalendarDate, Credential, ParsedNote } from '../types';
import { careerProblems } from './career-problems';
import { careerCertificates, heldCredentials } from './credentials';
import { evaluateEligibility } from './eligibility';
import { builtInEligibilityRules } from './eligibility-rules';
import { experienceSpans, summarizeExperience } from './experience';
import { careerNetwork } from './network';
import { careerNextSteps } from './next-steps';
import { careerSuggestions } from './suggestions';
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
  const { notes, programs, studyPlanIds, asOf } = input;
  const certificates = careerCertificates(notes, programs, studyPlanIds, asOf);
  const held = heldCredentials(input.credentials, certificates, programs, asOf);
  const jobs = experienceSpans(notes, asOf);
  const rules = input.rules ?? builtInEligibilityRules();
  const eligibility = evaluateEligibility({ rules, held, certificates, jobs, programs, asOf });
  const network = careerNetwork(notes, asOf);
  return {
    asOf,
    held,
    certificates,
    experience: summarizeExperience(jobs, asOf),
    eligibility,
    suggestions: careerSuggestions({ programs, certificates, held, jobs, studyPlanIds }),
    network,
    nextSteps: careerNextSteps({ memberships: network.memberships, eligibility, certificates, jobs, rules }),
    problems: careerProblems(notes, programs),
  };
}
