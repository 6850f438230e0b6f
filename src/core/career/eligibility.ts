// Where the user stands on each eligibility rule, requirement by requirement: what they have, what is asked,
// and whether it is met. Years are compared exactly and shown floored to 2 decimals, so 2.999 years reads
// 2.99 and is not met.
import type { CalendarDate } from '../types';
import { programOf } from './credentials';
import { CREDENTIAL_INCLUDES } from './eligibility-rules';
import { experienceYears, floorYears } from './experience';
import type { CareerCertificate, EligibilityRequirementRule, EligibilityRule, EligibilityStanding, ExperienceSpan, HeldCredential, Program, RequirementStanding } from './types';

export interface EligibilityInput {
  rules: readonly EligibilityRule[];
  held: readonly HeldCredential[];
  certificates: readonly CareerCertificate[];
  jobs: readonly ExperienceSpan[];
  programs: Record<string, Program>;
  asOf: CalendarDate;
}

/** Each rule's standing, in the rules' order. */
export function evaluateEligibility(input: EligibilityInput): EligibilityStanding[] {
  const active = activePrograms(input.held, input.certificates);
  return input.rules.map((rule) => {
    const requirements = rule.requirements.map((requirement) => standingOf(requirement, rule, active, input));
    return {
      id: rule.id,
      name: rule.name,
      met: requirements.every((r) => r.met),
      requirements,
      held: active.has(rule.id),
      ...(rule.verify !== undefined ? { verify: rule.verify } : {}),
      caveats: [...(rule.caveats ?? [])],
      source: rule.source,
      asOf: rule.asOf,
    };
  });
}

/** Programs held and active at the as-of date: credentials, earned certificates, and what a credential includes. */
function activePrograms(held: readonly HeldCredential[], certificates: readonly CareerCertificate[]): Set<string> {
  const active = new Set<string>();
  for (const h of held) if (h.active) active.add(h.program);
  // A held credential's own state wins (the config's cycle over a note naming the same program).
  const heldIds = new Set(held.map((h) => h.program));
  for (const c of certificates) if (c.active && !heldIds.has(c.program)) active.add(c.program);
  for (const id of [...active]) for (const included of CREDENTIAL_INCLUDES.get(id) ?? []) active.add(included);
  return active;
}

function standingOf(requirement: EligibilityRequirementRule, rule: EligibilityRule, active: ReadonlySet<string>, input: EligibilityInput): RequirementStanding {
  const base = { id: requirement.id, label: requirement.label };
  switch (requirement.kind) {
    case 'credential': {
      const have = active.has(requirement.program) ? 1 : 0;
      return { ...base, have, need: 1, met: have >= 1 };
    }
    case 'certificates': {
      const have = countPtcbCertificates(input.certificates, input.programs);
      const need = requirement.needWith && active.has(requirement.needWith.program) ? requirement.needWith.need : requirement.need;
      return { ...base, have, need, met: have >= need };
    }
    case 'experience': {
      const years = experienceYears(input.jobs, input.asOf, requirement);
      const need = requirement.needWithProgram !== undefined && hasTraining(rule.id, input) ? requirement.needWithProgram : requirement.need;
      return { ...base, have: floorYears(years), need, met: years >= need };
    }
    case 'training': {
      if (hasTraining(rule.id, input)) return { ...base, have: 1, need: 1, met: true };
      // Enough experience makes the program unnecessary (CSPT: 3 years of full-time sterile compounding).
      const work = rule.requirements.find((r) => r.kind === 'experience');
      const enough = requirement.optionalWithYears !== undefined && work?.kind === 'experience' && experienceYears(input.jobs, input.asOf, work) >= requirement.optionalWithYears;
      return { ...base, have: 0, need: enough ? 0 : 1, met: enough };
    }
  }
}

/** Distinct PTCB assessment-based certificates earned and not expired (a duplicated note counts once). */
function countPtcbCertificates(certificates: readonly CareerCertificate[], programs: Record<string, Program>): number {
  const counted = new Set<string>();
  for (const c of certificates) {
    const program = programOf(programs, c.program);
    if (c.active && program?.kind === 'certificate' && program.issuer === 'PTCB') counted.add(c.program);
  }
  return counted.size;
}

/** True when an earned training program recognised for `ruleId` is active. */
function hasTraining(ruleId: string, input: EligibilityInput): boolean {
  return input.certificates.some((c) => c.active && (programOf(input.programs, c.program)?.recognizedFor ?? []).includes(ruleId) && c.kind === 'training');
}
