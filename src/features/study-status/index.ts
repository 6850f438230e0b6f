// The cards status bar item, apart from the CE one: cards due today over every folder; click starts a review.
// Hidden when no folder has cards or pharmacyCe.study.statusBar.enabled is off. The index's change event
// (fired also at local midnight, when "today" moves) updates it.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/common/text';
import type { StudySummary } from '../../core/study/types';
import type { WorkspaceIndex } from '../../services/types';
import { reportError } from '../../services/log';
import { readSettings, settingName } from '../../services/settings';
import { dueToday, shownExam, studyStatusLines, studyStatusText } from '../../ui/study-text';

const SETTING = settingName('studyStatusBarEnabled');

export class StudyStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** Whether the item is shown (the API cannot tell; tests can). */
  visible = false;

  constructor(private readonly index: WorkspaceIndex) {
    // Just right of the CE item (priority 50): the two read as a pair.
    this.item = vscode.window.createStatusBarItem('pharmacyCe.studyStatus', vscode.StatusBarAlignment.Left, 49);
    this.item.name = vscode.l10n.t('Pharmacy CE Study Cards');
    this.item.command = { command: 'pharmacyCe.startReview', title: vscode.l10n.t('Start Review') };
  }

  update(): void {
    const folders = this.index.isReady && readSettings().studyStatusBarEnabled ? this.index.folders() : [];
    const parts = folders.map((folder) => ({ folder, model: this.index.study(folder) })).filter((p) => p.model.summary.total > 0);
    if (parts.length === 0) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const due = parts.reduce((sum, p) => sum + dueToday(p.model.summary), 0);
    this.item.text = studyStatusText(due, parts.reduce((sum, p) => sum + p.model.summary.new, 0));
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Study cards'))}**\n\n`);
    for (const { folder, model } of parts) {
      const summary: StudySummary = model.summary;
      const lines = studyStatusLines(summary, shownExam(summary, folder.index.config.study.exam));
      if (parts.length > 1) md.appendMarkdown(`${escapeMarkdown(folder.folder.name)}: `);
      md.appendMarkdown(`${lines.map(escapeMarkdown).join(' ')}\n\n`);
    }
    md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Click to start a review.')));
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: `${this.item.text.replace(/^\$\([\w-]+\)\s*/, '')}. ${vscode.l10n.t('Click to start a review.')}` };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): { item: vscode.StatusBarItem; statusBar: StudyStatusBar } {
  const statusBar = new StudyStatusBar(index);
  context.subscriptions.push(
    statusBar,
    index.onDidChange(() => statusBar.update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING) || e.affectsConfiguration('pharmacyCe.study')) statusBar.update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => statusBar.update()),
  );
  void index.ready.then(() => statusBar.update()).catch((error: unknown) => reportError(vscode.l10n.t('The study cards status bar item could not be shown.'), error));
  return { item: statusBar.item, statusBar };
}
