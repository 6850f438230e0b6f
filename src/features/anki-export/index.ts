// Export Cards to Anki: writes every card of a folder as the text file Anki imports as is (the core's
// ankiExport), to `transcripts/anki-cards-<today>.txt`, next to the exported transcripts and through the same
// write rule; then says how to import it and offers to show it.
import * as vscode from 'vscode';
import { localToday } from '../../core/common/dates';
import { TRANSCRIPT_DIR } from '../../core/outputs/transcript';
import { ankiExport } from '../../core/study/anki';
import { guarded, reportError } from '../../services/log';
import type { IndexedFolder, WorkspaceIndex } from '../../services/types';
import { inspectTarget, writeInsideFolder } from '../safe-write';

export interface AnkiExportOptions {
  /** Replace an existing file without asking (tests). */
  overwrite?: boolean;
  /** No message afterwards (tests). */
  quiet?: boolean;
}

export interface AnkiExportApi {
  /** Writes the file for a folder; undefined when there is nothing to write or it was cancelled. */
  exportCards(folderUri: vscode.Uri, options?: AnkiExportOptions): Promise<vscode.Uri | undefined>;
}

/** The file's folder-relative path: one a day, so an export made today replaces today's. */
export function ankiFilePath(today: string): string {
  return `${TRANSCRIPT_DIR}/anki-cards-${today}.txt`;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): AnkiExportApi {
  const write = async (folder: IndexedFolder, options: AnkiExportOptions): Promise<vscode.Uri | undefined> => {
    const model = index.study(folder);
    if (model.cards.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No cards to export in {0}: write cards in your notes first (type studycard in a note for a question-and-answer card).', folder.folder.name));
      return undefined;
    }
    const root = folder.folder.uri;
    const path = ankiFilePath(localToday());
    // A link (or anything but a file) in the way is refused before asking anything.
    const existing = (await inspectTarget(root, path)) === 'file';
    if (existing && !options.overwrite) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Today\'s card export already exists in {0}/. Replace it?', TRANSCRIPT_DIR), { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
    const uri = await writeInsideFolder(root, path, ankiExport(model.cards, folder.index.config.studyPlans), { replace: existing });
    if (!options.quiet) {
      tell(uri, model.cards.length).catch((error: unknown) =>
        reportError(vscode.l10n.t('The cards were exported, but the next step failed: {0}', error instanceof Error ? error.message : String(error)), error),
      );
    }
    return uri;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'pharmacyCe.exportAnki',
      guarded(vscode.l10n.t('Export Cards to Anki'), async () => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Exporting cards writes a file, which needs a trusted workspace.'));
          return;
        }
        await index.ready;
        const folder = await pickFolder(index);
        if (folder) await write(folder, {});
      }),
    ),
  );
  return {
    exportCards: async (folderUri, options = {}) => {
      const folder = index.folders().find((f) => f.folder.uri.toString() === folderUri.toString());
      return folder ? write(folder, options) : undefined;
    },
  };
}

async function pickFolder(index: WorkspaceIndex): Promise<IndexedFolder | undefined> {
  const folders = index.folders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of notes first.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor && index.folderOf(vscode.window.activeTextEditor.document.uri);
  const choice = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: f.folder.name, description: f === active ? vscode.l10n.t('the open note\'s folder') : undefined, folder: f })),
    { title: vscode.l10n.t('Export Cards to Anki'), placeHolder: vscode.l10n.t('Folder of the notes') },
  );
  return choice?.folder;
}

/** What was written and how to take it into Anki, with a button to show the file. */
async function tell(uri: vscode.Uri, cards: number): Promise<void> {
  const reveal = vscode.l10n.t('Show in Explorer');
  const message = cards === 1
    ? vscode.l10n.t('1 card exported to {0}. In Anki: File > Import, choose this file; it is set up for the Basic and Cloze note types, and makes a deck for each exam and domain.', vscode.workspace.asRelativePath(uri))
    : vscode.l10n.t('{0} cards exported to {1}. In Anki: File > Import, choose this file; it is set up for the Basic and Cloze note types, and makes a deck for each exam and domain.', cards, vscode.workspace.asRelativePath(uri));
  const choice = await vscode.window.showInformationMessage(message, reveal);
  // revealInExplorer exists wherever VS Code runs (revealFileInOS does not in a browser).
  if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', uri);
}
