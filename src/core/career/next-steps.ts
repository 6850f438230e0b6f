// The career model's next steps, soonest first: memberships to renew within MEMBERSHIP_RENEWAL_DAYS, credentials
// the user can apply for now, what the next credential still needs, certificates to study for, and jobs to add.
import * as l10n from '@vscode/l10n';
import { formatHours } from '../common/numbers';
import type { CareerCertificate, CareerMembership, CareerNextStep, EligibilityRule, EligibilityStanding, ExperienceSpan, RequirementStanding } from './types';
import { MEMBERSHIP_RENEWAL_DAYS } from './types';
import type { CalendarDate } from '../types';

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
    steps.push({ kind: 'membership-renewal', text: renewalText(m.organization, m.renews, m.daysLeft), file: m.file });
  }
  const open = input.eligibility.filter((e) => !e.held);
  for (const e of open.filter((e) => e.met)) {
    steps.push({ kind: 'next-credential', text: l10n.t('You meet the requirements for the {0}: you can apply.', e.name), program: e.id });
  }
  // The next rung: the first credential (rules' order, CPhT-Adv first) neither held nor met.
  const next = open.find((e) => !e.met);
  if (next) {
    const rule = input.rules.find((r) => r.id === next.id);
    const missing = next.requirements.filter((r) => !r.met).map((r) => missingText(r, rule?.requirements.find((q) => q.id === r.id)?.kind));
    steps.push({ kind: 'next-credential', text: l10n.t('For the {0}, still needed: {1}.', next.name, missing.join('; ')), program: next.id });
  }
  for (const c of input.certificates) {
    if (c.status !== 'earned' && c.studyPlan !== null) {
      steps.push({ kind: 'plan-study', text: l10n.t('Prepare for the {0} with its study plan.', c.name), file: c.file, program: c.program });
    }
  }
  if (input.jobs.length === 0) {
    steps.push({ kind: 'add-experience', text: l10n.t('Add your jobs as career notes (type: experience): the years count toward the CPhT-Adv and the CSPT.') });
  }
  return steps;
}

/** What a requirement still lacks, in words: a credential or program by its label, a count or years as "have of need". */
function missingText(r: RequirementStanding, kind: string | undefined): string {
  if (kind === 'credential' || kind === 'training') return r.label;
  if (kind === 'certificates') {
    const more = r.need - r.have;
    return more === 1 ? l10n.t('1 more PTCB certificate ({0} of {1})', r.have, r.need) : l10n.t('{0} more PTCB certificates ({1} of {2})', more, r.have, r.need);
  }
  return l10n.t('{0}: {1} of {2}', r.label, formatHours(r.have), formatHours(r.need));
}

/** The renewal step: today, or by the date with the days left (one message per plural form). */
function renewalText(organization: string, renews: CalendarDate | null, daysLeft: number): string {
  if (daysLeft === 0) return l10n.t('Renew your {0} membership today.', organization);
  if (daysLeft === 1) return l10n.t('Renew your {0} membership by {1} (1 day left).', organization, String(renews));
  return l10n.t('Renew your {0} membership by {1} ({2} days left).', organization, String(renews), daysLeft);
}

