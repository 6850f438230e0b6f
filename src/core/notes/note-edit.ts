// Minimal, line-based edits to a note's frontmatter. A note is the user's own file: an edit touches only the
// value it means to change, and keeps line endings, BOM, comments, quoting, key order and the body as they were.
// Pure: takes text, returns edits; the editor (or a test) applies them.
import type { CalendarDate } from '../types';

/**
 * One text edit on a single line. `line` is 0-based, columns are 0-based UTF-16 offsets into the line's text
 * (without its line break), as in a VS Code `Range`. An insert has `startColumn === endColumn`. A deleted
 * block of lines is a replacement spanning `line`..`endLine` (to `endColumn` on `endLine`).
 */
export interface LineEdit {
  line: number;
  startColumn: number;
  /** Line the edit ends on; absent means `line`. */
  endLine?: number;
  endColumn: number;
  newText: string;
}

export type NoteEditResult = { ok: true; edits: LineEdit[] } | { ok: false; error: string };

interface SourceLine {
  /** Text without the line break. */
  text: string;
  /** Line break after it: '\r\n', '\n', '\r' or '' for the last line. */
  eol: string;
}

interface Frontmatter {
  lines: SourceLine[];
  /** 0-based line of the opening and closing fences. */
  open: number;
  close: number;
  eol: string;
}

interface KeyEntry {
  key: string;
  /** 0-based line of the key. */
  line: number;
  /** Last line of the entry (continuation lines of a block value included). */
  lastLine: number;
  /** Column just after the colon. */
  afterColon: number;
}

interface ValueSpan {
  start: number;
  end: number;
  quote: '"' | "'" | '';
  /** The value as written, quotes included. */
  raw: string;
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)/;
const QUOTED_TOP_LEVEL_KEY = /^(["'])([^"']+)\1[ \t]*:(?=\s|$)/;

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** The file's line break: the first one found, else '\n'. */
export function detectEol(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function findFrontmatter(text: string): Frontmatter | undefined {
  const lines = splitLines(text);
  // A BOM is not part of the first line's text in an editor; strip it for matching only (line 0 is never edited).
  const first = lines[0].text.replace(/^\uFEFF/, '');
  if (first.trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].text.trimEnd();
    if (t === '---' || t === '...') return { lines, open: 0, close: i, eol: detectEol(text) };
  }
  return undefined;
}

function topLevelKeyOf(text: string): { key: string; afterColon: number } | undefined {
  const m = TOP_LEVEL_KEY.exec(text);
  if (m) return { key: m[1], afterColon: m[0].length };
  const q = QUOTED_TOP_LEVEL_KEY.exec(text);
  if (q) return { key: q[2], afterColon: q[0].length };
  return undefined;
}

/** Lines that belong to the value of the key above them: indented, or a block-sequence item at column 0. */
function isContinuation(text: string): boolean {
  return /^[ \t]/.test(text) || /^-(\s|$)/.test(text);
}

function keyEntries(fm: Frontmatter): KeyEntry[] {
  const entries: KeyEntry[] = [];
  for (let i = fm.open + 1; i < fm.close; i++) {
    const found = topLevelKeyOf(fm.lines[i].text);
    if (!found) continue;
    let last = i;
    for (let j = i + 1; j < fm.close; j++) {
      const t = fm.lines[j].text;
      if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
      if (!isContinuation(t)) break;
      last = j;
    }
    entries.push({ key: found.key, line: i, lastLine: last, afterColon: found.afterColon });
  }
  return entries;
}

/** Where the scalar value after the colon starts and ends (a trailing `# comment` is not part of it). */
function valueSpan(text: string, afterColon: number): ValueSpan | undefined {
  let i = afterColon;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= text.length || text[i] === '#') return undefined;
  const start = i;
  const c = text[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length) {
      if (c === '"' && text[j] === '\\') j += 2;
      else if (c === "'" && text[j] === "'" && text[j + 1] === "'") j += 2;
      else if (text[j] === c) return { start, end: j + 1, quote: c, raw: text.slice(start, j + 1) };
      else j++;
    }
    // Unterminated quote: treat the rest of the line as the value.
    return { start, end: text.trimEnd().length, quote: '', raw: text.slice(start).trimEnd() };
  }
  const comment = /\s#/.exec(text.slice(start));
  const end = comment ? start + comment.index : text.length;
  const raw = text.slice(start, end).trimEnd();
  return { start, end: start + raw.length, quote: '', raw };
}

function quoted(value: string, quote: '"' | "'" | ''): string {
  if (quote === '"') return JSON.stringify(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/**
 * Sets top-level frontmatter keys to plain scalar values. An existing key gets only its value replaced (comment,
 * quoting style and spacing kept); a missing one is inserted as a new line after `insertAfter`'s first present key,
 * or else before the closing fence. Keys are handled in the order given, so inserted lines keep that order.
 */
export function setFrontmatterValues(
  text: string,
  values: ReadonlyArray<readonly [key: string, value: string]>,
  insertAfter: readonly string[] = [],
): NoteEditResult {
  const fm = findFrontmatter(text);
  if (!fm) return { ok: false, error: 'The note has no frontmatter block (a first line `---` and a closing `---`).' };
  const entries = keyEntries(fm);
  const byKey = new Map<string, KeyEntry>();
  for (const e of entries) if (!byKey.has(e.key)) byKey.set(e.key, e);

  const edits: LineEdit[] = [];
  // New lines by the line they are inserted before, in the order given.
  const inserts = new Map<number, string[]>();
  let fallback: KeyEntry | undefined;
  for (const key of insertAfter) {
    fallback = byKey.get(key);
    if (fallback) break;
  }
  for (const [key, value] of values) {
    const entry = byKey.get(key);
    if (!entry) {
      // Right after the nearest earlier key of this call that exists (`completed` after `status`), else the fallback.
      const before = values.slice(0, values.findIndex(([k]) => k === key)).map(([k]) => byKey.get(k)).filter((e) => e !== undefined);
      const anchor = before.length > 0 ? before[before.length - 1] : fallback;
      const at = anchor ? anchor.lastLine + 1 : fm.close;
      inserts.set(at, [...(inserts.get(at) ?? []), `${key}: ${value}`]);
      continue;
    }
    const line = fm.lines[entry.line].text;
    if (entry.lastLine > entry.line) {
      // A block value (list or map under the key): replace the whole entry, it cannot hold a scalar alongside.
      const lastText = fm.lines[entry.lastLine].text;
      edits.push({ line: entry.line, startColumn: entry.afterColon, endLine: entry.lastLine, endColumn: lastText.length, newText: ` ${value}` });
      continue;
    }
    const span = valueSpan(line, entry.afterColon);
    if (!span) {
      // `key:` or `key:   # comment`: put the value right after the colon.
      edits.push({ line: entry.line, startColumn: entry.afterColon, endColumn: entry.afterColon, newText: ` ${value}` });
      continue;
    }
    if (span.raw.startsWith('|') || span.raw.startsWith('>')) {
      edits.push({ line: entry.line, startColumn: span.start, endColumn: span.end, newText: value });
      continue;
    }
    const newText = quoted(value, span.quote);
    if (newText !== span.raw) edits.push({ line: entry.line, startColumn: span.start, endColumn: span.end, newText });
  }
  // Inserted at the start of a line, so no existing line changes.
  for (const [at, lines] of inserts) edits.push({ line: at, startColumn: 0, endColumn: 0, newText: lines.map((l) => l + fm.eol).join('') });
  return { ok: true, edits };
}

/**
 * The edits that mark a CE note completed on `date`: `status: completed` and `completed: <date>`. A missing key
 * is inserted right after `ce_hours`/`ceu` (or before the closing fence).
 */
export function markCompletedEdits(text: string, date: CalendarDate): NoteEditResult {
  return setFrontmatterValues(text, [['status', 'completed'], ['completed', date]], ['ce_hours', 'ceu']);
}

/** Renames a top-level key on a given 0-based line (quick fix for an unknown key). */
export function renameKeyEdit(lineText: string, line: number, newKey: string): LineEdit | undefined {
  const m = /^(\s*)(["']?)([^"':#]+?)\2[ \t]*:/.exec(lineText);
  if (!m) return undefined;
  const start = m[1].length;
  const end = start + m[2].length * 2 + m[3].length;
  return { line, startColumn: start, endColumn: end, newText: newKey };
}

/** Applies line edits to text (for tests and for files not open in an editor). Edits must not overlap. */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = splitLines(text);
  const bom = lines[0].text.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (bom) lines[0] = { ...lines[0], text: lines[0].text.slice(1) };
  const lineStarts: number[] = [];
  let offset = 0;
  const body = lines.map((l) => l.text + l.eol).join('');
  for (const l of lines) {
    lineStarts.push(offset);
    offset += l.text.length + l.eol.length;
  }
  const toOffset = (line: number, column: number) => (line >= lines.length ? body.length : lineStarts[line] + Math.min(column, lines[line].text.length));
  const sorted = [...edits].sort((a, b) => a.line - b.line || a.startColumn - b.startColumn);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    const start = toOffset(e.line, e.startColumn);
    const end = toOffset(e.endLine ?? e.line, e.endColumn);
    if (start < pos) throw new Error('overlapping edits');
    out += body.slice(pos, start) + e.newText;
    pos = end;
  }
  return bom + out + body.slice(pos);
}

// ---- Where the cursor is in the frontmatter (completion and hover) ----------------------------------------

export type FrontmatterContext =
  /** At a top-level key position: `prefix` typed so far, starting at `start`. */
  | { kind: 'key'; prefix: string; start: number; existingKeys: string[] }
  /**
   * In the value of `key`: inline (`key: |`, `key: [a, |`) or in a `- ` item under it. `prefix` is the word typed
   * so far, starting at `start`; `listed` are the items already in the list, for not offering them twice.
   */
  | { kind: 'value'; key: string; prefix: string; start: number; inList: boolean; listed: string[] };

/**
 * What a cursor at (0-based `line`, `character`) edits, when it is inside the frontmatter block (between the
 * fences); undefined elsewhere (body, fences, comments).
 */
export function frontmatterContextAt(text: string, line: number, character: number): FrontmatterContext | undefined {
  const fm = findFrontmatter(text);
  if (!fm || line <= fm.open || line >= fm.close) return undefined;
  const lineText = fm.lines[line].text;
  const before = lineText.slice(0, character);
  if (before.trimStart().startsWith('#')) return undefined;
  const entries = keyEntries(fm);
  const found = topLevelKeyOf(lineText);
  if (found && character >= found.afterColon) {
    const word = /[^\s,[\]{}:]*$/.exec(before)![0];
    const inner = lineText.slice(found.afterColon);
    return {
      kind: 'value',
      key: found.key,
      prefix: word,
      start: character - word.length,
      inList: /^\s*\[/.test(inner),
      listed: listItems(inner),
    };
  }
  const item = /^(\s*)-[ \t]+/.exec(lineText);
  if (item && character >= item[0].length) {
    // A `- ` item: it belongs to the nearest key above it.
    const owner = [...entries].reverse().find((e) => e.line < line && e.lastLine >= line - 1);
    if (!owner) return undefined;
    const word = /[^\s,[\]{}:]*$/.exec(before)![0];
    const listed: string[] = [];
    for (let i = owner.line + 1; i <= Math.max(owner.lastLine, line); i++) {
      if (i === line) continue;
      const m = /^\s*-[ \t]+(.*)$/.exec(fm.lines[i].text);
      if (m) listed.push(stripScalar(m[1]));
    }
    return { kind: 'value', key: owner.key, prefix: word, start: character - word.length, inList: true, listed };
  }
  if (/^[A-Za-z_][\w-]*$/.test(before) || before === '') {
    if (/^\s/.test(lineText) && before === '') return undefined;
    return { kind: 'key', prefix: before, start: 0, existingKeys: entries.filter((e) => e.line !== line).map((e) => e.key) };
  }
  return undefined;
}

function stripScalar(raw: string): string {
  const noComment = raw.replace(/\s#.*$/, '').trim();
  return noComment.replace(/^(["'])(.*)\1$/, '$2');
}

function listItems(inlineValue: string): string[] {
  const m = /^\s*\[([^\]]*)\]?/.exec(inlineValue);
  const body = m ? m[1] : inlineValue.replace(/\s#.*$/, '');
  return body
    .split(',')
    .map(stripScalar)
    .filter((s) => s !== '');
}

/** The scalar word under a column of a frontmatter line (for hover), with its span. */
export function wordAt(lineText: string, character: number): { word: string; start: number; end: number } | undefined {
  const re = /[A-Za-z0-9_-]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lineText)) !== null) {
    if (m.index <= character && character <= m.index + m[0].length) return { word: m[0], start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** The value span of a top-level `key:` on a line (for hover on `uan:`), undefined when the line is another key. */
export function keyValueOnLine(lineText: string, key: string): { value: string; start: number; end: number } | undefined {
  const found = topLevelKeyOf(lineText);
  if (!found || found.key !== key) return undefined;
  const span = valueSpan(lineText, found.afterColon);
  if (!span) return undefined;
  const inner = span.quote ? span.raw.slice(1, -1) : span.raw;
  return { value: inner, start: span.start, end: span.end };
}
