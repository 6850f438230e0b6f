// The career model's next steps, soonest first: memberships to renew within MEMBERSHIP_RENEWAL_DAYS, credentials
// the user can apply for now, what the next credential still needs, certificates to study for, and jobs to add.
import { formatHours } from '../common/numbers';
import type { CareerCertificate, CareerMembership, CareerNextStep, EligibilityRule, EligibilityStanding, ExperienceSpan, RequirementStanding } from './types';
import { MEMBERSHIP_RENEWAL_DAYS } from './types';

export interface NextStepInput {
  memberships: readonly CareerMembership[];
  eligibility: readonly EligibilityStanding[];
  certificates: readonly CareerCertificate[];
  jobs: readonly ExperienceSpan[];
  rules: readonly EligibilityRule[];
}

export function careerNextSteps(input: NextStepInput): CareerNextStep[] {
  const steps: CareerNextStep[] = [];
  for (const m of input.memberships) {
    if (m.daysLeft === null || m.daysLeft < 0 || m.daysLeft > MEMBERSHIP_RENEWAL_DAYS) continue;
    const when = m.daysLeft === 0 ? 'today' : `by ${m.renews} (${m.daysLeft} ${m.daysLeft === 1 ? 'day' : 'days'} left)`;
    steps.push({ kind: 'membership-renewal', text: `Renew your ${m.organization} membership ${when}.`, file: m.file });
  }
  const open = input.eligibility.filter((e) => !e.held);
  for (const e of open.filter((e) => e.met)) {
    steps.push({ kind: 'next-credential', text: `You meet the requirements for the ${e.name}: you can apply.`, program: e.id });
  }
  // The next rung: the first credential (rules' order, CPhT-Adv first) neither held nor met.
  const next = open.find((e) => !e.met);
  if (next) {
    const rule = input.rules.find((r) => r.id === next.id);
    const missing = next.requirements.filter((r) => !r.met).map((r) => missingText(r, rule?.requirements.find((q) => q.id === r.id)?.kind));
    steps.push({ kind: 'next-credential', text: `For the ${next.name}, still needed: ${missing.join('; ')}.`, program: next.id });
  }
  for (const c of input.certificates) {
    if (c.status !== 'earned' && c.studyPlan !== null) {
      steps.push({ kind: 'plan-study', text: `Prepare for the ${c.name} with its study plan.`, file: c.file, program: c.program });
    }
  }
  if (input.jobs.length === 0) {
    steps.push({ kind: 'add-experience', text: 'Add your jobs as career notes (type: experience): the years count toward the CPhT-Adv and the CSPT.' });
  }
  return steps;
}

/** What a requirement still lacks, in words: a credential or program by its label, a count or years as "have of need". */
function missingText(r: RequirementStanding, kind: string | undefined): string {
  if (kind === 'credential' || kind === 'training') return r.label;
  if (kind === 'certificates') {
    const more = r.need - r.have;
    return `${more} more PTCB ${more === 1 ? 'certificate' : 'certificates'} (${r.have} of ${r.need})`;
  }
  return `${r.label}: ${formatHours(r.have)} of ${formatHours(r.need)}`;
}
