// New CE Note: a few questions, then a note from the template, created as one undoable WorkspaceEdit and opened.
import * as vscode from 'vscode';
import { isCalendarDate, localToday } from '../../core/common/dates';
import { noteTemplate, uniqueNoteFileName } from '../../core/notes/note-template';
import { TOPICS, isTopicKey } from '../../core/notes/topics';
import { parseUan } from '../../core/notes/uan';
import type { CalendarDate, TopicKey } from '../../core/types';
import { reportError } from '../../services/log';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { askCalendarDate } from './mark-completed';
import { createWithEdit, inspectFolder } from '../safe-write';
import { chooseFolder, exists, mayWrite } from './shared';
import { readSettings } from '../../services/settings';

/**
 * Answers for `pharmacyCe.newNote` given as its argument (automation, tests): every answer given is not asked.
 * `completed`: `YYYY-MM-DD`, `'today'` or `'planned'`. `folder`: relative to the workspace folder (`''` = its root).
 * `workspaceFolder`: which folder in a multi-root workspace. `open: false` creates the note without opening it.
 */
export interface NewNoteArgs {
  title?: string;
  hours?: number;
  topics?: string[];
  completed?: string;
  uan?: string;
  folder?: string;
  workspaceFolder?: vscode.Uri;
  open?: boolean;
}

const TOTAL_STEPS = 5;
const REMEMBERED_FOLDER = 'pharmacyCe.newNoteFolder.lastChoice';

export async function newNote(context: vscode.ExtensionContext, index: WorkspaceIndex, arg?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('New CE Note');
  if (!mayWrite(title)) return undefined;
  const given: NewNoteArgs = isNewNoteArgs(arg) ? arg : {};
  const folder = await chooseFolder(index, given.workspaceFolder, vscode.l10n.t('Workspace folder for the new note'));
  if (!folder) return undefined;
  const step = (n: number) => `${title} (${n}/${TOTAL_STEPS})`;

  const noteTitle = given.title?.trim() || (await askTitle(step(1)));
  if (!noteTitle) return undefined;
  const badHours = given.hours !== undefined ? validHours(String(given.hours)) : undefined;
  if (badHours) throw new Error(badHours);
  const hours = given.hours !== undefined ? Number(given.hours) : await askHours(step(2));
  if (hours === undefined) return undefined;
  // Automation that names a title answers the optional questions (topics, UAN) by leaving them out.
  const automated = given.title !== undefined;
  const unknownTopics = (given.topics ?? []).filter((t) => !isTopicKey(t));
  if (unknownTopics.length > 0) throw new Error(vscode.l10n.t('unknown topic keys: {0}', unknownTopics.join(', ')));
  const topics = given.topics || automated ? (given.topics ?? []) : await askTopics(step(3));
  if (!topics) return undefined;
  if (given.completed !== undefined && completedOf(given.completed) === undefined) throw new Error(vscode.l10n.t('"{0}" is not a date, "today" or "planned"', given.completed));
  const completed = given.completed !== undefined ? completedOf(given.completed) : await askCompletion(step(4));
  if (completed === undefined) return undefined;
  if (given.uan && normalizedUan(given.uan) === undefined) throw new Error(parseUan(given.uan).error ?? vscode.l10n.t('not an ACPE activity number'));
  const uan = given.uan !== undefined || automated ? normalizedUan(given.uan) : await askUan(step(5));
  if (uan === undefined) return undefined;
  const subfolder = given.folder !== undefined ? cleanFolder(given.folder) : await askFolder(context, folder);
  if (subfolder === undefined) return undefined;

  const directory = subfolder ? vscode.Uri.joinPath(folder.folder.uri, ...subfolder.split('/')) : folder.folder.uri;
  await inspectFolder(folder.folder.uri, subfolder); // a linked folder is refused before it is listed
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(directory)) taken.add(name.toLowerCase());
  } catch {
    // The folder does not exist yet: createFile makes it.
  }
  const fileName = uniqueNoteFileName(noteTitle, (name) => taken.has(name.toLowerCase()));
  const uri = vscode.Uri.joinPath(directory, fileName);
  if (await exists(uri)) throw new Error(vscode.l10n.t('{0} already exists', fileName));

  const text = noteTemplate({ title: noteTitle, hours, topics, completed: completed === 'planned' ? undefined : completed, uan: uan || undefined });
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

function isNewNoteArgs(arg: unknown): arg is NewNoteArgs {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return false;
  const a = arg as Record<string, unknown>;
  return ['title', 'hours', 'topics', 'completed', 'uan', 'folder', 'workspaceFolder'].some((k) => k in a);
}

async function askTitle(title: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Activity title, as on the certificate'),
    placeHolder: vscode.l10n.t('e.g. Federal Pharmacy Law Update 2026'),
    ignoreFocusOut: true,
    validateInput: (t) => (t.trim() === '' ? vscode.l10n.t('A title is needed: it names the note and the file.') : undefined),
  });
  return answer?.trim() || undefined;
}

function validHours(text: string): string | undefined {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) return vscode.l10n.t('Enter the contact hours as a number greater than 0, e.g. 1.5.');
  if (n > 100) return vscode.l10n.t('That is more hours than one activity gives; enter contact hours (1 CEU = 10 h).');
  return undefined;
}

async function askHours(title: string): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Contact hours (0.1 CEU = 1 hour)'),
    placeHolder: '1',
    ignoreFocusOut: true,
    validateInput: validHours,
  });
  return answer === undefined ? undefined : Number(answer.trim());
}

async function askTopics(title: string): Promise<TopicKey[] | undefined> {
  const items = TOPICS.map((t) => ({ label: t.label, description: t.key, detail: t.acpeCode ? vscode.l10n.t('ACPE topic {0}', t.acpeCode) : undefined, key: t.key }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Topics (none is fine: a UAN topic code adds its topic)'),
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.map((p) => p.key);
}

function completedOf(answer: string): CalendarDate | 'planned' | undefined {
  const a = answer.trim().toLowerCase();
  if (a === 'planned') return 'planned';
  if (a === 'today') return localToday();
  return isCalendarDate(a) ? a : undefined;
}

async function askCompletion(title: string): Promise<CalendarDate | 'planned' | undefined> {
  const today = localToday();
  type Item = vscode.QuickPickItem & { answer: 'today' | 'pick' | 'planned' };
  const items: Item[] = [
    { label: vscode.l10n.t('Completed today ({0})', today), answer: 'today' },
    { label: vscode.l10n.t('Completed on another day…'), answer: 'pick' },
    { label: vscode.l10n.t('Planned'), description: vscode.l10n.t('not done yet: shown, not counted'), answer: 'planned' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Have you completed it?'), ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.answer === 'today') return today;
  if (picked.answer === 'planned') return 'planned';
  return askCalendarDate(title, vscode.l10n.t('Completion date (YYYY-MM-DD)'), today, true);
}

/** '' for no UAN, the canonical form of a valid one, undefined for an invalid one. */
function normalizedUan(text: string | undefined): string | undefined {
  if (!text?.trim()) return '';
  return parseUan(text).uan?.normalized;
}

async function askUan(title: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('ACPE activity number (UAN), if the certificate has one. Leave empty if not.'),
    placeHolder: '0145-0000-24-101-H07-T',
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') return undefined;
      const { uan, error } = parseUan(text);
      if (!uan) return error ?? vscode.l10n.t('Not an ACPE activity number.');
      if (uan.variants.length > 0) return { message: vscode.l10n.t('Will be written as {0}.', uan.normalized), severity: vscode.InputBoxValidationSeverity.Info };
      return undefined;
    },
  });
  if (answer === undefined) return undefined;
  return normalizedUan(answer);
}

function cleanFolder(folder: string): string {
  return folder
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .join('/');
}

/** The notes folder: the setting, else the user's pick among the folder's directories (offering to remember it). */
async function askFolder(context: vscode.ExtensionContext, folder: IndexedFolder): Promise<string | undefined> {
  const setting = readSettings(folder.folder.uri).newNoteFolder.trim();
  if (setting) return cleanFolder(setting);

  // Directories with CE notes first (most notes first), then the rest, then the root.
  const counts = new Map<string, number>();
  for (const note of folder.index.ceNotes()) {
    const dir = note.path.includes('/') ? note.path.slice(0, note.path.lastIndexOf('/')) : '';
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  const directories = await listDirectories(folder.folder.uri, 2);
  for (const dir of counts.keys()) if (dir && !directories.includes(dir)) directories.push(dir);
  const last = context.workspaceState.get<Record<string, string>>(REMEMBERED_FOLDER, {})[folder.folder.uri.toString()];
  type Item = vscode.QuickPickItem & { path: string };
  const items: Item[] = directories
    .filter((d) => folder.index.isNotePath(`${d}/note.md`) || counts.has(d))
    .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b))
    .map((d) => ({
      label: `$(folder) ${d}`,
      description: counts.has(d) ? vscode.l10n.t('{0} CE notes', counts.get(d)!) : undefined,
      path: d,
    }));
  items.push({ label: `$(root-folder) ${folder.folder.name}`, description: vscode.l10n.t('the workspace folder itself'), path: '' });
  if (last !== undefined) {
    const i = items.findIndex((it) => it.path === last);
    if (i > 0) items.unshift(...items.splice(i, 1));
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New CE Note: where to keep it'),
    placeHolder: vscode.l10n.t('Folder for your CE notes'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  await context.workspaceState.update(REMEMBERED_FOLDER, { ...context.workspaceState.get<Record<string, string>>(REMEMBERED_FOLDER, {}), [folder.folder.uri.toString()]: picked.path });
  // Offered, not awaited: the note is created meanwhile.
  const remember = vscode.l10n.t('Always Use This Folder');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Create new CE notes in "{0}" from now on?', picked.path || folder.folder.name), remember)
    .then((choice) => {
      if (choice !== remember) return;
      // The setting is window-scoped in the manifest, so it is written to the workspace, not the folder.
      return vscode.workspace.getConfiguration('pharmacyCe').update('newNoteFolder', picked.path || '.', vscode.ConfigurationTarget.Workspace);
    })
    .then(undefined, (error) => reportError(vscode.l10n.t('Pharmacy CE could not save the notes folder setting.'), error));
  return picked.path;
}

/** Folder-relative directories up to `depth` levels, skipping hidden ones and dependencies. */
async function listDirectories(root: vscode.Uri, depth: number, prefix = ''): Promise<string[]> {
  if (depth === 0) return [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(prefix ? vscode.Uri.joinPath(root, ...prefix.split('/')) : root);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const [name, type] of entries) {
    // Links are not offered (nothing is written through one) nor listed (they may lead outside the folder).
    if (!(type & vscode.FileType.Directory) || type & vscode.FileType.SymbolicLink || name.startsWith('.') || name === 'node_modules') continue;
    const path = prefix ? `${prefix}/${name}` : name;
    out.push(path, ...(await listDirectories(root, depth - 1, path)));
    if (out.length > 200) break;
  }
  return out;
}
