// Problems of the career model that no single note can see: a certificate note naming a program the catalogue
// (with the user's programs) does not have, and two certificate notes for one program. They depend on the notes
// and the config only, never on the as-of date, so the folder's problem list can hold them.
import { compareText } from '../common/text';
import { short } from '../rules/json-values';
import type { ParsedNote, Problem } from '../types';
import { programOf } from './credentials';
import { nearestProgramId } from './programs';
import type { Program } from './types';

export function careerProblems(notes: readonly ParsedNote[], programs: Record<string, Program>): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, string>(); // program id -> path of its first note
  // Only certificate notes, sorted: the folder may hold thousands of notes and this runs on each change.
  const certificateNotes = notes.filter((n) => n.career?.type === 'certificate').sort((a, b) => compareText(a.path, b.path));
  for (const note of certificateNotes) {
    const record = note.career;
    if (record?.type !== 'certificate' || record.program === '') continue;
    const line = note.keyLines['program'] ?? note.keyLines['type'] ?? 1;
    const program = programOf(programs, record.program);
    if (!program) {
      const nearest = nearestProgramId(record.program, programs);
      problems.push({
        file: note.path,
        line,
        column: 1,
        severity: 'warning',
        code: 'unknown-program',
        message: `Unknown program: ${short(record.program)}.${nearest ? ` Did you mean ${nearest}?` : ''} Without a known program the certificate counts toward nothing; add your own programs under careerPrograms in .pharmacy-ce.json.`,
        ...(nearest ? { replacement: nearest } : {}),
      });
    }
    const before = first.get(record.program);
    if (before === undefined) first.set(record.program, note.path);
    else {
      problems.push({
        file: note.path,
        line,
        column: 1,
        severity: 'warning',
        code: 'duplicate-certificate',
        message: `${before} also records ${short(program?.name ?? record.program)}: keep one note per certificate, so it is counted once and shows the right dates.`,
      });
    }
  }
  return problems;
}
