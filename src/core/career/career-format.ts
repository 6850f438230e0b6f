// The career keys of the note format (issue #14): which `type` uses each key, its label, documentation,
// completion snippet and allowed values. format.ts adds them to NOTE_FORMAT, so completion, hovers, the
// misspelt-key check and the README tables know them; a key of a career type is only the format's in a note of
// that type (`employer` in a plain note is the user's own).
import type { KeyValue, NoteKeySpec } from '../notes/format';
import type { CareerNoteType } from './types';
import { CAREER_NOTE_TYPES, EVENT_KINDS, RESPONSIBILITIES, WORK_SETTINGS, type Word } from './vocabulary';

const valuesOf = (words: readonly Word[]): KeyValue[] => words.map((w) => ({ value: w.id, detail: w.label }));
const choices = (key: string, words: readonly Word[]): string => `${key}: \${1|${words.map((w) => w.id).join(',')}|}`;

/** The values `status` takes in a certificate note (a CE note's are completed, planned, in-progress). */
export const CERTIFICATE_STATUS_VALUES: readonly KeyValue[] = [
  { value: 'planned', detail: 'Not started: shown as a next step' },
  { value: 'in-progress', detail: 'Preparing or applying' },
  { value: 'earned', detail: 'Earned: counts toward the next credential' },
];

const DATE_HELP = 'A date, `YYYY-MM-DD`.';

/** Career keys, by the types that use them, in the order a note of that type usually has them. */
export const CAREER_FORMAT: readonly NoteKeySpec[] = [
  {
    key: 'type',
    label: 'Career note type',
    snippet: choices('type', CAREER_NOTE_TYPES),
    doc: 'What this note records for your career: `certificate` (a credential or certificate, earned or planned), `experience` (a job), `event` (a conference, meeting, webinar or volunteering) or `membership` (a professional association).',
    values: valuesOf(CAREER_NOTE_TYPES),
  },
  // certificate
  { key: 'program', label: 'Program', types: ['certificate'], snippet: 'program: $0', doc: 'The certificate or credential, by its id: `ptcb-cpht`, `ptcb-cspt`, `ptcb-supply-chain-inventory`... (completion lists them; add your own with `careerPrograms` in `.pharmacy-ce.json`).' },
  { key: 'earned', label: 'Earned on', types: ['certificate'], snippet: 'earned: ${1:TODAY}', doc: `The day it was earned. ${DATE_HELP} Sets the status to earned when \`status\` is absent.` },
  { key: 'expires', label: 'Expires on', types: ['certificate'], snippet: 'expires: $0', doc: `When it expires, where it has an end date. ${DATE_HELP}` },
  { key: 'credential_number', label: 'Credential number', types: ['certificate'], snippet: 'credential_number: $0', doc: 'The number on your certificate (shown on the portfolio).' },
  // experience
  { key: 'employer', label: 'Employer', types: ['experience'], snippet: 'employer: $0', doc: 'Where you work or worked.' },
  { key: 'role', label: 'Role', types: ['experience'], snippet: 'role: ${1:Pharmacy Technician}', doc: 'Your job title there.' },
  { key: 'setting', label: 'Setting', types: ['experience'], snippet: choices('setting', WORK_SETTINGS), doc: 'The kind of pharmacy: `community`, `hospital`, `long-term-care`, `compounding`, `specialty`, `mail-order`, `clinic`, `industry` or `other`.', values: valuesOf(WORK_SETTINGS) },
  { key: 'start', label: 'Started', types: ['experience'], snippet: 'start: ${1:TODAY}', doc: 'The day the job started, `YYYY-MM-DD` (or `YYYY-MM`: the first of the month). Needed for the job to count as experience.' },
  { key: 'end', label: 'Ended', types: ['experience'], snippet: 'end: $0', doc: 'The day the job ended, `YYYY-MM-DD` (or `YYYY-MM`: the last day of the month). Leave it out while you still work there.' },
  { key: 'hours_per_week', label: 'Hours a week', types: ['experience'], snippet: 'hours_per_week: ${1:40}', doc: 'Hours worked in a usual week (1 to 168). Some credentials count only full-time work: 30 hours a week or more.' },
  { key: 'responsibilities', label: 'Responsibilities', types: ['experience'], snippet: 'responsibilities: [$0]', doc: 'What you do there, from a list: `inventory`, `sterile-compounding`, `billing`, `training`... They suggest the certificates that fit your work.', values: valuesOf(RESPONSIBILITIES), list: true },
  // event
  { key: 'date', label: 'Date', types: ['event'], snippet: 'date: ${1:TODAY}', doc: `The day of the event. ${DATE_HELP} With \`ce_hours\` the note is also a CE activity, completed on this date.` },
  { key: 'event', label: 'Kind of event', types: ['event'], snippet: choices('event', EVENT_KINDS), doc: '`conference`, `meeting`, `webinar` or `volunteering`.', values: valuesOf(EVENT_KINDS) },
  { key: 'organization', label: 'Organization', types: ['event', 'membership'], snippet: 'organization: $0', doc: 'Who runs the event, or the association you belong to (AAPT, NPTA, The Pharmacy Technician Society, a state association...).' },
  { key: 'contacts', label: 'Contacts', types: ['event'], snippet: 'contacts: [$0]', doc: 'People you met there, by name: your professional network.' },
  // membership
  { key: 'since', label: 'Member since', types: ['membership'], snippet: 'since: $0', doc: `When you joined. ${DATE_HELP}` },
  { key: 'renews', label: 'Renews on', types: ['membership'], snippet: 'renews: $0', doc: `When the membership is due for renewal. ${DATE_HELP} Shown as a next step 60 days before.` },
];

/** Keys of the note format shared with CE notes that a certificate note also uses, with what they mean there. */
export const CERTIFICATE_SHARED_KEYS: Readonly<Record<string, string>> = {
  status: '`planned`, `in-progress` or `earned`. Default: earned when `earned` is set, else planned.',
  certificate: 'Path of the certificate file, relative to the note.',
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
