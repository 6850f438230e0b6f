// The one rule every command that writes goes through: nothing is written through a symbolic link or outside
// the workspace folder, and a new file never replaces one that appeared meanwhile. For `file:` folders on the
// desktop the work is done with Node's fs (src/node/safe-fs.ts through the platform: lstat of each folder on
// the way, real paths compared, exclusive create, replace by rename); other file systems, and every folder in
// the browser, are checked with workspace.fs.stat and its SymbolicLink bit, the best their API allows. createWithEdit keeps a new file undoable (a WorkspaceEdit)
// after the same checks. Used by Export Transcript, New CE Note, Set Up Credentials and Mark Note Completed,
// and meant for every later writer (review log, card export, portfolio).
import * as vscode from 'vscode';
import { insideSegments } from '../core/common/paths';
import { RefusedWriteError, lengthBeforeTail, type TargetState, type WriteOptions } from '../core/common/write-rule';
import { pathUnder } from '../services/folder';
import { diskFor } from '../services/platform';

export { RefusedWriteError, type TargetState };

/** The folder-relative path of `target` inside `folder`, or a RefusedWriteError naming it. */
export function pathInside(folder: vscode.Uri, target: vscode.Uri): string {
  const path = pathUnder(folder, target);
  if (path === undefined) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} is outside the workspace folder.', target.toString(true)));
  return path;
}

/** What is at `relativePath` (missing or a regular file); refuses links and anything but a file on the way. */
export async function inspectTarget(folder: vscode.Uri, relativePath: string): Promise<TargetState> {
  const disk = diskFor(folder);
  if (disk) return disk.inspectTarget(folder.fsPath, relativePath);
  const { segments, shown } = segmentsOf(relativePath);
  let uri = folder;
  for (let i = 0; i < segments.length; i++) {
    uri = vscode.Uri.joinPath(uri, segments[i]);
    const last = i === segments.length - 1;
    const type = await typeOf(uri);
    if (type === undefined) return 'missing';
    const name = segments.slice(0, i + 1).join('/');
    if (type & vscode.FileType.SymbolicLink) {
      throw new RefusedWriteError(
        last
          ? vscode.l10n.t('Not written: {0} is a symbolic link, and Pharmacy CE never writes through a link. Remove the link, then try again.', shown)
          : vscode.l10n.t('Not written: {0} (on the way to {1}) is a symbolic link, and Pharmacy CE never writes through a link.', name, shown),
      );
    }
    if (!last && !(type & vscode.FileType.Directory)) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} (on the way to {1}) is not a folder.', name, shown));
    if (last && !(type & vscode.FileType.File)) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} is not a regular file.', shown));
  }
  return 'file';
}

/** Refuses a folder (or one on the way to it) that is a link or not a folder, before anything lists it. */
export async function inspectFolder(folder: vscode.Uri, relativeDir: string): Promise<void> {
  if (insideSegments(relativeDir)?.length === 0) return; // the workspace folder itself
  const disk = diskFor(folder);
  if (disk) return disk.inspectFolder(folder.fsPath, relativeDir);
  const { segments } = segmentsOf(relativeDir);
  const shown = vscode.l10n.t('a file in {0}', segments.join('/'));
  for (let i = 0; i < segments.length; i++) {
    const type = await typeOf(vscode.Uri.joinPath(folder, ...segments.slice(0, i + 1)));
    if (type === undefined) return;
    const name = segments.slice(0, i + 1).join('/');
    if (type & vscode.FileType.SymbolicLink) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} (on the way to {1}) is a symbolic link, and Pharmacy CE never writes through a link.', name, shown));
    if (!(type & vscode.FileType.Directory)) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} (on the way to {1}) is not a folder.', name, shown));
  }
}

/**
 * Writes `data` at `relativePath` inside the workspace folder `folder`, making the folders on the way. Without
 * `replace` an existing file is refused; with it, only a regular file is replaced (checked right before).
 * Throws RefusedWriteError with a message for the user. Returns the file's uri.
 */
export async function writeInsideFolder(folder: vscode.Uri, relativePath: string, data: string | Uint8Array, options: WriteOptions): Promise<vscode.Uri> {
  const { segments, shown } = segmentsOf(relativePath);
  const uri = vscode.Uri.joinPath(folder, ...segments);
  const disk = diskFor(folder);
  if (disk) {
    disk.write(folder.fsPath, relativePath, data, options);
    return uri;
  }
  await inspectTarget(folder, relativePath); // a link among the folders that exist is refused before any is made
  for (let i = 1; i < segments.length; i++) {
    const dir = vscode.Uri.joinPath(folder, ...segments.slice(0, i));
    if ((await typeOf(dir)) === undefined) await vscode.workspace.fs.createDirectory(dir);
  }
  const state = await inspectTarget(folder, relativePath);
  if (state === 'file' && !options.replace) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} already exists.', shown));
  // Written beside it, then renamed over it, as the desktop does: a file that appeared since the check is not
  // replaced (overwrite only when one was there), a hard link is replaced rather than written through (its
  // other name, maybe outside the folder, keeps its text), and a write that fails leaves the old file whole.
  const temp = vscode.Uri.joinPath(folder, ...segments.slice(0, -1), `.${segments[segments.length - 1]}.${Math.random().toString(36).slice(2)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: state === 'file' });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    if (error instanceof vscode.FileSystemError && error.code === 'FileExists') {
      throw new RefusedWriteError(vscode.l10n.t('Not written: {0} appeared while it was being written; nothing was changed.', shown));
    }
    throw error;
  }
  return uri;
}

/**
 * Appends `text` to the file at `relativePath` (made, with its folders, when missing) and returns the bytes
 * written (a newline may come first: see src/node/safe-fs.ts), which removeAppended takes back. A desktop `file:`
 * folder is appended to in place (O_APPEND|O_NOFOLLOW): nothing already in the file is touched, even by a
 * failed write. Other file systems have no append in VS Code's API, so the file is read and written whole
 * (beside it, then renamed over it: a failed write leaves it as it was), and a line another program added
 * between the read and the write is lost. Only a review log on a remote or virtual folder takes that risk.
 */
export async function appendInsideFolder(folder: vscode.Uri, relativePath: string, text: string): Promise<string> {
  const disk = diskFor(folder);
  if (disk) return disk.append(folder.fsPath, relativePath, text);
  const { segments } = segmentsOf(relativePath);
  const uri = vscode.Uri.joinPath(folder, ...segments);
  const state = await inspectTarget(folder, relativePath);
  const before = state === 'file' ? await vscode.workspace.fs.readFile(uri) : new Uint8Array();
  const written = before.length > 0 && before[before.length - 1] !== 0x0a ? `\n${text}` : text;
  const added = new TextEncoder().encode(written);
  const after = new Uint8Array(before.length + added.length);
  after.set(before);
  after.set(added, before.length);
  await writeInsideFolder(folder, relativePath, after, { replace: state === 'file' });
  return written;
}

/**
 * Takes back what appendInsideFolder wrote, only when the file still ends with exactly `appended` (cut to its
 * length before); false, changing nothing, otherwise. Same checks as the other writes.
 */
export async function removeAppended(folder: vscode.Uri, relativePath: string, appended: string): Promise<boolean> {
  const disk = diskFor(folder);
  if (disk) return disk.removeAppended(folder.fsPath, relativePath, appended);
  if ((await inspectTarget(folder, relativePath)) !== 'file') return false;
  const uri = vscode.Uri.joinPath(folder, ...segmentsOf(relativePath).segments);
  const bytes = await vscode.workspace.fs.readFile(uri);
  const length = lengthBeforeTail(bytes, new TextEncoder().encode(appended));
  if (length === undefined) return false;
  await writeInsideFolder(folder, relativePath, bytes.slice(0, length), { replace: true });
  return true;
}

/**
 * Adds the creation of a new file with `text` to `edit` (one undo takes it back), after the same checks as
 * writeInsideFolder: nothing there (not even a dangling link), no link on the way. The edit's createFile
 * refuses a file that appears before it is applied (`overwrite: false`); apply the edit right after.
 */
export async function createWithEdit(edit: vscode.WorkspaceEdit, folder: vscode.Uri, uri: vscode.Uri, text: string): Promise<void> {
  const relativePath = pathInside(folder, uri);
  if ((await inspectTarget(folder, relativePath)) !== 'missing') throw new RefusedWriteError(vscode.l10n.t('Not written: {0} already exists.', segmentsOf(relativePath).shown));
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), text);
}

function segmentsOf(relativePath: string): { segments: string[]; shown: string } {
  const segments = insideSegments(relativePath);
  if (!segments || segments.length === 0) throw new RefusedWriteError(vscode.l10n.t('Not written: "{0}" is not a path inside the workspace folder.', relativePath));
  return { segments, shown: segments.join('/') };
}

async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
