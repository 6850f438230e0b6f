// The eligibility rules for the next credentials, as data with source, "as of" and verify flags, like the CE
// rule sets: CPhT-Adv, CSPT, and the PTCB certificates whose eligibility is published.
// CONTRACT (s6): the CPhT-Adv rule's ids are fixed by the issue (`ptcb-cpht-adv`; requirements `cpht`,
// `certificates`, `experience`). Helper s6-model fills the rest from the facts files.
import type { EligibilityRule } from './types';

export function builtInEligibilityRules(): EligibilityRule[] {
  return [
    {
      id: 'ptcb-cpht-adv',
      name: 'Advanced Certified Pharmacy Technician (CPhT-Adv)',
      requirements: [
        { id: 'cpht', kind: 'credential', label: 'An active PTCB CPhT', program: 'ptcb-cpht' },
        { id: 'certificates', kind: 'certificates', label: 'PTCB assessment-based certificates earned', need: 4, needWith: { program: 'ptcb-cspt', need: 3 } },
        { id: 'experience', kind: 'experience', label: 'Years of technician work within the last 8', need: 3, withinYears: 8 },
      ],
      source: 'TODO',
      asOf: '2026-11-30',
    },
  ];
}
