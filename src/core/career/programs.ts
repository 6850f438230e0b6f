// The catalogue of programs a certificate note can name (issue #14): PTCB's credentials and assessment-based
// certificates, NHA's ExCPT, and the PTCB-Recognized training programs some eligibility rules ask for. Each
// entry names its source and an "as of" date and marks what is unverified; the user adds or replaces entries
// with `careerPrograms` in `.pharmacy-ce.json`. Facts: ../shared/domain/study-and-career-facts.md and
// rules-check-2026-11-30.md (Part 2).
// CONTRACT (s6): ids below are fixed by the issue; helper s6-notes fills names, sources, studyPlan, suggestedBy.
import type { Program } from './types';

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

/** The built-in catalogue, by id, a fresh object without a prototype on each call (callers may overlay it). */
export function builtInPrograms(): Record<string, Program> {
  const programs: Record<string, Program> = Object.create(null);
  for (const id of [...CERTIFICATION_IDS, ...PTCB_CERTIFICATE_IDS]) {
    programs[id] = { id, name: id, kind: id.startsWith('ptcb-') && !(CERTIFICATION_IDS as readonly string[]).includes(id) ? 'certificate' : 'certification', issuer: id.startsWith('nha-') ? 'NHA' : 'PTCB', source: 'TODO', asOf: CAREER_AS_OF, builtIn: true };
  }
  return programs;
}

/** The known program id nearest to a mistyped one (for "did you mean"), if any is close. */
export function nearestProgramId(_id: string, _programs: Record<string, Program>): string | undefined {
  return undefined;
}
