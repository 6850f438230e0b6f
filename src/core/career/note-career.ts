// What a note records for a career (issue #14): the `type` key (certificate, experience, event, membership) and
// the keys of that type, read with the note format's value reader so a wrong value is a problem at its line
// and column. Attached to the parsed note as `note.career`; a note without `type` keeps none.
//
// Whether a certificate's `program` is known needs the user's catalogue (`careerPrograms`), which a note's
// reading does not have: the reader keeps the id as written and marks `known` against the built-in catalogue;
// the model calls programProblems with the folder's programs for the "unknown program" warnings.
import * as l10n from '@vscode/l10n';
import { spanOf, type Frontmatter } from '../notes/frontmatter';
import { quoteExcerpt } from '../notes/problems';
import { wordOf } from '../notes/value-text';
import type { NoteValues } from '../notes/values';
import type { CalendarDate, ParsedNote, Problem } from '../types';
import { readNumber, readWord, readWords } from './career-values';
import { isBuiltInProgram, nearestProgramId } from './programs';
import type { CareerNoteType, CareerRecord, CertificateRecord, EventRecord, ExperienceRecord, MembershipRecord, Program } from './types';
import { CAREER_NOTE_TYPES, CERTIFICATE_STATUSES, EVENT_KINDS, RESPONSIBILITIES, WORK_SETTINGS, ids } from './vocabulary';

const TYPES = ids(CAREER_NOTE_TYPES);
/** Words people write for a type: taken for a slip, with the type as the fix. */
const TYPE_WORDS: Readonly<Record<string, CareerNoteType>> = {
  job: 'experience',
  work: 'experience',
  employment: 'experience',
  position: 'experience',
  certification: 'certificate',
  credential: 'certificate',
  conference: 'event',
  meeting: 'event',
  webinar: 'event',
  volunteering: 'event',
  association: 'membership',
  member: 'membership',
};
const MAX_HOURS_PER_WEEK = 168;

/**
 * The career type a note's `type` names, read quietly (the key checks need it before the values are read).
 * Undefined without `type` or for a word that is not a type.
 */
export function careerTypeOf(values: NoteValues): CareerNoteType | undefined {
  const text = values.text('type');
  return text === undefined ? undefined : wordOf(text, TYPES).word;
}

/** Whether an event note's `date` stands for `completed` (a CE event note without its own completed date). */
export function eventDateCompletes(values: NoteValues): boolean {
  return careerTypeOf(values) === 'event' && !values.has('completed');
}

/** Sets `note.career` from the frontmatter's `type` key and the keys of that type. */
export function attachCareer(note: ParsedNote, fm: Frontmatter | undefined, values: NoteValues): void {
  if (!fm || !values.has('type')) return;
  const type = readType(values);
  if (!type) return;
  const career = readRecord(type, note, values);
  const programNode = fm.entries.get('program')?.value;
  if (career.type === 'certificate' && career.program !== '' && programNode) career.programAt = spanOf(fm, programNode);
  note.career = career;
}

function readType(values: NoteValues): CareerNoteType | undefined {
  const text = values.text('type');
  if (text === undefined || text.trim() === '') return undefined;
  const { word, near } = wordOf(text, TYPES);
  if (word) return word;
  // Any other `type` is the user's own (many notes have one); only a slip for a career type is worth a word.
  const slip = text.trim().toLowerCase();
  const meant = (Object.hasOwn(TYPE_WORDS, slip) ? TYPE_WORDS[slip] : undefined) ?? near;
  if (meant) {
    values.warn('type', 'unknown-career-word', l10n.t('Unknown career note type "{0}": did you mean "{1}"? Career notes are of type {2}.', quoteExcerpt(text.trim()), meant, TYPES.join(', ')), meant);
  }
  return undefined;
}

function readRecord(type: CareerNoteType, note: ParsedNote, values: NoteValues): CareerRecord {
  switch (type) {
    case 'certificate':
      return readCertificate(values);
    case 'experience':
      return readExperience(values);
    case 'event':
      return readEvent(note, values);
    case 'membership':
      return readMembership(values);
  }
}

function readCertificate(values: NoteValues): CertificateRecord {
  const program = values.readText('program');
  if (!values.has('program') || values.text('program')?.trim() === '') values.warn('type', 'bad-value', l10n.t('A certificate note needs its program to count: write "program:" and choose one from the list offered as you type (Ctrl+Space opens it).'));
  const earned = values.readDate('earned', l10n.t('the day it was earned')).date;
  const expires = values.readDate('expires', l10n.t('the day it expires')).date;
  const written = readWord(values, 'status', ids(CERTIFICATE_STATUSES), l10n.t('certificate status'));
  const status = written ?? (earned ? 'earned' : 'planned');
  if (written && written !== 'earned' && earned) {
    values.warn('status', 'bad-value', l10n.t('status is {0} but the note has an earned date ({1}). It does not count until the status says earned (or the status line is removed).', written, earned), 'earned');
  }
  if (earned && expires && expires < earned) values.warn('expires', 'bad-value', l10n.t('expires ({0}) is before earned ({1}); check both dates.', expires, earned));
  const record: CertificateRecord = { type: 'certificate', program: program ?? '', known: program !== undefined && isBuiltInProgram(program), status };
  const credentialNumber = values.readText('credential_number');
  const certificate = values.readText('certificate');
  if (earned) record.earned = earned;
  if (expires) record.expires = expires;
  if (credentialNumber) record.credentialNumber = credentialNumber;
  if (certificate) record.certificate = certificate;
  return record;
}

function readExperience(values: NoteValues): ExperienceRecord {
  const start = values.readDate('start', l10n.t('the day the job started'), 'first');
  const end = values.readDate('end', l10n.t('the day the job ended (leave it out for a current job)'), 'last');
  if (!start.present) values.warn('type', 'bad-value', l10n.t('A job needs its start date, e.g. "start: 2022-03-01", to count as experience.'));
  if (start.date && end.date && end.date < start.date) values.error('end', l10n.t('end ({0}) is before start ({1}); check both dates.', end.date, start.date));
  const record: ExperienceRecord = { type: 'experience', responsibilities: readWords(values, 'responsibilities', ids(RESPONSIBILITIES), l10n.t('responsibility')) };
  const employer = values.readText('employer');
  const role = values.readText('role');
  const setting = readWord(values, 'setting', ids(WORK_SETTINGS), l10n.t('setting'));
  const hours = readNumber(values, 'hours_per_week', 1, MAX_HOURS_PER_WEEK, l10n.t('the hours worked in a usual week, a number from 1 to {0}', MAX_HOURS_PER_WEEK));
  if (employer) record.employer = employer;
  if (role) record.role = role;
  if (setting) record.setting = setting;
  // A wrong end is not taken for "current" (no end is): the job keeps no dates and counts nowhere until it is
  // fixed; its problem says why.
  const endWrong = end.present && (end.date === undefined || (start.date !== undefined && end.date < start.date));
  if (start.date && !endWrong) record.start = start.date;
  if (start.date && end.date && !endWrong) record.end = end.date;
  if (hours !== undefined) record.hoursPerWeek = hours;
  return record;
}

function readEvent(note: ParsedNote, values: NoteValues): EventRecord {
  // In a CE event note the date was read as its completion date (note.ts), problems and all.
  const date: CalendarDate | undefined = note.kind === 'ce' && eventDateCompletes(values) ? note.completed : values.readDate('date', l10n.t('the day of the event')).date;
  // Without its date an event cannot be placed in the network's years: say so, as a job without its start does.
  if (!values.has('date') || values.text('date')?.trim() === '') values.warn('type', 'bad-value', l10n.t('An event note needs its date, e.g. "date: 2026-10-15", to show with your events.'));
  const record: EventRecord = { type: 'event', contacts: values.readList('contacts') };
  const organization = values.readText('organization');
  const event = readWord(values, 'event', ids(EVENT_KINDS), l10n.t('kind of event'));
  if (date) record.date = date;
  if (organization) record.organization = organization;
  if (event) record.event = event;
  return record;
}

function readMembership(values: NoteValues): MembershipRecord {
  const organization = values.readText('organization');
  if (!organization) values.warn('type', 'bad-value', l10n.t('A membership note needs its organization, e.g. "organization: AAPT".'));
  const since = values.readDate('since', l10n.t('the day you joined')).date;
  const renews = values.readDate('renews', l10n.t('the day the membership renews')).date;
  if (since && renews && renews < since) values.warn('renews', 'bad-value', l10n.t('renews ({0}) is before since ({1}); check both dates.', renews, since));
  const record: MembershipRecord = { type: 'membership' };
  if (organization) record.organization = organization;
  if (since) record.since = since;
  if (renews) record.renews = renews;
  return record;
}

/**
 * "Unknown program" warnings for certificate notes whose `program` is not in `programs` (the built-in catalogue
 * overlaid by the user's), each at the program's place with the nearest known id as its fix. The model calls
 * this with the folder's programs: a note's own reading cannot know the user's.
 */
export function programProblems(notes: readonly ParsedNote[], programs: Readonly<Record<string, Program>>): Problem[] {
  const problems: Problem[] = [];
  for (const note of notes) {
    const career = note.career;
    if (career?.type !== 'certificate' || career.program === '' || Object.hasOwn(programs, career.program)) continue;
    const near = nearestProgramId(career.program, programs);
    const at = career.programAt ?? { line: note.keyLines.program ?? 1, column: 1, length: 0 };
    const problem: Problem = {
      file: note.path,
      line: at.line,
      column: at.column,
      severity: 'warning',
      code: 'unknown-program',
      message: near
        ? l10n.t('Unknown program "{0}": did you mean "{1}"? Choose one from the list offered as you type after "program:" (Ctrl+Space opens it), or add your own program to "careerPrograms" in .pharmacy-ce.json.', quoteExcerpt(career.program), near)
        : l10n.t('Unknown program "{0}". Choose one from the list offered as you type after "program:" (Ctrl+Space opens it), or add your own program to "careerPrograms" in .pharmacy-ce.json.', quoteExcerpt(career.program)),

    };
    if (at.length > 0) problem.length = at.length;
    if (near) problem.replacement = near;
    problems.push(problem);
  }
  return problems;
}
