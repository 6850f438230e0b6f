// What commands receive from tree items, menus and the palette, and how they resolve it.
import * as vscode from 'vscode';

/** Tree items for notes hand this to commands (`arguments` or the item itself in context menus). */
export interface NoteTarget {
  readonly uri: vscode.Uri;
}

/** Tree items for credentials hand this to commands. */
export interface CredentialTarget {
  readonly folderUri: vscode.Uri;
  readonly credentialId: string;
}

export function isCredentialTarget(arg: unknown): arg is CredentialTarget {
  return typeof arg === 'object' && arg !== null && 'credentialId' in arg && 'folderUri' in arg;
}

/**
 * The note a command acts on: a Uri, a NoteTarget (tree item element), or else the active editor's document.
 * Undefined when there is none.
 */
export function noteUriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'object' && arg !== null && 'uri' in arg && (arg as NoteTarget).uri instanceof vscode.Uri) return (arg as NoteTarget).uri;
  return vscode.window.activeTextEditor?.document.uri;
}
