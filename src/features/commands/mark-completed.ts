// Mark Note Completed: `status: completed` and `completed: <date>` as one undoable edit, nothing else touched.
import * as vscode from 'vscode';
import { addDays, isCalendarDate, localToday } from '../../core/common/dates';
import { markCompletedEdits } from '../../core/notes/edit';
import type { CalendarDate } from '../../core/types';
import { noteUriOf } from '../../services/targets';
import type { WorkspaceIndex } from '../../services/types';
import { RefusedWriteError, inspectTarget, pathInside } from '../safe-write';
import { addTextEdits, mayWrite } from './shared';
import type { Questions, Step } from './questions';
import { formatDate } from '../../ui/format';

/**
 * `arg`: a Uri or NoteTarget (tree item), else the active editor's note. `date`: `YYYY-MM-DD` to skip the question
 * (automation and tests). Returns the date written, or undefined when nothing was done.
 */
export async function markCompleted(questions: Questions, index: WorkspaceIndex, arg?: unknown, date?: unknown): Promise<CalendarDate | undefined> {
  const title = vscode.l10n.t('Mark Note Completed');
  if (!mayWrite(title)) return undefined;
  const uri = noteUriOf(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a CE note (or pick one in the Notes view) to mark it completed.'));
    return undefined;
  }
  const found = index.noteAt(uri);
  if (found && found.note.kind !== 'ce') {
    const why =
      found.note.kind === 'broken'
        ? vscode.l10n.t('the details at the top of the note cannot be read; fix the problem shown in the Problems panel first')
        : vscode.l10n.t('it has no CE hours in the details at the top, so it is a study note');
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a CE note: {1}.', baseName(uri), why));
    return undefined;
  }

  const chosen = typeof date === 'string' && isCalendarDate(date) ? date : await askDate(questions, title);
  if (!chosen) return undefined;

  // Only a regular file inside a workspace folder is edited: never a note reached through a link.
  const folder = index.folderOf(uri);
  if (!folder) throw new RefusedWriteError(vscode.l10n.t('Not written: {0} is outside the workspace folder.', uri.toString(true)));
  await inspectTarget(folder.folder.uri, pathInside(folder.folder.uri, uri));
  // The open document, if any: its unsaved text is what the user sees and what the edit must fit.
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  const result = markCompletedEdits(document.getText(), chosen);
  if (!result.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cannot mark {0} completed: {1}', baseName(uri), result.error));
    return undefined;
  }
  if (result.edits.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('{0} is already marked completed on {1}.', baseName(uri), chosen), 4000);
    return chosen;
  }
  const edit = new vscode.WorkspaceEdit();
  addTextEdits(edit, document, result.edits);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the editor refused the edit'));
  // Saved only when the user had nothing unsaved: their other pending changes are theirs to save.
  if (!wasDirty) await document.save();
  vscode.window.setStatusBarMessage(vscode.l10n.t('Marked {0} completed on {1}.', baseName(uri), chosen), 4000);
  return chosen;
}

/** Several notes selected in a tree: one date question, then each note as above. */
export async function markSelectionCompleted(questions: Questions, index: WorkspaceIndex, targets: readonly unknown[]): Promise<CalendarDate | undefined> {
  if (!mayWrite(vscode.l10n.t('Mark Note Completed'))) return undefined;
  const date = await askDate(questions, vscode.l10n.t('Mark {0} Notes Completed', targets.length));
  if (!date) return undefined;
  for (const target of targets) if (noteUriOf(target)) await markCompleted(questions, index, target, date);
  return date;
}

async function askDate(questions: Questions, title: string): Promise<CalendarDate | undefined> {
  const today = localToday();
  const yesterday = addDays(today, -1);
  type Item = vscode.QuickPickItem & { date?: CalendarDate };
  const items: Item[] = [
    { label: vscode.l10n.t('Today ({0})', formatDate(today)), date: today },
    { label: vscode.l10n.t('Yesterday ({0})', formatDate(yesterday)), date: yesterday },
    { label: vscode.l10n.t('Pick a date…') },
  ];
  const picked = await questions.pickOne({ title, placeholder: vscode.l10n.t('When did you complete it?'), items });
  if (!picked) return undefined;
  if (picked.date) return picked.date;
  return askCompletionDate(questions, { title }, today);
}

/** The day an activity was completed, typed; a day after today is warned about (a slip, or a planned activity). */
export function askCompletionDate(questions: Questions, step: Step, value: CalendarDate): Promise<CalendarDate | undefined> {
  const today = localToday();
  return questions.date({
    ...step,
    prompt: vscode.l10n.t('Completion date, as on the certificate.'),
    value,
    warn: (date) => (date > today ? vscode.l10n.t('{0} is in the future.', formatDate(date)) : undefined),
  });
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
