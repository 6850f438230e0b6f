// The review panel: shows one session's cards, takes grades and undo from its webview, and writes each grade
// to the review log after the next card is already on screen (the log is appended in the background, one
// line at a time in order; an undo waits for the lines before it).
import * as vscode from 'vscode';
import { webviewPageHtml } from '../webview-page';
import { platform } from '../../services/platform';
import { escapeHtml } from '../../core/common/text';
import { formatReviewLine } from '../../core/study/review-log';
import { REVIEW_LOG_FILE } from '../../core/study/types';
import type { ReviewHostMessage, ReviewViewType, ReviewWebviewMessage } from '../../protocol/review';
import { withDisplayLanguage } from '../../services/l10n';
import { log, reportError } from '../../services/log';
import type { IndexedFolder, WorkspaceIndex } from '../../services/types';
import { RendererLoader } from '../dashboard/renderer';
import { appendInsideFolder, removeAppended } from '../safe-write';
import { parseReviewMessage } from './messages';
import { renderCard, renderSummary, type ReviewRenderContext } from './render';
import type { Grade, ReviewSession } from './session';

export const REVIEW_VIEW_TYPE: ReviewViewType = 'pharmacyCe.review';

/** The same renderer file as the dashboard's (markdown-it lives there), loaded when a card is first drawn. */
const rendererLoader = new RendererLoader(() => withDisplayLanguage(platform().loadRenderer()));

/** A session to show, with what the panel needs around it. */
export interface SessionStart {
  folder: IndexedFolder;
  session: ReviewSession;
  title: string;
  /** When the next card of this review's scope is due outside the session's own cards (for the summary). */
  nextDue?: number;
}

export class ReviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private start: SessionStart | undefined;
  /** The log lines being appended, in order; an undo waits for these only. */
  private writes: Promise<void> = Promise.resolve();
  /** The index reading the log again (one at a time; grades in a burst share one read). */
  private reloads: Promise<void> = Promise.resolve();
  private readonly reloadQueued = new Set<IndexedFolder>();
  /** What each grade of the session wrote to the log (absent: not written, or its write failed). */
  private readonly appended = new Map<Grade, string>();
  private posted: ReviewHostMessage | undefined;
  private postedView: ReviewHostMessage | undefined;
  /** Milliseconds from the last grade message to the next card being posted (for the benchmark). */
  lastGradeToPostMs: number | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
  ) {}

  dispose(): void {
    this.panel?.dispose();
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  get session(): ReviewSession | undefined {
    return this.start?.session;
  }

  /** The last message posted to the webview, and the last card or summary. */
  get lastMessage(): ReviewHostMessage | undefined {
    return this.posted;
  }

  get lastView(): ReviewHostMessage | undefined {
    return this.postedView;
  }

  /** Resolves once every grade given so far is in the log (or failed) and the index has read it. */
  async settled(): Promise<void> {
    await this.writes;
    await this.reloads;
  }

  /** Shows a session (replacing the one shown: its grades are already in the log). */
  show(start: SessionStart): void {
    this.start = start;
    this.appended.clear();
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, start.title, vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
      });
      const panel = this.panel;
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'dashboard-icon.svg');
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw));
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.start = undefined;
      });
      panel.webview.html = this.pageHtml(panel.webview, start.title);
    } else {
      this.panel.title = start.title;
      this.panel.reveal(undefined, false);
    }
    void this.postView();
  }

  /** Handles one message from the webview. Returns false when it was rejected or could not be done. */
  async receive(raw: unknown): Promise<boolean> {
    const received = Date.now();
    const message = parseReviewMessage(raw);
    if (!message) {
      log()?.warn('Review: ignored a message of unknown shape from the webview');
      return false;
    }
    try {
      return await this.handle(message, received);
    } catch (error) {
      reportError(vscode.l10n.t('The review could not do that: {0}', error instanceof Error ? error.message : String(error)), error);
      return false;
    }
  }

  private async handle(message: ReviewWebviewMessage, received: number): Promise<boolean> {
    const start = this.start;
    if (!start) return false;
    switch (message.type) {
      case 'ready':
        await this.postView();
        return true;
      case 'grade': {
        const grade = start.session.grade(message.seq, message.rating, Date.now());
        if (!grade) return false;
        // The next card goes out first; the log line follows in the background.
        const posting = this.postView();
        this.lastGradeToPostMs = Date.now() - received;
        // Written once the webview has the card: reading the log again keeps the extension host busy for a while
        // on a long log, and must not hold the card back.
        this.writes = this.writes.then(() => posting.catch(() => undefined)).then(() => this.write(start, grade));
        await posting;
        return true;
      }
      case 'undo':
        return this.undo(start);
      case 'finish':
        start.session.finish();
        await this.postView();
        return true;
      case 'openNote': {
        const showing = start.session.current(Date.now());
        if (!showing || showing.seq !== message.seq || !start.folder.index.hasNote(showing.card.file)) return false;
        const line = Math.max(0, showing.card.line - 1);
        await vscode.window.showTextDocument(this.index.uriOf(start.folder, showing.card.file), {
          selection: new vscode.Range(line, 0, line, 0),
          viewColumn: vscode.ViewColumn.Beside,
          preview: true,
        });
        return true;
      }
    }
  }

  private async write(start: SessionStart, grade: Grade): Promise<void> {
    try {
      const line = formatReviewLine({ card: grade.card.id, at: grade.at, rating: grade.rating });
      this.appended.set(grade, await appendInsideFolder(start.folder.folder.uri, REVIEW_LOG_FILE, line));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log()?.error(`Review: a grade was not saved: ${reason}`);
      if (this.start === start) await this.post({ type: 'notice', text: vscode.l10n.t('This grade was not saved. {0}', reason) });
      reportError(vscode.l10n.t('A review grade was not saved: {0}', reason), error);
      return;
    }
    this.reload(start.folder);
  }

  /** The index reads the log again, after the reads already asked for; a read not yet started covers this one too. */
  private reload(folder: IndexedFolder): void {
    if (this.reloadQueued.has(folder)) return;
    this.reloadQueued.add(folder);
    this.reloads = this.reloads.then(async () => {
      this.reloadQueued.delete(folder);
      try {
        await this.index.reloadReviewLog(folder);
      } catch (error) {
        log()?.warn(`Review: the index did not read the review log again: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** Takes back this panel's last grade, only while the log still ends with the line it wrote. */
  private async undo(start: SessionStart): Promise<boolean> {
    const grade = start.session.lastGrade();
    if (!grade) {
      await this.post({ type: 'notice', text: vscode.l10n.t('Nothing to undo in this review.') });
      return false;
    }
    await this.writes;
    // A grade given while waiting is the one to undo next: this request stands for the older one, so it stops.
    if (this.start !== start || start.session.lastGrade() !== grade) return false;
    const line = this.appended.get(grade);
    if (line !== undefined) {
      const removed = await removeAppended(start.folder.folder.uri, REVIEW_LOG_FILE, line);
      if (!removed) {
        await this.post({
          type: 'notice',
          text: vscode.l10n.t('Cannot undo: the review log has changed since that grade (something was added after it). Nothing was changed.'),
        });
        return false;
      }
      this.appended.delete(grade);
    }
    start.session.undo();
    await this.postView();
    await this.post({ type: 'notice', text: vscode.l10n.t('Grade taken back: the card is shown again.') });
    if (line !== undefined) this.reload(start.folder);
    return true;
  }

  /** Posts the card to show, or the summary when the session is over. */
  private async postView(): Promise<void> {
    const start = this.start;
    if (!start || !this.panel) return;
    const ctx = this.renderContext(start.folder);
    const now = Date.now();
    const canUndo = start.session.lastGrade() !== undefined;
    const showing = start.session.current(now);
    if (showing) {
      await this.post({ type: 'card', seq: showing.seq, html: renderCard(showing, start.session.mode, ctx), canUndo });
      return;
    }
    const sessionDue = start.session.nextDue();
    const nextDue = [sessionDue, start.nextDue].filter((d): d is number => d !== undefined).sort((a, b) => a - b)[0];
    const html = renderSummary(
      {
        mode: start.session.mode,
        reviewed: start.session.reviewed,
        again: start.session.again,
        nextDue,
        now,
        scores: start.session.mode === 'practice' ? start.session.scores() : undefined,
      },
      ctx,
    );
    await this.post({ type: 'summary', html, canUndo });
  }

  private async post(message: ReviewHostMessage): Promise<void> {
    this.posted = message;
    if (message.type !== 'notice') this.postedView = message;
    await this.panel?.webview.postMessage(message);
  }

  private renderContext(folder: IndexedFolder): ReviewRenderContext {
    const loaded = rendererLoader.get();
    if ('error' in loaded && loaded.firstFailure) reportError(vscode.l10n.t('Cards cannot be drawn: reinstall the Pharmacy CE Notes extension.'), loaded.error);
    const plans = folder.index.config.studyPlans;
    return {
      // Without the renderer a card still shows, as escaped plain text.
      markdown: 'renderer' in loaded ? (text) => loaded.renderer.renderCardMarkdown(text) : (text) => `<p>${escapeHtml(text)}</p>`,
      examName: (exam) => plans[exam]?.name ?? exam,
      domainName: (exam, domain) => plans[exam]?.domains.find((d) => d.id === domain)?.name ?? domain,
      formatMoment: (ms) => new Intl.DateTimeFormat(vscode.env.language, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(ms)),
    };
  }

  private pageHtml(webview: vscode.Webview, title: string): string {
    const e = escapeHtml;
    const body = `<div class="toolbar" role="toolbar" aria-label="${e(vscode.l10n.t('Review'))}">
<button type="button" id="undo" disabled aria-keyshortcuts="Control+Z">${e(vscode.l10n.t('Undo last grade'))} <kbd aria-hidden="true">Ctrl+Z</kbd></button>
<button type="button" id="finish">${e(vscode.l10n.t('End review'))}</button>
</div>
<main id="root" aria-label="${e(title)}"><p class="empty" role="status">${e(vscode.l10n.t('Loading the cards…'))}</p></main>
<p id="notice" class="notice" role="status" aria-live="polite"></p>`;
    return webviewPageHtml(webview, this.extensionUri, { title, style: { file: 'review.css' }, body, script: 'review-webview.js' });
  }
}
