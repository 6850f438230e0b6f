// Where the cursor is in a note's frontmatter, for completion and hovers. The block's bounds come from the one
// fence rule (fence.ts); inside it, the line being typed is usually not valid YAML yet, so the context is read
// from the line and the entries above it, with linear scans only (a long line must not cost its square).
import { findFence } from './fence';

interface SourceLine {
  text: string;
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

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)/;
const QUOTED_TOP_LEVEL_KEY = /^(["'])([^"']+)\1[ \t]*:(?=\s|$)/;

/** The lines of the block and the 0-based lines of its fences, by the one fence rule. */
function blockLines(text: string): { lines: SourceLine[]; open: number; close: number } | undefined {
  const fence = findFence(text);
  if (!fence || fence.closeLine === -1) return undefined;
  const lines = text.split('\n').map((l) => ({ text: l.endsWith('\r') ? l.slice(0, -1) : l }));
  return { lines, open: 0, close: fence.closeLine };
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

function keyEntries(fm: { lines: SourceLine[]; open: number; close: number }): KeyEntry[] {
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

/** The word being typed before `character`: from the last separator (space , [ ] { } :) on, scanned backwards. */
function wordBefore(before: string): string {
  let start = before.length;
  while (start > 0 && !/[\s,[\]{}:]/.test(before[start - 1])) start--;
  return before.slice(start);
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
  const fm = blockLines(text);
  if (!fm || line <= fm.open || line >= fm.close) return undefined;
  const lineText = fm.lines[line].text;
  const before = lineText.slice(0, character);
  if (before.trimStart().startsWith('#')) return undefined;
  const entries = keyEntries(fm);
  const found = topLevelKeyOf(lineText);
  if (found && character >= found.afterColon) {
    const word = wordBefore(before);
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
    const word = wordBefore(before);
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
  const hash = text.indexOf(' #', start);
  const tab = text.indexOf('\t#', start);
  const cut = [hash, tab].filter((i) => i !== -1);
  const end = cut.length > 0 ? Math.min(...cut) : text.length;
  const raw = text.slice(start, end).trimEnd();
  return { start, end: start + raw.length, quote: '', raw };
}

interface ValueSpan {
  start: number;
  end: number;
  quote: '"' | "'" | '';
  /** The value as written, quotes included. */
  raw: string;
}

