// The career model's next steps, soonest first: memberships to renew within MEMBERSHIP_RENEWAL_DAYS, credentials
// the user can apply for now, what the next credential still needs, certificates to study for, and jobs to add.
import { formatHours } from '../common/numbers';
import type { CareerCertificate, CareerMembership, CareerNextStep, EligibilityStanding, ExperienceSpan } from './types';
import { MEMBERSHIP_RENEWAL_DAYS } from './types';

export interface NextStepInput {
  memberships: readonly CareerMembership[];
  eligibility: readonly EligibilityStanding[];
  certificates: readonly CareerCertificate[];
  jobs: readonly ExperienceSpan[];
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
    const missing = next.requirements.filter((r) => !r.met).map((r) => `${r.label}: ${formatHours(r.have)} of ${formatHours(r.need)}`);
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
