// The career keys of the note format (issue #14): which `type` uses each key, its label, documentation,
// completion snippet and allowed values. format.ts adds them to NOTE_FORMAT, so completion, hovers, the
// misspelt-key check and the README tables know them; a key of a career type is only the format's in a note of
// that type (`employer` in a plain note is the user's own).
import * as l10n from '@vscode/l10n';
import type { KeyValue, NoteKeySpec } from '../notes/format';
import type { CareerNoteType } from './types';
import { CAREER_NOTE_TYPES, EVENT_KINDS, RESPONSIBILITIES, WORK_SETTINGS, type Word } from './vocabulary';

const valuesOf = (words: readonly Word[]): KeyValue[] => words.map((w) => ({ value: w.id, detail: w.label }));
const choices = (key: string, words: readonly Word[]): string => `${key}: \${1|${words.map((w) => w.id).join(',')}|}`;

/** A value whose detail is read in the user's language each time (the bundle is loaded after this module). */
export function value<T extends string>(id: T, detail: () => string): KeyValue & { value: T } {
  return {
    value: id,
    get detail() {
      return detail();
    },
  };
}

/** The values `status` takes in a certificate note (a CE note's are completed, planned, in-progress). */
export const CERTIFICATE_STATUS_VALUES: readonly KeyValue[] = [
  value('planned', () => l10n.t('Not started: shown as a next step')),
  value('in-progress', () => l10n.t('Preparing or applying')),
  value('earned', () => l10n.t('Earned: counts toward the next credential')),
];

interface CareerKey {
  key: string;
  types?: readonly CareerNoteType[];
  snippet: string;
  label: () => string;
  doc: () => string;
  values?: readonly Word[];
  list?: true;
}

/**
 * A key of the format whose label and documentation are getters, read in the user's language each time (the
 * format's tables are built when their modules load, before the bundle is).
 */
export function translatedKey(spec: Omit<NoteKeySpec, 'label' | 'doc'> & { label: () => string; doc: () => string }): NoteKeySpec {
  const { label, doc, ...rest } = spec;
  return {
    ...rest,
    get label() {
      return label();
    },
    get doc() {
      return doc();
    },
  };
}

/** A career key of the format: its label, documentation and values' details read in the user's language each time. */
function careerKey(spec: CareerKey): NoteKeySpec {
  const { values, ...rest } = spec;
  const key = translatedKey(rest);
  // Not spread: a spread would read the getter once, now.
  if (values) Object.defineProperty(key, 'values', { enumerable: true, get: () => valuesOf(values) });
  return key;
}


/** Career keys, by the types that use them, in the order a note of that type usually has them. */
export const CAREER_FORMAT: readonly NoteKeySpec[] = [
  careerKey({
    key: 'type',
    label: () => l10n.t('Career note type'),
    snippet: choices('type', CAREER_NOTE_TYPES),
    doc: () => l10n.t('What this note records for your career: `certificate` (a credential or certificate, earned or planned), `experience` (a job), `event` (a conference, meeting, webinar or volunteering) or `membership` (a professional association).'),
    values: CAREER_NOTE_TYPES,
  }),
  // certificate
  careerKey({ key: 'program', label: () => l10n.t('Program'), types: ['certificate'], snippet: 'program: $0', doc: () => l10n.t('The certificate or credential, by its id: `ptcb-cpht`, `ptcb-cspt`, `ptcb-supply-chain-inventory`... (completion lists them; add your own with `careerPrograms` in `.pharmacy-ce.json`).') }),
  careerKey({ key: 'earned', label: () => l10n.t('Earned on'), types: ['certificate'], snippet: 'earned: ${1:TODAY}', doc: () => l10n.t('The day it was earned. A date, `YYYY-MM-DD`. Sets the status to earned when `status` is absent.') }),
  careerKey({ key: 'expires', label: () => l10n.t('Expires on'), types: ['certificate'], snippet: 'expires: $0', doc: () => l10n.t('When it expires, where it has an end date. A date, `YYYY-MM-DD`.') }),
  careerKey({ key: 'credential_number', label: () => l10n.t('Credential number'), types: ['certificate'], snippet: 'credential_number: $0', doc: () => l10n.t('The number on your certificate (shown on the portfolio).') }),
  // experience
  careerKey({ key: 'employer', label: () => l10n.t('Employer'), types: ['experience'], snippet: 'employer: $0', doc: () => l10n.t('Where you work or worked.') }),
  careerKey({ key: 'role', label: () => l10n.t('Role'), types: ['experience'], snippet: 'role: ${1:Pharmacy Technician}', doc: () => l10n.t('Your job title there.') }),
  careerKey({ key: 'setting', label: () => l10n.t('Setting'), types: ['experience'], snippet: choices('setting', WORK_SETTINGS), doc: () => l10n.t('The kind of pharmacy: `community`, `hospital`, `long-term-care`, `compounding`, `specialty`, `mail-order`, `clinic`, `industry` or `other`.'), values: WORK_SETTINGS }),
  careerKey({ key: 'start', label: () => l10n.t('Started'), types: ['experience'], snippet: 'start: ${1:TODAY}', doc: () => l10n.t('The day the job started, `YYYY-MM-DD` (or `YYYY-MM`: the first of the month). Needed for the job to count as experience.') }),
  careerKey({ key: 'end', label: () => l10n.t('Ended'), types: ['experience'], snippet: 'end: $0', doc: () => l10n.t('The day the job ended, `YYYY-MM-DD` (or `YYYY-MM`: the last day of the month). Leave it out while you still work there.') }),
  careerKey({ key: 'hours_per_week', label: () => l10n.t('Hours a week'), types: ['experience'], snippet: 'hours_per_week: ${1:40}', doc: () => l10n.t('Hours worked in a usual week (1 to 168). Some credentials count only full-time work: 30 hours a week or more.') }),
  careerKey({ key: 'responsibilities', label: () => l10n.t('Responsibilities'), types: ['experience'], snippet: 'responsibilities: [$0]', doc: () => l10n.t('What you do there, from a list: `inventory`, `sterile-compounding`, `billing`, `training`... They suggest the certificates that fit your work.'), values: RESPONSIBILITIES, list: true }),
  // event
  careerKey({ key: 'date', label: () => l10n.t('Date'), types: ['event'], snippet: 'date: ${1:TODAY}', doc: () => l10n.t('The day of the event. A date, `YYYY-MM-DD`. With `ce_hours` the note is also a CE activity, completed on this date.') }),
  careerKey({ key: 'event', label: () => l10n.t('Kind of event'), types: ['event'], snippet: choices('event', EVENT_KINDS), doc: () => l10n.t('`conference`, `meeting`, `webinar` or `volunteering`.'), values: EVENT_KINDS }),
  careerKey({ key: 'organization', label: () => l10n.t('Organization'), types: ['event', 'membership'], snippet: 'organization: $0', doc: () => l10n.t('Who runs the event, or the association you belong to (AAPT, NPTA, The Pharmacy Technician Society, a state association...).') }),
  careerKey({ key: 'contacts', label: () => l10n.t('Contacts'), types: ['event'], snippet: 'contacts: [$0]', doc: () => l10n.t('People you met there, by name: your professional network.') }),
  // membership
  careerKey({ key: 'since', label: () => l10n.t('Member since'), types: ['membership'], snippet: 'since: $0', doc: () => l10n.t('When you joined. A date, `YYYY-MM-DD`.') }),
  careerKey({ key: 'renews', label: () => l10n.t('Renews on'), types: ['membership'], snippet: 'renews: $0', doc: () => l10n.t('When the membership is due for renewal. A date, `YYYY-MM-DD`. Shown as a next step 60 days before.') }),
];

/** Keys of the note format shared with CE notes that a certificate note also uses, with what they mean there (read in the user's language). */
export const CERTIFICATE_SHARED_KEYS: Readonly<Record<string, string>> = {
  get status() {
    return l10n.t('`planned`, `in-progress` or `earned`. Default: earned when `earned` is set, else planned.');
  },
  get certificate() {
    return l10n.t('Path of the certificate file, relative to the note.');
  },
};

/** Keys whose value is a date (completion offers today). */
export const CAREER_DATE_KEYS: readonly string[] = ['earned', 'expires', 'start', 'end', 'date', 'since', 'renews'];

/** The vocabulary word `word` of a career key's value, with its label (for hovers); undefined for other keys or words. */
export function careerWordInfo(key: string, word: string, type: CareerNoteType | undefined): Word | undefined {
  const words: Record<string, readonly Word[]> = { type: CAREER_NOTE_TYPES, setting: WORK_SETTINGS, event: EVENT_KINDS, responsibilities: RESPONSIBILITIES };
  const list = key === 'status' && type === 'certificate' ? CERTIFICATE_STATUS_VALUES.map((v) => ({ id: v.value, label: v.detail })) : words[key];
  return list?.find((w) => w.id === word);
}

/** The career keys a note of `type` uses (its own, and `type`). */
export function careerKeysOf(type: CareerNoteType): string[] {
  return ['type', ...CAREER_FORMAT.filter((k) => k.types?.includes(type)).map((k) => k.key), ...(type === 'certificate' ? Object.keys(CERTIFICATE_SHARED_KEYS) : [])];
}

/**
 * The note's career type from the text of its frontmatter block (for completion and hovers, where the block
 * may not be valid YAML yet): the value of a top-level `type:` line, when it is one of the types.
 */
export function careerTypeIn(frontmatter: string): CareerNoteType | undefined {
  const m = /^type[ \t]*:[ \t]*["']?([A-Za-z -]+?)["']?[ \t]*(?:#.*)?$/m.exec(frontmatter);
  const word = m?.[1].trim().toLowerCase();
  return CAREER_NOTE_TYPES.find((t) => t.id === word)?.id;
}
