// The palette and menu commands, and the context keys their `when` clauses read.
import * as vscode from 'vscode';
import { guarded } from '../../services/log';
import { noteUriOf } from '../../services/targets';
import type { WorkspaceIndex } from '../../services/types';
import { markCompleted, markSelectionCompleted } from './mark-completed';
import { newNote } from './new-note';
import { setUpCredentials } from './set-up-credentials';

export type { NewNoteArgs } from './new-note';
export type { SetUpCredentialsArgs } from './set-up-credentials';

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): void {
  const t = vscode.l10n.t;
  context.subscriptions.push(
    vscode.commands.registerCommand('pharmacyCe.newNote', guarded(t('New CE Note'), (arg?: unknown) => newNote(context, index, arg))),
    vscode.commands.registerCommand(
      'pharmacyCe.markCompleted',
      // From a tree's context menu the second argument is the whole selection; from automation, a date.
      guarded(t('Mark Note Completed'), (arg?: unknown, second?: unknown) =>
        Array.isArray(second) && second.length > 1 ? markSelectionCompleted(index, second) : markCompleted(index, arg, Array.isArray(second) ? undefined : second),
      ),
    ),
    vscode.commands.registerCommand('pharmacyCe.setUpCredentials', guarded(t('Set Up Credentials'), (arg?: unknown) => setUpCredentials(index, arg))),
    vscode.commands.registerCommand('pharmacyCe.refresh', guarded(t('Refresh'), () => refresh(index))),
    vscode.commands.registerCommand('pharmacyCe.showProblems', guarded(t('Show Problems'), () => vscode.commands.executeCommand('workbench.actions.view.problems'))),
    vscode.commands.registerCommand('pharmacyCe.copyUan', guarded(t('Copy UAN'), (arg?: unknown) => copyUan(index, arg))),
    vscode.commands.registerCommand('pharmacyCe.openNote', guarded(t('Open Note'), (arg?: unknown) => openNote(arg))),
  );
  activateContextKeys(context, index);
}

function refresh(index: WorkspaceIndex): Thenable<void> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pharmacy CE: re-reading your notes…') },
    () => index.rebuild(),
  );
}

/** Copies the note's UAN in its canonical form; returns what was copied. */
async function copyUan(index: WorkspaceIndex, arg: unknown): Promise<string | undefined> {
  const uri = noteUriOf(arg);
  const found = uri && index.noteAt(uri);
  const note = found && found.note.kind === 'ce' ? found.note : undefined;
  const text = note?.uan?.normalized ?? note?.uanText?.trim();
  if (!text) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This note has no ACPE activity number (UAN) to copy.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied UAN {0}', text), 3000);
  return text;
}

async function openNote(arg: unknown): Promise<void> {
  const uri = noteUriOf(arg);
  if (!uri) return;
  await vscode.window.showTextDocument(uri, { preview: true });
}

/** `pharmacyCe.activeIsCeNote` and `pharmacyCe.activeHasUan`, for the editor title and palette. */
function activateContextKeys(context: vscode.ExtensionContext, index: WorkspaceIndex): void {
  let last: string | undefined;
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const found = uri && index.noteAt(uri);
    const isCe = !!found && found.note.kind === 'ce';
    const hasUan = isCe && found.note.kind === 'ce' && !!found.note.uanText;
    const state = `${isCe}/${hasUan}`;
    if (state === last) return;
    last = state;
    void vscode.commands.executeCommand('setContext', 'pharmacyCe.activeIsCeNote', isCe);
    void vscode.commands.executeCommand('setContext', 'pharmacyCe.activeHasUan', hasUan);
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(update), index.onDidChange(update));
  index.ready.then(update, () => undefined);
  update();
}
