// The catalogue of programs a certificate note can name (issue #14): PTCB's credentials and assessment-based
// certificates, NHA's ExCPT, and the PTCB-Recognized training programs some eligibility rules ask for. Each
// entry names its source and an "as of" date and marks what is unverified; the user adds or replaces entries
// with `careerPrograms` in `.pharmacy-ce.json`. Facts: ../shared/domain/study-and-career-facts.md and
// rules-check-2026-11-30.md (Part 2).
//
// No built-in entry has `renewalMonths`: a credential's expiry is its CE cycle in `.pharmacy-ce.json` or the
// note's `expires` (a CPhT earned in 2019 and renewed since must not read as expired in 2021), and whether
// PTCB's certificates expire at all is unverified.
import * as l10n from '@vscode/l10n';
import { nearestId } from '../rules/rules';
import type { Program, WorkSetting } from './types';

export const CAREER_AS_OF = '2026-11-30';

/** The eleven PTCB assessment-based certificates (issue #14's ids). */
export const PTCB_CERTIFICATE_IDS = [
  'ptcb-tpv',
  'ptcb-medication-history',
  'ptcb-hazardous-drug-management',
  'ptcb-billing-reimbursement',
  'ptcb-cs-diversion-prevention',
  'ptcb-immunization-administration',
  'ptcb-point-of-care-testing',
  'ptcb-mtm',
  'ptcb-regulatory-compliance',
  'ptcb-supply-chain-inventory',
  'ptcb-nonsterile-compounding',
] as const;

/** Credentials with a CE cycle of their own (also rule-set ids). */
export const CERTIFICATION_IDS = ['ptcb-cpht', 'ptcb-cspt', 'ptcb-cpht-adv', 'nha-excpt'] as const;

/** The id of the training program recognised for `program` (`ptcb-cspt` -> `ptcb-cspt-training`). */
export const trainingIdFor = (program: string): string => `${program}-training`;

// Reasons and what to verify are getters or functions, read in the user's language when builtInPrograms builds
// the catalogue (after the bundle is loaded); ids, names and sources stay as they are.
const abcRenewal = (): string => l10n.t('Whether PTCB certificates must be renewed is unverified (secondary sources say they do not).');

interface Entry {
  id: string;
  name: string;
  shortName: string;
  source: string;
  verify?: string;
  studyPlan?: string;
  /** Where the eligibility asks for a PTCB-Recognized education/training program: its source. */
  training?: string;
  suggestedBy?: { responsibilities?: string[]; settings?: WorkSetting[]; reason: string };
}

const CERTIFICATIONS: readonly (Entry & { issuer: string; ruleSet: string })[] = [
  {
    id: 'ptcb-cpht',
    name: 'Certified Pharmacy Technician (CPhT)',
    shortName: 'CPhT',
    issuer: 'PTCB',
    ruleSet: 'ptcb-cpht',
    source: 'https://ptcb.zendesk.com/hc/en-us/articles/360037272352',
    studyPlan: 'ptce',
    training: 'https://ptcb.zendesk.com/hc/en-us/articles/360037272352',
  },
  {
    id: 'ptcb-cspt',
    name: 'Certified Compounded Sterile Preparation Technician (CSPT)',
    shortName: 'CSPT',
    issuer: 'PTCB',
    ruleSet: 'ptcb-cspt',
    source: 'https://www.ptcb.org/credentials/certified-compounded-sterile-preparation-technician',
    studyPlan: 'cspt',
    training: 'https://ptcb.zendesk.com/hc/en-us/articles/115003215911',
    suggestedBy: { responsibilities: ['sterile-compounding'], get reason() { return l10n.t('You prepare sterile compounds; the CSPT certifies that work.'); } },
  },
  {
    id: 'ptcb-cpht-adv',
    name: 'Advanced Certified Pharmacy Technician (CPhT-Adv)',
    shortName: 'CPhT-Adv',
    issuer: 'PTCB',
    ruleSet: 'ptcb-cpht-adv',
    source: 'https://ptcb.zendesk.com/hc/en-us/articles/360052873632',
  },
  {
    id: 'nha-excpt',
    name: 'NHA Certified Pharmacy Technician (ExCPT)',
    shortName: 'ExCPT',
    issuer: 'NHA',
    ruleSet: 'nha-excpt',
    source: 'https://info.nhanow.com/faqs',
    studyPlan: 'excpt',
  },
];

const PTCB_GUIDE = 'https://www.ptcb.org/credentials/';

const CERTIFICATES: readonly Entry[] = [
  {
    id: 'ptcb-tpv',
    name: 'Technician Product Verification Certificate',
    shortName: 'TPV',
    source: `${PTCB_GUIDE}technician-product-verification-certificate`,
    training: 'https://ptcb.zendesk.com/hc/en-us/articles/360035148272',
    suggestedBy: { responsibilities: ['product-verification'], get reason() { return l10n.t('You check other technicians\' work (tech-check-tech); this certificate covers product verification.'); } },
  },
  {
    id: 'ptcb-medication-history',
    name: 'Medication History Certificate',
    shortName: 'Medication History',
    source: `${PTCB_GUIDE}medication-history-certificate`,
    studyPlan: 'ptcb-medication-history',
    training: `${PTCB_GUIDE}medication-history-certificate`,
    suggestedBy: { responsibilities: ['medication-history'], get reason() { return l10n.t('You take medication histories from patients; this certificate covers that work.'); } },
  },
  {
    id: 'ptcb-hazardous-drug-management',
    name: 'Hazardous Drug Management Certificate',
    shortName: 'Hazardous Drugs',
    source: `${PTCB_GUIDE}hazardous-drug-management-certificate`,
    studyPlan: 'ptcb-hazardous-drug-management',
    training: 'https://www.ptcb.org/guidebook/hazardous-drug-management-assessment-based-certificate-program',
    suggestedBy: { responsibilities: ['hazardous-drugs'], get reason() { return l10n.t('You handle hazardous drugs; this certificate covers their safe handling.'); } },
  },
  {
    id: 'ptcb-billing-reimbursement',
    name: 'Billing and Reimbursement Certificate',
    shortName: 'Billing',
    source: `${PTCB_GUIDE}billing-and-reimbursement-certificate`,
    studyPlan: 'ptcb-billing-reimbursement',
    training: 'https://www.ptcb.org/guidebook/billing-and-reimbursement-assessment-based-certificate-program',
    suggestedBy: { responsibilities: ['billing', 'prior-authorization'], get reason() { return l10n.t('You work on billing, claims or prior authorizations; this certificate covers billing and reimbursement.'); } },
  },
  {
    id: 'ptcb-cs-diversion-prevention',
    name: 'Controlled Substances Diversion Prevention Certificate',
    shortName: 'Diversion Prevention',
    source: `${PTCB_GUIDE}controlled-substances-diversion-prevention-certificate`,
    studyPlan: 'ptcb-cs-diversion-prevention',
    training: `${PTCB_GUIDE}controlled-substances-diversion-prevention-certificate`,
    suggestedBy: { responsibilities: ['controlled-substances'], get reason() { return l10n.t('You handle controlled substances; this certificate covers preventing their diversion.'); } },
  },
  {
    id: 'ptcb-immunization-administration',
    name: 'Immunization Administration Certificate',
    shortName: 'Immunization',
    source: `${PTCB_GUIDE}immunization-administration-certificate`,
    training: `${PTCB_GUIDE}immunization-administration-certificate`,
    suggestedBy: { responsibilities: ['immunizations'], get reason() { return l10n.t('You help with immunizations; this certificate covers giving vaccines.'); } },
  },
  {
    id: 'ptcb-point-of-care-testing',
    name: 'Point-of-Care Testing Certificate',
    shortName: 'Point-of-Care Testing',
    source: 'https://myaccount.ptcb.org/credentials/point-of-care-testing-certificate',
    studyPlan: 'ptcb-point-of-care-testing',
    training: 'https://myaccount.ptcb.org/credentials/point-of-care-testing-certificate',
    suggestedBy: { responsibilities: ['point-of-care-testing'], get reason() { return l10n.t('You run point-of-care tests; this certificate covers CLIA-waived testing.'); } },
  },
  {
    id: 'ptcb-mtm',
    name: 'Medication Therapy Management Certificate',
    shortName: 'MTM',
    source: 'https://myaccount.ptcb.org/credentials/medication-therapy-management-certificate',
    studyPlan: 'ptcb-mtm',
    get verify() {
      return l10n.t('Its eligibility was not in any retrieved PTCB text. Whether PTCB certificates must be renewed is unverified (secondary sources say they do not).');
    },
    suggestedBy: { responsibilities: ['medication-therapy-management'], get reason() { return l10n.t('You support medication therapy management; this certificate covers it.'); } },
  },
  {
    id: 'ptcb-regulatory-compliance',
    name: 'Regulatory Compliance Certificate',
    shortName: 'Regulatory Compliance',
    source: `${PTCB_GUIDE}regulatory-compliance-certificate`,
    studyPlan: 'ptcb-regulatory-compliance',
    training: 'https://www.ptcb.org/guidebook/ptcb-regulatory-compliance-assessment-based-certificate-program',
    suggestedBy: { responsibilities: ['regulatory-compliance', 'quality-improvement'], get reason() { return l10n.t('You work on compliance or quality improvement; this certificate covers pharmacy regulations and quality assurance.'); } },
  },
  {
    id: 'ptcb-supply-chain-inventory',
    name: 'Supply Chain and Inventory Management Certificate',
    shortName: 'Supply Chain',
    source: `${PTCB_GUIDE}supply-chain-and-inventory-management-certificate`,
    training: 'https://www.ptcb.org/guidebook/ptcb-supply-chain-and-inventory-management-assessment-based-certificate-program',
    suggestedBy: { responsibilities: ['inventory'], get reason() { return l10n.t('You manage inventory and purchasing; this certificate covers the supply chain and inventory management.'); } },
  },
  {
    id: 'ptcb-nonsterile-compounding',
    name: 'Nonsterile Compounding Certificate',
    shortName: 'Nonsterile Compounding',
    source: 'https://www.ptcb.org/guidebook/ptcb-nonsterile-compounding-assessment-based-certificate-program',
    studyPlan: 'ptcb-nonsterile-compounding',
    training: 'https://www.ptcb.org/guidebook/ptcb-nonsterile-compounding-assessment-based-certificate-program',
    suggestedBy: { responsibilities: ['nonsterile-compounding'], settings: ['compounding'], get reason() { return l10n.t('You compound nonsterile preparations; this certificate covers that work.'); } },
  },
];

/** Whether `id` names a program of the built-in catalogue (read for every certificate note: no catalogue is built). */
export function isBuiltInProgram(id: string): boolean {
  return [...CERTIFICATIONS, ...CERTIFICATES].some((c) => c.id === id || (c.training !== undefined && trainingIdFor(c.id) === id));
}

/** The built-in catalogue, by id, a fresh object without a prototype on each call (callers may overlay it). */
export function builtInPrograms(): Record<string, Program> {
  const programs: Record<string, Program> = Object.create(null);
  const add = (program: Program) => {
    programs[program.id] = program;
  };
  for (const c of CERTIFICATIONS) add(program(c, 'certification', c.issuer, { ruleSet: c.ruleSet }));
  for (const c of CERTIFICATES) add(program(c, 'certificate', 'PTCB', { verify: c.verify ?? abcRenewal() }));
  for (const c of [...CERTIFICATIONS, ...CERTIFICATES]) {
    if (!c.training) continue;
    add({
      id: trainingIdFor(c.id),
      name: `PTCB-Recognized education/training program for the ${c.name}`,
      shortName: `${c.shortName} training`,
      kind: 'training',
      issuer: 'PTCB-Recognized provider',
      source: c.training,
      asOf: CAREER_AS_OF,
      recognizedFor: [c.id],
      builtIn: true,
    });
  }
  return programs;
}

function program(entry: Entry, kind: Program['kind'], issuer: string, extra: Partial<Program>): Program {
  const { training: _training, suggestedBy, ...rest } = entry;
  // A fresh copy of the suggestion: callers may change what they get.
  return { ...rest, kind, issuer, asOf: CAREER_AS_OF, ...extra, ...(suggestedBy ? { suggestedBy: structuredClone(suggestedBy) } : {}), builtIn: true };
}

/** The known program id nearest to a mistyped one (for "did you mean"), if any is close; names and short names count. */
export function nearestProgramId(id: string, programs: Readonly<Record<string, Program>>): string | undefined {
  const known = Object.keys(programs);
  const lower = id.trim().toLowerCase();
  // A short name as written (`CSPT`, `Billing`) is the program it names.
  const byShort = known.find((k) => programs[k].shortName?.toLowerCase() === lower);
  if (byShort) return byShort;
  return nearestId(id, known, Object.fromEntries(known.map((k) => [k, programs[k].name])));
}
