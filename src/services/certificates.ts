// Certificate checks: whether the file a note's `certificate:` names exists. The core cannot look; this tells it.
import * as vscode from 'vscode';
import { errorText, isFileNotFound } from './files';
import { type Folder, uriIn } from './folder';
import { log } from './log';

/** Looks up a note's certificate file and records whether it exists. True when that changed the index. */
export async function checkCertificate(folder: Folder, path: string): Promise<boolean> {
  const note = folder.workspace.getNote(path);
  if (!note || note.kind !== 'ce' || !note.certificate) return false;
  const uri = certificateUri(folder, path, note.certificate);
  let set = folder.certificates.get(uri.toString());
  if (!set) folder.certificates.set(uri.toString(), (set = new Set()));
  set.add(path);
  let exists: boolean;
  try {
    await vscode.workspace.fs.stat(uri);
    exists = true;
  } catch (error) {
    if (!isFileNotFound(error)) log()?.warn(`Could not check certificate ${uri.toString(true)}: ${errorText(error)}`);
    exists = false;
  }
  // The note may have changed while the stat ran; only record the answer for the certificate it still names.
  const now = folder.workspace.getNote(path);
  if (!now || now.kind !== 'ce' || now.certificate !== note.certificate) return false;
  return folder.workspace.setCertificateExists(path, exists);
}

function certificateUri(folder: Folder, notePath: string, certificate: string): vscode.Uri {
  const target = folder.workspace.certificateTarget(notePath);
  if (target && !target.outside) return uriIn(folder.folder.uri, target.path);
  const written = certificate.replace(/\\/g, '/');
  if (written.startsWith('/')) return folder.folder.uri.with({ path: written });
  const noteDir = notePath.split('/').slice(0, -1);
  return vscode.Uri.joinPath(folder.folder.uri, ...noteDir, written);
}
