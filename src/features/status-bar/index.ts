// One status bar item: the credential whose cycle ends soonest, its hours and days left. Warning colour when
// behind pace or at risk, error colour once a cycle has ended unmet. Click: the dashboard.
import * as vscode from 'vscode';
import { formatHours } from '../../core/common/numbers';
import { escapeMarkdown } from '../../core/common/text';
import type { CredentialProgress } from '../../core/types';
import type { WorkspaceIndex } from '../../services/types';
import { isInUse } from '../../services/in-use';
import { reportError } from '../../services/log';
import { formatDate, stateText } from '../../ui/format';
import { deadlineWords, nearestCredential, stateIconId, statusBarText } from '../../ui/credential-text';
import { readSettings, settingName } from '../../services/settings';

const SETTING = settingName('statusBarEnabled');

export function statusText(p: CredentialProgress): string {
  return statusBarText(p);
}

export class CeStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** Whether the item is shown (the API cannot tell; tests and the dashboard can). */
  visible = false;

  constructor(private readonly index: WorkspaceIndex) {
    this.item = vscode.window.createStatusBarItem('pharmacyCe.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Pharmacy CE');
    this.item.command = { command: 'pharmacyCe.openDashboard', title: vscode.l10n.t('Open Dashboard') };
  }

  update(): void {
    const enabled = readSettings().statusBarEnabled;
    const all = this.index.isReady ? this.index.folders().flatMap((f) => this.index.progress(f)) : [];
    const shown = nearestCredential(all);
    if (!enabled || !shown || (vscode.workspace.workspaceFolders ?? []).length === 0 || !isInUse(this.index)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = statusText(shown);
    const endedUnmet = shown.cycle.daysLeft < 0 && !shown.met;
    const warn = !shown.met && (shown.behindPace || shown.state === 'at-risk' || shown.state === 'unmet');
    this.item.backgroundColor = endedUnmet
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : warn
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.item.tooltip = this.tooltip(all);
    this.item.accessibilityInformation = {
      label: vscode.l10n.t(
        '{0}: {1} of {2} hours, {3}, {4}',
        shown.credential.label,
        formatHours(shown.hours.earned),
        formatHours(shown.hours.required),
        stateText(shown),
        deadlineWords(shown),
      ),
    };
    this.item.show();
    this.visible = true;
  }

  private tooltip(all: readonly CredentialProgress[]): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Pharmacy CE'))}**\n\n`);
    const multi = this.index.folders().length > 1;
    for (const folder of this.index.folders()) {
      for (const p of this.index.progress(folder)) {
        const icon = `$(${stateIconId(p.state)})`;
        const who = multi ? `${p.credential.label} (${folder.folder.name})` : p.credential.label;
        const line = vscode.l10n.t(
          '{0}: {1} of {2} h, {3} (cycle ends {4}){5}',
          who,
          formatHours(p.hours.earned),
          formatHours(p.hours.required),
          deadlineWords(p),
          formatDate(p.cycle.end),
          p.behindPace && !p.met ? vscode.l10n.t(', behind pace') : '',
        );
        md.appendMarkdown(`${icon} ${escapeMarkdown(line)} — ${escapeMarkdown(stateText(p))}\n\n`);
      }
    }
    if (all.length === 0) md.appendMarkdown(escapeMarkdown(vscode.l10n.t('No credentials.')) + '\n\n');
    md.appendMarkdown(escapeMarkdown(vscode.l10n.t('As of {0}. Click to open the dashboard.', formatDate(this.index.asOf()))));
    return md;
  }

  dispose(): void {
    this.item.dispose();
  }
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): { item: vscode.StatusBarItem; statusBar: CeStatusBar } {
  const statusBar = new CeStatusBar(index);
  context.subscriptions.push(
    statusBar,
    index.onDidChange(() => statusBar.update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING) || e.affectsConfiguration(settingName('dateFormat'))) statusBar.update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => statusBar.update()),
  );
  void index.ready.then(() => statusBar.update()).catch((error: unknown) => reportError(vscode.l10n.t('The Pharmacy CE status bar item could not be shown.'), error));
  return { item: statusBar.item, statusBar };
}
