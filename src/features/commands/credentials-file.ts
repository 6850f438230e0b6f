// The `.pharmacy-ce.json` text after Set Up Credentials. Pure (no editor import): an existing file is edited
// in place with jsonc-parser so the user's comments, other keys and formatting stay; a new one is pretty-printed.
// The ESM build: the UMD one that 'jsonc-parser' resolves to loads its parts with a require esbuild cannot follow.
import { applyEdits, modify, parseTree, findNodeAtLocation, type Edit, type FormattingOptions, type Node } from 'jsonc-parser/lib/esm/main';
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
 * appended. Throws when the text is not a JSON object (the caller says so plainly).
 */
export function credentialsFileEdits(text: string, chosen: readonly ChosenCredential[]): Edit[] {
  const formattingOptions = formattingOf(text);
  const root = parseTree(text);
  if (!root || root.type !== 'object') throw new Error('.pharmacy-ce.json is not a JSON object');
  const list = findNodeAtLocation(root, ['credentials']);
  if (!list || list.type !== 'array') {
    return modify(text, ['credentials'], chosen.map((c) => ({ ruleSet: c.ruleSet, cycleEnd: c.cycleEnd })), { formattingOptions });
  }
  let current = text;
  const wanted = new Map(chosen.map((c) => [c.ruleSet, c.cycleEnd]));
  const kept = new Set<string>();
  // Walk from the end so removals do not shift the indexes still to visit.
  const entries = list.children ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const ruleSet = ruleSetOf(entries[i]);
    if (ruleSet !== undefined && wanted.has(ruleSet) && !kept.has(ruleSet) && isFirstOf(entries, i, ruleSet)) {
      kept.add(ruleSet);
      current = applyEdits(current, modify(current, ['credentials', i, 'cycleEnd'], wanted.get(ruleSet), { formattingOptions }));
    } else if (ruleSet === undefined || !wanted.has(ruleSet)) {
      current = removeEntry(current, i);
    }
    // A second entry of a chosen rule set (two cycles of one rule set) stays as the user wrote it.
  }
  for (const c of chosen) {
    if (kept.has(c.ruleSet)) continue;
    current = appendEntry(current, { ruleSet: c.ruleSet, cycleEnd: c.cycleEnd }, formattingOptions);
  }
  return current === text ? [] : [diffEdit(text, current)];
}

/** Removes entry `i`: its whole lines when it has lines of its own (its trailing comment goes with it). */
function removeEntry(text: string, i: number): string {
  const entries = findNodeAtLocation(parseTree(text)!, ['credentials'])!.children!;
  const entry = entries[i];
  const start = text.lastIndexOf('\n', entry.offset - 1) + 1;
  const eolAt = text.indexOf('\n', entry.offset + entry.length);
  const end = eolAt === -1 ? text.length : eolAt + 1;
  const ownLines = text.slice(start, entry.offset).trim() === '' && /^\s*,?\s*(\/\/.*)?\r?\n?$/.test(text.slice(entry.offset + entry.length, end));
  if (!ownLines) return applyEdits(text, modify(text, ['credentials', i], undefined, {}));
  let out = text.slice(0, start) + text.slice(end);
  const previous = entries[i - 1];
  if (i === entries.length - 1 && previous) {
    // The previous entry is now the last: drop the comma after it.
    const after = previous.offset + previous.length;
    const comma = /^\s*,/.exec(out.slice(after));
    if (comma) out = out.slice(0, after) + out.slice(after + comma[0].length - 1).replace(/^,/, '');
  }
  return out;
}

/** Appends an entry in the style of the last one (one line or several, same indent), touching nothing else. */
function appendEntry(text: string, entry: ChosenCredential, formattingOptions: FormattingOptions): string {
  const list = findNodeAtLocation(parseTree(text)!, ['credentials'])!;
  const last = list.children?.[list.children.length - 1];
  if (!last) return applyEdits(text, modify(text, ['credentials', 0], entry, { formattingOptions, isArrayInsertion: true }));
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const lastText = text.slice(last.offset, last.offset + last.length);
  const unit = formattingOptions.insertSpaces ? ' '.repeat(formattingOptions.tabSize ?? 2) : '\t';
  const eol = formattingOptions.eol ?? '\n';
  const written = /[\r\n]/.test(lastText)
    ? JSON.stringify(entry, null, unit).replace(/\n/g, eol + indent)
    : `{ ${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  const at = last.offset + last.length;
  const onSameLine = text.slice(lineStart, last.offset).trim() !== '';
  const separator = onSameLine ? ', ' : `,${eol}${indent}`;
  return text.slice(0, at) + separator + written + text.slice(at);
}

function ruleSetOf(node: Node): string | undefined {
  const value = findNodeAtLocation(node, ['ruleSet'])?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The first entry (from the top) of a rule set is the one updated. */
function isFirstOf(entries: Node[], i: number, ruleSet: string): boolean {
  return !entries.slice(0, i).some((e) => ruleSetOf(e) === ruleSet);
}

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 4 : indent.length, eol: /\r\n/.test(text) ? '\r\n' : '\n' };
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
