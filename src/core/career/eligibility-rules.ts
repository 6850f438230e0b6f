// The eligibility rules for the next credentials, as data with source, "as of" and verify flags, like the CE
// rule sets: CPhT-Adv, CSPT, and the PTCB certificates. Facts: ../shared/domain/rules-check-2026-11-30.md
// (Part 2) and study-and-career-facts.md (section 2). The CPhT-Adv rule's ids are fixed by issue #14
// (`ptcb-cpht-adv`; requirements `cpht`, `certificates`, `experience`); a rule's id is the program it leads to.
import * as l10n from '@vscode/l10n';
import type { EligibilityRequirementRule, EligibilityRule } from './types';

const AS_OF = '2026-11-30';

/** Credentials that include another: a CPhT-Adv replaces the CPhT title with the same number (PTCB 360052873632). */
export const CREDENTIAL_INCLUDES: ReadonlyMap<string, readonly string[]> = new Map([['ptcb-cpht-adv', ['ptcb-cpht']]]);

// Labels, caveats and what to verify are read in the user's language: the rules are built on each call, after the
// bundle is loaded. Ids, names of credentials and sources stay as they are.
const cpht = (): EligibilityRequirementRule => ({ id: 'cpht', kind: 'credential', label: l10n.t('An active PTCB CPhT'), program: 'ptcb-cpht' });
/** A PTCB-Recognized program for the rule's credential; with `optionalWithYears`, not needed after that much work. */
function program(label = l10n.t('A PTCB-Recognized education/training program for it'), optionalWithYears?: number): EligibilityRequirementRule {
  return { id: 'training', kind: 'training', label, ...(optionalWithYears !== undefined ? { optionalWithYears } : {}) };
}
const EVERY_ABC = 'Every PTCB certificate needs an active CPhT (ptcb.zendesk.com/hc/en-us/articles/360035518231).';
const notTracked = (): string => l10n.t('PTCB checks the training program when you apply: add it as an earned certificate note (a program of your own in .pharmacy-ce.json if it is not in the list).');

/** A PTCB certificate whose published eligibility is an active CPhT and a PTCB-Recognized program. */
function programOnly(id: string, name: string, source: string, extra: Partial<EligibilityRule> = {}): EligibilityRule {
  return { id, name, requirements: [cpht(), program()], source: `${source}; ${EVERY_ABC}`, asOf: AS_OF, caveats: [notTracked()], ...extra };
}

/** A PTCB certificate open with a program and 6 months' work, or 12 months' full-time work, in the responsibility. */
function programOrWork(id: string, name: string, responsibility: string, work: string, source: string, caveats: string[]): EligibilityRule {
  return {
    id,
    name,
    requirements: [
      cpht(),
      program(l10n.t('A PTCB-Recognized program (not needed with 12 months of full-time work)'), 1),
      { id: 'experience', kind: 'experience', label: l10n.t('Years of full-time work in {0} (1, or 0.5 with the program)', work), need: 1, needWithProgram: 0.5, fullTime: true, responsibility },
    ],
    source: `${source}; ${EVERY_ABC}`,
    asOf: AS_OF,
    verify: l10n.t('PTCB does not say whether the 6 months with a program must be full-time, nor how far back the work may be: the tool counts full-time jobs (30 hours a week or more) of any date. Check with PTCB.'),
    caveats: [...caveats, notTracked()],
  };
}

export function builtInEligibilityRules(): EligibilityRule[] {
  return [
    {
      id: 'ptcb-cpht-adv',
      name: 'Advanced Certified Pharmacy Technician (CPhT-Adv)',
      requirements: [
        cpht(),
        { id: 'certificates', kind: 'certificates', label: l10n.t('PTCB assessment-based certificates earned'), need: 4, needWith: { program: 'ptcb-cspt', need: 3 } },
        { id: 'experience', kind: 'experience', label: l10n.t('Years of technician work within the last 8'), need: 3, withinYears: 8 },
      ],
      source:
        'ptcb.org/guidebook/advanced-certified-pharmacy-technician-cpht-adv-program; ptcb.zendesk.com/hc/en-us/articles/22946291754893 (what counts as work experience); ptcb.zendesk.com/hc/en-us/articles/360052873632 (claiming it)',
      asOf: AS_OF,
      caveats: [
        l10n.t('Part-time work: PTCB gives no hours a week for the 3 years, so the tool counts every job in full. It is not confirmed that part-time years count in full.'),
        l10n.t('You claim the CPhT-Adv in your PTCB account by entering your work experience yourself; PTCB may audit what you claim, so keep proof of your jobs.'),
        l10n.t('Technician, trainee, volunteer technician and technician educator work all count, in any pharmacy setting.'),
      ],
    },
    {
      id: 'ptcb-cspt',
      name: 'Certified Compounded Sterile Preparation Technician (CSPT)',
      requirements: [
        cpht(),
        program(l10n.t('A PTCB-Recognized sterile compounding program (not needed with 3 years of full-time sterile compounding)'), 3),
        {
          id: 'experience',
          kind: 'experience',
          label: l10n.t('Years of full-time sterile compounding within the last 8 (3, or 1 with the program)'),
          need: 3,
          needWithProgram: 1,
          withinYears: 8,
          fullTime: true,
          responsibility: 'sterile-compounding',
        },
      ],
      source: 'ptcb.zendesk.com/hc/en-us/articles/115003215911; ptcb.org/credentials/certified-compounded-sterile-preparation-technician',
      asOf: AS_OF,
      caveats: [
        l10n.t('Full-time means 30 hours a week or more: a job without its hours a week does not count toward this.'),
        l10n.t('The work must be in a US facility following USP <797>/<800>; you also need a competency attestation, and you have one year to pass the exam after you apply.'),
      ],
    },
    programOnly('ptcb-tpv', 'Technician Product Verification Certificate', 'ptcb.org/credentials/technician-product-verification-certificate; ptcb.zendesk.com/hc/en-us/articles/360035148272', {
      requirements: [cpht(), program(l10n.t('A PTCB-Recognized program or a state board-approved validation program'))],
    }),
    programOrWork(
      'ptcb-medication-history',
      'Medication History Certificate',
      'medication-history',
      l10n.t('medication histories'),
      'ptcb.org/credentials/medication-history-certificate',
      [],
    ),
    programOnly('ptcb-hazardous-drug-management', 'Hazardous Drug Management Certificate', 'ptcb.org/guidebook/hazardous-drug-management-assessment-based-certificate-program'),
    programOrWork(
      'ptcb-billing-reimbursement',
      'Billing and Reimbursement Certificate',
      'billing',
      l10n.t('billing and reimbursement'),
      'ptcb.org/guidebook/billing-and-reimbursement-assessment-based-certificate-program; ptcb.org/credentials/billing-and-reimbursement-certificate',
      [l10n.t('Without a program, at least half of your work time must be billing and reimbursement, and a supervisor signs an attestation form: the tool cannot check either.')],
    ),
    programOnly('ptcb-cs-diversion-prevention', 'Controlled Substances Diversion Prevention Certificate', 'ptcb.org/credentials/controlled-substances-diversion-prevention-certificate'),
    programOnly('ptcb-immunization-administration', 'Immunization Administration Certificate', 'ptcb.org/credentials/immunization-administration-certificate'),
    programOnly('ptcb-point-of-care-testing', 'Point-of-Care Testing Certificate', 'ptcb.org guidebook, Point-of-Care Testing Assessment-Based Certificate Program'),
    programOnly('ptcb-mtm', 'Medication Therapy Management Certificate', 'no PTCB text found; the pattern of the other certificates', {
      verify: l10n.t('PTCB\'s eligibility for this certificate was not found: an active CPhT and a recognised program is a guess from the other certificates. Check with PTCB.'),
    }),
    programOnly('ptcb-regulatory-compliance', 'Regulatory Compliance Certificate', 'ptcb.org/credentials/regulatory-compliance-certificate'),
    programOnly('ptcb-supply-chain-inventory', 'Supply Chain and Inventory Management Certificate', 'ptcb.org/credentials/supply-chain-and-inventory-management-certificate'),
    programOnly('ptcb-nonsterile-compounding', 'Nonsterile Compounding Certificate', 'ptcb.org/guidebook/ptcb-nonsterile-compounding-assessment-based-certificate-program'),
  ];
}
