// Reading the values of a JSON file's tree (jsonc-parser) with a problem, at the value's line and column, for
// each one that is wrong. The config reader builds on it.
import { lineStarts, positionAt } from '../common/lines';
import type { Node } from 'jsonc-parser/lib/esm/main';
import { FIRST_DATE, LAST_DATE, isCalendarDate, isDateInRange } from '../common/dates';
import { nearestId } from './rules';
import type { CalendarDate, Problem, ProblemCode, Severity } from '../types';

/** "Did you mean" searches per file (unknown rule sets, keys, topics, values); later ones get none. */
const MAX_SUGGESTIONS = 20;

export interface Property {
  key: Node;
  value: Node;
}

export abstract class JsonValueReader {
  readonly problems: Problem[] = [];
  private errors = 0;
  private suggestionsLeft = MAX_SUGGESTIONS;
  protected readonly body: string;
  private readonly lineStarts: number[];

  constructor(
    text: string,
    protected readonly file: string,
  ) {
    // Editors hide a BOM, so positions are counted without it.
    this.body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.lineStarts = lineStarts(this.body);
  }

  // ---- Values -----------------------------------------------------------------------------------------

  /** An object's properties by name; unknown keys are warnings, repeated keys too (the last one wins, as in JSON.parse). */
  protected properties(node: Node, known: readonly string[], where: string): Map<string, Property> {
    const out = new Map<string, Property>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value || typeof key.value !== 'string') continue;
      const name = key.value;
      if (!known.includes(name)) {
        const suggestion = this.suggest(() => nearestId(name, known.filter((k) => k !== '$schema')));
        this.at(
          key,
          'warning',
          'unknown-key',
          `Unknown key "${short(name)}" in ${where}` + (suggestion ? `: did you mean "${suggestion}"?` : '.') + ' It is ignored.',
          undefined,
          suggestion === undefined ? undefined : JSON.stringify(suggestion),
        );
        continue;
      }
      if (out.has(name)) this.at(key, 'warning', 'config-value', `"${short(name)}" is given twice in ${where}: the last one is used.`);
      out.set(name, { key, value });
    }
    return out;
  }

  protected required<T>(props: Map<string, Property>, node: Node, name: string, where: string, read: (n: Node) => T | undefined): T | undefined {
    const prop = props.get(name);
    if (!prop) {
      this.at(node, 'error', 'config-value', `Missing "${name}" in ${where}.`, 1);
      return undefined;
    }
    return read(prop.value);
  }

  protected optional<T>(props: Map<string, Property>, name: string, read: (n: Node) => T | undefined): T | undefined {
    const prop = props.get(name);
    return prop ? read(prop.value) : undefined;
  }

  protected isObject(node: Node, what: string): boolean {
    if (node.type === 'object') return true;
    this.at(node, 'error', 'config-value', `${what} must be an object { ... }, not ${describe(node)}.`);
    return false;
  }

  protected isArray(node: Node, name: string): boolean {
    if (node.type === 'array') return true;
    this.at(node, 'error', 'config-value', `"${name}" must be a list [ ... ], not ${describe(node)}.`);
    return false;
  }

  protected string(node: Node, name: string, nonEmpty = false): string | undefined {
    if (node.type !== 'string') {
      this.at(node, 'error', 'config-value', `"${name}" must be a string in double quotes, not ${describe(node)}.`);
      return undefined;
    }
    const value = node.value as string;
    if (nonEmpty && value.trim() === '') {
      this.at(node, 'error', 'config-value', `"${name}" must not be empty.`);
      return undefined;
    }
    return value;
  }

  protected stringArray(node: Node, name: string): string[] | undefined {
    if (!this.isArray(node, name)) return undefined;
    const out: string[] = [];
    for (const child of node.children ?? []) {
      const value = this.string(child, `${name}[]`);
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  protected number(node: Node, name: string, range: { integer?: boolean; min?: number; max?: number }): number | undefined {
    if (node.type !== 'number' || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.at(node, 'error', 'config-value', `"${name}" must be a number, not ${describe(node)}.`);
      return undefined;
    }
    const value = node.value;
    if (range.integer && !Number.isInteger(value)) {
      this.at(node, 'error', 'config-value', `"${name}" must be a whole number, not ${value}.`);
      return undefined;
    }
    if (range.min !== undefined && value < range.min) {
      this.at(node, 'error', 'config-value', range.min === 0 ? `"${name}" must not be negative (${value}).` : `"${name}" must be at least ${range.min}, not ${value}.`);
      return undefined;
    }
    if (range.max !== undefined && value > range.max) {
      this.at(node, 'error', 'config-value', `"${name}" must be at most ${range.max}, not ${value}.`);
      return undefined;
    }
    return value;
  }

  protected boolean(node: Node, name: string): boolean | undefined {
    if (node.type === 'boolean') return node.value as boolean;
    this.at(node, 'error', 'config-value', `"${name}" must be true or false, not ${describe(node)}.`);
    return undefined;
  }

  protected date(node: Node, name: string): CalendarDate | undefined {
    const value = this.string(node, name);
    if (value === undefined) return undefined;
    if (isCalendarDate(value) && isDateInRange(value)) return value;
    if (isCalendarDate(value)) {
      this.at(node, 'error', 'config-value', `"${name}": ${value} is outside the years ${FIRST_DATE.slice(0, 4)}-${LAST_DATE.slice(0, 4)}.`);
      return undefined;
    }
    const message = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `"${name}": ${value} is not a real date.`
      : `"${name}" must be a date written YYYY-MM-DD (e.g. 2027-03-31), not "${short(value)}".`;
    this.at(node, 'error', 'config-value', message);
    return undefined;
  }

  protected oneOf<T extends string>(node: Node, name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(node, name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    const suggestion = this.suggest(() => nearestId(value, allowed));
    this.at(
      node,
      'error',
      'config-value',
      `"${name}" must be one of ${allowed.join(', ')}, not "${short(value)}".`,
      undefined,
      suggestion === undefined ? undefined : JSON.stringify(suggestion),
    );
    return undefined;
  }

  /** A "did you mean" search, for the first few per file only: thousands of them would take seconds. */
  protected suggest(search: () => string | undefined): string | undefined {
    if (this.suggestionsLeft <= 0) return undefined;
    this.suggestionsLeft--;
    return search();
  }

  /** Items of an optional array, each read by `item`; a duplicate `id` is an error. Failed items are dropped. */
  protected list<T extends { id: string }>(node: Node | undefined, name: string, item: (n: Node) => T | undefined): T[] {
    if (!node || !this.isArray(node, name)) return [];
    const out: T[] = [];
    const ids = new Set<string>();
    for (const child of node.children ?? []) {
      const value = item(child);
      if (!value) continue;
      if (ids.has(value.id)) {
        this.at(child, 'error', 'config-value', `Duplicate ${name} id "${short(value.id)}".`, 1);
        continue;
      }
      ids.add(value.id);
      out.push(value);
    }
    return out;
  }

  // ---- Problems ---------------------------------------------------------------------------------------

  /** In file order, as a reader scans the file (the sort is stable: same-place problems keep their order). */
  protected sorted(): Problem[] {
    return [...this.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  protected errorCount(): number {
    return this.errors;
  }

  /** A problem at a node; the span is the node on its line (`length` 1 for a multi-line object: its brace). */
  protected at(node: Node, severity: Severity, code: ProblemCode, message: string, length?: number, replacement?: string): void {
    const span = length ?? (/[\r\n]/.test(this.body.slice(node.offset, node.offset + node.length)) ? 1 : node.length);
    this.report(node.offset, span, severity, code, message, replacement);
  }

  protected report(offset: number, length: number, severity: Severity, code: ProblemCode, message: string, replacement?: string): void {
    const { line, column } = this.position(offset);
    const problem: Problem = { file: this.file, line, column, severity, message, code };
    if (severity === 'error') this.errors++;
    if (length > 0) problem.length = length;
    if (replacement !== undefined) problem.replacement = replacement;
    this.problems.push(problem);
  }

  private position(offset: number): { line: number; column: number } {
    return positionAt(this.lineStarts, offset);
  }


}

/** A value from the file as quoted in a message: long ones cut, so one problem stays one line to read. */
export function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function describe(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return `the string ${JSON.stringify(short(node.value as string))}`;
    default:
      return String(node.value);
  }
}

/** jsonc-parser's syntax error codes in words. */
export const SYNTAX_MESSAGES: Record<string, string | undefined> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon (:) is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace } is expected',
  CloseBracketExpected: 'a closing bracket ] is expected',
  EndOfFileExpected: 'nothing may follow the closing brace',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed (missing ")',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** The object without its undefined values: optional fields of a rule set stay absent when the file leaves them out. */
export function definedOnly<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
