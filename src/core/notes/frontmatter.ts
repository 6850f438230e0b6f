// Reads a note's frontmatter block: one YAML parse that gives the values, their lines and columns, and the
// offsets the edits replace. gray-matter is the entry point (the design names it), always with an options
// object (without one it keeps every input in a global cache and hands out shared mutable results) and only on
// the block, never the body. Its only engine is YAML; the code engines are replaced by ones that throw, and a
// `---js` block is refused before gray-matter runs. The YAML engine is js-yaml 3 (gray-matter's own) with the
// failsafe schema and a listener that records every node's position (yaml-tree.ts): every scalar comes back as
// the text written (`2026-04-31`, `1:30`, `010` stay as typed), and the note format (note.ts) decides what is a
// valid value, instead of YAML 1.1's guesses.
import * as l10n from '@vscode/l10n';
import matter from 'gray-matter';
import { lineEnd, lineStarts, spanIn, type Span } from '../common/lines';
import { FENCE_SCAN_LIMIT, findFence, type Fence } from './fence';
import { quoteExcerpt } from './problems';
import { parseYamlTree, type YamlNode, type YamlTree } from './yaml-tree';

/**
 * Frontmatter larger than this is refused with a problem, unparsed: no real note comes near it, and it bounds
 * the work (gray-matter's comment-stripping regex is quadratic on whitespace lines). Measured: the slowest
 * block at this size reads in under 50 ms (see test/bench/worst-note.ts).
 */
export const FRONTMATTER_LIMIT = 4 * 1024;
/** Flow collections nested deeper than this are refused: the parser recurses once per level. */
export const MAX_NESTING = 16;
/**
 * More blank lines in a row than this are refused: gray-matter's comment-stripping regex costs the square of
 * such a run (a 240 KB note of them took 18-37 s).
 */
export const MAX_BLANK_RUN = 100;
const LONG_BLANK_RUN = new RegExp(`(?<=\\n)(?:[ \\t\\r]*\\n){${MAX_BLANK_RUN + 1}}`);
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

export interface FrontmatterFailure extends Span {
  code: 'yaml-syntax' | 'unsafe-engine';
  message: string;
}

/** A top-level entry: its key node and value node (null for `key:` with nothing after it). */
export interface Entry {
  key: YamlNode;
  value: YamlNode | null;
}

export interface Frontmatter {
  fence: Fence;
  /** 1-based line of the closing fence (the opening one is line 1); 1 when the block is never closed. */
  endLine: number;
  /** Top-level entries by key, first occurrence, in file order. */
  entries: Map<string, Entry>;
  /** Every top-level entry, repeats included (the edits refuse what they cannot place). */
  pairs: Entry[];
  error?: FrontmatterFailure;
  /** Offset in the note's text of the parsed source's first character (the source is `\n` + the block). */
  base: number;
  /** The parsed source (line 1 is the opening fence's, empty) and the document's node. */
  source: string;
  lineStarts: number[];
  root?: YamlNode;
}

export type FrontmatterRead = { kind: 'none' } | { kind: 'read'; fm: Frontmatter };

const refuse = (): never => {
  throw new Error('Only YAML frontmatter is read.');
};
const REFUSED = { parse: refuse, stringify: refuse };

/** Reads the frontmatter of a note's text (a BOM is allowed). Never throws. */
export function readFrontmatter(text: string): FrontmatterRead {
  const fence = findFence(text);
  if (!fence) return { kind: 'none' };
  const source = `\n${text.slice(fence.blockStart, fence.blockEnd)}`;
  const fm: Frontmatter = { fence, endLine: fence.closeLine === -1 ? 1 : fence.closeLine + 1, entries: new Map(), pairs: [], base: fence.blockStart - 1, source, lineStarts: [0] };
  const fail = (code: FrontmatterFailure['code'], message: string, span: Span): FrontmatterRead => {
    fm.error = { code, message, ...span };
    return { kind: 'read', fm };
  };
  const opening = text.slice(fence.start, text.indexOf('\n', fence.start) === -1 ? text.length : text.indexOf('\n', fence.start));
  if (/\r(?!$)/.test(opening)) {
    return fail('yaml-syntax', l10n.t('This file ends its lines with a carriage return only (old Mac style), so it cannot be read: save it with LF or CRLF line ends.'), { line: 1, column: 1, length: 3 });
  }
  if (!YAML_LANGUAGES.has(fence.language.toLowerCase())) {
    const column = opening.indexOf(fence.language) + 1;
    return fail('unsafe-engine', l10n.t('Only YAML frontmatter is read; "---{0}" frontmatter is refused and never run. Use a plain "---" line.', quoteExcerpt(fence.language)), {
      line: 1,
      column,
      length: Math.min(fence.language.length, opening.length - column + 1),
    });
  }
  if (fence.closeLine === -1) {
    // A lone `---` atop ordinary Markdown is a horizontal rule; but if key lines follow, the user forgot to
    // close it, and saying so beats silently treating a CE note as a study note.
    if (!/^[A-Za-z_][\w-]{0,60}[ \t]*:(?:[ \t]|\r?$)/m.test(firstLines(text, fence.blockStart))) return { kind: 'none' };
    const almost = /^(-{3,}|\.{3}).*$/m.exec(text.slice(fence.blockStart, fence.blockStart + 64 * 1024));
    const hint = almost ? l10n.t(' ("{0}" is not one: the closing line is exactly "---")', quoteExcerpt(almost[0].trimEnd())) : '';
    const far = text.length - fence.blockStart > FENCE_SCAN_LIMIT ? l10n.t(' in its first {0} KB', String(FENCE_SCAN_LIMIT / 1024)) : '';
    return fail('yaml-syntax', l10n.t('The frontmatter has no closing "---" line{0}{1}: add one after the last key.', far, hint), { line: 1, column: 1, length: 3 });
  }
  if (source.length > FRONTMATTER_LIMIT) {
    return fail('yaml-syntax', l10n.t('The frontmatter is larger than {0} KB and is not read.', String(FRONTMATTER_LIMIT / 1024)), { line: 1, column: 1, length: 3 });
  }
  fm.lineStarts = lineStarts(source);
  // The fence rule and gray-matter split lines at LF only: a lone CR line end is refused, not half read.
  const loneCr = source.search(/\r(?!\n)/);
  if (loneCr !== -1) {
    return fail('yaml-syntax', l10n.t('A line in the frontmatter ends with a carriage return only (old Mac style), so it cannot be read: save the file with LF or CRLF line ends.'), spanAt(fm, loneCr, loneCr));
  }
  // gray-matter ends the block at the first line starting with `---` (`----`, `--- x`, `---x: 1`) and would drop
  // the keys after it without a word; the fence does not end there, so such a line is an error at its line.
  const dashes = source.indexOf('\n---');
  if (dashes !== -1) {
    return fail('yaml-syntax', l10n.t('A line inside the frontmatter starts with "---" but is not the closing line (exactly "---"): remove it, indent it or quote it.'), spanAt(fm, dashes + 1, lineEnd(source, dashes + 1, true)));
  }
  // Each try stops at the first line that is not blank, so this costs at most MAX_BLANK_RUN steps per line.
  const blanks = LONG_BLANK_RUN.exec(source)?.index ?? -1;
  if (blanks !== -1) {
    return fail('yaml-syntax', l10n.t('The frontmatter has more than {0} blank lines in a row and is not read: remove them.', String(MAX_BLANK_RUN)), spanAt(fm, blanks, blanks));
  }
  const deep = tooDeep(source);
  if (deep !== -1) {
    return fail('yaml-syntax', l10n.t('The frontmatter nests lists or mappings more than {0} deep and is not read.', String(MAX_NESTING)), spanAt(fm, deep, deep + 1));
  }
  let data: unknown;
  // Aliases are never expanded by the reader (a value is read node by node, an alias resolved one step).
  try {
    // The block alone, after an opening `---` line (so lines keep their numbers), with no closing line: gray-matter
    // then hands the engine everything, rather than stopping at a `----` line inside the block.
    const engine = { parse: (block: string) => ({ tree: parseYamlTree(block) }) };
    data = matter(`---${source}`, { language: 'yaml', engines: { yaml: engine, js: REFUSED, javascript: REFUSED, coffee: REFUSED, coffeescript: REFUSED, cson: REFUSED, json: REFUSED, toml: REFUSED } }).data;
  } catch (error) {
    return fail('yaml-syntax', l10n.t('YAML error in the frontmatter: {0}.', error instanceof Error ? error.message.split('\n')[0] : l10n.t('unreadable')), { line: 1, column: 1, length: 3 });
  }
  // gray-matter skips the engine for a block of blank and comment lines: an empty mapping.
  if (!(data instanceof Object) || !('tree' in data)) return { kind: 'read', fm };
  const tree = data.tree as YamlTree;
  const root = tree.root;
  fm.root = root;
  // Repeated keys are found here, with a Map (js-yaml stops at the repeat; its message names no key).
  let repeated: YamlNode | undefined;
  if (root?.kind === 'map') {
    const { items } = root;
    // Keys and values alternate, unless a `? key` has no value: then a value is the node opened after a colon
    // (between the key and it; a colon in a comment there, `? x # why:`, is not one).
    const regular = items.length === 2 * root.size;
    const afterColon = (key: YamlNode, node: YamlNode) => /:\s*$/.test(source.slice(key.end, node.at).replace(/#[^\n]*/g, ''));
    for (let i = 0; i < items.length; i++) {
      const key = items[i];
      const next = i + 1 < items.length && (regular || afterColon(key, items[i + 1])) ? items[++i] : undefined;
      if (!next && regular) break;
      const value = next && !(next.kind === 'empty' && !next.anchor && !next.tag) ? next : null;
      const entry: Entry = { key, value };
      fm.pairs.push(entry);
      if (key.kind !== 'scalar') continue;
      if (!fm.entries.has(key.value)) fm.entries.set(key.value, entry);
      else repeated ??= key;
    }
  }
  if (repeated && (!tree.error || repeated.start <= tree.error.at)) {
    fm.error = { code: 'yaml-syntax', message: l10n.t('YAML error in the frontmatter: "{0}" is given twice; keep one.', quoteExcerpt(repeated.value)), ...spanOf(fm, repeated) };
  } else if (tree.error) {
    fm.error = yamlFailure(fm, tree.error);
  } else if (root && root.kind !== 'empty' && root.kind !== 'map') {
    fm.error = { code: 'yaml-syntax', message: l10n.t('The frontmatter must be "key: value" lines (found a single value or a list).'), line: Math.min(2, fm.endLine), column: 1, length: 0 };
  }
  return { kind: 'read', fm };
}

/** A parser error placed in the file, pointing at an unclosed `[` or `{` rather than where the parser gave up. */
function yamlFailure(fm: Frontmatter, error: NonNullable<YamlTree['error']>): FrontmatterFailure {
  const reason = error.reason.split('\n')[0].replace(/\.$/, '');
  const opener = error.flowOpener;
  if (opener && /flow collection/.test(reason) && opener.start < error.at) {
    const open = fm.source[opener.start];
    const close = open === '[' ? ']' : '}';
    const span = spanAt(fm, opener.start, lineEnd(fm.source, opener.start, true));
    return { code: 'yaml-syntax', message: l10n.t('YAML error in the frontmatter: "{0}" opened here is never closed with "{1}".', open, close), ...span };
  }
  let span = spanAt(fm, error.at, error.at);
  // An error at the end of the block is reported on the last line inside it.
  if (span.line >= fm.endLine && fm.endLine > 2) span = { line: fm.endLine - 1, column: 1, length: 0 };
  return { code: 'yaml-syntax', message: l10n.t('YAML error in the frontmatter: {0}.', reason), ...span, length: 0 };
}

/** The span of source[start, end), cut at the end of its first line. */
export function spanAt(fm: Frontmatter, start: number, end: number): Span {
  return spanIn(fm.source, fm.lineStarts, start, end);
}

/** The span of a node (its value, quotes included). */
export function spanOf(fm: Frontmatter, node: YamlNode): Span {
  return spanAt(fm, node.start, node.end);
}

/** Index of the first flow bracket nested deeper than MAX_NESTING, or -1 (quotes ignored: an over-estimate). */
function tooDeep(source: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return -1;
}

/** The first 20 lines after `from` (enough to tell frontmatter from a horizontal rule). */
function firstLines(text: string, from: number): string {
  return text.slice(from, from + 4096).split('\n', 20).join('\n');
}

/** An alias resolved to the node it names (undefined when it names none). */
export function resolved(node: YamlNode | null): YamlNode | null | undefined {
  if (node?.kind !== 'alias') return node;
  return node.target?.kind === 'empty' ? null : node.target;
}
