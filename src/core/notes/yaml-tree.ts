// One js-yaml parse of a frontmatter block, with the position of every node: js-yaml's `listener` option reports
// each node as it opens and closes (state.position, state.kind, state.result, state.tag, state.anchor), and the
// nodes are kept as a small tree of our own. js-yaml 3 is the parser gray-matter itself depends on; with the
// failsafe schema every scalar comes back as the text written. The ranges are the listener's positions with
// the whitespace, comments and properties (`&anchor`, `!tag`) around a node skipped: good for lines and
// columns; an edit checks a range against the parsed value before it splices it (edit.ts).
import { FAILSAFE_SCHEMA, load, Schema, Type, type LoaderState, type YAMLException } from 'js-yaml';

export interface YamlNode {
  kind: 'scalar' | 'seq' | 'map' | 'alias' | 'empty';
  /** How it is written: plain, quoted ('' or ""), a block scalar (| or >), a flow ([ or {) or block collection. */
  style: 'plain' | 'quoted' | 'block' | 'flow';
  /** Where the parser opened it: right after the `:` for a mapping's value. */
  at: number;
  /** A mapping's number of pairs (a `? key` with no value has no value node among the items). */
  size: number;
  /** source[start, end): the node itself, properties before it and whitespace around it left out. */
  start: number;
  end: number;
  /** A scalar's value as js-yaml read it ('' for others). */
  value: string;
  anchor: string | undefined;
  tag: string | undefined;
  /** Items of a list; keys and values, alternating, of a mapping. */
  items: YamlNode[];
  /** An alias's node (undefined when it names none). */
  target: YamlNode | undefined;
}

export interface YamlTree {
  /** The document's node; on a syntax error, the nodes read before it (the unclosed ones closed there). */
  root?: YamlNode;
  error?: { at: number; reason: string; flowOpener?: YamlNode };
}

// Tags YAML 1.1 writers use read as the text written, like untagged values (the note format checks them):
// the failsafe schema alone would refuse `!!timestamp 2026-04-31` instead of saying the date is not real.
const TEXT_TAGS = ['timestamp', 'int', 'float', 'bool', 'null', 'binary'].map(
  (name) => new Type(`tag:yaml.org,2002:${name}`, { kind: 'scalar', resolve: () => true, construct: (data) => (typeof data === 'string' ? data : '') }),
);
const SCHEMA = Schema.create(FAILSAFE_SCHEMA, TEXT_TAGS);

interface Open {
  at: number;
  items: YamlNode[];
}

/** Parses `source` with js-yaml and returns its node tree. Never throws. */
export function parseYamlTree(source: string): YamlTree {
  const stack: Open[] = [];
  const anchors = new Map<string, YamlNode>();
  const tree: YamlTree = {};
  const listener = (event: 'open' | 'close', state: LoaderState): void => {
    if (event === 'open') {
      stack.push({ at: state.position, items: [] });
      return;
    }
    const open = stack.pop()!;
    const node = makeNode(source, open, state, anchors);
    if (stack.length > 0) stack[stack.length - 1].items.push(node);
    else tree.root = node;
  };
  try {
    load(source, { schema: SCHEMA, listener });
  } catch (error) {
    const e = error as YAMLException;
    const flowOpener = stack.map((o) => at(source, o)).find((n) => n.style === 'flow');
    tree.error = { at: e.mark?.position ?? 0, reason: e.reason ?? String(e.message), ...(flowOpener ? { flowOpener } : {}) };
    // What was read before the error: the outermost node, still open, with the items closed so far.
    if (stack.length > 0) tree.root = { ...at(source, stack[0]), kind: 'map' };
  }
  return tree;
}

/** What one scalar's text, alone, reads as (undefined when it is not one scalar). */
export function scalarAlone(text: string): string | undefined {
  try {
    const value = load(text, { schema: SCHEMA });
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A node still open where the parse stopped: its start only. */
function at(source: string, open: Open): YamlNode {
  const start = skipProperties(source, open.at);
  const c = source[start];
  return { kind: 'empty', style: c === '[' || c === '{' ? 'flow' : 'plain', at: open.at, size: open.items.length >> 1, start, end: start, value: '', anchor: undefined, tag: undefined, items: open.items, target: undefined };
}

function makeNode(source: string, open: Open, state: LoaderState, anchors: Map<string, YamlNode>): YamlNode {
  const start = skipProperties(source, open.at);
  let end = Math.max(start, state.position);
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  const c = source[start];
  const tag = state.tag === null || state.tag === '?' ? undefined : state.tag.replace(/^tag:yaml\.org,2002:/, '!!');
  // One object shape for every node (spreading optional fields made this the parse's slowest step).
  const size = state.kind === 'mapping' && state.result instanceof Object ? Object.keys(state.result).length : 0;
  const node: YamlNode = { kind: 'empty', style: 'plain', at: open.at, size, start, end, value: '', anchor: state.anchor ?? undefined, tag, items: open.items, target: undefined };
  if (state.kind === 'scalar') {
    node.kind = 'scalar';
    node.style = c === '"' || c === "'" ? 'quoted' : c === '|' || c === '>' ? 'block' : 'plain';
    node.value = typeof state.result === 'string' ? state.result : '';
    node.items = [];
  } else if (state.kind === 'sequence' || state.kind === 'mapping') {
    // js-yaml first tries a block mapping's key there: a flow collection can arrive wrapped in itself.
    const only = open.items.length === 1 ? open.items[0] : undefined;
    if (only && only.start === start && only.end === end && only.kind === (state.kind === 'sequence' ? 'seq' : 'map')) {
      only.anchor ??= node.anchor;
      if (only.anchor) anchors.set(only.anchor, only);
      return only;
    }
    node.kind = state.kind === 'sequence' ? 'seq' : 'map';
    if (c === '[' || c === '{') node.style = 'flow';
    // A block collection ends with its last item (the parser's position is past any comment lines after it).
    const last = node.items[node.items.length - 1];
    if (node.style !== 'flow' && last) node.end = Math.max(last.end, last.start);
  } else if (c === '*' && start < end) {
    node.kind = 'alias';
    node.target = anchors.get(source.slice(start + 1, end).split(/[\s,\]}]/)[0]);
  } else {
    // Nothing written: placed right where it opened (after the key's colon), not on a later line.
    node.start = node.end = open.at;
  }
  if (node.anchor) anchors.set(node.anchor, node);
  return node;
}

/** The first offset from `at` that is not whitespace, a comment or a node property (`&anchor`, `!tag`). */
function skipProperties(source: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < source.length && isSpace(source.charCodeAt(i))) i++;
    const c = source[i];
    if (c === '#') {
      const eol = source.indexOf('\n', i);
      i = eol === -1 ? source.length : eol;
    } else if (c === '&' || c === '!') {
      while (i < source.length && !isSpace(source.charCodeAt(i))) i++;
    } else return i;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
