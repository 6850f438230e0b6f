// Export Transcript: writes `<folder>/transcripts/<credential>-<cycle end>.csv` and `.html` for one
// credential's cycle, then shows the printable transcript in a view of its own (./view.ts).
import * as vscode from 'vscode';
import { localToday } from '../../core/common/dates';
import { TRANSCRIPT_DIR, buildTranscript, transcriptBaseName, transcriptCsvFile } from '../../core/outputs/transcript';
import { transcriptHtml } from '../../core/outputs/transcript-html';
import type { CredentialProgress } from '../../core/types';
import { guarded, reportError } from '../../services/log';
import { isCredentialTarget } from '../../services/targets';
import { inspectTarget, writeInsideFolder } from '../safe-write';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { TranscriptView } from './view';

export interface ExportOptions {
  /** Replace existing files without asking (tests). */
  overwrite?: boolean;
  /** Do not open the results (tests). */
  quiet?: boolean;
}

export interface TranscriptApi {
  /** Writes the transcript of a credential; undefined when cancelled or not possible. */
  exportTranscript(folderUri: vscode.Uri, credentialId: string, options?: ExportOptions): Promise<{ csv: vscode.Uri; html: vscode.Uri } | undefined>;
  /** The printable transcript view, when open. */
  view(): vscode.WebviewPanel | undefined;
  /** The page last given to the view's webview. */
  viewHtml(): string | undefined;
  /** Feeds a message through the same checks as one from the view's webview; false when rejected. */
  receive(message: unknown): Promise<boolean>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): TranscriptApi {
  const view = new TranscriptView(context.extensionUri);
  const exporter = new TranscriptExport(index, view);
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(
      'pharmacyCe.exportTranscript',
      guarded(vscode.l10n.t('Export Transcript'), async (arg?: unknown) => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Exporting a transcript writes files, which needs a trusted workspace.'));
          return;
        }
        await index.ready;
        const picked = isCredentialTarget(arg) ? exporter.find(arg.folderUri, arg.credentialId) : await exporter.pick();
        if (!picked) return;
        await exporter.write(picked.folder, picked.progress, {});
      }),
    ),
  );
  return {
    exportTranscript: async (folderUri, credentialId, options = {}) => {
      const found = exporter.find(folderUri, credentialId);
      return found ? exporter.write(found.folder, found.progress, options) : undefined;
    },
    view: () => view.current,
    viewHtml: () => view.lastHtml,
    receive: (message) => view.receive(message),
  };
}

class TranscriptExport {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly view: TranscriptView,
  ) {}

  find(folderUri: vscode.Uri, credentialId: string): { folder: IndexedFolder; progress: CredentialProgress } | undefined {
    const folder = this.index.folders().find((f) => f.folder.uri.toString() === folderUri.toString()) ?? this.index.folderOf(folderUri);
    const progress = folder ? this.index.progress(folder).find((p) => p.credential.id === credentialId) : undefined;
    return folder && progress ? { folder, progress } : undefined;
  }

  async pick(): Promise<{ folder: IndexedFolder; progress: CredentialProgress } | undefined> {
    const folders = this.index.folders();
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of CE notes first.'));
      return undefined;
    }
    let folder: IndexedFolder | undefined = folders[0];
    if (folders.length > 1) {
      const choice = await vscode.window.showQuickPick(
        folders.map((f) => ({ label: f.folder.name, description: f.folder.uri.fsPath || f.folder.uri.toString(), folder: f })),
        { title: vscode.l10n.t('Export Transcript'), placeHolder: vscode.l10n.t('Folder of the notes') },
      );
      folder = choice?.folder;
    }
    if (!folder) return undefined;
    const all = this.index.progress(folder);
    if (all.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No credentials are set up in {0}.', folder.folder.name));
      return undefined;
    }
    const choice = all.length === 1 ? { progress: all[0] } : await vscode.window.showQuickPick(
      all.map((p) => ({
        label: p.credential.label,
        description: vscode.l10n.t('{0} to {1}', p.cycle.start, p.cycle.end),
        detail: vscode.l10n.t('{0} / {1} h · {2}', p.hours.earned, p.hours.required, p.ruleSet.name),
        progress: p,
      })),
      { title: vscode.l10n.t('Export Transcript'), placeHolder: vscode.l10n.t('Credential and cycle') },
    );
    return choice ? { folder, progress: choice.progress } : undefined;
  }

  async write(folder: IndexedFolder, progress: CredentialProgress, options: ExportOptions): Promise<{ csv: vscode.Uri; html: vscode.Uri } | undefined> {
    const root = folder.folder.uri;
    const base = transcriptBaseName(progress.credential.id, progress.cycle.end);
    const [csvPath, htmlPath] = [`${TRANSCRIPT_DIR}/${base}.csv`, `${TRANSCRIPT_DIR}/${base}.html`];
    // A link (or anything but a file) in the way is refused before asking anything.
    const existing = (await Promise.all([inspectTarget(root, csvPath), inspectTarget(root, htmlPath)])).includes('file');
    if (existing && !options.overwrite) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('A transcript for {0} ending {1} already exists in transcripts/. Replace it?', progress.credential.label, progress.cycle.end),
        { modal: true },
        replace,
      );
      if (answer !== replace) return undefined;
    }
    const learnerName = vscode.workspace.getConfiguration('pharmacyCe', root).get<string>('learnerName', '').trim();
    const transcript = buildTranscript(progress, folder.index.notes(), {
      learnerName,
      asOf: this.index.asOf(),
      generated: localToday(),
      missingCertificates: folder.index.missingCertificates(),
      problems: folder.index.problems(),
    });
    // Checked again as they are written: what was asked about may have changed meanwhile.
    const csv = await writeInsideFolder(root, csvPath, transcriptCsvFile(transcript), { replace: existing });
    const html = await writeInsideFolder(root, htmlPath, transcriptHtml(transcript, vscode.env.language), { replace: existing });
    if (!options.quiet) {
      // A CSV opened in the editor is one long line per row: the printable view is what a person reads.
      this.view.show(transcript, html);
      // Not awaited (a message waits for its answer), so its failure is reported here rather than lost.
      this.tell(html, learnerName === '', transcript.leftOut.errors).catch((error: unknown) =>
        reportError(vscode.l10n.t('The transcript was written, but the next step failed: {0}', error instanceof Error ? error.message : String(error)), error),
      );
    }
    return { csv, html };
  }

  /** What was written and what is missing from it, with the next steps as buttons. */
  private async tell(html: vscode.Uri, noName: boolean, withErrors: number): Promise<void> {
    if (withErrors > 0) {
      void vscode.window.showWarningMessage(
        withErrors === 1
          ? vscode.l10n.t('1 note with errors is left out of the transcript: fix it (see the Problems panel) and export again.')
          : vscode.l10n.t('{0} notes with errors are left out of the transcript: fix them (see the Problems panel) and export again.', withErrors),
      );
    }
    const reveal = vscode.l10n.t('Show in Explorer');
    const setName = vscode.l10n.t('Set Learner Name');
    const message = noName
      ? vscode.l10n.t('Transcript written to transcripts/ (a spreadsheet file and a printable page). Your name is not set: an audit transcript should carry it.')
      : vscode.l10n.t('Transcript written to transcripts/ (a spreadsheet file and a printable page).');
    const choice = await vscode.window.showInformationMessage(message, ...(noName ? [setName, reveal] : [reveal]));
    // revealInExplorer exists wherever VS Code runs (revealFileInOS does not in a browser).
    if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', html);
    else if (choice === setName) await vscode.commands.executeCommand('workbench.action.openSettings', 'pharmacyCe.learnerName');
  }
}
