// Career notes, programs and credentials for the career model tests, built by hand as the note reader makes them
// (the reader of career keys is tested on its own).
import { buildCareerModel, type CareerModelInput } from '../../src/core/career/model';
import { PTCB_CERTIFICATE_IDS, builtInPrograms } from '../../src/core/career/programs';
import type { CertificateRecord, EventRecord, ExperienceRecord, MembershipRecord, Program } from '../../src/core/career/types';
import type { CeNote, Credential, ParsedNote, StudyNote } from '../../src/core/types';

export const AS_OF = '2026-11-30';

function careerNote(path: string, career: ParsedNote['career'], keyLines: Record<string, number> = {}): StudyNote {
  return { kind: 'study', path, title: path.replace(/^.*\//, '').replace(/\.md$/, ''), topics: [], tags: [], keyLines: { type: 2, ...keyLines }, career };
}

export function job(path: string, start: string, end?: string, more: Partial<ExperienceRecord> = {}): StudyNote {
  return careerNote(path, { type: 'experience', start, ...(end !== undefined ? { end } : {}), responsibilities: [], ...more }, { start: 5 });
}

export function certificate(path: string, program: string, more: Partial<CertificateRecord> = {}): StudyNote {
  return careerNote(path, { type: 'certificate', program, known: true, status: 'earned', ...more }, { program: 3 });
}

export function event(path: string, date: string, organization?: string, more: Partial<EventRecord> = {}): StudyNote {
  return careerNote(path, { type: 'event', date, ...(organization !== undefined ? { organization } : {}), contacts: [], ...more }, { date: 4 });
}

export function membership(path: string, organization: string, renews?: string, more: Partial<MembershipRecord> = {}): StudyNote {
  return careerNote(path, { type: 'membership', organization, ...(renews !== undefined ? { renews } : {}), ...more }, { organization: 3 });
}

/** An event with `ce_hours`: a CE note that is also a career note. */
export function ceEvent(path: string, date: string, hours: number, organization: string): CeNote {
  const record: EventRecord = { type: 'event', date, organization, contacts: ['Dana Lee'] };
  return { kind: 'ce', path, title: 'State conference', topics: [], tags: [], keyLines: { type: 2, date: 4 }, career: record, hours, status: 'completed', completed: date, format: 'live', audience: 'technician', category: 'ce', valid: true };
}

export function credential(ruleSetId: string, end: string, id = ruleSetId, label = ruleSetId): Credential {
  return { id, label, ruleSetId, cycle: { start: '2025-07-01', end } };
}

export const ACTIVE_CPHT = credential('ptcb-cpht', '2027-06-30', 'cpht', 'PTCB CPhT');

/**
 * The built-in catalogue with what the tests need whatever the catalogue says: the certificates' kind and issuer,
 * the certifications' rule sets, and recognised training programs for the CSPT and Medication History.
 */
export function testPrograms(extra: Program[] = []): Record<string, Program> {
  const programs = builtInPrograms();
  for (const id of ['ptcb-cpht', 'ptcb-cspt', 'ptcb-cpht-adv']) programs[id] = { ...programs[id], kind: 'certification', issuer: 'PTCB', ruleSet: id };
  for (const id of PTCB_CERTIFICATE_IDS) programs[id] = { ...programs[id], kind: 'certificate', issuer: 'PTCB' };
  for (const training of [trainingProgram('cspt-training', 'ptcb-cspt'), trainingProgram('medication-history-training', 'ptcb-medication-history'), ...extra]) programs[training.id] = training;
  return programs;
}

export function trainingProgram(id: string, recognizedFor: string): Program {
  return { id, name: `Training for ${recognizedFor}`, kind: 'training', issuer: 'PTCB', source: 'test', asOf: AS_OF, recognizedFor: [recognizedFor], builtIn: false };
}

export function model(notes: ParsedNote[], input: Partial<CareerModelInput> = {}) {
  return buildCareerModel({ notes, credentials: [ACTIVE_CPHT], programs: testPrograms(), studyPlanIds: [], asOf: AS_OF, ...input });
}

/** The standing of one requirement of one eligibility rule. */
export function requirement(m: ReturnType<typeof model>, rule: string, id: string) {
  const standing = m.eligibility.find((e) => e.id === rule);
  const found = standing?.requirements.find((r) => r.id === id);
  if (!found) throw new Error(`no requirement ${rule}/${id}`);
  return found;
}

export function standing(m: ReturnType<typeof model>, rule: string) {
  const found = m.eligibility.find((e) => e.id === rule);
  if (!found) throw new Error(`no rule ${rule}`);
  return found;
}
