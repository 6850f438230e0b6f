// Certificate checks: whether the file a note's `certificate:` names exists. The core cannot look; this tells it.
import * as vscode from 'vscode';
import { errorText, isFileNotFound } from './files';
import { type Folder, uriIn } from './folder';
import { log } from './log';
import { diskFor } from './platform';

/**
 * Looks up a note's certificate file and records whether it exists. True when that changed the index. A path
 * that is absolute or leaves the folder is never looked up (the core warns about it), and no uri is ever
 * built from the value as written: `//host/x` would make vscode.Uri throw. Never throws.
 */
export async function checkCertificate(folder: Folder, path: string): Promise<boolean> {
  const note = folder.index.getNote(path);
  if (!note || note.kind !== 'ce' || !note.certificate) return false;
  const target = folder.index.certificateTarget(path);
  if (!target || target.outside) return false;
  let uri: vscode.Uri;
  try {
    uri = uriIn(folder.folder.uri, target.path);
  } catch (error) {
    log()?.warn(`Could not check the certificate of ${path}: ${errorText(error)}`);
    return false;
  }
  let set = folder.certificates.get(uri.toString());
  if (!set) folder.certificates.set(uri.toString(), (set = new Set()));
  set.add(path);
  let exists: boolean;
  try {
    exists = await isFileInside(folder.folder.uri, target.path, uri);
  } catch (error) {
    if (!isFileNotFound(error)) log()?.warn(`Could not check certificate ${uri.toString(true)}: ${errorText(error)}`);
    exists = false;
  }
  // The note may have changed while the stat ran; only record the answer for the certificate it still names.
  const now = folder.index.getNote(path);
  if (!now || now.kind !== 'ce' || now.certificate !== note.certificate) return false;
  return folder.index.setCertificateExists(path, exists);
}

/**
 * True for a regular file with no symbolic link on the way: a link (say `certs -> /`) must not make the index
 * look outside the folder. On disk the write rule's own walk does it; elsewhere the SymbolicLink bit of each
 * entry on the way (a stat follows a folder link silently, so the file's own stat is not enough).
 */
export async function isFileInside(folderUri: vscode.Uri, relPath: string, uri: vscode.Uri): Promise<boolean> {
  const disk = diskFor(folderUri);
  if (disk) return disk.isFileInside(folderUri.fsPath, relPath);
  const segments = relPath.split('/').filter((s) => s !== '' && s !== '.');
  for (let i = 1; i < segments.length; i++) {
    const { type } = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folderUri, ...segments.slice(0, i)));
    if (type & vscode.FileType.SymbolicLink || !(type & vscode.FileType.Directory)) return false;
  }
  const { type } = await vscode.workspace.fs.stat(uri);
  return (type & vscode.FileType.File) !== 0 && (type & vscode.FileType.SymbolicLink) === 0;
}
