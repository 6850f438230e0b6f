// The palette and menu commands, and the context keys their `when` clauses read.
import * as vscode from 'vscode';
import { guarded } from '../../services/log';
import { noteUriOf } from '../../services/targets';
import type { WorkspaceIndex } from '../../services/types';
import { markCompleted, markSelectionCompleted } from './mark-completed';
import { newCareerNote } from './new-career-note';
import { newNote } from './new-note';
import { Questions } from './questions';
import { setUpCredentials } from './set-up-credentials';

export type { NewNoteArgs } from './new-note';
export type { SetUpCredentialsArgs } from './set-up-credentials';

/** What integration tests reach through the extension's exports. */
export interface CommandsTestApi {
  questions: Questions;
  /** The context keys last set for the active editor. */
  contextKeys(): Readonly<Record<string, boolean>>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): CommandsTestApi {
  const questions = new Questions();
  context.subscriptions.push(
    questions,
    vscode.commands.registerCommand('pharmacyCe.newNote', guarded(vscode.l10n.t('New CE Note'), (arg?: unknown) => newNote(context, questions, index, arg))),
    vscode.commands.registerCommand('pharmacyCe.newCareerNote', guarded(vscode.l10n.t('New Career Note'), (arg?: unknown) => newCareerNote(questions, index, arg))),
    vscode.commands.registerCommand(
      'pharmacyCe.markCompleted',
      // From a tree's context menu the second argument is the whole selection; from automation, a date.
      guarded(vscode.l10n.t('Mark Note Completed'), (arg?: unknown, second?: unknown) =>
        Array.isArray(second) && second.length > 1 ? markSelectionCompleted(questions, index, second) : markCompleted(questions, index, arg, Array.isArray(second) ? undefined : second),
      ),
    ),
    vscode.commands.registerCommand('pharmacyCe.setUpCredentials', guarded(vscode.l10n.t('Set Up Credentials'), (arg?: unknown) => setUpCredentials(questions, index, arg))),
    vscode.commands.registerCommand('pharmacyCe.refresh', guarded(vscode.l10n.t('Refresh'), () => refresh(index))),
    vscode.commands.registerCommand('pharmacyCe.showProblems', guarded(vscode.l10n.t('Show Problems'), () => vscode.commands.executeCommand('workbench.actions.view.problems'))),
    vscode.commands.registerCommand('pharmacyCe.copyUan', guarded(vscode.l10n.t('Copy UAN'), (arg?: unknown) => copyUan(index, arg))),
    vscode.commands.registerCommand('pharmacyCe.openNote', guarded(vscode.l10n.t('Open Note'), (arg?: unknown) => openNote(arg))),
  );
  return { questions, contextKeys: activateContextKeys(context, index) };
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

/**
 * `pharmacyCe.activeIsCeNote`, `pharmacyCe.activeHasUan` and `pharmacyCe.activeNoteCompleted` (a note already
 * completed on a date: no ✓ button), for the editor title and palette. Returns a reader of the last values set.
 */
function activateContextKeys(context: vscode.ExtensionContext, index: WorkspaceIndex): () => Readonly<Record<string, boolean>> {
  let last: Record<string, boolean> = {};
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const found = uri && index.noteAt(uri);
    const note = found && found.note.kind === 'ce' ? found.note : undefined;
    const keys: Record<string, boolean> = {
      'pharmacyCe.activeIsCeNote': !!note,
      'pharmacyCe.activeHasUan': !!note?.uanText,
      'pharmacyCe.activeNoteCompleted': note?.status === 'completed' && note.completed !== undefined,
    };
    for (const [key, value] of Object.entries(keys)) if (last[key] !== value) void vscode.commands.executeCommand('setContext', key, value);
    last = keys;
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(update), index.onDidChange(update));
  index.ready.then(update, () => undefined);
  update();
  return () => last;
}
