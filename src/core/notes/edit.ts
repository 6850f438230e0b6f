// Edits to a note's frontmatter that splice only the byte ranges of the nodes the reader's own parse located
// (frontmatter.ts), so an edit can never run into the body, eat part of a wrapped value or change what it did
// not mean to. Anything the edit cannot replace safely (a value with an anchor, alias or tag, a block scalar,
// a collection, a wrapped value, an explicit `? key`) is refused with a message saying why. Pure: takes text,
// returns offset edits; the editor, the CLI or a test applies them.
import * as l10n from '@vscode/l10n';
import { positionAt } from '../common/lines';
import type { CalendarDate } from '../types';
import { readFrontmatter, type Entry, type Frontmatter } from './frontmatter';
import { quoteExcerpt } from './problems';
import { yamlScalar } from './note-template';
import { scalarAlone, type YamlNode } from './yaml-tree';

/** Replace text[start, end) with newText; offsets into the text as given (a BOM counts). An insert has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type NoteEditResult = { ok: true; edits: TextEdit[] } | { ok: false; error: string };

/** The readable frontmatter of `text`, or why an edit must not touch it. */
function editableFrontmatter(text: string): { fm: Frontmatter } | { error: string } {
  // The reader refuses such a file as not text (note.ts): the edit must not mark completed what the index rejects.
  if (text.includes('\0')) return { error: l10n.t('the file contains NUL bytes, so it is not a text note.') };
  const read = readFrontmatter(text);
  if (read.kind === 'none') return { error: l10n.t('the note has no frontmatter block (a first line `---` and a closing `---`).') };
  const { fm } = read;
  if (fm.error) return { error: l10n.t('its frontmatter cannot be read: {0}', fm.error.message) };
  if (/\r(?!\n)/.test(fm.source)) return { error: l10n.t('the note ends its lines with a carriage return only; save it with LF or CRLF line ends first.') };
  if (fm.root && fm.root.kind !== 'empty' && !(fm.root.kind === 'map' && fm.root.style !== 'flow')) return { error: l10n.t('its frontmatter is not a list of "key: value" lines.') };
  return { fm };
}

/** Why a value cannot be replaced in place, or undefined when it can. */
function notReplaceable(fm: Frontmatter, entry: Entry): string | undefined {
  const key = entry.key.value;
  const before = fm.source.slice(fm.source.lastIndexOf('\n', entry.key.start) + 1, entry.key.start);
  if (before.includes('?')) return l10n.t('"{0}" is written as an explicit key ("? {0}"); write it as "{0}: value" first.', quoteExcerpt(key));
  if (!isExact(fm.source, entry.key)) return l10n.t('the key "{0}" is not written on one line as plain or quoted text.', quoteExcerpt(key));
  const value = entry.value;
  if (value === null) return undefined;
  if (value.kind === 'alias') return l10n.t('{0} refers to another value ({1}); write the value itself first.', key, fm.source.slice(value.start, value.end));
  if (value.anchor) return l10n.t("{0}'s value has an anchor (&{1}) that other values may refer to; remove it first.", key, value.anchor);
  if (value.tag) return l10n.t("{0}'s value has a tag ({1}); remove it first.", key, value.tag);
  if (value.kind !== 'scalar') return l10n.t('{0} holds a list or mapping, not a single value; write "{0}: value" first.', key);
  if (value.style === 'block') return l10n.t("{0}'s value is a block (| or >); write it on the key's line first.", key);
  if (fm.source.slice(value.start, value.end).includes('\n')) return l10n.t("{0}'s value runs over several lines; write it on one line first.", key);
  if (!isExact(fm.source, value)) return l10n.t("{0}'s value could not be located exactly; write it as plain text or in quotes first.", key);
  return undefined;
}

/**
 * Whether source[start, end) is exactly the scalar as written: one line whose text, unquoted, is the value the
 * parser read. The ranges come from the parser's listener positions; this check makes a wrong one unspliceable.
 */
function isExact(source: string, node: YamlNode): boolean {
  const written = source.slice(node.start, node.end);
  if (node.kind !== 'scalar' || node.style === 'block' || /[\r\n]/.test(written)) return false;
  if (node.style === 'plain') return written === node.value;
  const quote = written[0];
  if (written.length < 2 || written[written.length - 1] !== quote) return false;
  const inner = written.slice(1, -1);
  if (quote === "'") return inner.replace(/''/g, "'") === node.value;
  // Double quotes with escapes (`\t`, `\"`): the quoted text alone must read as the same value.
  return inner.includes('\\') ? scalarAlone(written) === node.value : inner === node.value;
}

/** The same scalar quoting style as `written`, holding `value`. */
function requoted(value: string, written: string): string {
  if (written.startsWith('"')) return JSON.stringify(value);
  if (written.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return scalarText(value);
}

/** A value written plain when it is a word, number or date (the reader takes those as written), else quoted. */
function scalarText(value: string): string {
  return /^[A-Za-z0-9][\w.-]*$/.test(value) ? value : yamlScalar(value);
}

/**
 * Sets top-level frontmatter keys to single values. An existing key gets only its value replaced (comment,
 * quoting and spacing kept); a missing one is a new line after the entry of `insertAfter`'s first present key,
 * else after the last entry, with the mapping's indentation and the file's line break.
 */
export function setFrontmatterValues(text: string, values: ReadonlyArray<readonly [key: string, value: string]>, insertAfter: readonly string[] = []): NoteEditResult {
  const found = editableFrontmatter(text);
  if ('error' in found) return { ok: false, error: found.error };
  const { fm } = found;
  const offset = (at: number) => fm.base + at;
  const edits: TextEdit[] = [];
  const eol = /\r\n|\n/.exec(text)?.[0] ?? '\n';
  const lastEntry = fm.pairs.length > 0 ? fm.pairs[fm.pairs.length - 1] : undefined;
  const indent = lastEntry ? indentOf(fm.source, lastEntry.key.start) : '';
  const inserts = new Map<number, string[]>();
  for (const [key, value] of values) {
    const entry = fm.entries.get(key);
    if (!entry) {
      // After the nearest earlier key of this call that exists (`completed` after `status`), else the anchor key.
      const earlier = values.slice(0, values.findIndex(([k]) => k === key)).map(([k]) => fm.entries.get(k)).filter((e) => e !== undefined);
      const anchorKey = insertAfter.find((k) => fm.entries.has(k));
      const anchor = earlier.at(-1) ?? (anchorKey ? fm.entries.get(anchorKey) : undefined);
      const at = anchor ? afterEntry(fm.source, anchor) : lastEntry ? afterEntry(fm.source, lastEntry) : fm.source.length;
      inserts.set(at, [...(inserts.get(at) ?? []), `${indent}${key}: ${scalarText(value)}${eol}`]);
      continue;
    }
    const refused = notReplaceable(fm, entry);
    if (refused) return { ok: false, error: refused };
    const node = entry.value;
    if (node === null) {
      // `key:` or `key:   # comment`: the value goes right after the colon.
      const colon = fm.source.indexOf(':', entry.key.end);
      edits.push({ start: offset(colon + 1), end: offset(colon + 1), newText: ` ${scalarText(value)}` });
      continue;
    }
    const { start, end } = node;
    const written = fm.source.slice(start, end);
    const newText = requoted(value, written);
    if (newText !== written) edits.push({ start: offset(start), end: offset(end), newText });
  }
  for (const [at, lines] of inserts) edits.push({ start: offset(at), end: offset(at), newText: lines.join('') });
  return { ok: true, edits: edits.sort((a, b) => a.start - b.start) };
}

/** Where a new line after an entry goes: the line after its value (or key), past a block scalar's blank lines. */
function afterEntry(source: string, entry: Entry): number {
  let at = lineAfter(source, entry.value ? entry.value.end : entry.key.end);
  let last = entry.value;
  while (last && last.items.length > 0) last = last.items[last.items.length - 1];
  // A `|+` or `>+` value keeps the blank lines after its text: a line inserted before them would cut them off.
  if (last?.kind === 'scalar' && last.style === 'block') {
    for (let next = source.indexOf('\n', at); next !== -1 && /^[ \t\r]*$/.test(source.slice(at, next)); next = source.indexOf('\n', at)) at = next + 1;
  }
  return at;
}

/** The start of the line after the one holding source[end - 1] (a value's last character). */
function lineAfter(source: string, end: number): number {
  if (end > 0 && source[end - 1] === '\n') return end;
  const next = source.indexOf('\n', end);
  return next === -1 ? source.length : next + 1;
}

/** The spaces before a key on its line (an indented mapping keeps its indentation). */
function indentOf(source: string, at: number): string {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const before = source.slice(lineStart, at);
  return /^[ ]*$/.test(before) ? before : '';
}

/** The edits that mark a CE note completed on `date`: `status: completed` and `completed: <date>`. */
export function markCompletedEdits(text: string, date: CalendarDate): NoteEditResult {
  return setFrontmatterValues(text, [['status', 'completed'], ['completed', date]], ['ce_hours', 'ceu']);
}

/**
 * Mark Note Completed on a whole text (the CLI's `complete`, and tests): the new text, which reads back with
 * status completed on `date`, or why the note is left as it was.
 */
export function completeNote(text: string, date: CalendarDate): { ok: true; text: string } | { ok: false; error: string } {
  const result = markCompletedEdits(text, date);
  if (!result.ok) return result;
  const out = applyEdits(text, result.edits);
  // Read back: the edit is kept only if the note now says exactly what was asked.
  const back = readFrontmatter(out);
  const fm = back.kind === 'read' && !back.fm.error ? back.fm : undefined;
  const valueOf = (key: string) => {
    const node = fm?.entries.get(key)?.value;
    return node?.kind === 'scalar' ? node.value : undefined;
  };
  if (valueOf('status') !== 'completed' || valueOf('completed') !== date) return { ok: false, error: l10n.t('the edited note would not read back as completed; it was left as it was.') };
  return { ok: true, text: out };
}

/** Renames the top-level key on a 0-based line (quick fix for a misspelt key); undefined when there is none. */
export function renameKeyEdit(text: string, line: number, newKey: string): TextEdit | undefined {
  const found = editableFrontmatter(text);
  if ('error' in found || found.fm.entries.has(newKey)) return undefined;
  const { fm } = found;
  for (const { key } of fm.entries.values()) {
    if (positionAt(fm.lineStarts, key.start).line !== line + 1) continue;
    if (!isExact(fm.source, key)) return undefined;
    return { start: fm.base + key.start, end: fm.base + key.end, newText: newKey };
  }
  return undefined;
}

/** Applies offset edits to text (for the CLI and tests). Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}
