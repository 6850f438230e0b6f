// What a note brings to study, attached to the parsed note (note.ts calls this once): the cards of its body and
// its `exam` and `domain` keys, with where they are written. Absent when the note has none of them, so a folder
// of plain CE notes keeps no study data. Whether the ids name a known plan is the plans' check (it needs the
// config); a card written halfway is a warning at its place, among the note's problems.
import * as l10n from '@vscode/l10n';
import { resolved, spanOf, type Frontmatter } from '../notes/frontmatter';
import type { NoteProblems } from '../notes/problems';
import type { ParsedNote } from '../types';
import { readCards } from './cards';
import type { NoteStudy, StudyKeyValue } from './types';

/** Sets `note.study` from the frontmatter and the body (which starts after the frontmatter's closing line). */
export function attachStudy(note: ParsedNote, fm: Frontmatter | undefined, body: string, problems: NoteProblems): void {
  const exam = studyKey(fm, 'exam', problems);
  const domain = studyKey(fm, 'domain', problems);
  const read = readCards(body, fm ? fm.endLine + 1 : 1);
  for (const p of read.problems) problems.push(p, 'warning', 'card-malformed', p.message);
  if (read.cards.length === 0 && !exam && !domain) return;
  const study: NoteStudy = { cards: read.cards };
  if (exam) study.exam = exam;
  if (domain) study.domain = domain;
  note.study = study;
}

/** A study key's id as written (trimmed), with its place; a list or mapping is a warning, an empty value nothing. */
function studyKey(fm: Frontmatter | undefined, key: 'exam' | 'domain', problems: NoteProblems): StudyKeyValue | undefined {
  const entry = fm?.entries.get(key);
  if (!fm || !entry) return undefined;
  const node = resolved(entry.value);
  if (!node || node.kind === 'empty') return undefined;
  if (node.kind !== 'scalar') {
    const example = key === 'exam' ? 'exam: ptce' : 'domain: medications';
    problems.push(spanOf(fm, node), 'warning', 'bad-value', l10n.t('{0} takes a single id, such as "{1}".', key, example));

    return undefined;
  }
  const value = node.value.trim();
  return value ? { value, ...spanOf(fm, node) } : undefined;
}
