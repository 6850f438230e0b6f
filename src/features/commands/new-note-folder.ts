// New CE Note's folder questions: where to keep the note (an existing notes folder, or a new one typed in the
// picker), then whether to use that folder from now on, asked in the flow rather than in a toast that hides.
import * as vscode from 'vscode';
import { typedFolder } from '../../core/common/paths';
import type { IndexedFolder } from '../../services/types';
import type { Questions, Step } from './questions';

const REMEMBERED_FOLDER = 'pharmacyCe.newNoteFolder.lastChoice';

type FolderItem = vscode.QuickPickItem & { path: string };

/** The folder-relative notes folder the user picks or types ('' = the workspace folder); undefined when cancelled. */
export async function askFolder(context: vscode.ExtensionContext, questions: Questions, folder: IndexedFolder, step: Step): Promise<string | undefined> {
  // Directories with CE notes first (most notes first), then the rest, then the root.
  const counts = new Map<string, number>();
  for (const note of folder.index.ceNotes()) {
    const dir = note.path.includes('/') ? note.path.slice(0, note.path.lastIndexOf('/')) : '';
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  const directories = await listDirectories(folder.folder.uri, 2);
  for (const dir of counts.keys()) if (dir && !directories.includes(dir)) directories.push(dir);
  const last = context.workspaceState.get<Record<string, string>>(REMEMBERED_FOLDER, {})[folder.folder.uri.toString()];
  const items: FolderItem[] = directories
    .filter((d) => isNotesFolder(folder, d) || counts.has(d))
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
  const picked = await questions.pickOne<FolderItem>({
    ...step,
    placeholder: vscode.l10n.t('Folder for your CE notes: pick one, or type a name for a new folder'),
    items,
    typedItem: (text) => {
      const path = typedFolder(text);
      if (!path || items.some((it) => it.path === path) || !isNotesFolder(folder, path)) return undefined;
      return { label: `$(new-folder) ${path}`, description: vscode.l10n.t('new folder'), path, alwaysShow: true };
    },
  });
  if (!picked) return undefined;
  await context.workspaceState.update(REMEMBERED_FOLDER, { ...context.workspaceState.get<Record<string, string>>(REMEMBERED_FOLDER, {}), [folder.folder.uri.toString()]: picked.path });
  return picked.path;
}

/** Asks whether new notes always go to `path`; if so, saves the setting. Undefined when cancelled. */
export async function askAlwaysUseFolder(questions: Questions, folder: IndexedFolder, path: string, step: Step): Promise<boolean | undefined> {
  const shown = path || folder.folder.name;
  type Item = vscode.QuickPickItem & { always: boolean };
  const picked = await questions.pickOne<Item>({
    ...step,
    placeholder: vscode.l10n.t('Keep new CE notes in "{0}" from now on?', shown),
    items: [
      { label: vscode.l10n.t('Just this note'), description: vscode.l10n.t('ask again next time'), always: false },
      { label: vscode.l10n.t('Always use "{0}"', shown), description: vscode.l10n.t('change it later in Settings: Pharmacy CE New Note Folder'), always: true },
    ],
  });
  if (!picked) return undefined;
  // The setting is written to the workspace, where the folder choice applies.
  if (picked.always) await vscode.workspace.getConfiguration('pharmacyCe', folder.folder.uri).update('newNoteFolder', path || '.', vscode.ConfigurationTarget.Workspace);
  return picked.always;
}

/** True when notes in `dir` are read as CE notes (the notes globs and excludes allow it). */
function isNotesFolder(folder: IndexedFolder, dir: string): boolean {
  return folder.index.isNotePath(dir ? `${dir}/note.md` : 'note.md');
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
