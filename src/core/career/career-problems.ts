// Problems of the career model that no single note can see: a certificate note naming a program the catalogue
// (with the user's programs) does not have (the note reader's programProblems, at the value), and two
// certificate notes for one program. They depend on the notes and the config only, never on the as-of date, so
// the folder's problem list can hold them.
import * as l10n from '@vscode/l10n';
import { compareText } from '../common/text';
import { short } from '../rules/json-values';
import type { ParsedNote, Problem } from '../types';
import { programOf } from './credentials';
import { programProblems } from './note-career';
import type { Program } from './types';

export function careerProblems(notes: readonly ParsedNote[], programs: Record<string, Program>): Problem[] {
  // The unknown-program warnings come from the note reader's module: it knows where the value is written.
  const problems: Problem[] = programProblems(notes, programs);
  const first = new Map<string, string>(); // program id -> path of its first note
  // Only certificate notes, sorted: the folder may hold thousands of notes and this runs on each change.
  const certificateNotes = notes.filter((n) => n.career?.type === 'certificate').sort((a, b) => compareText(a.path, b.path));
  for (const note of certificateNotes) {
    const record = note.career;
    if (record?.type !== 'certificate' || record.program === '') continue;
    const at = record.programAt ?? { line: note.keyLines['program'] ?? note.keyLines['type'] ?? 1, column: 1, length: 0 };
    const program = programOf(programs, record.program);
    const before = first.get(record.program);
    if (before === undefined) first.set(record.program, note.path);
    else {
      problems.push({
        file: note.path,
        line: at.line,
        column: at.column,
        ...(at.length > 0 ? { length: at.length } : {}),
        severity: 'warning',
        code: 'duplicate-certificate',
        message: l10n.t('{0} also records {1}: keep one note per certificate, so it is counted once and shows the right dates.', before, short(program?.name ?? record.program)),

      });
    }
  }
  return problems;
}
