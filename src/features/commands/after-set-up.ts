// Where Set Up Credentials leaves the user: their progress, not the settings file's raw text (which stays a
// button away).
import * as vscode from 'vscode';
import { reportError } from '../../services/log';

/** Shows the Progress view and says where the settings went, with a button to the file. */
export async function showProgressAfterSetUp(file: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('pharmacyCe.progress.focus');
  const openDashboard = vscode.l10n.t('Open Dashboard');
  const openFile = vscode.l10n.t('Open Settings File');
  // Not awaited: the message waits for an answer that may never come; a failure is still reported.
  vscode.window
    .showInformationMessage(vscode.l10n.t('Credentials saved. Your progress toward each one is in the Progress view.'), openDashboard, openFile)
    .then(async (choice) => {
      if (choice === openDashboard) await vscode.commands.executeCommand('pharmacyCe.openDashboard');
      else if (choice === openFile) await vscode.window.showTextDocument(file, { preview: false });
    })
    .then(undefined, (error: unknown) => reportError(vscode.l10n.t('Pharmacy CE could not open that: {0}', error instanceof Error ? error.message : String(error)), error));
}
