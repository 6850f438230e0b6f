// The built-in study plans: exam content outlines with domain weights, from the facts checked on STUDY_PLANS_AS_OF
// (/work/shared/domain/study-and-career-facts.md §1). Plan and domain ids are contracts (the CLI JSON, notes'
// `exam`/`domain` keys, users' configs): never rename one; add a new plan for a new outline (as `ptce-2020` kept
// the old PTCE one).
//
// Left out, because their domains are not published with weights summing to 100 in any retrieved text:
// `ptcb-tpv` (Technician Product Verification: no domains retrieved), `ptcb-immunization-administration`
// (two of three domains unverified), `ptcb-supply-chain-inventory` (two of three domains unverified).
import * as l10n from '@vscode/l10n';
import { nearestId } from '../rules/rules';
import type { CalendarDate } from '../types';
import type { StudyDomain, StudyPlan } from './types';

/** The date the outlines below were checked against their sources. */
export const STUDY_PLANS_AS_OF: CalendarDate = '2026-11-30';

/** The built-in plan ids, in the order they are listed. */
export const BUILT_IN_STUDY_PLAN_IDS = [
  'ptce',
  'ptce-2020',
  'excpt',
  'cspt',
  'ptcb-medication-history',
  'ptcb-point-of-care-testing',
  'ptcb-regulatory-compliance',
  'ptcb-billing-reimbursement',
  'ptcb-cs-diversion-prevention',
  'ptcb-hazardous-drug-management',
  'ptcb-mtm',
  'ptcb-nonsterile-compounding',
] as const;

type PlanData = Omit<StudyPlan, 'asOf' | 'builtIn'>;

// Domain names are read in the user's language: planData runs on each read of the plans, after the bundle is
// loaded; so is what to verify. Ids, sources and knowledge areas stay as the outlines word them.

const domain = (id: string, name: string, weight: number, areas?: string[], verify?: string): StudyDomain => ({
  id,
  name,
  weight,
  ...(areas ? { areas } : {}),
  ...(verify ? { verify } : {}),
});

/** PTCB's ABC exams are 60-75 questions in 1 h 20 min; the practice size used where a count is not published. */
const ABC_QUESTIONS_ASSUMED = 70;

function planData(): PlanData[] {
  return [
    {
      id: 'ptce',
      name: 'PTCE',
      questionCount: 90,
      source: 'PTCB PTCE Content Outline, effective 2026-01-06 (v1.4, August 2024): https://ptcb.org/wp-content/uploads/2025/07/PTCE-Content-Outline.pdf',
      verify: l10n.t(
        'Weights and knowledge areas are as quoted by secondary sources; the PTCB outline itself was not read. Check them against the PTCE Content Outline on ptcb.org.',
      ),
      domains: [
        domain('medications', l10n.t('Medications'), 35, [
          'Generic names, brand names, and classifications of medications',
          'Therapeutic duplications',
          'Common or life-threatening drug interactions and contraindications',
          'Strengths/doses, dosage forms, routes of administration, special handling and administration instructions, and duration of drug therapy',
          'Common or severe medication side effects, adverse effects, and allergies',
          'Indications of medications',
          'Drug stability',
          'Proper storage of medications',
        ]),
        domain('federal-requirements', l10n.t('Federal Requirements'), 18.75, [
          'Storage, handling, and disposal of non-hazardous, hazardous, and pharmacological substances and wastes',
          'Controlled substance prescriptions and DEA controlled substance schedules',
          'Receiving, storing, ordering, labeling, dispensing, returning, take-back, loss or theft, and destroying controlled substances',
          'Restricted drug programs (e.g., pseudoephedrine, REMS)',
          'FDA requirements for medication recalls',
          'FDA product serialization, tracking, tracing, handling, and quarantining (DSCSA)',
        ]),
        domain(
          'patient-safety-qa',
          l10n.t('Patient Safety and Quality Assurance'),
          23.75,
          [
            'High-alert/risk and look-alike/sound-alike medications',
            'Error prevention strategies',
            'Issues that require pharmacist intervention',
            'Event reporting',
            'Types of prescription errors',
            'Infection control and cleaning',
          ],
          l10n.t('Areas 3.4 to 3.6 are short titles only: check their wording in the outline.'),
        ),
        domain(
          'order-entry',
          l10n.t('Order Entry and Processing'),
          22.5,
          ['Calculations, sig codes, and abbreviations', 'Supplies for drug administration', 'Lot numbers, expiration dates, and NDC numbers', 'Returns and reverse distribution'],
          l10n.t('The knowledge areas are short titles only: check their wording in the outline.'),
        ),
      ],
    },
    {
      id: 'ptce-2020',
      name: l10n.t('PTCE (2020 outline)'),
      questionCount: 90,
      source: 'PTCB PTCE Content Outline in effect 2020-01-01 to January 2026 (v1.3): https://www.ptcb.org/guidebook/ptce-content-outline',
      domains: [
        domain('medications', l10n.t('Medications'), 40, [
          'Generic names, brand names, and classifications of medications',
          'Therapeutic equivalence',
          'Common and life-threatening drug interactions and contraindications',
          'Strengths/dose, dosage forms, routes of administration, special handling and administration instructions, duration of drug therapy',
          'Common and severe side effects, adverse effects, allergies',
          'Indications of medications and dietary supplements',
          'Drug stability',
          'Narrow therapeutic index (NTI) medications',
          'Physical and chemical incompatibilities related to non-sterile compounding and reconstitution',
          'Proper storage of medications',
        ]),
        domain('federal-requirements', l10n.t('Federal Requirements'), 12.5, [
          'Handling and disposal of non-hazardous, hazardous, and pharmaceutical substances and waste',
          'Controlled substance prescriptions and DEA schedules',
          'DEA/FDA requirements for controlled substances',
          'Restricted drug programs (pseudoephedrine, REMS)',
          'FDA recall requirements',
        ]),
        domain('patient-safety-qa', l10n.t('Patient Safety and Quality Assurance'), 26.25, [
          'High-alert/risk and look-alike/sound-alike medications',
          'Error prevention strategies',
          'Issues requiring pharmacist intervention',
          'Event reporting',
          'Types of prescription errors',
          'Hygiene and cleaning',
        ]),
        domain('order-entry', l10n.t('Order Entry and Processing'), 21.25, [
          'Procedures to compound non-sterile products',
          'Formulas, calculations, ratios, proportions, alligations, conversions, sig codes, abbreviations, medical terminology',
          'Equipment and supplies for drug administration',
          'Lot numbers, expiration dates, and NDC numbers',
          'Returning dispensable, non-dispensable, and expired medications and supplies',
        ]),
      ],
    },
    {
      id: 'excpt',
      name: 'ExCPT',
      questionCount: 100,
      source: 'NHA 2023 ExCPT Test Plan (exams from 2025-07-09): https://knowledge.nhanow.com/hubfs/Test%20Plans/2023%20ExCPT%20Test%20Plan.pdf',
      verify: l10n.t('Weights are as quoted by secondary sources; the NHA test plan itself was not read. Check them against the 2023 ExCPT Test Plan.'),
      domains: [
        domain('role-duties', l10n.t('Role, Responsibilities, and General Duties'), 15),
        domain('laws', l10n.t('Laws'), 15),
        domain('drugs', l10n.t('Drugs and Drug Therapy'), 13),
        domain(
          'dispensing',
          l10n.t('Dispensing Process'),
          43,
          ['Ratio strength', 'Percent concentration', 'Dilution and concentration', 'IV flow rates', 'Alligation', 'Temperature conversion', 'Business math, including markup', 'Safe-dose checks'],
          l10n.t("The calculation areas come from an instructor's mapping of NHA knowledge codes: check them in the test plan."),
        ),
        domain('safety-qa', l10n.t('Medication and Patient Safety and Quality Assurance'), 14),
      ],
    },
    {
      id: 'cspt',
      name: 'CSPT',
      questionCount: 75,
      source: 'PTCB CSPT Exam Content Outline: https://www.ptcb.org/guidebook/appendix-d-cspt-r-exam-content-outline',
      verify: l10n.t('The weights of domains 3 and 4 (53% and 8%) are often quoted but not stated in any text read: check them in the CSPT outline.'),
      domains: [
        domain('medications-components', l10n.t('Medications and Components'), 17, [
          'Drugs used in sterile compounding',
          'High-alert and NTI drugs in sterile compounding',
          'Dosage and administration of CSPs',
          'Factors affecting CSP stability',
          'Technical and clinical references',
          'Assigning beyond-use dates',
          'Physical and chemical compatibility of components',
        ]),
        domain('facilities-equipment', l10n.t('Facilities and Equipment'), 22, [
          'Primary engineering controls',
          'Secondary engineering controls',
          'Features of secondary engineering controls',
          'Temperature, pressure, and humidity',
        ]),
        domain('sterile-compounding', l10n.t('Sterile Compounding Procedures'), 53, undefined, l10n.t('The 53% weight is unverified: check it in the CSPT outline.')),
        domain(
          'handling-storage',
          l10n.t('Handling, Packaging, Storage, and Disposal'),
          8,
          ['Hazardous drugs, components, sharps, and CSPs'],
          l10n.t('The 8% weight is unverified: check it in the CSPT outline.'),
        ),
      ],
    },
    {
      id: 'ptcb-medication-history',
      name: 'PTCB Medication History',
      questionCount: 70,
      source: 'PTCB Medication History Certificate, as described by NPTA: pharmacytechnician.org/npta/Medication_History.asp',
      verify: l10n.t("The domains and weights come from NPTA's page, not PTCB's: check them on ptcb.org."),
      domains: [domain('concepts-terminology', l10n.t('Concepts and Terminology of Medical History'), 45), domain('patient-safety-qa', l10n.t('Patient Safety and Quality Assurance Strategies'), 55)],
    },
    {
      id: 'ptcb-point-of-care-testing',
      name: 'PTCB Point-of-Care Testing',
      questionCount: 60,
      source: 'PTCB Point-of-Care Testing Certificate: https://myaccount.ptcb.org/credentials/point-of-care-testing-certificate',
      domains: [
        domain('safety-precautions', l10n.t('Safety and Precautions'), 16, ['Technician and pharmacist roles', 'Bloodborne pathogens', 'Biohazard waste and PPE', 'Patient identity']),
        domain('diseases-specimens', l10n.t('Diseases and Specimens'), 34, ['Anatomy and physiology terms', 'Specimen types', 'Chronic diseases', 'Acute infections', 'Focused health history']),
        domain('clia-waived-tests', l10n.t('CLIA-waived Tests'), 30, ['CLIA 1988, waivers and certificates', 'Testing devices', 'Common tests', "Manufacturer's instructions"]),
        domain('results-qc', l10n.t('Test Results, Quality Control, and Recording'), 20, ['Qualitative and quantitative results', 'False positives and negatives', 'Recording and labeling', 'Internal and external quality control']),
      ],
    },
    {
      id: 'ptcb-regulatory-compliance',
      name: 'PTCB Regulatory Compliance',
      questionCount: 70,
      source: 'PTCB Regulatory Compliance Certificate: https://www.ptcb.org/guidebook/ptcb-regulatory-compliance-assessment-based-certificate-program',
      domains: [
        domain('laws-regulations', l10n.t('Laws, Regulations, and Guidelines'), 37, ['Regulatory bodies', 'USP chapters', 'Federal requirements', 'EPA hazardous waste', 'CSA, FDCA, DQSA', 'Accreditation']),
        domain('legal-standards', l10n.t('Legal Requirements and Practice Standards'), 37, ['Legal terminology', 'REMS']),
        domain(
          'patient-safety-qa',
          l10n.t('Patient Safety and Quality Assurance Strategies'),
          26,
          undefined,
          l10n.t('The 26% weight is worked out as 100 minus the other two domains: check it on ptcb.org.'),
        ),
      ],
    },
    {
      id: 'ptcb-billing-reimbursement',
      name: 'PTCB Billing and Reimbursement',
      questionCount: 70,
      source: 'PTCB Billing and Reimbursement Certificate: https://www.ptcb.org/guidebook/billing-and-reimbursement-assessment-based-certificate-program',
      domains: [
        domain('programs-eligibility', l10n.t('Programs and Eligibility'), 20, ['Terminology', 'PBMs, assistance programs, and self-pay', 'Medicare, TRICARE, and Medicaid eligibility', '340B']),
        domain('claims', l10n.t('Claims Processing and Adjudication'), 48, ['Claim data and submission', 'Rejection troubleshooting', 'AWP, dispensing fee, and profit', 'Coordination of benefits', 'Formulary alternatives']),
        domain('prior-authorization', l10n.t('Prior Authorization'), 20, ['Terms', 'Data needed', 'Process', 'Rejections']),
        domain('audits-compliance', l10n.t('Audits and Compliance'), 12, ['Terms', 'Contract documentation', 'CMS-mandated audits', 'Accrediting bodies']),
      ],
    },
    {
      id: 'ptcb-cs-diversion-prevention',
      name: 'PTCB Controlled Substances Diversion Prevention',
      questionCount: ABC_QUESTIONS_ASSUMED,
      source: 'PTCB Controlled Substances Diversion Prevention Certificate: https://myaccount.ptcb.org/credentials/controlled-substances-diversion-prevention-certificate',
      verify: l10n.t('The number of questions is not published in any text read (70 is assumed for practice exams): check it on ptcb.org.'),
      domains: [
        domain('diversion', l10n.t('Controlled Substance Diversion'), 9, ['Consequences', 'Signs of impaired workers', 'Motives']),
        domain('prevention-program', l10n.t('Diversion Prevention Program'), 30, ['Vulnerable processes', 'Program elements', 'Security controls', 'High-risk areas', 'Chain of custody']),
        domain('dea-requirements', l10n.t('DEA Requirements'), 38, ['Registration and DEA-number checks', 'DEA forms and CSOS', 'Physical inventories', 'Robbery and theft response', 'Pseudoephedrine sales']),
        domain('surveillance', l10n.t('Surveillance and Investigation'), 23, ['Suspicious data patterns']),
      ],
    },
    {
      id: 'ptcb-hazardous-drug-management',
      name: 'PTCB Hazardous Drug Management',
      questionCount: 55,
      source: 'PTCB Hazardous Drug Management Certificate: https://www.ptcb.org/guidebook/hazardous-drug-management-assessment-based-certificate-program',
      verify: l10n.t('Sources disagree on the number of questions (55 or 65; 55 is used here): check it on ptcb.org.'),
      domains: [
        domain('engineering-controls', l10n.t('Engineering Controls'), 22),
        domain('facility-cleaning', l10n.t('Facility Cleaning'), 16, ['Deactivation, decontamination, cleaning, and disinfection', 'Spills and exposure']),
        domain('ppe', l10n.t('Personal Protective Equipment'), 13),
        domain('transport-receiving', l10n.t('Transport and Receiving'), 11),
        domain('dispensing', l10n.t('Dispensing Final Dosage Forms'), 16),
        domain('administrative', l10n.t('Administrative'), 22, ['Federal hazardous drug disposal rules']),
      ],
    },
    {
      id: 'ptcb-mtm',
      name: 'PTCB Medication Therapy Management',
      questionCount: ABC_QUESTIONS_ASSUMED,
      source: 'PTCB Medication Therapy Management Certificate: https://myaccount.ptcb.org/credentials/medication-therapy-management-certificate',
      verify: l10n.t('The number of questions is not published in any text read (70 is assumed for practice exams): check it on ptcb.org.'),
      domains: [
        domain('medications-concepts', l10n.t('Medications and Medical Concepts'), 40, ['Doses, classes, forms, and routes', 'Interchangeable classes', 'Patient-friendly terms', 'Medication-related problems', 'Lab measures']),
        domain('patient-safety-qa', l10n.t('Patient Safety and Quality Assurance Strategies'), 36, ["Adherence calculations (days' supply, PDC)", 'Reviewing MAP, CMR, and PMR', 'Prescribing-error types']),
        domain('mtm-administration', l10n.t('MTM Administration and Management'), 24, ['MTM core elements', 'CMS MTM requirements', 'Prioritization']),
      ],
    },
    {
      id: 'ptcb-nonsterile-compounding',
      name: 'PTCB Nonsterile Compounding',
      questionCount: 70,
      source: 'PTCB Nonsterile Compounding Certificate: https://www.ptcb.org/guidebook/ptcb-nonsterile-compounding-assessment-based-certificate-program',
      domains: [
        domain('regulations-standards', l10n.t('Regulations, Standards, and Guidelines'), 28, ['Terminology', 'Standards, regulatory, and accreditation bodies', 'Technician roles', 'References']),
        domain('compounding-processes', l10n.t('Nonsterile Compounding Processes'), 72, [
          'Drugs, components, and compatibility',
          'Dosage forms and routes',
          'Container-closure and packaging',
          'Equipment calibration, maintenance, and cleaning',
          'Supplies',
          'Weighing and measuring',
        ]),
      ],
    },
  ];
}

/** The built-in study plans by id (a fresh object each call; no prototype, so any id is an ordinary key). */
export function builtInStudyPlans(): Record<string, StudyPlan> {
  const plans = Object.create(null) as Record<string, StudyPlan>;
  for (const data of planData()) plans[data.id] = { ...data, asOf: STUDY_PLANS_AS_OF, builtIn: true };
  return plans;
}

/** Sum of a plan's domain weights (100 for a valid plan), rounded so that 18.75 + ... adds up exactly. */
export function weightTotal(domains: readonly Pick<StudyDomain, 'weight'>[]): number {
  return Math.round(domains.reduce((sum, d) => sum + d.weight, 0) * 1e6) / 1e6;
}

/**
 * The plan id a mistyped exam id most likely means. An id with a year whose exam has a plain id ("ptce-2026")
 * means that plain id, the current outline: spelling distance alone picks "ptce-2020", the retired one.
 */
export function nearestExamId(input: string, plans: Readonly<Record<string, Pick<StudyPlan, 'name'>>>): string | undefined {
  const known = Object.keys(plans);
  const base = /^(.+)-\d{4}$/.exec(input.trim().toLowerCase())?.[1];
  if (base !== undefined && Object.hasOwn(plans, base)) return base;
  return nearestId(input, known, Object.fromEntries(known.map((k) => [k, plans[k].name])));
}
