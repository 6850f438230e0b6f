// Export Portfolio (issue #14): writes `<folder>/transcripts/portfolio-<as-of date>.html`, a printable
// professional portfolio built from the career model, the CE evaluation and the profile, then shows it in a
// printable view inside VS Code (with Open in Browser where a browser on this machine can open it).
import * as vscode from 'vscode';
import { localToday } from '../../core/common/dates';
import { TRANSCRIPT_DIR, transcriptBaseName } from '../../core/outputs/transcript';
import { PORTFOLIO_STYLE, portfolioBody, portfolioHtml, portfolioTitle, type PortfolioInput } from '../../core/outputs/portfolio-html';
import type { PortfolioViewType } from '../../protocol/transcript';
import { guarded } from '../../services/log';
import type { IndexedFolder, WorkspaceIndex } from '../../services/types';
import { chooseFolder } from '../commands/shared';
import { inspectTarget, writeInsideFolder } from '../safe-write';
import { PrintableView } from '../transcript/printable-view';

export const PORTFOLIO_VIEW_TYPE: PortfolioViewType = 'pharmacyCe.portfolio';

export interface PortfolioOptions {
  /** Replace an existing file without asking (tests). */
  overwrite?: boolean;
}

export interface PortfolioApi {
  /** Writes and shows the portfolio of a folder; undefined when cancelled. */
  exportPortfolio(folderUri: vscode.Uri, options?: PortfolioOptions): Promise<vscode.Uri | undefined>;
  view(): vscode.WebviewPanel | undefined;
  viewHtml(): string | undefined;
  /** Feeds a message through the same checks as one from the view's webview; false when rejected. */
  receive(message: unknown): Promise<boolean>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): PortfolioApi {
  const view = new PrintableView(context.extensionUri, PORTFOLIO_VIEW_TYPE, vscode.l10n.t('The portfolio view'));
  const run = async (preferred: vscode.Uri | undefined, options: PortfolioOptions): Promise<vscode.Uri | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Exporting a portfolio writes a file, which needs a trusted workspace.'));
      return undefined;
    }
    await index.ready;
    const folder = await chooseFolder(index, preferred, vscode.l10n.t('Folder of the notes'));
    return folder ? exportPortfolio(index, folder, view, options) : undefined;
  };
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(
      'pharmacyCe.exportPortfolio',
      // From the dashboard: `{ folder: Uri }`.
      guarded(vscode.l10n.t('Export Portfolio'), (arg?: unknown) => {
        const folder = typeof arg === 'object' && arg !== null ? (arg as { folder?: unknown }).folder : undefined;
        return run(folder instanceof vscode.Uri ? folder : undefined, {});
      }),
    ),
  );
  return {
    exportPortfolio: (folderUri, options = {}) => run(folderUri, options),
    view: () => view.current,
    viewHtml: () => view.lastHtml,
    receive: (message) => view.receive(message),
  };
}

async function exportPortfolio(index: WorkspaceIndex, folder: IndexedFolder, view: PrintableView, options: PortfolioOptions): Promise<vscode.Uri | undefined> {
  const root = folder.folder.uri;
  const asOf = index.asOf();
  const path = `${TRANSCRIPT_DIR}/${transcriptBaseName('portfolio', asOf)}.html`;
  // A link (or anything but a file) in the way is refused before asking anything.
  const existing = (await inspectTarget(root, path)) === 'file';
  if (existing && !options.overwrite) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('A portfolio of {0} already exists in {1}/. Replace it?', asOf, TRANSCRIPT_DIR), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  const { profile } = folder.index.config;
  // The transcript's learner name stands in until the credentials file names the portfolio's holder.
  const learnerName = vscode.workspace.getConfiguration('pharmacyCe', root).get<string>('learnerName', '').trim();
  const input: PortfolioInput = {
    profile: { ...profile, name: profile.name?.trim() || learnerName || undefined },
    career: folder.index.career(asOf),
    progress: index.progress(folder),
    generated: localToday(),
  };
  const file = await writeInsideFolder(root, path, portfolioHtml(input, vscode.env.language), { replace: existing });
  view.showPage(
    {
      tabTitle: vscode.l10n.t('Portfolio'),
      title: portfolioTitle(input),
      style: PORTFOLIO_STYLE,
      body: portfolioBody(input),
      standalone: portfolioHtml(input, vscode.env.language),
      label: vscode.l10n.t('Portfolio'),
      savedAs: path,
    },
    file,
  );
  if (!input.profile.name) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Your portfolio has no name on it yet. Add your name and a headline under "profile" in your credentials file (.pharmacy-ce.json), then export again.'),
    );
  }
  return file;
}
