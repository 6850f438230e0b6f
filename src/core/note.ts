// PLACEHOLDER (contract only) — the note parser is being written.
import type { NoteParseResult } from './types';

/** Parses one Markdown note. `path` is folder-relative and only used for messages and the title fallback. */
export function parseNote(text: string, path: string): NoteParseResult {
  return { note: { kind: 'study', path, title: path, topics: [], tags: [], excerpt: '', keyLines: {} }, problems: [{ file: path, line: 1, column: 1, severity: 'info', message: `unparsed ${text.length}` }] };
}
