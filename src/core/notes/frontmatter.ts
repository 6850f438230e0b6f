// Splits a note into its YAML frontmatter and body, and records where each top-level key and value sits so
// problems can point at them. Notes are untrusted: only YAML is read. gray-matter can evaluate JavaScript
// (`---js`), so the language is checked here before gray-matter runs, and its code engines are replaced by
// ones that refuse, in case anything slips past. gray-matter is always called with an options object (without
// one it keeps every input in a global, content-keyed cache and hands out shared mutable results), and only on
// the frontmatter itself: it copies its whole input into a Buffer, which a large body would make costly.
// Most notes never reach it: the plain YAML they use is read by the line scanner below (see scanKeys).
import matter from 'gray-matter';
import { daysInMonth } from '../common/dates';
import { NOTE_KEYS, type NoteKey } from './note-keys';

/** A scalar as written in the file: 1-based line and column of its first character, and its length. */
export interface SourceSpan {
  line: number;
  column: number;
  length: number;
  /** The text without surrounding quotes. */
  text: string;
}

export interface KeySource {
  /** The key's own span (column 1 for a top-level key). */
  readonly key: SourceSpan;
  /** The value on the key's line, if any (a whole flow list `[a, b]` included). */
  readonly value?: SourceSpan;
  /** Items of a list value, from a flow list on the key's line or `- item` lines below it. */
  readonly items: SourceSpan[];
}

/**
 * Value and item positions are only needed to report a problem, which few notes have: they are worked out
 * from the remembered lines on first use rather than for every key of every note.
 */
class KeyLine implements KeySource {
  private keySpan?: SourceSpan;
  private spans?: { value?: SourceSpan; items: SourceSpan[] };

  constructor(
    /** The key without quotes. */
    readonly name: string,
    /** The key as written (quotes included). */
    private readonly keyLength: number,
    readonly lineNo: number,
    private readonly line: string,
    /** Index of the inline value's first character, or -1 when the key's line has none. */
    readonly valueStart: number,
    /** Block list items: line number, line text and where the item's value starts; undefined when there are none. */
    private readonly itemLines: ItemLine[] | undefined,
  ) {}

  get key(): SourceSpan {
    return (this.keySpan ??= { line: this.lineNo, column: 1, length: this.keyLength, text: this.name });
  }

  get value(): SourceSpan | undefined {
    return this.resolve().value;
  }

  get items(): SourceSpan[] {
    return this.resolve().items;
  }

  private resolve(): { value?: SourceSpan; items: SourceSpan[] } {
    if (this.spans) return this.spans;
    const { line, valueStart, lineNo } = this;
    if (valueStart === -1) {
      const items: SourceSpan[] = [];
      for (const [n, text, start] of this.itemLines ?? []) {
        const span = scalarAt(text, start, n);
        if (span) items.push(span);
      }
      this.spans = { items };
    } else if (line.charCodeAt(valueStart) === 91 /* [ */) {
      const flow = flowList(line, valueStart, lineNo);
      this.spans = { value: flow.span, items: flow.items };
    } else {
      this.spans = { value: scalarAt(line, valueStart, lineNo), items: [] };
    }
    return this.spans;
  }
}

type ItemLine = [number, string, number];

/**
 * What the scanner records of each top-level key (first occurrences, in file order), flat: RECORD_SIZE slots
 * per key, in the order of KeyLine's constructor parameters. The keys Map and its KeyLine objects are only
 * needed to report a problem, which few notes have, so they are made from this on first use.
 */
type KeyRecords = (string | number | ItemLine[] | undefined)[];
const RECORD_SIZE = 6;
/** scanKeys' working array (scans never overlap: they are synchronous and do not nest). */
const RECORD_SCRATCH: KeyRecords = [];
/** Slots the scratch array keeps between scans (a hundred keys); a larger scan frees it. */
const SCRATCH_KEEP = RECORD_SIZE * 100;

/** The frontmatter as scanned: `keys` is built from the scanner's records when first asked for. */
class ScannedFrontmatter implements Frontmatter {
  readonly startLine = 1;
  private keyMap: Map<string, KeySource> | undefined;
  private lastSource: KeyLine | undefined;
  declare data?: Record<string, unknown>;
  declare error?: FrontmatterFailure;
  declare parsedBy?: 'plain' | 'yaml';
  declare noteKeysOnly?: boolean;

  constructor(
    readonly endLine: number,
    readonly keyLines: Record<string, number>,
    private readonly records: KeyRecords,
  ) {}

  get keys(): Map<string, KeySource> {
    if (this.keyMap) return this.keyMap;
    const keys = new Map<string, KeySource>();
    const r = this.records;
    for (let i = 0; i < r.length; i += RECORD_SIZE) {
      const name = r[i] as string;
      keys.set(name, new KeyLine(name, r[i + 1] as number, r[i + 2] as number, r[i + 3] as string, r[i + 4] as number, r[i + 5] as ItemLine[] | undefined));
    }
    return (this.keyMap = keys);
  }

  /** One key's source without building the whole Map (the reader asks for a few, e.g. a date as written). */
  source(name: string): KeySource | undefined {
    if (this.keyMap) return this.keyMap.get(name);
    // The last one found is kept: a list's items are asked for one by one, and each KeyLine works its spans out once.
    if (this.lastSource?.name === name) return this.lastSource;
    const r = this.records;
    for (let i = 0; i < r.length; i += RECORD_SIZE) {
      if (r[i] === name) {
        return (this.lastSource = new KeyLine(name, r[i + 1] as number, r[i + 2] as number, r[i + 3] as string, r[i + 4] as number, r[i + 5] as ItemLine[] | undefined));
      }
    }
    return undefined;
  }
}

/** Where a top-level key and its value sit: fm.keys.get(name), without building the Map when it is not built yet. */
export function keySource(fm: Frontmatter | undefined, name: string): KeySource | undefined {
  if (fm === undefined) return undefined;
  return fm instanceof ScannedFrontmatter ? fm.source(name) : fm.keys.get(name);
}

export interface FrontmatterFailure {
  code: 'yaml-syntax' | 'unsafe-engine';
  message: string;
  line: number;
  column: number;
  length?: number;
}

export interface Frontmatter {
  /** 1-based lines of the opening and closing `---`. */
  startLine: number;
  endLine: number;
  /** Top-level keys by name, in file order. */
  keys: Map<string, KeySource>;
  /** 1-based line of each top-level key (its first occurrence), in file order. */
  keyLines: Record<string, number>;
  /** The parsed mapping; undefined when `error` is set. */
  data?: Record<string, unknown>;
  error?: FrontmatterFailure;
  /** Which reader produced `data`: the plain-subset scanner or js-yaml (through gray-matter). */
  parsedBy?: 'plain' | 'yaml';
  /** True when `data` (read by the plain scanner) has only the note format's own keys: no key to question. */
  noteKeysOnly?: boolean;
}

export interface NoteParts {
  frontmatter?: Frontmatter;
  /** The Markdown after the frontmatter (the whole text when there is none). */
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
}

/** Frontmatter larger than this is refused: no real note needs it, and it bounds the YAML parser's work. */
export const FRONTMATTER_LIMIT = 256 * 1024;

const refuse = (): never => {
  throw new Error('Only YAML frontmatter is read.');
};
const REFUSED = { parse: refuse, stringify: refuse };
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: { js: REFUSED, javascript: REFUSED, coffee: REFUSED, coffeescript: REFUSED, cson: REFUSED, json: REFUSED, toml: REFUSED },
};
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/** Reads the frontmatter of a note's text (BOM already removed). Never throws. */
export function splitNote(text: string): NoteParts {
  // Same opening rule as gray-matter: `---` at the very start, not followed by a fourth `-`.
  if (!text.startsWith('---') || text.charCodeAt(3) === 45 /* - */) return { body: text, bodyLine: 1 };
  const firstBreak = text.indexOf('\n');
  // Nearly every note opens with a bare `---` line: no language to cut out and look up.
  const bare = firstBreak === 3 || (firstBreak === 4 && text.charCodeAt(3) === 13 /* \r */);
  const openingLine = bare ? '---' : stripCr(firstBreak === -1 ? text : text.slice(0, firstBreak));
  const language = bare ? '' : openingLine.slice(3).trim();
  // Same closing rule as gray-matter: the next line that starts with `---`.
  const closeBreak = firstBreak === -1 ? -1 : text.indexOf('\n---', firstBreak);
  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    const column = openingLine.indexOf(language) + 1;
    return failed(text, closeBreak, {
      code: 'unsafe-engine',
      message: `Only YAML frontmatter is read; "---${language}" frontmatter is refused and never run. Use a plain "---" line.`,
      line: 1,
      column,
      length: language.length,
    });
  }
  if (closeBreak === -1) {
    // A lone `---` at the top of ordinary Markdown is a horizontal rule, not frontmatter; but if key lines
    // follow, the user forgot to close it, and saying so beats silently treating a CE note as a study note.
    if (firstBreak !== -1 && looksLikeKeyLine(firstLineAfter(text, firstBreak + 1))) {
      return failed(text, -1, {
        code: 'yaml-syntax',
        message: 'The frontmatter has no closing "---" line: add one after the last key.',
        line: 1,
        column: 1,
        length: 3,
      });
    }
    return { body: text, bodyLine: 1 };
  }
  const afterClose = text.indexOf('\n', closeBreak + 1);
  const bodyStart = afterClose === -1 ? text.length : afterClose + 1;
  const { records, keyLines, endLine, data: simple, noteKeysOnly } = scanKeys(text, firstBreak + 1, closeBreak, 2);
  const frontmatter = new ScannedFrontmatter(endLine, keyLines, records);
  const parts: NoteParts = { frontmatter, body: text.slice(bodyStart), bodyLine: endLine + 1 };
  if (closeBreak > FRONTMATTER_LIMIT) {
    frontmatter.error = {
      code: 'yaml-syntax',
      message: `The frontmatter is larger than ${FRONTMATTER_LIMIT / 1024} KB and is not read.`,
      line: 1,
      column: 1,
      length: 3,
    };
    return parts;
  }
  if (simple) {
    frontmatter.data = simple;
    frontmatter.parsedBy = 'plain';
    if (noteKeysOnly) frontmatter.noteKeysOnly = true;
    return parts;
  }
  frontmatter.parsedBy = 'yaml';
  try {
    // gray-matter reads the language off the opening line again, and would trip over what the check above
    // let through (`---yaml`, or `---` and a no-break space pasted from a web page): it gets a bare `---`
    // line instead, which keeps every line number.
    const block = bare ? text.slice(0, closeBreak + 4) : `---${text.slice(firstBreak, closeBreak + 4)}`;
    const data: unknown = matter(block, MATTER_OPTIONS).data;
    if (data === null || data === undefined) frontmatter.data = {};
    else if (typeof data === 'object' && !Array.isArray(data) && !(data instanceof Date)) frontmatter.data = data as Record<string, unknown>;
    else {
      frontmatter.error = {
        code: 'yaml-syntax',
        message: 'The frontmatter must be "key: value" lines (found a single value or a list).',
        line: Math.min(2, endLine),
        column: 1,
      };
    }
  } catch (error) {
    frontmatter.error = withinLine(text, unclosedFlow(yamlFailure(error, 3, endLine), frontmatter.keys));
  }
  return parts;
}

/** A block that is not read at all. Its contents never become the excerpt: only a body after a closing fence does. */
function failed(text: string, closeBreak: number, error: FrontmatterFailure): NoteParts {
  if (closeBreak === -1) return { frontmatter: { startLine: 1, endLine: 1, keys: new Map(), keyLines: {}, error }, body: '', bodyLine: 1 };
  const endLine = lineCount(text, closeBreak) + 1;
  const afterClose = text.indexOf('\n', closeBreak + 1);
  const body = afterClose === -1 ? '' : text.slice(afterClose + 1);
  return { frontmatter: { startLine: 1, endLine, keys: new Map(), keyLines: {}, error }, body, bodyLine: endLine + 1 };
}

/** Number of lines up to and including the one that `index` ends (a `\n` at `index`). */
function lineCount(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Maps a js-yaml error (0-based line within the block, which starts right after `---`) to the file. */
function yamlFailure(error: unknown, openingLength: number, endLine: number): FrontmatterFailure {
  const e = error as { reason?: unknown; message?: unknown; mark?: { line?: unknown; column?: unknown } };
  const reason = typeof e?.reason === 'string' ? e.reason : typeof e?.message === 'string' ? e.message.split('\n')[0] : 'unreadable YAML';
  let line = 2;
  let column = 1;
  if (e?.mark && typeof e.mark.line === 'number' && typeof e.mark.column === 'number') {
    line = e.mark.line + 1;
    column = e.mark.line === 0 ? openingLength + e.mark.column + 1 : e.mark.column + 1;
    // An error at the end of the block is reported on the closing fence: keep it inside the frontmatter.
    if (line >= endLine && endLine > 2) [line, column] = [endLine - 1, 1];
    if (line < 1) line = 1;
  }
  return { code: 'yaml-syntax', message: `YAML error in the frontmatter: ${reason}.`, line, column };
}

/**
 * js-yaml reports an unclosed `[` or `{` where it gave up (often the next key's line). The mistake is on the
 * line that opened it, so point there when one such line precedes the reported position.
 */
function unclosedFlow(failure: FrontmatterFailure, keys: Map<string, KeySource>): FrontmatterFailure {
  if (!failure.message.includes('flow collection')) return failure;
  let opener: SourceSpan | undefined;
  for (const { value } of keys.values()) {
    if (!value || value.line > failure.line) continue;
    const t = value.text.trimEnd();
    const open = t[0];
    if ((open === '[' && !t.endsWith(']')) || (open === '{' && !t.endsWith('}'))) opener = value;
  }
  if (!opener) return failure;
  const close = opener.text[0] === '[' ? ']' : '}';
  return {
    ...failure,
    line: opener.line,
    column: opener.column,
    length: opener.length,
    message: `YAML error in the frontmatter: "${opener.text[0]}" opened here is never closed with "${close}".`,
  };
}

/** js-yaml sometimes reports a column off its line (a duplicated key gives a negative one): keep it on the line. */
function withinLine(text: string, failure: FrontmatterFailure): FrontmatterFailure {
  let start = 0;
  for (let n = 1; n < failure.line && start !== -1; n++) start = text.indexOf('\n', start) + 1 || -1;
  if (start === -1) return failure;
  const end = text.indexOf('\n', start);
  const lineLength = stripCr(end === -1 ? text.slice(start) : text.slice(start, end)).length;
  const column = Math.min(Math.max(1, failure.column), lineLength + 1);
  if (column === failure.column) return failure;
  return { ...failure, column, length: undefined };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function firstLineAfter(text: string, start: number): string {
  let pos = start;
  // Skip blank lines; look at a bounded number of them only.
  for (let n = 0; n < 20 && pos < text.length; n++) {
    const end = text.indexOf('\n', pos);
    const line = stripCr(end === -1 ? text.slice(pos) : text.slice(pos, end));
    if (line.trim() !== '') return line;
    if (end === -1) break;
    pos = end + 1;
  }
  return '';
}

function looksLikeKeyLine(line: string): boolean {
  const colon = keyColon(line);
  return colon > 0 && /^[A-Za-z_][\w-]*$/.test(line.slice(0, colon).trimEnd());
}

/**
 * Index of the `:` that ends a top-level key (followed by a space, a tab or the end of the line), or -1.
 * A loop rather than a regex: lines are untrusted and a backtracking pattern could take quadratic time.
 */
function keyColon(line: string): number {
  let i = 0;
  const first = line.charCodeAt(0);
  if (first === 34 /* " */ || first === 39 /* ' */) {
    const close = line.indexOf(line[0], 1);
    if (close === -1) return -1;
    i = close + 1;
  }
  for (let colon = line.indexOf(':', i); colon !== -1; colon = line.indexOf(':', colon + 1)) {
    const next = line.charCodeAt(colon + 1);
    if (Number.isNaN(next) || next === 32 || next === 9) return colon;
  }
  return -1;
}

/**
 * Scans the lines between the fences for top-level keys, their inline values and their list items. On the
 * way it also reads the plain subset of YAML nearly every note uses (`key: scalar`, `key: [a, b]`, `- item`
 * lists) into `data`, exactly as js-yaml would; anything outside that subset leaves `data` undefined and the
 * block goes to gray-matter. On typical notes this takes about a third of the time js-yaml alone would.
 */
function scanKeys(
  text: string,
  start: number,
  end: number,
  firstLine: number,
): { records: KeyRecords; keyLines: Record<string, number>; endLine: number; data?: Record<string, unknown>; noteKeysOnly?: boolean } {
  // An empty block (`---` right after `---`): the closing fence is the first line after the opening one.
  if (start > end) return { records: [], keyLines: {}, endLine: firstLine, data: {} };
  // Records are written into one scratch array shared by every scan and copied out at the end in one
  // array of their size: pushing into a fresh array grew it three times per note (about 1 KB of garbage).
  const scratch = RECORD_SCRATCH;
  let count = 0;
  /** Where the keys sit, shared with earlier notes of the same layout while every key is a common one. */
  let layout: KeyLayout | undefined = KEY_LAYOUTS;
  let noteKeysOnly = true;
  /** Bit i: COMMON_KEYS[i] was seen. */
  let seenCommon = 0;
  /** Other key names seen so far; made when the first such key turns up. */
  let otherNames: Set<string> | undefined;
  let data: Record<string, unknown> | undefined = plainCharacters(text, start, end) ? {} : undefined;
  let lineNo = firstLine;
  let pos = start;
  /** The key whose value the lines below belong to: its name and inline value start (-2: no such key). */
  let currentName = '';
  let currentValueStart = -2;
  /** Index of that key's record in `records`, or -1 when it repeats an earlier key (its items are not kept). */
  let currentRecord = -1;
  let itemIndent = -1;
  while (pos <= end) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const line = text.slice(pos, lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 /* \r */ ? lineEnd - 1 : lineEnd);
    const first = line.charCodeAt(0);
    if (line.length === 0 || first === 35 /* # */) {
      // blank or comment: nothing to record
    } else if (first === 32 || first === 9 || first === 45 /* - */) {
      const indent = line.length - line.trimStart().length;
      const rest = line.slice(indent);
      if (currentValueStart === -1 && rest.charCodeAt(0) === 45 && (rest.length === 1 || rest.charCodeAt(1) === 32 || rest.charCodeAt(1) === 9)) {
        if (itemIndent === -1) itemIndent = indent;
        if (indent === itemIndent) {
          const valueStart = indent + 1 + (rest.length - 1 - rest.slice(1).trimStart().length);
          if (currentRecord !== -1) {
            const items = scratch[currentRecord + 5] as ItemLine[] | undefined;
            if (items === undefined) scratch[currentRecord + 5] = [[lineNo, line, valueStart]];
            else items.push([lineNo, line, valueStart]);
          }
          if (data) {
            const value = valueStart < line.length && line.charCodeAt(valueStart) !== 91 ? inlineValue(line, valueStart, line.length) : FALLBACK;
            const list = data[currentName];
            if (value === FALLBACK || value === null) data = undefined;
            else if (list === null) data[currentName] = [value];
            else (list as unknown[]).push(value);
          }
        } else data = undefined;
      } else if (rest.length > 0 && rest.charCodeAt(0) !== 35) data = undefined;
    } else {
      const colon = keyColon(line);
      if (colon > 0) {
        // The note format's own keys come back as constants: looking a freshly cut string up in a Map or an
        // object means hashing it first, and that was a good part of the scan.
        const common = commonKeyAt(line, 0, colon);
        const known = common === -1 ? undefined : COMMON_KEYS[common];
        const rawKey = known ?? line.slice(0, colon).trimEnd();
        const name = known ?? unquote(rawKey);
        itemIndent = -1;
        let v = colon + 1;
        while (v < line.length && (line.charCodeAt(v) === 32 || line.charCodeAt(v) === 9)) v++;
        const hasValue = v < line.length && line.charCodeAt(v) !== 35;
        currentName = name;
        currentValueStart = hasValue ? v : -1;
        // A common key (quoted ones too) is told repeated by a bit per key; any other by `otherNames`.
        const bit = common !== -1 ? common : COMMON_INDEX.get(name);
        const repeated = bit !== undefined ? (seenCommon & (1 << bit)) !== 0 : otherNames !== undefined && otherNames.has(name);
        if (data) {
          if (repeated || (known === undefined && (rawKey.length !== colon || !SIMPLE_KEY.test(rawKey) || name === '__proto__'))) data = undefined;
          else {
            const value = hasValue ? inlineValue(line, v, line.length) : null;
            if (value === FALLBACK) data = undefined;
            else data[name] = value;
          }
        }
        if (repeated) currentRecord = -1;
        else {
          currentRecord = count;
          scratch[count] = name;
          scratch[count + 1] = rawKey.length;
          scratch[count + 2] = lineNo;
          scratch[count + 3] = line;
          scratch[count + 4] = currentValueStart;
          scratch[count + 5] = undefined;
          count += RECORD_SIZE;
          if (bit !== undefined) seenCommon |= 1 << bit;
          else (otherNames ??= new Set()).add(name);
          layout = known === undefined || lineNo > 255 ? undefined : layout?.next(common, lineNo);
          if (known === undefined || known === 'date') noteKeysOnly = false;
        }
      } else {
        currentValueStart = -2;
        currentRecord = -1;
        data = undefined;
      }
    }
    if (lineEnd >= end) break;
    pos = lineEnd + 1;
    lineNo++;
  }
  // `end` is the `\n` before the closing fence, so the fence is on the line after the last one scanned.
  const records = scratch.slice(0, count);
  // The scratch must not keep this note's lines (and through them its text) alive.
  scratch.fill(undefined, 0, count);
  // A huge block (a hostile note) must not leave a huge scratch array behind for the rest of the session.
  if (count > SCRATCH_KEEP) scratch.length = 0;
  return { records, keyLines: layout ? layout.keyLines(() => lineRecord(records)) : lineRecord(records), endLine: lineNo + 1, data, noteKeysOnly };
}

function lineRecord(records: KeyRecords): Record<string, number> {
  const keyLines: Record<string, number> = {};
  for (let i = 0; i < records.length; i += RECORD_SIZE) keyLines[records[i] as string] = records[i + 2] as number;
  return keyLines;
}

/**
 * A trie of key layouts (common key and line, in file order) whose leaves hold one frozen keyLines record
 * for every note laid out alike: notes made from one template share it, so the index keeps one record for
 * many notes instead of one each. Bounded: past LAYOUT_LIMIT nodes, notes get records of their own.
 */
class KeyLayout {
  private readonly children = new Map<number, KeyLayout>();
  private record: Readonly<Record<string, number>> | undefined;
  /** The child last gone to: notes made from one template take the same path, so most steps stop here. */
  private lastId = -1;
  private lastChild: KeyLayout | undefined;

  /** `key`: index into COMMON_KEYS. */
  next(key: number, line: number): KeyLayout | undefined {
    const id = key * 256 + line;
    if (id === this.lastId) return this.lastChild;
    let child = this.children.get(id);
    if (child === undefined) {
      if (layoutCount >= LAYOUT_LIMIT) return undefined;
      layoutCount++;
      child = new KeyLayout();
      this.children.set(id, child);
    }
    this.lastId = id;
    this.lastChild = child;
    return child;
  }

  /** The record shared by every note of this layout; `make` builds it for the first such note. */
  keyLines(make: () => Record<string, number>): Record<string, number> {
    // Frozen: many notes hold it, and nothing may change one note's lines through another.
    return (this.record ??= Object.freeze(make())) as Record<string, number>;
  }
}
const LAYOUT_LIMIT = 5_000;
let layoutCount = 0;
const KEY_LAYOUTS = new KeyLayout();

/** Keys most notes use (the note format's), matched without cutting a new string out of the line. */
const COMMON_KEYS: readonly string[] = [...NOTE_KEYS, 'date'];

/** Indexes into COMMON_KEYS by key length. */
const COMMON_BY_LENGTH: number[][] = [];
COMMON_KEYS.forEach((key, i) => (COMMON_BY_LENGTH[key.length] ??= []).push(i));
/** Position of each common key in COMMON_KEYS (layout ids). */
const COMMON_INDEX = new Map(COMMON_KEYS.map((key, i) => [key, i]));

// ---- the common shape, read in one pass ---------------------------------------------------------------

/**
 * What readCommonBlock gives: where each common key's value sits in the text, by its index in COMMON_KEYS.
 * The values are read from there by the caller (commonValue reads one as splitNote's data would hold it).
 * The three arrays are shared scratch: valid until the next readCommonBlock.
 */
export interface CommonBlock {
  text: string;
  /** Index of the value's first character; -1 when the key is absent. Equal to `ends` for an empty value. */
  starts: Int32Array;
  /** The end of the value's line. */
  ends: Int32Array;
  /** 1 when a `#` may be on the value's line (a comment to cut off a plain value). */
  hashes: Uint8Array;
  /** As Frontmatter.keyLines (the same shared record splitNote gives for this layout). */
  keyLines: Record<string, number>;
  /** 1-based line of the closing `---`. */
  endLine: number;
  /** Index in the text where the body starts. */
  bodyStart: number;
}

/** Index in COMMON_KEYS (and CommonBlock.values) of each note format key. */
export const COMMON_INDEX_OF: Readonly<Record<NoteKey, number>> = Object.freeze(
  Object.fromEntries(NOTE_KEYS.map((key) => [key, COMMON_KEYS.indexOf(key)])) as Record<NoteKey, number>,
);
const DATE_INDEX = COMMON_KEYS.indexOf('date');

/**
 * The frontmatter of a note in the shape nearly every note has, read without splitNote's general machinery
 * (no line strings, key records, data object or key map): a bare `---` line, LF line ends, then only
 * `key: value` lines for the note format's own keys, each once, with values the plain reader takes, and a
 * closing line that is exactly `---`. Undefined for anything else, which splitNote then reads. The values
 * are exactly those splitNote would put in `data` (both use inlineValue), and the key lines the same record.
 */
export function readCommonBlock(text: string): CommonBlock | undefined {
  if (text.charCodeAt(0) !== 45 || text.charCodeAt(1) !== 45 || text.charCodeAt(2) !== 45 || text.charCodeAt(3) !== 10) return undefined;
  const starts = BLOCK_STARTS;
  const ends = BLOCK_ENDS;
  const hashes = BLOCK_HASHES;
  starts.fill(-1);
  let layout: KeyLayout | undefined = KEY_LAYOUTS;
  let count = 0;
  let lineNo = 2;
  let pos = 4;
  /** The next `#` at or after `pos`: lines before it hold no comment to look for. */
  let hash = text.indexOf('#', pos);
  for (;;) {
    if (pos > FRONTMATTER_LIMIT) return undefined;
    if (text.charCodeAt(pos) === 45 /* - */) {
      // The first line starting with `---` closes the block (splitNote's rule); here it must be exactly `---`.
      // A list item, or an empty block, is splitNote's to read.
      const after = pos + 3;
      if (text.charCodeAt(pos + 1) !== 45 || text.charCodeAt(pos + 2) !== 45 || (after < text.length && text.charCodeAt(after) !== 10)) return undefined;
      if (count === 0 || !plainCharacters(text, 4, pos - 1)) return undefined;
      const lines = (): Record<string, number> => {
        const record: Record<string, number> = {};
        for (let i = 0; i < count; i += 2) record[COMMON_KEYS[KEY_ORDER_SCRATCH[i]]] = KEY_ORDER_SCRATCH[i + 1];
        return record;
      };
      // Past the layout limit (or line 255), a record of its own, as splitNote then gives.
      const keyLines = layout ? layout.keyLines(lines) : lines();
      return { text, starts, ends, hashes, keyLines, endLine: lineNo, bodyStart: after < text.length ? after + 1 : text.length };
    }
    const lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1 || text.charCodeAt(lineEnd - 1) === 13) return undefined; // unclosed, or CRLF
    const colon = text.indexOf(':', pos);
    if (colon === -1 || colon >= lineEnd) return undefined;
    const key = commonKeyAt(text, pos, colon);
    // Another key (the user's own, or `date`), a repeated one, a comment, a blank line or an indented line.
    if (key === -1 || key === DATE_INDEX || starts[key] !== -1) return undefined;
    let v = colon + 1;
    if (v < lineEnd && text.charCodeAt(v) !== 32) return undefined; // `key:x` is not a key line
    while (v < lineEnd && text.charCodeAt(v) === 32) v++;
    if (hash !== -1 && hash < v) hash = text.indexOf('#', v);
    // `key:` and `key: # comment` have no value (null, to YAML): an empty range.
    const empty = v === lineEnd || text.charCodeAt(v) === 35 /* # */;
    starts[key] = v;
    ends[key] = empty ? v : lineEnd;
    hashes[key] = hash !== -1 && hash < lineEnd ? 1 : 0;
    layout = lineNo > 255 ? undefined : layout?.next(key, lineNo);
    KEY_ORDER_SCRATCH[count++] = key;
    KEY_ORDER_SCRATCH[count++] = lineNo;
    lineNo++;
    pos = lineEnd + 1;
  }
}

/** Index in COMMON_KEYS of the key written at text[pos, colon), or -1. */
function commonKeyAt(text: string, pos: number, colon: number): number {
  const candidates = COMMON_BY_LENGTH[colon - pos];
  if (candidates === undefined) return -1;
  for (let i = 0; i < candidates.length; i++) if (text.startsWith(COMMON_KEYS[candidates[i]], pos)) return candidates[i];
  return -1;
}
const BLOCK_STARTS = new Int32Array(COMMON_KEYS.length);
const BLOCK_ENDS = new Int32Array(COMMON_KEYS.length);
const BLOCK_HASHES = new Uint8Array(COMMON_KEYS.length);

/**
 * What splitNote's data holds for a key of a common block: undefined when absent, null when empty. A value
 * only js-yaml may read comes back as an internal marker (a symbol), which no check for a string, number,
 * boolean or list accepts, so the caller steps aside.
 */
export function commonValue(block: CommonBlock, key: number): unknown {
  const start = block.starts[key];
  if (start === -1) return undefined;
  const end = block.ends[key];
  return start === end ? null : inlineValue(block.text, start, end, block.hashes[key] === 0);
}

/**
 * The end of a key's value as a plain scalar: its comment and trailing spaces cut off. -1 when the key is
 * absent or empty, or its value is quoted or a flow collection (the caller then reads it with commonValue).
 */
export function plainEnd(block: CommonBlock, key: number): number {
  const start = block.starts[key];
  const end = block.ends[key];
  if (start === -1 || start === end) return -1;
  const { text } = block;
  const c = text.charCodeAt(start);
  if (c === 34 || c === 39 || c === 91 || c === 123) return -1;
  let stop = end;
  if (block.hashes[key] === 1) {
    stop = start + 1;
    while (stop < end && !(text.charCodeAt(stop) === 35 && text.charCodeAt(stop - 1) === 32)) stop++;
    if (stop < end) stop--;
  }
  while (stop > start && text.charCodeAt(stop - 1) === 32) stop--;
  return stop;
}

/**
 * A key's value when it is a flow list of words, each of which `word(text, start, end)` names (returning the
 * string to keep) as flowItems would read it; [] for an empty value; undefined for anything else.
 */
export function commonWordList(block: CommonBlock, key: number, word: (text: string, start: number, end: number) => string | undefined): string[] | undefined {
  const start = block.starts[key];
  const end = block.ends[key];
  if (start === end) return [];
  const { text } = block;
  if (start === -1 || text.charCodeAt(start) !== 91 /* [ */) return undefined;
  const close = text.lastIndexOf(']', end - 1);
  if (close < start || !restIsBlank(text, close + 1, end)) return undefined;
  let from = start + 1;
  while (from < close && text.charCodeAt(from) === 32) from++;
  if (from === close) return []; // `[ ]`
  // An array of the list's size: the index keeps it (a grown one has spare slots).
  let count = 1;
  for (let at = text.indexOf(',', from); at !== -1 && at < close; at = text.indexOf(',', at + 1)) count++;
  const out = new Array<string>(count);
  let n = 0;
  for (;;) {
    let to = text.indexOf(',', from);
    if (to === -1 || to > close) to = close;
    let a = from;
    let b = to;
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    const item = a < b ? word(text, a, b) : undefined;
    if (item === undefined) return undefined;
    out[n++] = item;
    if (to === close) return out;
    from = to + 1;
  }
}

/**
 * The time (Date.UTC) of a date written YYYY-MM-DD at text[start, start + 10), when the plain reader makes
 * a Date of it (a real date, year 1000 on); NaN otherwise.
 */
export function plainDateAt(text: string, start: number): number {
  if (!isDateShapeAt(text, start)) return NaN;
  const year = decimalAt(text, start, start + 4);
  const month = decimalAt(text, start + 5, start + 7);
  const day = decimalAt(text, start + 8, start + 10);
  // js-yaml rolls 2026-04-31 over to May 1 and reads years below 100 as 19xx: such values go to it, and the
  // note reader then reads them as written. A date from here is exactly the date written.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return Date.UTC(year, month - 1, day);
}

/** Whether text[start, end) is a number the plain reader reads (isNumberShape). */
export function plainNumberAt(text: string, start: number, end: number): boolean {
  let i = start;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) {
    const limit = i + 15;
    while (i < end && i < limit && isDigit(text.charCodeAt(i))) i++;
  } else return false;
  if (i === end) return true;
  if (text.charCodeAt(i) !== 46 /* . */) return false;
  const fraction = ++i;
  while (i < end && i - fraction < 15 && isDigit(text.charCodeAt(i))) i++;
  return i === end && i > fraction;
}

/** readCommonBlock's key indexes and lines, in file order (the key-lines record is built from them once per layout). */
const KEY_ORDER_SCRATCH: number[] = [];

// ---- the plain YAML subset read without js-yaml -------------------------------------------------------
// Every rule below is deliberately narrower than YAML: whatever is not certainly read the same way as
// js-yaml's default safe schema returns FALLBACK. A property test compares the two on generated input.

const FALLBACK = Symbol('fallback');
type Value = unknown | typeof FALLBACK;

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A letter that cannot occur in a YAML number or timestamp (digits, hex, `x`/`o`/`b`, `e`, `T`, `Z`). */
const NON_NUMERIC_LETTER = /[G-NP-SU-WYg-np-suvwy]/;
/**
 * Control characters (tab included), C1 controls, lone surrogates, BOM, non-characters, a lone CR, and the
 * Unicode spaces that JavaScript's trim() removes but YAML keeps as text (a no-break space, found by the
 * property test).
 */
const AWKWARD_CHARACTERS = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|\r(?!\n)/;
const DOT_NUMBER = /^\.(?:inf|Inf|INF|nan|NaN|NAN)$/;

/** Only printable characters, no tabs and no lone CR: the cases where YAML's rules get subtle. */
function plainCharacters(text: string, start: number, end: number): boolean {
  // Native regex scans rather than a character loop: fast even before the JIT warms up. Most blocks are
  // printable ASCII and line feeds, which one simple class rules in; the others get the full check.
  const block = text.slice(start, end + 1);
  return !ASCII_OTHER_THAN_PRINTABLE_OR_LF.test(block) || !AWKWARD_CHARACTERS.test(block);
}
const ASCII_OTHER_THAN_PRINTABLE_OR_LF = /[^\n\x20-\x7e]/;

/**
 * The value that starts at `v` and runs to `end`, the end of its line (a trailing ` # comment` allowed).
 * `text` is the line, or the whole note with `end` at the line's end: only the value is cut out of it.
 * Only called once plainCharacters has passed: no tab, no lone CR, no Unicode space can be in the line.
 * `noHash`: the caller knows text[v, end) holds no `#`.
 */
function inlineValue(text: string, v: number, end: number, noHash = false): Value {
  const c = text.charCodeAt(v);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const close = text.indexOf(c === 34 ? '"' : "'", v + 1);
    if (close === -1 || close >= end) return FALLBACK;
    const inner = text.slice(v + 1, close);
    if (c === 34 && inner.includes('\\')) return FALLBACK;
    if (c === 39 && close + 1 < end && text.charCodeAt(close + 1) === 39) return FALLBACK;
    return restIsBlank(text, close + 1, end) ? inner : FALLBACK;
  }
  if (c === 91 /* [ */) {
    const close = text.lastIndexOf(']', end - 1);
    if (close < v || !restIsBlank(text, close + 1, end)) return FALLBACK;
    return flowItems(text.slice(v + 1, close));
  }
  // A ` #` comment ends the value; searched for within the line only (an unbounded indexOf would run
  // through the whole body when the line has none).
  let stop = end;
  if (!noHash) {
    stop = v + 1;
    while (stop < end && !(text.charCodeAt(stop) === 35 && text.charCodeAt(stop - 1) === 32)) stop++;
    if (stop < end) stop--;
  }
  // trimEnd(), for the only trailing space plainCharacters lets through.
  while (stop > v && text.charCodeAt(stop - 1) === 32) stop--;
  return plainScalar(text.slice(v, stop), false);
}

/** inner.slice(from, to).trim() for the spaces YAML allows around flow items, cutting one string only. */
function trimmed(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

/** The characters String.prototype.trim() removes that can reach here (plainCharacters refuses the others). */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13;
}

/** Nothing but spaces, or a ` #` comment, in text[from, end). */
function restIsBlank(text: string, from: number, end: number): boolean {
  // A character loop rather than slice + trimStart: this runs for every quoted value and flow list.
  let i = from;
  while (i < end && isTrimmable(text.charCodeAt(i))) i++;
  return i === end || (text.charCodeAt(i) === 35 /* # */ && i > from);
}

/** What trimStart() removes among the characters that reach restIsBlank (plainCharacters refuses the rest). */
function isTrimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function flowItems(inner: string): Value {
  if (inner.trim() === '') return [];
  // One array at its final size (a comma-separated item per entry; a quoted comma falls back below).
  let count = 1;
  for (let at = inner.indexOf(','); at !== -1; at = inner.indexOf(',', at + 1)) count++;
  const out = new Array<unknown>(count);
  let n = 0;
  for (let from = 0; from <= inner.length; ) {
    let to = inner.indexOf(',', from);
    if (to === -1) to = inner.length;
    const token = trimmed(inner, from, to);
    from = to + 1;
    if (token === '') return FALLBACK;
    let value: Value;
    const q = token[0];
    if (q === '"' || q === "'") {
      const body = token.slice(1, -1);
      value = token.length >= 2 && token[token.length - 1] === q && !body.includes(q) && !body.includes('\\') ? body : FALLBACK;
    } else value = plainScalar(token, true);
    if (value === FALLBACK) return FALLBACK;
    out[n++] = value;
  }
  return out;
}

/** A plain (unquoted) scalar resolved as js-yaml's default schema does, or FALLBACK when unsure. */
function plainScalar(token: string, flow: boolean): Value {
  const n = token.length;
  if (n === 0) return flow ? FALLBACK : null;
  // What YAML would read differently: `: ` or a final `:` (a mapping), ` #` (a comment), and in a flow
  // list any of , [ ] { } # : " '. A block token never holds ` #` (inlineValue ends it there), so it only
  // needs the colon checks.
  if (flow) {
    for (let i = 0; i < n; i++) {
      const ch = token.charCodeAt(i);
      if (ch === 58 || ch === 35 || ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === 34 || ch === 39) return FALLBACK;
    }
  } else if (token.indexOf(':') !== -1 && (token.charCodeAt(n - 1) === 58 || token.includes(': '))) return FALLBACK;
  const c = token.charCodeAt(0);
  // The keywords are short and start with one of ~ n N t T f F: other tokens skip the comparisons.
  if (n <= 5 && (c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) {
    switch (token) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
    }
  }
  if (c >= 48 && c <= 57) {
    // A date (`completed`) is the most common digit-led value: try it first when the shape fits.
    // (A Date from here is exactly the date written, which lets the note reader take it as it is.)
    if (n === 10 && isDateShapeAt(token, 0)) {
      const time = plainDateAt(token, 0);
      return Number.isNaN(time) ? FALLBACK : new Date(time);
    }
    if (isNumberShape(token, 0)) return Number(token);
    return NON_NUMERIC_LETTER.test(token) ? token : FALLBACK;
  }
  if (c === 45 /* - */ && isNumberShape(token, 1) && (token.length < 2 || token.charCodeAt(1) !== 48 || token.charCodeAt(2) === 46)) return Number(token);
  if (isLetter(c) || c === 47 /* / */ || c === 40 /* ( */ || c === 60 /* < */ || c === 36 /* $ */) return token;
  // `../certificates/x.pdf` is text; `.5`, `._5`, `.inf` and `.nan` are numbers to YAML.
  if (c === 46 /* . */) {
    const next = token.charCodeAt(1);
    return (isLetter(next) || next === 46 || next === 47) && (n !== 4 || !DOT_NUMBER.test(token)) ? token : FALLBACK;
  }
  return FALLBACK;
}

/** A YAML date's shape (YYYY-MM-DD) at text[start, start + 10), by character codes: no match array or cut strings. */
function isDateShapeAt(text: string, start: number): boolean {
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(start + i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/** The number written in text[from, to) (ASCII digits only, checked by the caller). */
export function decimalAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * The numbers the scanner reads itself (a subset of YAML's ints and floats), from `from` on, without the sign:
 * `0` or up to 15 digits not starting with 0, then optionally `.` and 1 to 15 digits. The caller rules out
 * `-0`, which it leaves to js-yaml.
 */
function isNumberShape(token: string, from: number): boolean {
  return plainNumberAt(token, from, token.length);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80;
}

/** The scalar starting at `start`: a quoted string up to its closing quote, else plain text up to ` #`. */
function scalarAt(line: string, start: number, lineNo: number): SourceSpan | undefined {
  if (start >= line.length) return undefined;
  const q = line[start];
  if (q === '"' || q === "'") {
    let i = start + 1;
    while (i < line.length) {
      if (q === '"' && line[i] === '\\') i += 2;
      else if (q === "'" && line[i] === "'" && line[i + 1] === "'") i += 2;
      else if (line[i] === q) break;
      else i++;
    }
    const close = Math.min(i, line.length - 1);
    return { line: lineNo, column: start + 1, length: close - start + 1, text: line.slice(start + 1, close) };
  }
  let stop = line.length;
  const comment = line.indexOf(' #', start);
  if (comment !== -1) stop = comment;
  const raw = line.slice(start, stop).trimEnd();
  return { line: lineNo, column: start + 1, length: raw.length, text: raw };
}

/** A flow list `[a, "b", c]` on one line: its whole span and each item's. */
function flowList(line: string, start: number, lineNo: number): { span: SourceSpan; items: SourceSpan[] } {
  const items: SourceSpan[] = [];
  let i = start + 1;
  let itemStart = i;
  let quote = '';
  let depth = 0;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && (line[a] === ' ' || line[a] === '\t')) a++;
    while (b > a && (line[b - 1] === ' ' || line[b - 1] === '\t')) b--;
    if (b > a) {
      const raw = line.slice(a, b);
      items.push({ line: lineNo, column: a + 1, length: b - a, text: unquote(raw) });
    }
  };
  for (; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ']') {
      push(itemStart, i);
      break;
    } else if (c === ',' && depth === 0) {
      push(itemStart, i);
      itemStart = i + 1;
    }
  }
  const closeAt = Math.min(i, line.length - 1);
  const raw = line.slice(start, closeAt + 1);
  return { span: { line: lineNo, column: start + 1, length: raw.length, text: raw }, items };
}

function unquote(raw: string): string {
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) return raw.slice(1, -1);
  return raw;
}
