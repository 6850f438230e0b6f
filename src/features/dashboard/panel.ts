// The one CE Dashboard panel: creates or revives the webview, feeds it rendered HTML as messages when the
// index changes, and carries out the few requests the webview may make after checking them.
import * as vscode from 'vscode';
import { webviewPageHtml } from '../webview-page';
import { platform } from '../../services/platform';
import { escapeHtml } from '../../core/common/text';
import { buildFolderModel, type DashboardFolderInput, type DashboardModel, type FolderModel } from '../../core/outputs/dashboard-model';
import type { CalendarDate } from '../../core/types';
import type { DashboardTarget, HostMessage, WebviewMessage } from '../../protocol/dashboard';
import { withDisplayLanguage } from '../../services/l10n';
import { log, reportError } from '../../services/log';
import type { CredentialTarget } from '../../services/targets';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { ExcerptCache } from './excerpts';
import { isPlainRelativePath, parseWebviewMessage } from './messages';
import type { RenderContext } from './render';
import { RendererLoader, rendererMissingHtml } from './renderer';
import { readSettings } from '../../services/settings';

export const VIEW_TYPE = 'pharmacyCe.dashboard';

/**
 * The renderer, with markdown-it, is about a third of the extension's code and only the dashboard needs it:
 * on the desktop it is a file apart (see src/node/platform-node.ts), loaded when a dashboard is first drawn
 * rather than on activation.
 */
const rendererLoader = new RendererLoader(() => withDisplayLanguage(platform().loadRenderer()));
/** How long a redraw waits for the previews of its notes before drawing without them (they follow). */
const EXCERPT_WAIT_MS = 400;

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private model: DashboardModel | undefined;
  private modelStale = true;
  private version = 0;
  private lastPosted: HostMessage | undefined;
  private lastRendered: Extract<HostMessage, { type: 'render' }> | undefined;
  /** A reveal asked for before the webview script was ready to receive it. */
  private pendingReveal: DashboardTarget | undefined;
  private webviewReady = false;
  /** Previews of the notes the dashboard lists (the index keeps none). */
  private readonly excerpts: ExcerptCache;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
  ) {
    this.excerpts = new ExcerptCache(index, () => this.invalidate());
    this.disposables.push(
      this.excerpts,
      index.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pharmacyCe')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    );
    void index.ready.then(() => this.invalidate());
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** The last message posted to the webview, of any type. */
  get lastMessage(): HostMessage | undefined {
    return this.lastPosted;
  }

  /** The last body posted to the webview. */
  get lastRender(): Extract<HostMessage, { type: 'render' }> | undefined {
    return this.lastRendered;
  }

  /** Opens the dashboard, or brings it to the front. */
  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('CE Dashboard'), vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel);
    return panel;
  }

  /** Takes over a panel: a new one, or one VS Code restores after a reload (the serializer). */
  attach(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.panel = panel;
    this.webviewReady = false;
    panel.title = vscode.l10n.t('CE Dashboard');
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'dashboard-icon.svg');
    panel.webview.options = this.webviewOptions();
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the script is gone while hidden; it says `ready` when it is back.
        if (!panel.visible) this.webviewReady = false;
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
    );
    panel.webview.html = this.pageHtml(panel.webview);
  }

  /** The model as last computed (computing it if the index changed since). */
  currentModel(): DashboardModel | undefined {
    // The day rolls over while the window stays open: days left and pace change with it.
    if (this.model && this.index.isReady && this.model.asOf !== this.index.asOf()) this.modelStale = true;
    if (this.modelStale) {
      this.model = this.computeModel();
      this.modelStale = this.model === undefined;
    }
    return this.model;
  }

  /** Scrolls the dashboard to a credential card or a note. */
  async reveal(target: CredentialTarget | { uri: vscode.Uri }): Promise<boolean> {
    const resolved = this.resolveTarget(target);
    this.show();
    if (!resolved) return false;
    this.pendingReveal = resolved;
    if (this.webviewReady) await this.flushReveal();
    return true;
  }

  /** Handles one message from the webview. Returns false when it was rejected or failed. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      log()?.warn('Dashboard: ignored a message of unknown shape from the webview');
      return false;
    }
    try {
      return await this.handle(message);
    } catch (error) {
      reportError(vscode.l10n.t('The CE Dashboard could not do that: {0}', error instanceof Error ? error.message : String(error)), error);
      return false;
    }
  }

  private async handle(message: WebviewMessage): Promise<boolean> {
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        // Shown again (or for the first time): files may have changed outside the editor meanwhile.
        this.excerpts.clear();
        await this.postRender(true);
        await this.flushReveal();
        return true;
      case 'openNote': {
        const uri = this.indexedNoteUri(message.folder, message.path);
        if (!uri) {
          log()?.warn(`Dashboard: refused to open a path that is not an indexed note: ${JSON.stringify(message.path)}`);
          return false;
        }
        const beside = this.panel?.viewColumn === vscode.ViewColumn.One;
        await vscode.window.showTextDocument(uri, { preview: true, viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.One });
        return true;
      }
      case 'exportTranscript': {
        const folder = this.folderByKey(message.folder);
        if (!folder || !vscode.workspace.isTrusted) return false;
        if (!folder.index.config.credentials.some((c) => c.id === message.credentialId)) return false;
        const target: CredentialTarget = { folderUri: folder.folder.uri, credentialId: message.credentialId };
        await vscode.commands.executeCommand('pharmacyCe.exportTranscript', target);
        return true;
      }
      case 'setUpCredentials': {
        const folder = this.folderByKey(message.folder);
        if (!folder || !vscode.workspace.isTrusted) return false;
        await vscode.commands.executeCommand('pharmacyCe.setUpCredentials', { folder: folder.folder.uri });
        return true;
      }
      case 'startReview': {
        const folder = this.folderByKey(message.folder);
        if (!folder || !vscode.workspace.isTrusted) return false;
        // Only a plan the folder knows: the webview is not trusted to name anything else.
        if (message.exam !== undefined && !Object.prototype.hasOwnProperty.call(folder.index.config.studyPlans, message.exam)) return false;
        await vscode.commands.executeCommand('pharmacyCe.startReview', { folder: keyOf(folder), ...(message.exam ? { exam: message.exam } : {}) });
        return true;
      }
      case 'newCareerNote':
      case 'exportPortfolio': {
        const folder = this.folderByKey(message.folder);
        if (!folder || !vscode.workspace.isTrusted) return false;
        const command = message.type === 'newCareerNote' ? 'pharmacyCe.newCareerNote' : 'pharmacyCe.exportPortfolio';
        await vscode.commands.executeCommand(command, { folder: folder.folder.uri });
        return true;
      }
    }
  }

  private invalidate(): void {
    this.modelStale = true;
    // A hidden webview has no script to receive it; it asks with `ready` when shown again.
    if (this.panel?.visible && this.webviewReady) void this.postRender();
  }

  /** Posts the body; an unchanged body is not posted again unless the webview just (re)loaded. */
  private async postRender(force = false): Promise<void> {
    if (!this.panel) return;
    // Previews come from the files: on a slow file system the figures are drawn first and the previews follow.
    const loading = this.loadExcerpts();
    const loaded = await Promise.race([loading.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), EXCERPT_WAIT_MS))]);
    if (!loaded) void loading.then((added) => added && this.invalidate());
    const html = this.bodyHtml();
    if (!force && html === this.lastRendered?.html) return;
    const message = { type: 'render', html, version: ++this.version } as const;
    await this.post(message);
    this.lastRendered = message;
  }

  private async post(message: HostMessage): Promise<void> {
    this.lastPosted = message;
    await this.panel?.webview.postMessage(message);
  }

  private async flushReveal(): Promise<void> {
    const target = this.pendingReveal;
    if (!target || !this.panel) return;
    this.pendingReveal = undefined;
    await this.post({ type: 'reveal', target });
    if (target.kind === 'note' && !this.isNoteShown(target.folder, target.path)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This note is not on the dashboard: it lists recent notes and notes that need something done.'));
    }
  }

  private isNoteShown(folderKey: string, path: string): boolean {
    const folder = this.currentModel()?.folders.find((f) => f.key === folderKey);
    if (!folder) return false;
    return (
      folder.recentNotes.some((n) => n.path === path) ||
      folder.actions.some((a) => 'notes' in a && a.notes.some((n) => n.path === path)) ||
      folder.credentials.some((c) => c.notCounted.some((n) => n.path === path))
    );
  }

  private resolveTarget(target: CredentialTarget | { uri: vscode.Uri }): DashboardTarget | undefined {
    if ('credentialId' in target) {
      const folder = this.index.folderOf(target.folderUri) ?? this.folderByKey(target.folderUri.toString());
      return folder ? { kind: 'credential', folder: keyOf(folder), credentialId: target.credentialId } : undefined;
    }
    const found = this.index.noteAt(target.uri);
    return found ? { kind: 'note', folder: keyOf(found.folder), path: found.note.path } : undefined;
  }

  private folderByKey(key: string): IndexedFolder | undefined {
    return this.index.folders().find((f) => keyOf(f) === key);
  }

  /** The URI of an indexed note named by the webview, or undefined for anything else. */
  private indexedNoteUri(folderKey: string, path: string): vscode.Uri | undefined {
    const folder = this.folderByKey(folderKey);
    if (!folder || !isPlainRelativePath(path) || !folder.index.hasNote(path)) return undefined;
    const uri = this.index.uriOf(folder, path);
    const root = folder.folder.uri.path.replace(/\/+$/, '');
    // Belt and braces: the joined URI must still be below the folder, with the same scheme and authority.
    if (uri.scheme !== folder.folder.uri.scheme || uri.authority !== folder.folder.uri.authority || !uri.path.startsWith(`${root}/`)) return undefined;
    return uri;
  }

  /**
   * Reads the previews of the notes the current model lists that are not read yet; the model is then
   * recomputed with them. Resolves true when a preview was added.
   */
  private async loadExcerpts(): Promise<boolean> {
    const model = this.currentModel();
    if (!model) return false;
    const uris: vscode.Uri[] = [];
    for (const folderModel of model.folders) {
      const folder = this.folderByKey(folderModel.key);
      if (folder) for (const note of folderModel.recentNotes) uris.push(this.index.uriOf(folder, note.path));
    }
    const added = await this.excerpts.load(uris);
    if (added) this.modelStale = true;
    return added;
  }

  private computeModel(): DashboardModel | undefined {
    if (!this.index.isReady) return undefined;
    const asOf = this.index.asOf();
    const folders: FolderModel[] = [];
    for (const folder of this.index.folders()) {
      const settings = { cpeMonitorReminderDays: readSettings(folder.folder.uri).cpeMonitorReminderDays };
      try {
        const input: DashboardFolderInput = {
          key: keyOf(folder),
          name: folder.folder.name,
          workspace: folder.index,
          progress: this.index.progress(folder),
          hasConfigFile: folder.hasConfigFile,
          excerpt: (path) => this.excerpts.get(this.index.uriOf(folder, path)),
          studySummary: this.index.study(folder).summary,
          career: folder.index.career(asOf),
        };
        folders.push(buildFolderModel(input, asOf, settings));
      } catch (error) {
        // One folder that cannot be evaluated must not blank the others.
        reportError(vscode.l10n.t('The CE Dashboard could not show the folder {0}.', folder.folder.name), error);
      }
    }
    return { asOf, folders };
  }

  private renderContext(): RenderContext {
    const format = readSettings().dateFormat;
    return {
      formatDate: format === 'locale' ? localeDate : (d) => d,
      ready: this.index.isReady,
      trusted: vscode.workspace.isTrusted,
    };
  }

  private bodyHtml(): string {
    const loaded = rendererLoader.get();
    if ('error' in loaded) {
      if (loaded.firstFailure) reportError(vscode.l10n.t('The CE Dashboard could not be drawn: reinstall the Pharmacy CE Notes extension.'), loaded.error);
      return rendererMissingHtml(loaded.error);
    }
    try {
      return loaded.renderer.renderDashboard(this.currentModel(), this.renderContext());
    } catch (error) {
      reportError(vscode.l10n.t('The CE Dashboard could not be drawn.'), error);
      return `<p class="empty">${vscode.l10n.t('The dashboard could not be drawn: see the Pharmacy CE log.')}</p>`;
    }
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private pageHtml(webview: vscode.Webview): string {
    const title = vscode.l10n.t('CE Dashboard');
    const body = `<main id="root" aria-label="${escapeHtml(title)}">${this.bodyHtml()}</main>`;
    return webviewPageHtml(webview, this.extensionUri, { title, style: { file: 'dashboard.css' }, body, script: 'webview.js' });
  }
}

export function keyOf(folder: IndexedFolder): string {
  return folder.folder.uri.toString();
}

function localeDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(vscode.env.language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
