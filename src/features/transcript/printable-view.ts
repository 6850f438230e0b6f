// A printable page inside VS Code: a webview panel with a page an export wrote and a toolbar (Print, Download,
// Show in Explorer, and Open in Browser where the system browser can open the file). It works the same on
// desktop and in a browser-hosted VS Code, where opening the `file:` address of the written page externally
// cannot work. The transcript (./view.ts) and the portfolio (../portfolio) each keep one.
import * as vscode from 'vscode';
import { webviewPageHtml } from '../webview-page';
import { escapeHtml } from '../../core/common/text';
import type { PrintableWebviewMessage } from '../../protocol/transcript';
import { log, reportError } from '../../services/log';

/** The toolbar's look, added to the page's style; on paper the toolbar is left out. */
const TOOLBAR_STYLE = `
  .toolbar { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin: 0 0 1.5em; padding: .5em 0; border-bottom: 1px solid #999; }
  .toolbar button { font: inherit; padding: .3em 1em; border: 1px solid #555; border-radius: 3px; background: #f3f3f3; color: #111; cursor: pointer; }
  .toolbar button:focus-visible { outline: 2px solid #005fb8; outline-offset: 2px; }
  .toolbar .file { color: #333; font-size: 9.5pt; }
  #print-note { flex-basis: 100%; margin: 0; color: #8a3b00; }
  @media print { .toolbar { display: none; } }
`;

/** What a printable view shows: the page's parts, already rendered and escaped by the core. */
export interface PrintablePage {
  /** The panel's tab title. */
  tabTitle: string;
  /** The document's title. */
  title: string;
  style: string;
  body: string;
  /** The standalone page as written (Download saves it). */
  standalone: string;
  /** The toolbar's name for screen readers. */
  label: string;
  /** Where it was saved, folder-relative (`transcripts/x.html`): shown in the toolbar. */
  savedAs: string;
}

/** The message as a PrintableWebviewMessage, or undefined when it is not one of the known shapes. */
export function parsePrintableMessage(raw: unknown): PrintableWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const type = (raw as Record<string, unknown>).type;
  return type === 'printUnavailable' || type === 'showInExplorer' || type === 'openInBrowser' ? { type } : undefined;
}

/** True where the system browser can open the written file: a desktop VS Code with the file on this machine. */
export function canOpenInBrowser(file: vscode.Uri): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && file.scheme === 'file';
}

export class PrintableView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The written HTML file the shown page came from (Show in Explorer reveals it). */
  private file: vscode.Uri | undefined;
  private html: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly viewType: string,
    /** Names the view in messages and the log ("The transcript view could not..."). */
    private readonly name: string,
  ) {}

  dispose(): void {
    this.panel?.dispose();
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** The page last given to the webview. */
  get lastHtml(): string | undefined {
    return this.html;
  }

  /** Shows a page (replacing the one shown), beside a webview such as the dashboard it was run from. */
  showPage(page: PrintablePage, file: vscode.Uri): vscode.WebviewPanel {
    this.file = file;
    if (!this.panel) {
      const fromWebview = vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview;
      this.panel = vscode.window.createWebviewPanel(this.viewType, page.tabTitle, fromWebview ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
      });
      const panel = this.panel;
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw));
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = page.tabTitle;
    this.html = this.pageHtml(this.panel.webview, page, file);
    this.panel.webview.html = this.html;
    return this.panel;
  }

  /** Handles one message from the webview. Returns false when it was rejected or failed. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parsePrintableMessage(raw);
    if (!message) {
      log()?.warn(`${this.name}: ignored a message of unknown shape from the webview`);
      return false;
    }
    try {
      switch (message.type) {
        case 'printUnavailable':
          // The page says what to do instead; the log keeps a trace for a bug report.
          log()?.info(`${this.name}: this window refused to open the print dialog`);
          return true;
        case 'showInExplorer':
          if (!this.file) return false;
          // revealInExplorer exists wherever VS Code runs; revealFileInOS does not in a browser.
          await vscode.commands.executeCommand('revealInExplorer', this.file);
          return true;
        case 'openInBrowser':
          // Only the file this view wrote, and only where a browser on this machine can open it.
          if (!this.file || !canOpenInBrowser(this.file)) return false;
          return vscode.env.openExternal(this.file);
      }
    } catch (error) {
      reportError(vscode.l10n.t('{0} could not do that: {1}', this.name, error instanceof Error ? error.message : String(error)), error);
      return false;
    }
  }

  private pageHtml(webview: vscode.Webview, page: PrintablePage, file: vscode.Uri): string {
    const e = escapeHtml;
    const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
    const browser = canOpenInBrowser(file) ? `\n<button id="open-in-browser" type="button">${e(vscode.l10n.t('Open in Browser'))}</button>` : '';
    const body = `<div class="toolbar" role="toolbar" aria-label="${e(page.label)}">
<button id="print" type="button">${e(vscode.l10n.t('Print'))}</button>
<button id="download" type="button" data-file-name="${e(fileName)}" data-page="${e(page.standalone)}">${e(vscode.l10n.t('Download'))}</button>${browser}
<button id="show-in-explorer" type="button">${e(vscode.l10n.t('Show in Explorer'))}</button>
<span class="file">${e(vscode.l10n.t('Saved as {0} in your notes folder.', page.savedAs))}</span>
<p id="print-note" role="status" hidden>${e(vscode.l10n.t('This VS Code window does not let a view print. Use Download, open the downloaded page in your web browser and print it from there.'))}</p>
</div>
${page.body}`;
    const style = { css: page.style + TOOLBAR_STYLE };
    return webviewPageHtml(webview, this.extensionUri, { title: page.title, style, body, script: 'transcript-webview.js' });
  }
}
