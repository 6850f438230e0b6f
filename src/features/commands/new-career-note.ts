// New Career Note (issue #14): which kind (certificate, job, event, membership), the few questions that matter
// for it, then one new note in `career/`, created as one undoable WorkspaceEdit and opened, like New CE Note.
// Escape at any question cancels with nothing written.
import * as vscode from 'vscode';
import { localToday, parseTypedDate } from '../../core/common/dates';
import { careerNoteTemplate, jobTitle, type CareerNoteFields } from '../../core/career/career-template';
import type { CareerNoteType, Program } from '../../core/career/types';
import { CAREER_NOTE_TYPES, CERTIFICATE_STATUSES, EVENT_KINDS, RESPONSIBILITIES, WORK_SETTINGS, labelOf, type Word } from '../../core/career/vocabulary';
import { uniqueNoteFileName } from '../../core/notes/note-template';
import type { CalendarDate } from '../../core/types';
import type { IndexedFolder, WorkspaceIndex } from '../../services/types';
import { formatDate } from '../../ui/format';
import { createWithEdit, inspectFolder } from '../safe-write';
import type { Questions, Step } from './questions';
import { chooseFolder, exists, mayWrite } from './shared';

/** Where new career notes go, inside the workspace folder. */
export const CAREER_FOLDER = 'career';

/** Questions after the kind, at most, per kind (a conditional one still counts: the steps read 1/N to N/N). */
const STEPS: Record<CareerNoteType, number> = { certificate: 3, experience: 8, event: 4, membership: 2 };

export async function newCareerNote(questions: Questions, index: WorkspaceIndex, arg?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('New Career Note');
  if (!mayWrite(title)) return undefined;
  const preferred = typeof arg === 'object' && arg !== null && (arg as { folder?: unknown }).folder instanceof vscode.Uri ? (arg as { folder: vscode.Uri }).folder : undefined;
  const folder = await chooseFolder(index, preferred, vscode.l10n.t('Workspace folder for the new note'));
  if (!folder) return undefined;
  await index.ready;

  const kind = await pickWord(questions, { title, step: 1 }, vscode.l10n.t('What do you want to record?'), CAREER_NOTE_TYPES);
  if (!kind) return undefined;
  let n = 1;
  const step = (): Step => ({ title, step: ++n, totalSteps: 1 + STEPS[kind] });
  const fields = await ASK[kind](questions, step, folder);
  if (!fields) return undefined;

  const root = folder.folder.uri;
  await inspectFolder(root, CAREER_FOLDER); // a linked folder is refused before it is listed
  const directory = vscode.Uri.joinPath(root, CAREER_FOLDER);
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(directory)) taken.add(name.toLowerCase());
  } catch {
    // The folder does not exist yet: createFile makes it.
  }
  const fileName = uniqueNoteFileName(fields.title, (name) => taken.has(name.toLowerCase()), kind);
  const uri = vscode.Uri.joinPath(directory, fileName);
  if (await exists(uri)) throw new Error(vscode.l10n.t('{0} already exists', fileName));

  const edit = new vscode.WorkspaceEdit();
  await createWithEdit(edit, root, uri, careerNoteTemplate(fields));
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the editor refused to create {0}', fileName));
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // The cursor goes to the end, under the heading where the user's own words start.
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return uri;
}

type Ask = (questions: Questions, step: () => Step, folder: IndexedFolder) => Promise<CareerNoteFields | undefined>;

const ASK: Record<CareerNoteType, Ask> = {
  async certificate(questions, step, folder) {
    const recorded = new Map(folder.index.notes().flatMap((n) => (n.career?.type === 'certificate' ? [[n.career.program, n.career.status] as const] : [])));
    const program = await pickProgram(questions, step(), folder.index.config.careerPrograms, recorded);
    if (!program) return undefined;
    const status = await pickWord(questions, step(), vscode.l10n.t('Where are you with {0}?', program.name), CERTIFICATE_STATUSES);
    if (!status) return undefined;
    let earned: CalendarDate | undefined;
    if (status === 'earned') {
      earned = await askDate(questions, step(), vscode.l10n.t('The day you earned it, as on the certificate.'), false);
      if (earned === undefined) return undefined;
    }
    return { type: 'certificate', title: program.name, program: program.id, status, earned };
  },

  async experience(questions, step) {
    const employer = await askText(questions, step(), vscode.l10n.t('Employer: the pharmacy, hospital or company.'), vscode.l10n.t('e.g. {0}', 'Mercy General Hospital'), true);
    if (employer === undefined) return undefined;
    const role = await askText(questions, step(), vscode.l10n.t('Your role there.'), vscode.l10n.t('e.g. {0}', 'Lead pharmacy technician'), true);
    if (role === undefined) return undefined;
    const setting = await pickWord(questions, step(), vscode.l10n.t('Which kind of pharmacy is it?'), WORK_SETTINGS);
    if (!setting) return undefined;
    const start = await askDate(questions, step(), vscode.l10n.t('The day you started.'), false);
    if (start === undefined) return undefined;
    const end = await askStillThere(questions, step, start);
    if (end === undefined) return undefined;
    const hours = await askHoursPerWeek(questions, step());
    if (hours === undefined) return undefined;
    const responsibilities = await pickResponsibilities(questions, step());
    if (!responsibilities) return undefined;
    return { type: 'experience', title: jobTitle(role, employer), employer, role, setting, start, end: end || undefined, hoursPerWeek: hours === '' ? undefined : hours, responsibilities };
  },

  async event(questions, step) {
    const name = await askText(questions, step(), vscode.l10n.t('Name of the event.'), vscode.l10n.t('e.g. {0}', 'AAPT Annual Conference 2026'), true);
    if (name === undefined) return undefined;
    const date = await askDate(questions, step(), vscode.l10n.t('The day it took place (the first day, for several).'), false);
    if (date === undefined) return undefined;
    const organization = await askText(questions, step(), vscode.l10n.t('Who organized it. Leave empty to skip.'), vscode.l10n.t('e.g. {0}', 'AAPT'), false);
    if (organization === undefined) return undefined;
    const event = await pickWord(questions, step(), vscode.l10n.t('What kind of event was it?'), EVENT_KINDS);
    if (!event) return undefined;
    return { type: 'event', title: name, date, organization: organization || undefined, event };
  },

  async membership(questions, step) {
    const organization = await askText(questions, step(), vscode.l10n.t('The association or society.'), vscode.l10n.t('e.g. {0}', 'National Pharmacy Technician Association'), true);
    if (organization === undefined) return undefined;
    const renews = await askDate(questions, step(), vscode.l10n.t('The day your membership renews. Leave empty to skip.'), true);
    if (renews === undefined) return undefined;
    return { type: 'membership', title: organization, organization, renews: renews || undefined };
  },
};

async function pickWord<T extends string>(questions: Questions, step: Step, placeholder: string, words: readonly Word<T>[]): Promise<T | undefined> {
  const picked = await questions.pickOne({ ...step, placeholder, items: words.map((w) => ({ label: w.label, id: w.id })) });
  return picked?.id;
}

/** `recorded`: the programs that already have a note, with its status (said beside them, so a second note is not made by mistake). */
async function pickProgram(questions: Questions, step: Step, programs: Record<string, Program>, recorded: ReadonlyMap<string, string> = new Map()): Promise<Program | undefined> {
  const order = { certification: 0, certificate: 1, training: 2 } as const;
  const sorted = Object.values(programs).sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
  const picked = await questions.pickOne({
    ...step,
    placeholder: vscode.l10n.t('Which credential or certificate? Type to filter.'),
    matchOnDescription: true,
    items: sorted.map((p) => {
      const status = recorded.get(p.id);
      const note = status === undefined ? '' : ` · ${status === 'earned' ? vscode.l10n.t('already earned: a note exists') : vscode.l10n.t('a note exists ({0})', labelOf(CERTIFICATE_STATUSES, status).toLowerCase())}`;
      return { label: p.name, description: `${p.issuer}${note}`, program: p };
    }),
  });
  return picked?.program;
}

/** Text; `required` refuses an empty answer. Undefined when cancelled. */
function askText(questions: Questions, step: Step, prompt: string, placeholder: string, required: boolean): Promise<string | undefined> {
  return questions.text({ ...step, prompt, placeholder, check: (text) => (required && text === '' ? { error: vscode.l10n.t('An answer is needed here (Escape cancels).') } : undefined) });
}

/** A date; '' when `optional` and left empty; undefined when cancelled. A date after today is warned. */
async function askDate(questions: Questions, step: Step, prompt: string, optional: boolean): Promise<CalendarDate | '' | undefined> {
  const today = localToday();
  if (!optional) return questions.date({ ...step, prompt, warn: (date) => (date > today ? vscode.l10n.t('{0} is after today.', formatDate(date)) : undefined) });
  const answer = await questions.text({
    ...step,
    prompt: vscode.l10n.t('{0} Type it as MM/DD/YYYY or YYYY-MM-DD.', prompt),
    placeholder: vscode.l10n.t('MM/DD/YYYY or YYYY-MM-DD'),
    check: (text) => {
      const parsed = text === '' ? undefined : parseTypedDate(text);
      return parsed && 'error' in parsed ? { error: parsed.error } : undefined;
    },
  });
  if (answer === undefined || answer === '') return answer;
  const parsed = parseTypedDate(answer);
  return 'date' in parsed ? parsed.date : undefined;
}

/** '' when the job is current, its last day otherwise; undefined when cancelled. */
async function askStillThere(questions: Questions, step: () => Step, start: CalendarDate): Promise<CalendarDate | '' | undefined> {
  const picked = await questions.pickOne({
    ...step(),
    placeholder: vscode.l10n.t('Do you still work there?'),
    items: [
      { label: vscode.l10n.t('Yes, I still work there'), current: true },
      { label: vscode.l10n.t('No, I have left'), current: false },
    ],
  });
  if (!picked) return undefined;
  if (picked.current) return '';
  const today = localToday();
  return questions.date({
    ...step(),
    prompt: vscode.l10n.t('Your last day there.'),
    warn: (date) => (date < start ? vscode.l10n.t('{0} is before the day you started.', formatDate(date)) : date > today ? vscode.l10n.t('{0} is after today.', formatDate(date)) : undefined),
  });
}

/** Hours a week; '' when skipped; undefined when cancelled. */
async function askHoursPerWeek(questions: Questions, step: Step): Promise<number | '' | undefined> {
  const answer = await questions.text({
    ...step,
    prompt: vscode.l10n.t('Hours a week, usually (full-time is 30 or more for PTCB). Leave empty to skip.'),
    placeholder: vscode.l10n.t('Hours a week'),
    check: (text) => {
      const n = Number(text);
      return text === '' || (Number.isFinite(n) && n > 0 && n <= 168) ? undefined : { error: vscode.l10n.t('Enter a number of hours from 1 to 168, e.g. 40.') };
    },
  });
  return answer === undefined || answer === '' ? answer : Number(answer);
}

async function pickResponsibilities(questions: Questions, step: Step): Promise<string[] | undefined> {
  type Item = vscode.QuickPickItem & { id?: string };
  // First and highlighted: Enter with nothing ticked means none, not the first one in the list.
  const none: Item = { label: vscode.l10n.t('None of these'), description: vscode.l10n.t('skip: add them later in the note'), alwaysShow: true };
  const picked = await questions.pickMany<Item>({
    ...step,
    placeholder: vscode.l10n.t('What you do there: tick each with Space, then press Enter'),
    nothingChosen: vscode.l10n.t('Nothing is ticked: highlight one or "None of these", then press Enter.'),
    items: [none, ...RESPONSIBILITIES.map((r) => ({ label: r.label, id: r.id }))],
  });
  return picked?.flatMap((p) => (p.id ? [p.id] : []));
}
