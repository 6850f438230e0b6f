// Reading the values of a JSON file's tree (jsonc-parser) with a problem, at the value's line and column, for
// each one that is wrong. The config reader builds on it.
import * as l10n from '@vscode/l10n';
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
          suggestion ? l10n.t('Unknown key "{0}" in {1}: did you mean "{2}"? It is ignored.', short(name), where, suggestion) : l10n.t('Unknown key "{0}" in {1}. It is ignored.', short(name), where),
          undefined,
          suggestion === undefined ? undefined : JSON.stringify(suggestion),
        );
        continue;
      }
      if (out.has(name)) this.at(key, 'warning', 'config-value', l10n.t('"{0}" is given twice in {1}: the last one is used.', short(name), where));
      out.set(name, { key, value });
    }
    return out;
  }

  protected required<T>(props: Map<string, Property>, node: Node, name: string, where: string, read: (n: Node) => T | undefined): T | undefined {
    const prop = props.get(name);
    if (!prop) {
      this.at(node, 'error', 'config-value', l10n.t('Missing "{0}" in {1}.', name, where), 1);
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
    this.at(node, 'error', 'config-value', l10n.t('{0} must be an object { ... }, not {1}.', what, describe(node)));
    return false;
  }

  protected isArray(node: Node, name: string): boolean {
    if (node.type === 'array') return true;
    this.at(node, 'error', 'config-value', l10n.t('"{0}" must be a list [ ... ], not {1}.', name, describe(node)));
    return false;
  }

  protected string(node: Node, name: string, nonEmpty = false): string | undefined {
    if (node.type !== 'string') {
      this.at(node, 'error', 'config-value', l10n.t('"{0}" must be a string in double quotes, not {1}.', name, describe(node)));
      return undefined;
    }
    const value = node.value as string;
    if (nonEmpty && value.trim() === '') {
      this.at(node, 'error', 'config-value', l10n.t('"{0}" must not be empty.', name));
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
      this.at(node, 'error', 'config-value', l10n.t('"{0}" must be a number, not {1}.', name, describe(node)));
      return undefined;
    }
    const value = node.value;
    if (range.integer && !Number.isInteger(value)) {
      this.at(node, 'error', 'config-value', l10n.t('"{0}" must be a whole number, not {1}.', name, String(value)));
      return undefined;
    }
    if (range.min !== undefined && value < range.min) {
      this.at(node, 'error', 'config-value', range.min === 0 ? l10n.t('"{0}" must not be negative ({1}).', name, String(value)) : l10n.t('"{0}" must be at least {1}, not {2}.', name, String(range.min), String(value)));
      return undefined;
    }
    if (range.max !== undefined && value > range.max) {
      this.at(node, 'error', 'config-value', l10n.t('"{0}" must be at most {1}, not {2}.', name, String(range.max), String(value)));
      return undefined;
    }
    return value;
  }

  protected boolean(node: Node, name: string): boolean | undefined {
    if (node.type === 'boolean') return node.value as boolean;
    this.at(node, 'error', 'config-value', l10n.t('"{0}" must be true or false, not {1}.', name, describe(node)));
    return undefined;
  }

  protected date(node: Node, name: string): CalendarDate | undefined {
    const value = this.string(node, name);
    if (value === undefined) return undefined;
    if (isCalendarDate(value) && isDateInRange(value)) return value;
    if (isCalendarDate(value)) {
      this.at(node, 'error', 'config-value', l10n.t('"{0}": {1} is outside the years {2}-{3}.', name, value, FIRST_DATE.slice(0, 4), LAST_DATE.slice(0, 4)));
      return undefined;
    }
    const message = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? l10n.t('"{0}": {1} is not a real date.', name, value)
      : l10n.t('"{0}" must be a date written YYYY-MM-DD (e.g. 2027-03-31), not "{1}".', name, short(value));
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
      l10n.t('"{0}" must be one of {1}, not "{2}".', name, allowed.join(', '), short(value)),
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
      return l10n.t('an object');
    case 'array':
      return l10n.t('a list');
    case 'string':
      return l10n.t('the string {0}', JSON.stringify(short(node.value as string)));
    default:
      return String(node.value);
  }
}

/** A jsonc-parser syntax error code (`printParseErrorCode`) in words. */
export function syntaxErrorWords(code: string): string {
  switch (code) {
    case 'InvalidSymbol': return l10n.t('unexpected character');
    case 'InvalidNumberFormat': return l10n.t('not a valid number');
    case 'PropertyNameExpected': return l10n.t('a property name in double quotes is expected');
    case 'ValueExpected': return l10n.t('a value is expected');
    case 'ColonExpected': return l10n.t('a colon (:) is expected');
    case 'CommaExpected': return l10n.t('a comma is expected');
    case 'CloseBraceExpected': return l10n.t('a closing brace } is expected');
    case 'CloseBracketExpected': return l10n.t('a closing bracket ] is expected');
    case 'EndOfFileExpected': return l10n.t('nothing may follow the closing brace');
    case 'InvalidCommentToken': return l10n.t('invalid comment');
    case 'UnexpectedEndOfComment': return l10n.t('a comment is not closed');
    case 'UnexpectedEndOfString': return l10n.t('a string is not closed (missing ")');
    case 'UnexpectedEndOfNumber': return l10n.t('a number is cut short');
    case 'InvalidUnicode': return l10n.t('invalid \\u escape');
    case 'InvalidEscapeCharacter': return l10n.t('invalid escape character');
    case 'InvalidCharacter': return l10n.t('invalid character in a string');
    default: return l10n.t('unexpected text');
  }
}

/** The object without its undefined values: optional fields of a rule set stay absent when the file leaves them out. */
export function definedOnly<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
