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

// Domain names and knowledge areas are read in the user's language: planData runs on each read of the plans,
// after the bundle is loaded; so is what to verify. Ids and sources stay as the outlines word them.

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
          l10n.t('Generic names, brand names, and classifications of medications'),
          l10n.t('Therapeutic duplications'),
          l10n.t('Common or life-threatening drug interactions and contraindications'),
          l10n.t('Strengths/doses, dosage forms, routes of administration, special handling and administration instructions, and duration of drug therapy'),
          l10n.t('Common or severe medication side effects, adverse effects, and allergies'),
          l10n.t('Indications of medications'),
          l10n.t('Drug stability'),
          l10n.t('Proper storage of medications'),
        ]),
        domain('federal-requirements', l10n.t('Federal Requirements'), 18.75, [
          l10n.t('Storage, handling, and disposal of non-hazardous, hazardous, and pharmacological substances and wastes'),
          l10n.t('Controlled substance prescriptions and DEA controlled substance schedules'),
          l10n.t('Receiving, storing, ordering, labeling, dispensing, returning, take-back, loss or theft, and destroying controlled substances'),
          l10n.t('Restricted drug programs (e.g., pseudoephedrine, REMS)'),
          l10n.t('FDA requirements for medication recalls'),
          l10n.t('FDA product serialization, tracking, tracing, handling, and quarantining (DSCSA)'),
        ]),
        domain(
          'patient-safety-qa',
          l10n.t('Patient Safety and Quality Assurance'),
          23.75,
          [
            l10n.t('High-alert/risk and look-alike/sound-alike medications'),
            l10n.t('Error prevention strategies'),
            l10n.t('Issues that require pharmacist intervention'),
            l10n.t('Event reporting'),
            l10n.t('Types of prescription errors'),
            l10n.t('Infection control and cleaning'),
          ],
          l10n.t('Areas 3.4 to 3.6 are short titles only: check their wording in the outline.'),
        ),
        domain(
          'order-entry',
          l10n.t('Order Entry and Processing'),
          22.5,
          [l10n.t('Calculations, sig codes, and abbreviations'), l10n.t('Supplies for drug administration'), l10n.t('Lot numbers, expiration dates, and NDC numbers'), l10n.t('Returns and reverse distribution')],
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
          l10n.t('Generic names, brand names, and classifications of medications'),
          l10n.t('Therapeutic equivalence'),
          l10n.t('Common and life-threatening drug interactions and contraindications'),
          l10n.t('Strengths/dose, dosage forms, routes of administration, special handling and administration instructions, duration of drug therapy'),
          l10n.t('Common and severe side effects, adverse effects, allergies'),
          l10n.t('Indications of medications and dietary supplements'),
          l10n.t('Drug stability'),
          l10n.t('Narrow therapeutic index (NTI) medications'),
          l10n.t('Physical and chemical incompatibilities related to non-sterile compounding and reconstitution'),
          l10n.t('Proper storage of medications'),
        ]),
        domain('federal-requirements', l10n.t('Federal Requirements'), 12.5, [
          l10n.t('Handling and disposal of non-hazardous, hazardous, and pharmaceutical substances and waste'),
          l10n.t('Controlled substance prescriptions and DEA schedules'),
          l10n.t('DEA/FDA requirements for controlled substances'),
          l10n.t('Restricted drug programs (pseudoephedrine, REMS)'),
          l10n.t('FDA recall requirements'),
        ]),
        domain('patient-safety-qa', l10n.t('Patient Safety and Quality Assurance'), 26.25, [
          l10n.t('High-alert/risk and look-alike/sound-alike medications'),
          l10n.t('Error prevention strategies'),
          l10n.t('Issues requiring pharmacist intervention'),
          l10n.t('Event reporting'),
          l10n.t('Types of prescription errors'),
          l10n.t('Hygiene and cleaning'),
        ]),
        domain('order-entry', l10n.t('Order Entry and Processing'), 21.25, [
          l10n.t('Procedures to compound non-sterile products'),
          l10n.t('Formulas, calculations, ratios, proportions, alligations, conversions, sig codes, abbreviations, medical terminology'),
          l10n.t('Equipment and supplies for drug administration'),
          l10n.t('Lot numbers, expiration dates, and NDC numbers'),
          l10n.t('Returning dispensable, non-dispensable, and expired medications and supplies'),
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
          [l10n.t('Ratio strength'), l10n.t('Percent concentration'), l10n.t('Dilution and concentration'), l10n.t('IV flow rates'), l10n.t('Alligation'), l10n.t('Temperature conversion'), l10n.t('Business math, including markup'), l10n.t('Safe-dose checks')],
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
          l10n.t('Drugs used in sterile compounding'),
          l10n.t('High-alert and NTI drugs in sterile compounding'),
          l10n.t('Dosage and administration of CSPs'),
          l10n.t('Factors affecting CSP stability'),
          l10n.t('Technical and clinical references'),
          l10n.t('Assigning beyond-use dates'),
          l10n.t('Physical and chemical compatibility of components'),
        ]),
        domain('facilities-equipment', l10n.t('Facilities and Equipment'), 22, [
          l10n.t('Primary engineering controls'),
          l10n.t('Secondary engineering controls'),
          l10n.t('Features of secondary engineering controls'),
          l10n.t('Temperature, pressure, and humidity'),
        ]),
        domain('sterile-compounding', l10n.t('Sterile Compounding Procedures'), 53, undefined, l10n.t('The 53% weight is unverified: check it in the CSPT outline.')),
        domain(
          'handling-storage',
          l10n.t('Handling, Packaging, Storage, and Disposal'),
          8,
          [l10n.t('Hazardous drugs, components, sharps, and CSPs')],
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
        domain('safety-precautions', l10n.t('Safety and Precautions'), 16, [l10n.t('Technician and pharmacist roles'), l10n.t('Bloodborne pathogens'), l10n.t('Biohazard waste and PPE'), l10n.t('Patient identity')]),
        domain('diseases-specimens', l10n.t('Diseases and Specimens'), 34, [l10n.t('Anatomy and physiology terms'), l10n.t('Specimen types'), l10n.t('Chronic diseases'), l10n.t('Acute infections'), l10n.t('Focused health history')]),
        domain('clia-waived-tests', l10n.t('CLIA-waived Tests'), 30, [l10n.t('CLIA 1988, waivers and certificates'), l10n.t('Testing devices'), l10n.t('Common tests'), l10n.t('Manufacturer\'s instructions')]),
        domain('results-qc', l10n.t('Test Results, Quality Control, and Recording'), 20, [l10n.t('Qualitative and quantitative results'), l10n.t('False positives and negatives'), l10n.t('Recording and labeling'), l10n.t('Internal and external quality control')]),
      ],
    },
    {
      id: 'ptcb-regulatory-compliance',
      name: 'PTCB Regulatory Compliance',
      questionCount: 70,
      source: 'PTCB Regulatory Compliance Certificate: https://www.ptcb.org/guidebook/ptcb-regulatory-compliance-assessment-based-certificate-program',
      domains: [
        domain('laws-regulations', l10n.t('Laws, Regulations, and Guidelines'), 37, [l10n.t('Regulatory bodies'), l10n.t('USP chapters'), l10n.t('Federal requirements'), l10n.t('EPA hazardous waste'), l10n.t('CSA, FDCA, DQSA'), l10n.t('Accreditation')]),
        domain('legal-standards', l10n.t('Legal Requirements and Practice Standards'), 37, [l10n.t('Legal terminology'), l10n.t('REMS')]),
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
        domain('programs-eligibility', l10n.t('Programs and Eligibility'), 20, [l10n.t('Terminology'), l10n.t('PBMs, assistance programs, and self-pay'), l10n.t('Medicare, TRICARE, and Medicaid eligibility'), l10n.t('340B')]),
        domain('claims', l10n.t('Claims Processing and Adjudication'), 48, [l10n.t('Claim data and submission'), l10n.t('Rejection troubleshooting'), l10n.t('AWP, dispensing fee, and profit'), l10n.t('Coordination of benefits'), l10n.t('Formulary alternatives')]),
        domain('prior-authorization', l10n.t('Prior Authorization'), 20, [l10n.t('Terms'), l10n.t('Data needed'), l10n.t('Process'), l10n.t('Rejections')]),
        domain('audits-compliance', l10n.t('Audits and Compliance'), 12, [l10n.t('Terms'), l10n.t('Contract documentation'), l10n.t('CMS-mandated audits'), l10n.t('Accrediting bodies')]),
      ],
    },
    {
      id: 'ptcb-cs-diversion-prevention',
      name: 'PTCB Controlled Substances Diversion Prevention',
      questionCount: ABC_QUESTIONS_ASSUMED,
      source: 'PTCB Controlled Substances Diversion Prevention Certificate: https://myaccount.ptcb.org/credentials/controlled-substances-diversion-prevention-certificate',
      verify: l10n.t('The number of questions is not published in any text read (70 is assumed for practice exams): check it on ptcb.org.'),
      domains: [
        domain('diversion', l10n.t('Controlled Substance Diversion'), 9, [l10n.t('Consequences'), l10n.t('Signs of impaired workers'), l10n.t('Motives')]),
        domain('prevention-program', l10n.t('Diversion Prevention Program'), 30, [l10n.t('Vulnerable processes'), l10n.t('Program elements'), l10n.t('Security controls'), l10n.t('High-risk areas'), l10n.t('Chain of custody')]),
        domain('dea-requirements', l10n.t('DEA Requirements'), 38, [l10n.t('Registration and DEA-number checks'), l10n.t('DEA forms and CSOS'), l10n.t('Physical inventories'), l10n.t('Robbery and theft response'), l10n.t('Pseudoephedrine sales')]),
        domain('surveillance', l10n.t('Surveillance and Investigation'), 23, [l10n.t('Suspicious data patterns')]),
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
        domain('facility-cleaning', l10n.t('Facility Cleaning'), 16, [l10n.t('Deactivation, decontamination, cleaning, and disinfection'), l10n.t('Spills and exposure')]),
        domain('ppe', l10n.t('Personal Protective Equipment'), 13),
        domain('transport-receiving', l10n.t('Transport and Receiving'), 11),
        domain('dispensing', l10n.t('Dispensing Final Dosage Forms'), 16),
        domain('administrative', l10n.t('Administrative'), 22, [l10n.t('Federal hazardous drug disposal rules')]),
      ],
    },
    {
      id: 'ptcb-mtm',
      name: 'PTCB Medication Therapy Management',
      questionCount: ABC_QUESTIONS_ASSUMED,
      source: 'PTCB Medication Therapy Management Certificate: https://myaccount.ptcb.org/credentials/medication-therapy-management-certificate',
      verify: l10n.t('The number of questions is not published in any text read (70 is assumed for practice exams): check it on ptcb.org.'),
      domains: [
        domain('medications-concepts', l10n.t('Medications and Medical Concepts'), 40, [l10n.t('Doses, classes, forms, and routes'), l10n.t('Interchangeable classes'), l10n.t('Patient-friendly terms'), l10n.t('Medication-related problems'), l10n.t('Lab measures')]),
        domain('patient-safety-qa', l10n.t('Patient Safety and Quality Assurance Strategies'), 36, [l10n.t('Adherence calculations (days\' supply, PDC)'), l10n.t('Reviewing MAP, CMR, and PMR'), l10n.t('Prescribing-error types')]),
        domain('mtm-administration', l10n.t('MTM Administration and Management'), 24, [l10n.t('MTM core elements'), l10n.t('CMS MTM requirements'), l10n.t('Prioritization')]),
      ],
    },
    {
      id: 'ptcb-nonsterile-compounding',
      name: 'PTCB Nonsterile Compounding',
      questionCount: 70,
      source: 'PTCB Nonsterile Compounding Certificate: https://www.ptcb.org/guidebook/ptcb-nonsterile-compounding-assessment-based-certificate-program',
      domains: [
        domain('regulations-standards', l10n.t('Regulations, Standards, and Guidelines'), 28, [l10n.t('Terminology'), l10n.t('Standards, regulatory, and accreditation bodies'), l10n.t('Technician roles'), l10n.t('References')]),
        domain('compounding-processes', l10n.t('Nonsterile Compounding Processes'), 72, [
          l10n.t('Drugs, components, and compatibility'),
          l10n.t('Dosage forms and routes'),
          l10n.t('Container-closure and packaging'),
          l10n.t('Equipment calibration, maintenance, and cleaning'),
          l10n.t('Supplies'),
          l10n.t('Weighing and measuring'),
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
