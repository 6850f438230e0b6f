// The printable transcript inside VS Code: the page Export Transcript writes, in a printable view
// (./printable-view.ts) with its toolbar (Print, Download, Show in Explorer).
import * as vscode from 'vscode';
import { TRANSCRIPT_DIR, type Transcript } from '../../core/outputs/transcript';
import { TRANSCRIPT_STYLE, transcriptBody, transcriptHtml, transcriptTitle } from '../../core/outputs/transcript-html';
import type { TranscriptViewType } from '../../protocol/transcript';
import { PrintableView } from './printable-view';

export const TRANSCRIPT_VIEW_TYPE: TranscriptViewType = 'pharmacyCe.transcript';

export class TranscriptView extends PrintableView {
  constructor(extensionUri: vscode.Uri) {
    super(extensionUri, TRANSCRIPT_VIEW_TYPE, vscode.l10n.t('The transcript view'));
  }

  /** Shows a transcript (replacing the one shown), beside a webview such as the dashboard it was run from. */
  show(transcript: Transcript, file: vscode.Uri): vscode.WebviewPanel {
    const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
    return this.showPage(
      {
        tabTitle: vscode.l10n.t('Transcript: {0}', transcript.credential.label),
        title: transcriptTitle(transcript),
        style: TRANSCRIPT_STYLE,
        body: transcriptBody(transcript),
        standalone: transcriptHtml(transcript, vscode.env.language),
        label: vscode.l10n.t('Transcript'),
        savedAs: `${TRANSCRIPT_DIR}/${fileName}`,
      },
      file,
    );
  }
}
