// The `.pharmacy-ce.json` text after Set Up Credentials. Pure (no editor import): an existing file is located
// with jsonc-parser's tree and edited at those byte ranges only, so the user's comments, other keys and
// formatting stay (jsonc-parser's own `modify` re-formats the lines around an insertion); a new one is pretty-printed.
// The ESM build: the UMD one that 'jsonc-parser' resolves to loads its parts with a require esbuild cannot follow.
import { createScanner, findNodeAtLocation, parseTree, type Edit, type Node } from 'jsonc-parser/lib/esm/main';
import type { CalendarDate } from '../../core/types';

export interface ChosenCredential {
  ruleSet: string;
  cycleEnd: CalendarDate;
}

/** A new config file with the chosen credentials. */
export function newCredentialsFile(chosen: readonly ChosenCredential[], eol = '\n'): string {
  const body = JSON.stringify({ credentials: chosen.map((c) => ({ ruleSet: c.ruleSet, cycleEnd: c.cycleEnd })) }, null, 2);
  return body.replace(/\n/g, eol) + eol;
}

/**
 * Edits that make the file's `credentials` hold exactly the chosen rule sets: an entry whose `ruleSet` was chosen
 * keeps its other fields (id, label) and gets the new `cycleEnd`; an entry not chosen is removed; a new choice is
 * appended. Only those bytes change: comments, key order, indentation and the other keys stay as written (the
 * file is the user's, so no formatter runs on it). Throws when the text is not a JSON object (the caller says so
 * plainly).
 */
export function credentialsFileEdits(text: string, chosen: readonly ChosenCredential[]): Edit[] {
  const style = styleOf(text);
  const root = parseTree(text);
  if (!root || root.type !== 'object') throw new Error('.pharmacy-ce.json is not a JSON object');
  const entriesOf = (list: ChosenCredential[]) => list.map((c) => ({ ruleSet: c.ruleSet, cycleEnd: c.cycleEnd }));
  const listProperty = propertyOf(root, 'credentials');
  if (!listProperty) return [diffEdit(text, addProperty(text, root, 'credentials', entriesOf([...chosen]), style))];
  const list = listProperty.children![1];
  if (list.type !== 'array') return [diffEdit(text, replaceValue(text, list, entriesOf([...chosen]), style))];
  let current = text;
  const wanted = new Map(chosen.map((c) => [c.ruleSet, c.cycleEnd]));
  const kept = new Set<string>();
  // Walk from the end so changes do not shift the entries still to visit.
  const entries = list.children ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const ruleSet = ruleSetOf(entries[i]);
    if (ruleSet !== undefined && wanted.has(ruleSet) && !kept.has(ruleSet) && isFirstOf(entries, i, ruleSet)) {
      kept.add(ruleSet);
      const cycleEnd = propertyOf(entries[i], 'cycleEnd');
      current = cycleEnd
        ? replaceValue(current, cycleEnd.children![1], wanted.get(ruleSet), style)
        : addProperty(current, entries[i], 'cycleEnd', wanted.get(ruleSet), style);
    } else if (ruleSet === undefined || !wanted.has(ruleSet)) {
      current = removeEntry(current, i);
    }
    // A second entry of a chosen rule set (two cycles of one rule set) stays as the user wrote it.
  }
  for (const c of chosen) {
    if (kept.has(c.ruleSet)) continue;
    current = appendEntry(current, { ruleSet: c.ruleSet, cycleEnd: c.cycleEnd }, style);
  }
  return current === text ? [] : [diffEdit(text, current)];
}

/** How the file is written: its indent unit and line end, for the lines Set Up Credentials adds. */
interface Style {
  unit: string;
  eol: string;
}

function styleOf(text: string): Style {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { unit: indent.startsWith('\t') ? '\t' : indent, eol: /\r\n/.test(text) ? '\r\n' : '\n' };
}

/** `value` as JSON: on one line, or over several lines each starting with `indent` after the first. */
function written(value: unknown, oneLine: boolean, indent: string, style: Style): string {
  if (oneLine) return oneLineJson(value);
  return JSON.stringify(value, null, style.unit).replace(/\n/g, style.eol + indent);
}

/** `{ "a": 1, "b": [{ "c": 2 }] }`: the spacing of the one-line entries the file already has. */
function oneLineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** Replaces a value's bytes, nothing around them. */
function replaceValue(text: string, node: Node, value: unknown, style: Style): string {
  const indent = lineIndent(text, node.offset);
  return text.slice(0, node.offset) + written(value, false, indent, style) + text.slice(node.offset + node.length);
}

/**
 * Adds `"key": value` as the last property of `object`, in the object's own layout: on its line when the
 * object is on one line, else on a new line with the last property's indent (after that line's comment).
 */
function addProperty(text: string, object: Node, key: string, value: unknown, style: Style): string {
  const last = object.children?.[object.children.length - 1];
  const close = object.offset + object.length - 1;
  if (!last) {
    const indent = lineIndent(text, object.offset);
    const inner = indent + style.unit;
    const property = `${JSON.stringify(key)}: ${written(value, false, inner, style)}`;
    return text.slice(0, close) + `${style.eol}${inner}${property}${style.eol}${indent}` + text.slice(close);
  }
  const end = last.offset + last.length;
  if (!text.slice(object.offset, last.offset).includes('\n')) {
    return text.slice(0, end) + `, ${JSON.stringify(key)}: ${written(value, true, '', style)}` + text.slice(end);
  }
  const indent = lineIndent(text, last.offset);
  const property = `${JSON.stringify(key)}: ${written(value, false, indent, style)}`;
  const lineEnd = contentEnd(text, end);
  const rest = text.slice(end, lineEnd);
  // The last property ends its line (maybe with a trailing comma or a comment): the new one gets a line after it.
  if (/^\s*,?\s*(\/\/.*)?$/.test(rest)) {
    const trailingComma = /^\s*,/.test(rest);
    const comma = trailingComma ? '' : ',';
    return text.slice(0, end) + comma + rest + style.eol + indent + property + (trailingComma ? ',' : '') + text.slice(lineEnd);
  }
  return text.slice(0, end) + `,${style.eol}${indent}${property}` + text.slice(end);
}

/**
 * Removes entry `i` and the comma that joins it to a neighbour: its whole lines when it has lines of its own
 * (its trailing comment goes with it), else only its bytes and that comma.
 */
function removeEntry(text: string, i: number): string {
  const entries = findNodeAtLocation(parseTree(text)!, ['credentials'])!.children!;
  const entry = entries[i];
  const entryEnd = entry.offset + entry.length;
  const previous = entries[i - 1];
  const next = entries[i + 1];
  const comma = next ? commaIn(text, entryEnd, next.offset) : previous ? commaIn(text, previous.offset + previous.length, entry.offset) : undefined;
  const start = text.lastIndexOf('\n', entry.offset - 1) + 1;
  const eolAt = text.indexOf('\n', entryEnd);
  const end = eolAt === -1 ? text.length : eolAt + 1;
  const ownLines = text.slice(start, entry.offset).trim() === '' && /^\s*,?\s*(\/\/.*)?\r?\n?$/.test(text.slice(entryEnd, end));
  let cut: [number, number];
  if (ownLines) cut = [start, end];
  else if (comma !== undefined && next) cut = [entry.offset, comma + 1 + /^[ \t]*/.exec(text.slice(comma + 1))![0].length];
  else if (comma !== undefined) cut = [comma, entryEnd];
  else cut = [entry.offset, entryEnd];
  let out = text.slice(0, cut[0]) + text.slice(cut[1]);
  // A comma on another line than the removed entry (`,` leading the next line, or after the previous entry).
  if (comma !== undefined && (comma < cut[0] || comma >= cut[1])) {
    const at = comma < cut[0] ? comma : comma - (cut[1] - cut[0]);
    out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

/** Where the comma between two values is (a comment between them may hold commas of its own). */
function commaIn(text: string, from: number, to: number): number | undefined {
  // SyntaxKind is a const enum, which isolated modules cannot read: its values (5 and 17) are written here.
  const COMMA = 5;
  const EOF = 17;
  const scanner = createScanner(text.slice(from, to), true);
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === COMMA) return from + scanner.getTokenOffset();
  }
  return undefined;
}

/** Appends an entry in the style of the last one (one line or several, same indent), touching nothing else. */
function appendEntry(text: string, entry: ChosenCredential, style: Style): string {
  const list = findNodeAtLocation(parseTree(text)!, ['credentials'])!;
  const last = list.children?.[list.children.length - 1];
  if (!last) return appendToEmpty(text, list, entry, style);
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = lineIndent(text, last.offset);
  const lastText = text.slice(last.offset, last.offset + last.length);
  const entryText = written(entry, !/[\r\n]/.test(lastText), indent, style);
  const at = last.offset + last.length;
  const onSameLine = text.slice(lineStart, last.offset).trim() !== '';
  const separator = onSameLine ? ', ' : `,${style.eol}${indent}`;
  return text.slice(0, at) + separator + entryText + text.slice(at);
}

/** The first entry of an empty list, on lines of its own before the `]` (a comment in the list stays). */
function appendToEmpty(text: string, list: Node, entry: ChosenCredential, style: Style): string {
  const close = list.offset + list.length - 1;
  const listIndent = lineIndent(text, list.offset);
  const indent = listIndent + style.unit;
  const entryText = indent + written(entry, false, indent, style) + style.eol;
  const closeLineStart = text.lastIndexOf('\n', close - 1) + 1;
  const closeOnOwnLine = closeLineStart > list.offset && text.slice(closeLineStart, close).trim() === '';
  if (closeOnOwnLine) return text.slice(0, closeLineStart) + entryText + text.slice(closeLineStart);
  return text.slice(0, close) + style.eol + entryText + listIndent + text.slice(close);
}

/** The `key: value` property node of an object, if the object has that key. */
function propertyOf(object: Node, key: string): Node | undefined {
  return object.children?.find((p) => p.type === 'property' && p.children?.[0].value === key && p.children.length > 1);
}

/** The spaces and tabs that start the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Where the line holding `offset` ends, before its line break. */
function contentEnd(text: string, offset: number): number {
  const eol = text.indexOf('\n', offset);
  if (eol === -1) return text.length;
  return text[eol - 1] === '\r' ? eol - 1 : eol;
}

function ruleSetOf(node: Node): string | undefined {
  const value = findNodeAtLocation(node, ['ruleSet'])?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The first entry (from the top) of a rule set is the one updated. */
function isFirstOf(entries: Node[], i: number, ruleSet: string): boolean {
  return !entries.slice(0, i).some((e) => ruleSetOf(e) === ruleSet);
}

/** One edit covering what differs between two texts (common prefix and suffix left alone). */
export function diffEdit(before: string, after: string): Edit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, content: after.slice(start, endAfter) };
}
