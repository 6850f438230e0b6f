// Reads each frontmatter value as the note format says, from the text as written (the failsafe schema keeps
// every scalar a string), and reports a wrong one at its line and column.
import * as l10n from '@vscode/l10n';
import { daysInMonth, monthName } from '../common/dates';
import { NUMBER, clockHours, nearestChoice, slashedDate, splitText } from './value-text';
import { MAX_HOURS, MAX_YEAR, MIN_YEAR, STATUSES, WARN_HOURS } from './format';
import type { Span } from '../common/lines';
import { resolved, spanOf, type Frontmatter } from './frontmatter';
import { NoteProblems, quoteExcerpt } from './problems';
import { isTopicKey, nearestTopic } from './topics';
import { parseUan, uanTopicWarning } from './uan';
import type { YamlNode } from './yaml-tree';
import type { CalendarDate, NoteStatus, ProblemCode, TopicKey, Uan } from '../types';

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt ])/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;
const SEPARATORS = /[\s_]+/g;
/** What YAML writers use for "no value": read as empty, as YAML's core schema would. */
const EMPTY_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** A value as the note format sees it. */
type Value =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'text'; text: string; node: YamlNode }
  | { kind: 'list'; items: YamlNode[]; node: YamlNode }
  | { kind: 'other'; node: YamlNode | null };

export class NoteValues {
  readonly problems: NoteProblems;

  constructor(
    path: string,
    private readonly fm: Frontmatter | undefined,
  ) {
    this.problems = new NoteProblems(path);
  }

  has(key: string): boolean {
    return this.fm?.entries.has(key) ?? false;
  }

  private value(key: string): Value {
    const entry = this.fm?.entries.get(key);
    if (!entry) return { kind: 'absent' };
    return this.view(entry.value);
  }

  private view(raw: YamlNode | null): Value {
    const node = resolved(raw?.kind === 'empty' ? null : raw);
    if (node === null || node === undefined) return node === null ? { kind: 'empty' } : { kind: 'other', node: null };
    if (node.kind === 'scalar') {
      // A known tag (`!!timestamp`, `!!int`) still makes a value of its own: the text as written is what counts.
      return node.style === 'plain' && EMPTY_WORDS.has(node.value) ? { kind: 'empty' } : { kind: 'text', text: node.value, node };
    }
    if (node.kind === 'seq') return { kind: 'list', items: node.items, node };
    return { kind: 'other', node };
  }

  /** The text of a key's value (an empty value is ''); undefined when absent or not text. */
  text(key: string): string | undefined {
    const v = this.value(key);
    return v.kind === 'text' ? v.text : v.kind === 'empty' ? '' : undefined;
  }

  // ---- problems ----------------------------------------------------------------------------------------

  /** Where a key's value is, when it starts on the key's line; else the key itself. */
  private spanOf(key: string): Span {
    const entry = this.fm?.entries.get(key);
    if (!entry || !this.fm) return { line: this.fm ? 2 : 1, column: 1, length: 0 };
    const keySpan = spanOf(this.fm, entry.key);
    if (entry.value) {
      const valueSpan = spanOf(this.fm, entry.value);
      if (valueSpan.line === keySpan.line) return valueSpan;
    }
    return keySpan;
  }

  private nodeSpan(node: YamlNode, key: string): Span {
    return this.fm && node.kind !== 'empty' ? spanOf(this.fm, node) : this.spanOf(key);
  }

  error(key: string, message: string, replacement?: string): void {
    this.problems.push(this.spanOf(key), 'error', 'bad-value', message, replacement);
  }

  warn(key: string, code: ProblemCode, message: string, replacement?: string): void {
    this.problems.push(this.spanOf(key), 'warning', code, message, replacement);
  }

  /** A warning at the key itself (a misspelt key). */
  keyWarning(key: string, code: ProblemCode, message: string, replacement: string): void {
    const entry = this.fm?.entries.get(key);
    const span = entry && this.fm ? spanOf(this.fm, entry.key) : this.spanOf(key);
    this.problems.push(span, 'warning', code, message, replacement);
  }

  /** How a key's value is quoted in a message (see describe). */
  describeValue(key: string): string {
    return this.describe(this.value(key));
  }

  /** How a wrong value is quoted in a message: as written (shortened), else by its kind. */
  private describe(v: Value): string {
    if (v.kind === 'text') return `"${quoteExcerpt(v.text)}"`;
    if (v.kind === 'absent' || v.kind === 'empty') return l10n.t('nothing');
    const node = v.node;
    const source = node && this.fm ? this.fm.source.slice(node.start, node.end).trim() : '';
    if (source !== '' && !source.includes('\n') && (source.startsWith('[') || source.startsWith('{'))) return `"${quoteExcerpt(source)}"`;
    return v.kind === 'list' ? l10n.t('a list') : node?.kind === 'map' ? l10n.t('a mapping') : l10n.t('nothing');
  }

  // ---- values ------------------------------------------------------------------------------------------

  readHours(): { value?: number; empty: boolean } {
    const hours = this.readAmount('ce_hours', 1, l10n.t('a number of contact hours, e.g. ce_hours: 1.5'));
    const ceu = this.readAmount('ceu', 10, l10n.t('a number of CEUs, e.g. ceu: 0.15 (1 CEU = 10 contact hours)'));
    // 0.3 CEU must be 3 h, not 3.0000000000000004 h: round away binary noise, keeping 4 decimals.
    const fromCeu = ceu.value === undefined ? undefined : Math.round(ceu.value * 1e5) / 1e4;
    if (hours.value !== undefined && fromCeu !== undefined && Math.abs(hours.value - fromCeu) > 1e-9) {
      this.warn('ce_hours', 'ceu-mismatch', l10n.t('ce_hours ({0}) disagrees with ceu: {1} ({2} contact hours). ce_hours is the one counted.', String(hours.value), String(ceu.value), String(fromCeu)), String(fromCeu));
    }
    return { value: hours.value ?? fromCeu, empty: hours.value === undefined && fromCeu === undefined && (hours.empty || ceu.empty) };
  }

  /**
   * A plain decimal ≥ 0 (quoted is fine); `perUnit` contact hours per unit bound it to MAX_HOURS. A decimal out
   * of bounds is an error but keeps its value: the note does not count, and the views show what was written.
   */
  private readAmount(key: string, perUnit: number, expected: string): { value?: number; empty: boolean } {
    const v = this.value(key);
    if (v.kind === 'absent') return { empty: false };
    if (v.kind === 'empty' || (v.kind === 'text' && v.text.trim() === '')) return { empty: true };
    const text = v.kind === 'text' ? v.text.trim() : '';
    const negative = text.startsWith('-') && NUMBER.test(text.slice(1));
    if (negative) {
      this.error(key, l10n.t('{0} cannot be negative (found {1}).', key, text), String(Number(text.slice(1))));
      return { value: Number(text), empty: false };
    }
    if (!NUMBER.test(text) || /^\+?0\d/.test(text)) {
      const { fix, hint } = clockHours(text);
      this.error(key, l10n.t('{0} must be {1} (found {2}){3}.', key, expected, this.describe(v), hint), fix);
      return { empty: false };
    }
    const n = Number(text);
    const asHours = n * perUnit;
    if (asHours > MAX_HOURS) {
      this.error(key, l10n.t('{0}: {1} is more than {2} contact hours; check for a typo.', key, text, MAX_HOURS.toLocaleString('en-US')));
      return { value: n, empty: false };
    }
    if (asHours > WARN_HOURS) this.warn(key, 'bad-value', l10n.t('{0}: {1} is more than {2} contact hours for one activity; check for a typo.', key, text, String(WARN_HOURS)));
    return { value: n, empty: false };
  }

  /** A date `YYYY-MM-DD` (a time after it is ignored); with `month`, `YYYY-MM` too, as its first or last day. */
  readDate(key: string, what: string, month?: 'first' | 'last'): { date?: CalendarDate; present: boolean } {
    const v = this.value(key);
    if (v.kind === 'absent' || v.kind === 'empty' || (v.kind === 'text' && v.text.trim() === '')) return { present: false };
    const text = v.kind === 'text' ? v.text.trim() : '';
    const m = DATE_PREFIX.exec(text) ?? (month ? MONTH_ONLY.exec(text) : null);
    if (!m) {
      const message = month ? l10n.t('{0} must be {1}, written YYYY-MM-DD (or YYYY-MM) (found {2}).', key, what, this.describe(v)) : l10n.t('{0} must be {1}, written YYYY-MM-DD (found {2}).', key, what, this.describe(v));
      this.error(key, message, slashedDate(text));
      return { present: true };
    }
    const [year, mon] = [Number(m[1]), Number(m[2])];
    const monthValid = mon >= 1 && mon <= 12;
    const day = m[3] !== undefined ? Number(m[3]) : month === 'last' && monthValid ? daysInMonth(year, mon) : 1;
    const date = `${m[1]}-${m[2]}-${String(day).padStart(2, '0')}`;
    if (!monthValid || day < 1 || day > daysInMonth(year, mon)) {
      const why = !monthValid ? l10n.t('there is no month {0}', m[2]) : l10n.t('{0} {1} has {2} days', monthName(mon), String(year), String(daysInMonth(year, mon)));
      this.error(key, l10n.t('{0}: {1} is not a real date ({2}).', key, m[3] !== undefined ? date : text, why));
      return { present: true };
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      this.error(key, l10n.t('{0}: {1} has an unlikely year; check for a typo.', key, text.slice(0, 10)));
      return { present: true };
    }
    return { date, present: true };
  }

  readStatus(completed: { date?: CalendarDate; present: boolean }): NoteStatus {
    const explicit = this.readEnum('status', STATUSES);
    if (explicit === undefined) return completed.present ? 'completed' : 'planned';
    if (explicit === 'completed' && !completed.present) {
      this.error('status', l10n.t('status is completed but the note has no completed date: add "completed: YYYY-MM-DD" (the day the credit was earned). Until then it does not count.'));
    } else if (explicit !== 'completed' && completed.date) {
      this.warn('status', 'bad-value', l10n.t('status is {0} but the note has a completed date ({1}). It does not count until the status says completed (or the status line is removed).', explicit, completed.date), 'completed');
    }
    return explicit;
  }

  /** A value from a fixed list, read leniently (`Home Study` is home-study). Undefined when absent or wrong. */
  readEnum<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.value(key);
    if (v.kind === 'absent' || v.kind === 'empty') return undefined;
    let suggestion: string | undefined;
    if (v.kind === 'text') {
      const normalized = v.text.trim().toLowerCase().replace(SEPARATORS, '-');
      const found = allowed.find((a) => a === normalized);
      if (found) return found;
      if (normalized === 'homestudy' && key === 'format') return 'home-study' as T;
      suggestion = nearestChoice(normalized, allowed);
    }
    this.error(key, l10n.t('{0} must be one of {1} (found {2}).', key, allowed.join(', '), this.describe(v)), suggestion);
    return undefined;
  }

  readUan(): { text: string; uan?: Uan } | undefined {
    const v = this.value('uan');
    if (v.kind === 'absent' || v.kind === 'empty' || (v.kind === 'text' && v.text.trim() === '')) return undefined;
    if (v.kind !== 'text') {
      this.warn('uan', 'uan-malformed', l10n.t('uan must be text such as 0145-0000-24-101-H07-T. The note still counts by its hours.'));
      return undefined;
    }
    const text = v.text.trim();
    const { uan, error, fix } = parseUan(text);
    if (!uan) {
      this.warn('uan', 'uan-malformed', l10n.t('{0} The note still counts by its hours, but an audit asks for the exact UAN.', error ?? ''), fix);
      return { text };
    }
    if (uan.variants.length > 0) this.warn('uan', 'uan-variant', l10n.t('This UAN is written with {0}; the standard form is {1}.', uan.variants.join(', '), uan.normalized), uan.normalized);
    const topicWarning = uanTopicWarning(uan);
    if (topicWarning) this.warn('uan', 'uan-topic', topicWarning);
    return { text, uan };
  }

  readTopics(): TopicKey[] {
    const v = this.value('topics');
    if (v.kind === 'absent' || v.kind === 'empty') return [];
    const topics = new Set<string>();
    const add = (text: string, span: () => Span): void => {
      const written = text.trim();
      const key = written.toLowerCase().replace(SEPARATORS, '-');
      if (key === '') return;
      const known = isTopicKey(key);
      const kept = known ? key : written;
      if (topics.has(kept)) return;
      topics.add(kept);
      if (known) return;
      // A hostile note with thousands of unknown topics must not cost thousands of suggestions.
      const near = this.problems.shown('unknown-topic') ? nearestTopic(written) : undefined;
      const message = near
        ? l10n.t('Unknown topic "{0}": did you mean "{1}"? Only topics from the list count toward a required topic such as pharmacy law.', quoteExcerpt(written), near)
        : l10n.t('Unknown topic "{0}". Only topics from the list (law, patient-safety, compounding, ...) count toward a required topic such as pharmacy law.', quoteExcerpt(written));
      this.problems.push(span(), 'warning', 'unknown-topic', message, near);
    };
    this.forEachItem('topics', l10n.t('a list of topics, e.g. topics: [law, patient-safety]'), l10n.t('Each topic must be a topic key such as law or patient-safety'), add);
    return [...topics];
  }

  /** Calls `add` with each item of a list, or each comma-separated part of a text; other values are errors. */
  forEachItem(key: string, list: string, eachItem: string, add: (text: string, span: () => Span) => void): void {
    const v = this.value(key);
    if (v.kind === 'text') {
      // `topics: law, patient-safety` is one string: split it, keeping each part's column.
      const whole = this.spanOf(key);
      const quoted = v.node.style === 'quoted';
      for (const m of v.text.matchAll(/[^,]+/g)) {
        const trimmed = m[0].trim();
        const column = whole.column + (quoted ? 1 : 0) + m.index + m[0].length - m[0].trimStart().length;
        add(trimmed, () => (column - whole.column + trimmed.length > whole.length ? whole : { line: whole.line, column, length: trimmed.length }));
      }
    } else if (v.kind === 'list') {
      for (const node of v.items) {
        const iv = this.view(node);
        if (iv.kind === 'text') add(iv.text, () => this.nodeSpan(node, key));
        else this.problems.push(this.nodeSpan(node, key), 'error', 'bad-value', l10n.t('{0} (found {1}).', eachItem, this.describe(iv)));
      }
    } else if (v.kind === 'other') {
      this.error(key, l10n.t('{0} must be {1} (found {2}).', key, list, this.describe(v)));
    }
  }

  readCredentials(): string[] | undefined {
    const v = this.value('credentials');
    if (v.kind === 'absent' || v.kind === 'empty') return undefined;
    const list = this.readList('credentials');
    if (list.length === 0 && !this.problems.hasError()) {
      this.warn('credentials', 'bad-value', l10n.t('credentials is empty, so this note counts toward no credential. Remove the key to count it toward all of them.'));
    }
    return list;
  }

  /** A list of texts, or one text (split at commas). Wrong items are errors at their position, unless `lenient` (study notes keep whatever list of text they have). */
  readList(key: string, lenient = false): string[] {
    const v = this.value(key);
    if (v.kind === 'text') return splitText(v.text);
    if (v.kind !== 'list') {
      if (!lenient && v.kind === 'other') this.error(key, l10n.t('{0} must be a list, e.g. {0}: [a, b] (found {1}).', key, this.describe(v)));
      return [];
    }
    const out = new Set<string>();
    for (const item of v.items) {
      const iv = this.view(item);
      if (iv.kind === 'text') out.add(iv.text.trim());
      else if (!lenient) this.problems.push(this.nodeSpan(item, key), 'error', 'bad-value', l10n.t('Each item of {0} must be text (found {1}).', key, this.describe(iv)));
    }
    out.delete('');
    return [...out];
  }

  readText(key: string): string | undefined {
    const v = this.value(key);
    if (v.kind === 'absent' || v.kind === 'empty') return undefined;
    if (v.kind !== 'text') {
      this.error(key, l10n.t('{0} must be text (found {1}).', key, this.describe(v)));
      return undefined;
    }
    return v.text.trim() || undefined;
  }

  readBoolean(key: string): boolean | undefined {
    const v = this.value(key);
    if (v.kind === 'absent' || v.kind === 'empty') return undefined;
    const t = v.kind === 'text' ? v.text.trim().toLowerCase() : undefined;
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no') return false;
    this.error(key, l10n.t('{0} must be true or false (found {1}).', key, this.describe(v)), v.kind === 'text' ? undefined : 'true');
    return undefined;
  }
}
