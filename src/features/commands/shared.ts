// Small pieces the commands share: refusing writes in untrusted workspaces, picking the folder, checking that
// a file exists, turning pure edits into WorkspaceEdits.
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/notes/edit';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';

/** True when the workspace is trusted; else says plainly why nothing is written. */
export function mayWrite(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} writes files, which this untrusted workspace does not allow. Trust the workspace to use it.', what));
  return false;
}

/**
 * The folder a command works in: the one given, the active editor's, the only one, or the user's pick.
 * Undefined when there is none or the user cancelled.
 */
export async function chooseFolder(index: WorkspaceIndex, preferred?: vscode.Uri, placeHolder?: string): Promise<IndexedFolder | undefined> {
  if (preferred) {
    const folder = index.folderOf(preferred);
    if (folder) return folder;
  }
  const folders = index.folders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: Pharmacy CE keeps its notes in a workspace folder.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && index.folderOf(active);
  if (activeFolder && !preferred) return activeFolder;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: placeHolder ?? vscode.l10n.t('Workspace folder'), ignoreFocusOut: true });
  return picked ? folders.find((f) => f.folder.uri.toString() === picked.uri.toString()) : undefined;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The document if it is open (its unsaved text is what the user sees), else undefined. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Adds pure offset edits (core/notes/edit.ts, made on `document.getText()`) to a WorkspaceEdit. */
export function addTextEdits(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, edits: readonly TextEdit[]): void {
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
}
