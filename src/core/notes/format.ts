// The note format: every frontmatter key a CE note may have, what it holds, its label and documentation.
// The reader, completion, hovers, the misspelt-key check, the snippets, the template and the README table come
// from this list or are checked against it by a test. Adding a key is one entry here (and its reading in note.ts).
import * as l10n from '@vscode/l10n';
import { CAREER_FORMAT, CERTIFICATE_STATUS_VALUES, careerKeysOf, translatedKey as key, value } from '../career/career-format';
import type { CareerNoteType } from '../career/types';
import { nearestWord } from '../common/typo';
import type { Audience, Category, Format, NoteStatus } from '../types';

export interface KeyValue {
  value: string;
  /** A few words shown next to the value in completion. */
  detail: string;
}

export interface NoteKeySpec {
  key: string;
  label: string;
  /** Markdown shown in completion. */
  doc: string;
  /** What goes after `key: ` when the completion is accepted (a VS Code snippet; TODAY is replaced by the date). */
  snippet: string;
  /** The allowed values, for keys that take one of a fixed list. */
  values?: readonly KeyValue[];
  /** The values are items of a list (`responsibilities: [a, b]`), not one value. */
  list?: true;
  /** Values that differ in a career note of a type (`status` of a certificate: planned, in-progress, earned). */
  valuesByType?: Partial<Record<CareerNoteType, readonly KeyValue[]>>;
  /** A career key: the `type`s of note that use it (absent: any note). Career keys are in the table after the CE keys. */
  types?: readonly CareerNoteType[];
}

// Labels, documentation and values' details are read in the user's language each time (getters: the table is
// built when the module loads, before the bundle is). Key names and values stay as they are.
const STATUS_VALUES = [
  value('completed', () => l10n.t('Done: counts toward your credentials')),
  value('planned', () => l10n.t('Not done yet: shown, not counted')),
  value('in-progress', () => l10n.t('Started: shown, not counted')),
];
const FORMAT_VALUES = [value('live', () => l10n.t('Live (ACPE format L)')), value('home-study', () => l10n.t('Home study (ACPE format H)'))];
const AUDIENCE_VALUES = [value('technician', () => l10n.t('Technician-specific (ACPE audience T)')), value('pharmacist', () => l10n.t('Pharmacist CE (ACPE audience P)'))];
const CATEGORY_VALUES = [
  value('ce', () => l10n.t('Accredited continuing education')),
  value('college', () => l10n.t('College course')),
  value('in-service', () => l10n.t('Employer in-service training')),
  value('volunteering', () => l10n.t('Approved volunteering')),
];

/** The keys, in the order a note usually has them (completion offers them in this order). */
export const NOTE_FORMAT: readonly NoteKeySpec[] = [
  key({ key: 'title', label: () => l10n.t('Title'), snippet: 'title: $0', doc: () => l10n.t('Activity title as on the certificate.') }),
  key({ key: 'ce_hours', label: () => l10n.t('Contact hours'), snippet: 'ce_hours: $0', doc: () => l10n.t('Contact hours earned (a number, e.g. `1.5`). A note with `ce_hours` or `ceu` is a CE note.') }),
  key({ key: 'ceu', label: () => l10n.t('CEUs'), snippet: 'ceu: $0', doc: () => l10n.t('Continuing-education units: 1 CEU = 10 contact hours (`0.3` = 3 h). Use instead of `ce_hours`.') }),
  key({ key: 'topics', label: () => l10n.t('Topics'), snippet: 'topics: [$0]', doc: () => l10n.t('Topic keys such as `law`, `patient-safety`. A UAN topic code adds its topic automatically.') }),
  key({
    key: 'status',
    label: () => l10n.t('Status'),
    snippet: 'status: ${1|completed,planned,in-progress|}',
    doc: () => l10n.t('`completed` (counts), `planned` or `in-progress` (does not count yet). Default: completed when `completed` is set. In a certificate note: `planned`, `in-progress` or `earned`.'),
    values: STATUS_VALUES,
    valuesByType: { certificate: CERTIFICATE_STATUS_VALUES },
  }),
  key({ key: 'completed', label: () => l10n.t('Completed on'), snippet: 'completed: ${1:TODAY}', doc: () => l10n.t('Completion date, `YYYY-MM-DD`. Credit counts in the cycle containing this date.') }),
  key({ key: 'uan', label: () => l10n.t('ACPE activity number'), snippet: 'uan: $0', doc: () => l10n.t('ACPE Universal Activity Number `PPPP-JJJJ-YY-NNN-FTT-A`, e.g. `0145-0000-24-101-H07-T`.') }),
  key({ key: 'provider', label: () => l10n.t('Provider'), snippet: 'provider: $0', doc: () => l10n.t('Who offered the activity (an audit asks for it).') }),
  key({ key: 'format', label: () => l10n.t('Format'), snippet: 'format: ${1|home-study,live|}', doc: () => l10n.t('`live` or `home-study`. Taken from the UAN when there is one.'), values: FORMAT_VALUES }),
  key({
    key: 'audience',
    label: () => l10n.t('Audience'),
    snippet: 'audience: ${1|technician,pharmacist|}',
    doc: () => l10n.t('`technician` or `pharmacist`. PTCB accepts at most 5 h of pharmacist CE per cycle.'),
    values: AUDIENCE_VALUES,
  }),
  key({
    key: 'category',
    label: () => l10n.t('Category'),
    snippet: 'category: ${1|ce,college,in-service,volunteering|}',
    doc: () => l10n.t('`ce` (default), `college`, `in-service` or `volunteering`; some rules limit or refuse some categories.'),
    values: CATEGORY_VALUES,
  }),
  key({ key: 'credentials', label: () => l10n.t('Credentials'), snippet: 'credentials: [$0]', doc: () => l10n.t('Credential ids from `.pharmacy-ce.json` this note counts toward. Absent: every credential.') }),
  key({ key: 'certificate', label: () => l10n.t('Certificate'), snippet: 'certificate: $0', doc: () => l10n.t('Path of the certificate file, relative to the note. Audits can ask for it years later.') }),
  key({
    key: 'cpe_monitor',
    label: () => l10n.t('Seen in CPE Monitor'),
    snippet: 'cpe_monitor: ${1|true,false|}',
    doc: () => l10n.t('`true` once you have seen the credit in NABP CPE Monitor.'),
    values: [value('true', () => l10n.t('Seen in NABP CPE Monitor')), value('false', () => l10n.t('Not seen in CPE Monitor yet'))],
  }),
  key({ key: 'tags', label: () => l10n.t('Tags'), snippet: 'tags: [$0]', doc: () => l10n.t('Your own tags; not used by the rules.') }),
  // Study keys (any note, CE or not): which exam outline the note's cards count toward.
  key({
    key: 'exam',
    label: () => l10n.t('Exam'),
    snippet: 'exam: ${1:ptce}',
    doc: () => l10n.t('The exam this note\'s cards prepare for: a study plan id such as `ptce` (PTCE, 2026 outline), `excpt` or `cspt`. Absent: the exam chosen in `.pharmacy-ce.json`.'),
  }),
  key({
    key: 'domain',
    label: () => l10n.t('Exam domain'),
    snippet: 'domain: $0',
    doc: () => l10n.t('The part of the exam the note\'s cards belong to, e.g. for the PTCE `medications`, `federal-requirements`, `patient-safety-qa` or `order-entry`.'),
  }),
  // Career keys (issue #14): only a note's of the `type` that uses them.
  ...CAREER_FORMAT,
];

/** Every frontmatter key the note format defines. Other keys are the user's own and are left alone. */
export const NOTE_KEYS: readonly string[] = NOTE_FORMAT.map((k) => k.key);
/** The keys of every note (CE and study keys): career keys count only in a note of their type. */
export const BASE_KEYS: readonly string[] = NOTE_FORMAT.filter((k) => !k.types && k.key !== 'type').map((k) => k.key);

/** The keys the format gives a note of career `type` (none: a note without one). */
export function noteKeysFor(type: CareerNoteType | undefined): readonly string[] {
  return type ? [...new Set([...BASE_KEYS, ...careerKeysOf(type)])] : BASE_KEYS;
}

/** The keys completion offers in a note of career `type`: every note's, `type`, and the keys of its type. */
export function keysOffered(type: CareerNoteType | undefined): readonly NoteKeySpec[] {
  return NOTE_FORMAT.filter((k) => !k.types || (type !== undefined && k.types.includes(type)));
}

/** A key's allowed values in a note of career `type` (`status` of a certificate takes its own). */
export function keyValues(key: string, type?: CareerNoteType): readonly KeyValue[] | undefined {
  const spec = noteKeySpec(key);
  return (type && spec?.valuesByType?.[type]) || spec?.values;
}

export function noteKeySpec(key: string): NoteKeySpec | undefined {
  return NOTE_FORMAT.find((k) => k.key === key);
}

const valuesOf = <T extends string>(values: readonly { value: T }[]): readonly T[] => values.map((v) => v.value);
/** In the order a note goes through them (the messages list them so). */
export const STATUSES: readonly NoteStatus[] = ['planned', 'in-progress', 'completed'];
export const FORMATS: readonly Format[] = valuesOf(FORMAT_VALUES);
export const AUDIENCES: readonly Audience[] = valuesOf(AUDIENCE_VALUES);
export const CATEGORIES: readonly Category[] = valuesOf(CATEGORY_VALUES);

/** Other names people give the hours key; without `ce_hours`/`ceu` the note silently becomes a study note. */
export const HOURS_ALIASES: readonly string[] = ['hours', 'contact_hours', 'credit_hours', 'credits', 'ce', 'cehrs'];
/** Names for the completion date; flagged only in CE notes (`date` is common in other notes). */
export const DATE_ALIASES: readonly string[] = ['date', 'completed_on', 'completion_date', 'date_completed', 'completed_date'];

/**
 * The format's key a user's key probably means: the same key written differently (`CE Hours`), an alias
 * (`hours`, `date`: `alias` is true) or a typo, among `keys` (a note's keys: noteKeysFor). Short keys allow a single edit (`tag`, `ceus`) so that ordinary
 * keys like `url` or `state` are not taken for `uan` or `status`; longer ones allow two.
 */
export function keyMeant(key: string, keys: readonly string[] = BASE_KEYS): { key: string; alias: boolean } | undefined {
  const normalized = key.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (keys.includes(normalized)) return { key: normalized, alias: false };
  if (HOURS_ALIASES.includes(normalized)) return { key: 'ce_hours', alias: true };
  if (DATE_ALIASES.includes(normalized)) return { key: 'completed', alias: true };
  const allowed = normalized.length >= 7 ? 2 : normalized.length >= 3 ? 1 : 0;
  const near = allowed === 0 ? undefined : nearestWord(normalized, keys, allowed);
  return near === undefined ? undefined : { key: near, alias: false };
}

/** Hours above this are an error (a typo or a unit mix-up); above WARN_HOURS a warning. */
export const MAX_HOURS = 1000;
export const WARN_HOURS = 100;
/** Completion years outside this range are taken for typos. */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2099;
