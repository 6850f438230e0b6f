// New CE Note: a few questions, then a note from the template, created as one undoable WorkspaceEdit and opened.
import * as vscode from 'vscode';
import { localToday, parseTypedDate } from '../../core/common/dates';
import { noteTemplate, slugify, uniqueNoteFileName } from '../../core/notes/note-template';
import { TOPICS, isTopicKey } from '../../core/notes/topics';
import { parseUan } from '../../core/notes/uan';
import type { CalendarDate, TopicKey } from '../../core/types';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { askCompletionDate } from './mark-completed';
import { isAbsolutePath, typedFolder } from '../../core/common/paths';
import { askAlwaysUseFolder, askFolder } from './new-note-folder';
import type { Questions, Step } from './questions';
import { formatDate } from '../../ui/format';
import { createWithEdit, inspectFolder } from '../safe-write';
import { chooseFolder, exists, mayWrite } from './shared';
import { readSettings } from '../../services/settings';

/**
 * Answers for `pharmacyCe.newNote` given as its argument (automation, tests): every answer given is not asked.
 * `completed`: a date, `'today'` or `'planned'`. `folder`: relative to the workspace folder (`''` = its root).
 * `workspaceFolder`: which folder in a multi-root workspace. `open: false` creates the note without opening it.
 * `ifExists`: what to do when a note with that title exists (else the user is asked).
 */
export interface NewNoteArgs {
  title?: string;
  hours?: number;
  topics?: string[];
  completed?: string;
  uan?: string;
  provider?: string;
  certificate?: string;
  folder?: string;
  workspaceFolder?: vscode.Uri;
  open?: boolean;
  ifExists?: IfExists;
}

type IfExists = 'open' | 'create' | 'cancel';

export async function newNote(context: vscode.ExtensionContext, questions: Questions, index: WorkspaceIndex, arg?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('New CE Note');
  if (!mayWrite(title)) return undefined;
  const given: NewNoteArgs = isNewNoteArgs(arg) ? arg : {};
  checkGiven(given);
  const folder = await chooseFolder(index, given.workspaceFolder, vscode.l10n.t('Workspace folder for the new note'));
  if (!folder) return undefined;

  // Automation that names a title answers the optional questions (topics, UAN, provider, certificate) by
  // leaving them out. The questions to ask are counted first, so that the steps read 1/N to N/N.
  const automated = given.title !== undefined;
  const optional = (answer: unknown) => answer === undefined && !automated;
  const setting = readSettings(folder.folder.uri).newNoteFolder.trim();
  const asksFolder = given.folder === undefined && !setting;
  const asked = [
    !given.title?.trim(),
    asksFolder,
    asksFolder, // always use that folder?
    given.hours === undefined,
    optional(given.topics),
    given.completed === undefined,
    optional(given.uan),
    optional(given.provider),
    optional(given.certificate),
  ];
  const totalSteps = asked.filter(Boolean).length;
  let n = 0;
  const step = (): Step => ({ title, step: ++n, totalSteps });

  const noteTitle = given.title?.trim() || (await askTitle(questions, step()));
  if (!noteTitle) return undefined;
  const named = given.folder ?? setting;
  let subfolder = typedFolder(named);
  // A folder named by the setting (a shared workspace can set it) or by automation is refused, not moved inside.
  if (subfolder === undefined) throw new Error(vscode.l10n.t('the folder "{0}" for new notes is not a folder inside the workspace folder', named));
  if (asksFolder) {
    subfolder = await askFolder(context, questions, folder, step());
    if (subfolder === undefined || (await askAlwaysUseFolder(questions, folder, subfolder, step())) === undefined) return undefined;
  }

  const directory = subfolder ? vscode.Uri.joinPath(folder.folder.uri, ...subfolder.split('/')) : folder.folder.uri;
  await inspectFolder(folder.folder.uri, subfolder); // a linked folder is refused before it is listed
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(directory)) taken.add(name.toLowerCase());
  } catch {
    // The folder does not exist yet: createFile makes it.
  }
  // The same activity noted twice would count twice: ask before making another note with that title.
  const existing = sameTitle(index, folder, noteTitle, directory, taken);
  if (existing) {
    const answer = given.ifExists ?? (await askIfExists(questions, title, existing));
    if (answer === 'open') {
      if (given.open !== false) await vscode.window.showTextDocument(existing, { preview: false });
      return existing;
    }
    if (answer !== 'create') return undefined;
  }

  const hours = given.hours !== undefined ? Number(given.hours) : await askHours(questions, step());
  if (hours === undefined) return undefined;
  const topics = optional(given.topics) ? await askTopics(questions, step()) : (given.topics ?? []).filter(isTopicKey);
  if (!topics) return undefined;
  const completed = given.completed !== undefined ? completedOf(given.completed) : await askCompletion(questions, step());
  if (completed === undefined) return undefined;
  const uan = optional(given.uan) ? await askUan(questions, step()) : normalizedUan(given.uan);
  if (uan === undefined) return undefined;
  const provider = optional(given.provider) ? await askProvider(questions, step()) : (given.provider ?? '');
  if (provider === undefined) return undefined;
  const certificate = optional(given.certificate) ? await askCertificate(questions, step()) : (given.certificate ?? '');
  if (certificate === undefined) return undefined;

  const fileName = uniqueNoteFileName(noteTitle, (name) => taken.has(name.toLowerCase()));
  const uri = vscode.Uri.joinPath(directory, fileName);
  if (await exists(uri)) throw new Error(vscode.l10n.t('{0} already exists', fileName));

  const text = noteTemplate({
    title: noteTitle,
    hours,
    topics,
    completed: completed === 'planned' ? undefined : completed,
    uan: uan || undefined,
    provider: provider || undefined,
    certificate: certificate || undefined,
  });
  const edit = new vscode.WorkspaceEdit();
  await createWithEdit(edit, folder.folder.uri, uri, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the editor refused to create {0}', fileName));
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  if (given.open !== false) {
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    // The cursor goes to the first key point, where writing starts.
    const line = document.getText().split(/\r?\n/).findIndex((l) => l === '- ');
    if (line >= 0) editor.selection = new vscode.Selection(line, 2, line, 2);
  }
  return uri;
}

/** Refuses bad automation input before anything is asked or written. */
function checkGiven(given: NewNoteArgs): void {
  const badHours = given.hours !== undefined ? validHours(String(given.hours)) : undefined;
  if (badHours) throw new Error(badHours);
  const unknownTopics = (given.topics ?? []).filter((t) => !isTopicKey(t));
  if (unknownTopics.length > 0) throw new Error(vscode.l10n.t('unknown topic keys: {0}', unknownTopics.join(', ')));
  if (given.completed !== undefined && completedOf(given.completed) === undefined) throw new Error(vscode.l10n.t('"{0}" is not a date, "today" or "planned"', given.completed));
  if (given.uan && normalizedUan(given.uan) === undefined) throw new Error(parseUan(given.uan).error ?? vscode.l10n.t('not an ACPE activity number'));
  if (given.ifExists !== undefined && !['open', 'create', 'cancel'].includes(given.ifExists)) throw new Error(vscode.l10n.t('ifExists must be "open", "create" or "cancel"'));
}

/** A CE note in the workspace folder with the same title (any folder), else the file the title's name would take. */
function sameTitle(index: WorkspaceIndex, folder: IndexedFolder, noteTitle: string, directory: vscode.Uri, taken: ReadonlySet<string>): vscode.Uri | undefined {
  const key = noteTitle.trim().toLowerCase();
  const note = folder.index.ceNotes().find((n) => n.title.trim().toLowerCase() === key);
  if (note) return index.uriOf(folder, note.path);
  const fileName = `${slugify(noteTitle)}.md`;
  return taken.has(fileName) ? vscode.Uri.joinPath(directory, fileName) : undefined;
}

async function askIfExists(questions: Questions, title: string, existing: vscode.Uri): Promise<IfExists | undefined> {
  type Item = vscode.QuickPickItem & { answer: IfExists };
  const shown = vscode.workspace.asRelativePath(existing, false);
  const picked = await questions.pickOne<Item>({
    title,
    placeholder: vscode.l10n.t('A note with this title already exists: {0}', shown),
    items: [
      { label: vscode.l10n.t('Open the existing note'), answer: 'open' },
      { label: vscode.l10n.t('Create another note anyway'), description: vscode.l10n.t('only for a different activity: the same certificate noted twice counts twice'), answer: 'create' },
      { label: vscode.l10n.t('Cancel'), answer: 'cancel' },
    ],
  });
  return picked?.answer;
}

function isNewNoteArgs(arg: unknown): arg is NewNoteArgs {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return false;
  const a = arg as Record<string, unknown>;
  return ['title', 'hours', 'topics', 'completed', 'uan', 'folder', 'workspaceFolder'].some((k) => k in a);
}

async function askTitle(questions: Questions, step: Step): Promise<string | undefined> {
  const answer = await questions.text({
    ...step,
    prompt: vscode.l10n.t('Activity title, as on the certificate'),
    placeholder: vscode.l10n.t('e.g. Federal Pharmacy Law Update 2026'),
    check: (t) => (t === '' ? { error: vscode.l10n.t('A title is needed: it names the note and the file.') } : undefined),
  });
  return answer || undefined;
}

function validHours(text: string): string | undefined {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) return vscode.l10n.t('Enter the contact hours as a number greater than 0, e.g. 1.5.');
  if (n > 100) return vscode.l10n.t('That is more hours than one activity gives; enter contact hours (1 CEU = 10 h).');
  return undefined;
}

async function askHours(questions: Questions, step: Step): Promise<number | undefined> {
  const answer = await questions.text({
    ...step,
    prompt: vscode.l10n.t('Contact hours, as on the certificate (0.1 CEU = 1 hour)'),
    // No number here: a greyed number reads as a default that Enter would take.
    placeholder: vscode.l10n.t('Contact hours'),
    check: (text) => {
      const error = validHours(text);
      return error ? { error } : undefined;
    },
  });
  return answer === undefined ? undefined : Number(answer);
}

async function askTopics(questions: Questions, step: Step): Promise<TopicKey[] | undefined> {
  type Item = vscode.QuickPickItem & { key?: TopicKey };
  // First and highlighted: Enter with nothing ticked means no topic, not the first topic in the list.
  const none: Item = { label: vscode.l10n.t('No topic'), description: vscode.l10n.t('skip: a UAN topic code adds its topic'), alwaysShow: true };
  const items: Item[] = [none, ...TOPICS.map((t) => ({ label: t.label, description: t.key, detail: t.acpeCode ? vscode.l10n.t('ACPE topic {0}', t.acpeCode) : undefined, key: t.key }))];
  const picked = await questions.pickMany({
    ...step,
    placeholder: vscode.l10n.t('Topics: tick each with Space, then press Enter (Enter alone takes the highlighted one)'),
    nothingChosen: vscode.l10n.t('Nothing is ticked: highlight a topic or "No topic", then press Enter.'),
    items,
    matchOnDescription: true,
  });
  return picked?.flatMap((p) => (p.key ? [p.key] : []));
}

function completedOf(answer: string): CalendarDate | 'planned' | undefined {
  const a = answer.trim().toLowerCase();
  if (a === 'planned') return 'planned';
  if (a === 'today') return localToday();
  const parsed = parseTypedDate(a);
  return 'date' in parsed ? parsed.date : undefined;
}

async function askCompletion(questions: Questions, step: Step): Promise<CalendarDate | 'planned' | undefined> {
  const today = localToday();
  type Item = vscode.QuickPickItem & { answer: 'today' | 'pick' | 'planned' };
  const items: Item[] = [
    { label: vscode.l10n.t('Completed today ({0})', formatDate(today)), answer: 'today' },
    { label: vscode.l10n.t('Completed on another day…'), answer: 'pick' },
    { label: vscode.l10n.t({ message: 'Planned', comment: ['said of one note (Spanish: nota, feminine)'] }), description: vscode.l10n.t('not done yet: shown, not counted'), answer: 'planned' },
  ];
  const picked = await questions.pickOne({ ...step, placeholder: vscode.l10n.t('Have you completed it?'), items });
  if (!picked) return undefined;
  if (picked.answer === 'today') return today;
  if (picked.answer === 'planned') return 'planned';
  return askCompletionDate(questions, step, today);
}

/** '' for no UAN, the canonical form of a valid one, undefined for an invalid one. */
function normalizedUan(text: string | undefined): string | undefined {
  if (!text?.trim()) return '';
  return parseUan(text).uan?.normalized;
}

async function askUan(questions: Questions, step: Step): Promise<string | undefined> {
  const answer = await questions.text({
    ...step,
    prompt: vscode.l10n.t('ACPE activity number (UAN), if the certificate has one. Leave empty to skip.'),
    placeholder: vscode.l10n.t('e.g. {0}', '0145-0000-24-101-H07-T'),
    check: (text) => {
      if (text === '') return undefined;
      const { uan, error } = parseUan(text);
      if (!uan) return { error: error ?? vscode.l10n.t('Not an ACPE activity number.') };
      return uan.variants.length > 0 ? { info: vscode.l10n.t('Will be written as {0}.', uan.normalized) } : undefined;
    },
  });
  if (answer === undefined) return undefined;
  return normalizedUan(answer);
}

/** '' when skipped; undefined when cancelled. */
function askProvider(questions: Questions, step: Step): Promise<string | undefined> {
  return questions.text({
    ...step,
    prompt: vscode.l10n.t('Provider: who offered the activity, as on the certificate. Leave empty to skip.'),
    placeholder: vscode.l10n.t('e.g. {0}', 'Power-Pak C.E.'),
  });
}

/** '' when skipped; undefined when cancelled. */
function askCertificate(questions: Questions, step: Step): Promise<string | undefined> {
  return questions.text({
    ...step,
    prompt: vscode.l10n.t("Certificate file, from the note's folder (audits can ask for it years later). Leave empty to skip."),
    placeholder: vscode.l10n.t('e.g. {0}', 'certificates/law-update-2026.pdf'),
    check: (text) => (isAbsolutePath(text.trim()) ? { error: vscode.l10n.t("Give the path from the note's folder, e.g. certificates/law-update-2026.pdf.") } : undefined),
  });
}
