// What the note reader's unit tests share: parse a text, insist on a CE note, write details lines, list codes.
import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/note';
import type { CeNote, NoteParseResult, Problem } from '../../src/core/types';

export function parse(text: string, file = 'notes/n.md'): NoteParseResult {
  return parseNote(text, file);
}

export function ce(text: string): { note: CeNote; problems: Problem[] } {
  const { note, problems } = parse(text);
  assert.equal(note.kind, 'ce', `expected a CE note, got ${note.kind}: ${JSON.stringify(problems)}`);
  return { note: note as CeNote, problems };
}

/** A CE note from frontmatter lines (keys start on line 2). */
export function fm(...lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\nBody text.\n`;
}

export function codes(problems: Problem[]): string[] {
  return problems.map((p) => `${p.severity}:${p.code}`);
}
