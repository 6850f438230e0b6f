// What a technician holds and has earned: the credentials of `.pharmacy-ce.json` (each with its CE cycle) and
// the certificate notes. A credential is active while its cycle end (config) or `expires` (note) is on or
// after the as-of date; the config's cycle wins over a note naming the same program.
import { compareText } from '../common/text';
import { addMonths } from '../common/dates';
import type { CalendarDate, Credential, ParsedNote } from '../types';
import type { CareerCertificate, CertificateStatus, HeldCredential, Program } from './types';

const STATUS_ORDER: Record<CertificateStatus, number> = { earned: 0, 'in-progress': 1, planned: 2 };

/**
 * Every certificate note: earned ones first (by date earned), then in progress, then planned, each by file.
 * `studyPlanIds`: the plans that exist, for the link from a certificate not yet earned to its plan.
 */
export function careerCertificates(
  notes: readonly ParsedNote[],
  programs: Record<string, Program>,
  studyPlanIds: readonly string[],
  asOf: CalendarDate,
): CareerCertificate[] {
  const certificates: CareerCertificate[] = [];
  for (const note of notes) {
    const record = note.career;
    if (record?.type !== 'certificate') continue;
    const program = programOf(programs, record.program);
    const expires = record.expires ?? fixedTermEnd(program, record.earned);
    const plan = program?.studyPlan;
    certificates.push({
      program: record.program,
      // A note without its program (a problem at its line) is still named, by its title: never a blank row.
      name: program?.name ?? (record.program || note.title),
      kind: program?.kind ?? 'unknown',
      status: record.status,
      earned: record.earned ?? null,
      expires: expires ?? null,
      // Earned with a date after the as-of date: not yet, as of that date.
      active: record.status === 'earned' && (record.earned === undefined || record.earned <= asOf) && (expires === undefined || expires >= asOf),
      credentialNumber: record.credentialNumber ?? null,
      file: note.path,
      line: note.keyLines['program'] ?? note.keyLines['type'] ?? 1,
      studyPlan: record.status !== 'earned' && plan !== undefined && studyPlanIds.includes(plan) ? plan : null,
    });
  }
  return certificates.sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareText(a.earned ?? '', b.earned ?? '') || compareText(a.file, b.file) || a.line - b.line,
  );
}

/**
 * The credentials held: each of `.pharmacy-ce.json` (its program found by rule set id; a state registration
 * keeps its rule set id as program), then each program of kind `certification` an earned certificate note
 * names that the config does not list. One entry per program; a note adds its credential number.
 */
export function heldCredentials(
  credentials: readonly Credential[],
  certificates: readonly CareerCertificate[],
  programs: Record<string, Program>,
  asOf: CalendarDate,
): HeldCredential[] {
  const held: HeldCredential[] = [];
  const earned = certificates.filter((c) => c.status === 'earned');
  const numberOf = (program: string) => earned.find((c) => c.program === program && c.credentialNumber !== null)?.credentialNumber ?? null;
  for (const credential of credentials) {
    const program = programForRuleSet(programs, credential.ruleSetId);
    const id = program?.id ?? credential.ruleSetId;
    if (held.some((h) => h.program === id)) continue;
    held.push({
      program: id,
      name: credential.label,
      from: 'config',
      credentialId: credential.id,
      expires: credential.cycle.end,
      active: credential.cycle.end >= asOf,
      credentialNumber: numberOf(id),
    });
  }
  for (const certificate of earned) {
    if (certificate.kind !== 'certification' || held.some((h) => h.program === certificate.program)) continue;
    held.push({
      program: certificate.program,
      name: certificate.name,
      from: 'note',
      credentialId: null,
      expires: certificate.expires,
      active: certificate.active,
      credentialNumber: certificate.credentialNumber,
    });
  }
  return held;
}

/** A catalogue entry by id; never one of Object.prototype's names (`constructor` is not a program). */
export function programOf(programs: Record<string, Program>, id: string): Program | undefined {
  return Object.prototype.hasOwnProperty.call(programs, id) ? programs[id] : undefined;
}

/** The program whose CE cycle is the rule set `ruleSetId` (`ruleSet`), else the program of that id. */
function programForRuleSet(programs: Record<string, Program>, ruleSetId: string): Program | undefined {
  return Object.values(programs).find((p) => p.ruleSet === ruleSetId) ?? programOf(programs, ruleSetId);
}

/**
 * The end of a fixed term (`renewalMonths` after earning). Not for a certification: it renews through CE, so
 * its end is the cycle's in `.pharmacy-ce.json` or the note's `expires`, never the first term's.
 */
function fixedTermEnd(program: Program | undefined, earned: CalendarDate | undefined): CalendarDate | undefined {
  if (!program?.renewalMonths || program.kind === 'certification' || earned === undefined) return undefined;
  try {
    return addMonths(earned, program.renewalMonths);
  } catch {
    return undefined; // a term ending after the year 9999: it does not end within any date the tool handles
  }
}
