// The workspace index service: one FolderIndex per workspace folder, filled from vscode.workspace.fs in the
// background, then kept current from file-system events (file-events.ts) and from unsaved editor text. Every
// feature reads it; nobody else reads notes from disk. Reading a folder is in folder-reader.ts, certificate
// checks in certificates.ts, the date in day-timer.ts, the change event in change-events.ts.
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core/rules/config';
import { localToday } from '../core/common/dates';
import { FolderIndex } from '../core/index/folder-index';
import { linkProblems } from '../core/index/links';
import type { CalendarDate, CredentialProgress, ParsedNote } from '../core/types';
import { checkCertificate } from './certificates';
import { ChangeCollector, type ChangedPaths } from './change-events';
import { watchDay } from './day-timer';
import { forEachLimited } from './each-limited';
import { READ_CONCURRENCY, errorText, readText } from './files';
import { applyFileEvents, FileEventQueue } from './file-events';
import { type FileEvent, Folder, relativePathIn, uriIn } from './folder';
import { findNotes, readNote } from './folder-reader';
import { isLink, withTarget } from './links';
import { log, reportError } from './log';
import { SETTINGS_THAT_REBUILD, workspaceOptions } from './settings';
import type { WorkspaceIndex, WorkspaceIndexChange, IndexedFolder } from './types';
import type { StudyModel } from '../core/study/model';
import { REVIEW_LOG_FILE, STUDY_SETTINGS, readReviewLog, studyModelOf } from './review-log';

export function createWorkspaceIndex(context: vscode.ExtensionContext): WorkspaceIndex {
  const index = new WatchedWorkspaceIndex();
  void context;
  return index;
}

class WatchedWorkspaceIndex implements WorkspaceIndex {
  private readonly byKey = new Map<string, Folder>();
  private readonly changeEmitter = new vscode.EventEmitter<WorkspaceIndexChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly readEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidReadNote = this.readEmitter.event;
  private readonly changes = new ChangeCollector((changed) => this.fireChange(changed));
  private readonly events = new FileEventQueue(() => void this.run(() => this.flushEvents()));
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.readEmitter, this.changes, this.events];
  readonly ready: Promise<void>;
  private readyFlag = false;
  private today: CalendarDate = localToday();
  /** Index updates run one after another, so a rebuild and a burst of events never interleave. */
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private evaluationFailed = false;
  private readonly studyFailed = { reported: false };

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => this.foldersChanged(e.added, e.removed)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SETTINGS_THAT_REBUILD.some((s) => e.affectsConfiguration(s))) void this.rebuild();
        else if (STUDY_SETTINGS.some((s) => e.affectsConfiguration(s))) this.announce([...this.byKey.values()], [REVIEW_LOG_FILE]);
      }),
      // Virtual file systems may not report writes made through the editor: a save is a change too.
      vscode.workspace.onDidSaveTextDocument((doc) => this.enqueue(doc.uri, 'changed')),
      watchDay(this.today, (today) => this.newDay(today)),
    );
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.addFolder(folder);
    void this.setContext('pharmacyCe.ready', false);
    const started = Date.now();
    this.ready = this.run(() => Promise.all([...this.byKey.values()].map((f) => this.indexFolder(f))).then(() => undefined)).finally(() => {
      // Even after a failure (already logged) the views show what was read rather than wait forever.
      this.readyFlag = true;
      void this.setContext('pharmacyCe.ready', true);
      this.updateContextKeys();
      this.logCounts('Indexed', started);
      this.announce([...this.byKey.values()], undefined);
    });
    this.showProgress(this.ready);
  }

  get isReady(): boolean {
    return this.readyFlag;
  }

  study(folder: IndexedFolder): StudyModel {
    return studyModelOf(folder, this.studyFailed);
  }

  reloadReviewLog(folder: IndexedFolder): Promise<void> {
    return this.run(async () => {
      const known = this.byKey.get(folder.folder.uri.toString());
      if (known && (await readReviewLog(known.folder.uri, known.index))) this.announce([known], [REVIEW_LOG_FILE]);
      this.changes.flush(); // the views hear of the change (this one, or the file watcher's) before the caller goes on
    });
  }

  folders(): readonly IndexedFolder[] {
    // In the order the user gave the folders (it changes when folders are added, removed or moved).
    const order = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
    const rank = (f: Folder) => (order.indexOf(f.key) + order.length + 1) % (order.length + 1);
    return [...this.byKey.values()].sort((a, b) => rank(a) - rank(b));
  }

  folderOf(uri: vscode.Uri): IndexedFolder | undefined {
    return this.folderFor(uri);
  }

  noteAt(uri: vscode.Uri): { folder: IndexedFolder; note: ParsedNote } | undefined {
    const folder = this.folderFor(uri);
    if (!folder) return undefined;
    const note = folder.index.getNote(this.relativePath(folder, uri));
    return note ? { folder, note } : undefined;
  }

  uriOf(folder: IndexedFolder, relPath: string): vscode.Uri {
    return uriIn(folder.folder.uri, relPath);
  }

  relativePath(folder: IndexedFolder, uri: vscode.Uri): string {
    return relativePathIn(folder.folder.uri, uri);
  }

  progress(folder: IndexedFolder): CredentialProgress[] {
    try {
      const value = folder.index.evaluate(this.asOf());
      this.evaluationFailed = false;
      return value;
    } catch (error) {
      // A bug in a rule must not take the views down; it is logged, shown once, and the views show nothing.
      if (!this.evaluationFailed) reportError(vscode.l10n.t('Pharmacy CE could not evaluate your credentials.'), error);
      this.evaluationFailed = true;
      return [];
    }
  }

  asOf(): CalendarDate {
    return this.today;
  }

  updateFromText(uri: vscode.Uri, text: string): void {
    const folder = this.folderFor(uri);
    if (!folder) return;
    const path = this.relativePath(folder, uri);
    if (!this.mayRead(folder, path)) return;
    let changed: boolean;
    try {
      changed = folder.index.setNote(path, text);
    } catch (error) {
      log()?.error(`Could not parse ${uri.toString(true)}: ${errorText(error)}`);
      return;
    }
    if (changed) {
      this.announce([folder], [path]);
      void checkCertificate(folder, path).then((changed) => changed && this.announce([folder], [path]));
    }
  }

  async readNoteText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : (await readText(uri)).text;
  }

  async reloadFromDisk(uri: vscode.Uri): Promise<void> {
    const folder = this.folderFor(uri);
    if (!folder) return;
    const path = this.relativePath(folder, uri);
    if (!this.mayRead(folder, path)) return;
    await this.run(async () => {
      if (await readNote(folder.index, uri, path, false)) {
        await checkCertificate(folder, path);
        this.announce([folder], [path]);
      }
    });
  }

  rebuild(): Promise<void> {
    return this.run(async () => {
      const started = Date.now();
      const folders = [...this.byKey.values()];
      await Promise.all(folders.map((f) => this.indexFolder(f)));
      this.logCounts('Re-indexed', started);
      this.announce(folders, undefined);
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const folder of this.byKey.values()) folder.dispose();
    this.byKey.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  // ---- folders ---------------------------------------------------------------------------------------

  private folderFor(uri: vscode.Uri): Folder | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.byKey.get(folder.uri.toString()) : undefined;
  }

  private addFolder(wsFolder: vscode.WorkspaceFolder): Folder {
    const folder = new Folder(wsFolder);
    this.byKey.set(folder.key, folder);
    // One recursive watcher sees notes, certificates and folders created or deleted as a whole; the config
    // file and the review log get their own so they are seen even where a `**/*` watcher skips dot-files.
    const all = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wsFolder, '**/*'));
    const config = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wsFolder, CONFIG_FILE));
    const reviewLog = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wsFolder, REVIEW_LOG_FILE));
    for (const watcher of [all, config, reviewLog]) {
      folder.disposables.push(
        watcher,
        watcher.onDidCreate((uri) => this.enqueue(uri, 'created')),
        watcher.onDidChange((uri) => this.enqueue(uri, 'changed')),
        watcher.onDidDelete((uri) => this.enqueue(uri, 'deleted')),
      );
    }
    return folder;
  }

  private foldersChanged(added: readonly vscode.WorkspaceFolder[], removed: readonly vscode.WorkspaceFolder[]): void {
    const removedFolders: Folder[] = [];
    for (const wsFolder of removed) {
      const folder = this.byKey.get(wsFolder.uri.toString());
      if (!folder) continue;
      folder.dispose();
      this.byKey.delete(folder.key);
      removedFolders.push(folder);
    }
    const addedFolders = added.map((f) => this.addFolder(f));
    if (removedFolders.length) {
      this.announce(removedFolders, undefined);
    }
    if (addedFolders.length) {
      const work = this.run(async () => {
        const started = Date.now();
        await Promise.all(addedFolders.map((f) => this.indexFolder(f)));
        this.logCounts('Indexed added folders:', started, addedFolders);
        this.announce(addedFolders, undefined);
      });
      this.showProgress(work);
    }
  }

  /** Reads a folder from scratch into a fresh FolderIndex, then swaps it in (views never see half an index). */
  private async indexFolder(folder: Folder): Promise<void> {
    if (this.disposed || !this.byKey.has(folder.key)) return;
    const wsFolder = folder.folder;
    const started = Date.now();
    // With unchanged settings the folder's index is refreshed in place: unchanged notes keep their parse.
    const options = workspaceOptions(wsFolder);
    const optionsKey = JSON.stringify(options);
    const reuse = folder.indexed && folder.optionsKey === optionsKey;
    const workspace = reuse ? folder.index : new FolderIndex(options);
    const configUri = vscode.Uri.joinPath(wsFolder.uri, CONFIG_FILE);
    // A config that is a link is not read (it could be any file): the built-in default applies, and a problem says why.
    const configLink = (await isLink(configUri)) ? withTarget(wsFolder.uri, { path: CONFIG_FILE, kind: 'file' }) : undefined;
    const config = configLink ? { text: undefined, error: undefined } : await readText(configUri);
    folder.hasConfigFile = config.text !== undefined || config.error !== undefined;
    folder.configText = config.text;
    if (config.error !== undefined) log()?.warn(`Could not read ${configUri.toString(true)}: ${errorText(config.error)}`);
    workspace.setConfig(config.text, this.asOf());
    await readReviewLog(wsFolder.uri, workspace);

    const { uris, links } = await findNotes(wsFolder, workspace);
    const found = Date.now();
    const seen = new Set<string>();
    await forEachLimited(uris, READ_CONCURRENCY, (uri) => {
      const path = this.relativePath(folder, uri);
      seen.add(path);
      return readNote(workspace, uri, path, true);
    });
    for (const note of [...workspace.notes()]) if (!seen.has(note.path)) workspace.deleteNote(note.path);
    const read = Date.now();
    // Events that arrived meanwhile stay queued: they are applied to the new index right after this.
    folder.index = workspace;
    folder.options = options;
    folder.optionsKey = optionsKey;
    folder.indexed = true;
    folder.certificates.clear();
    folder.links = new Map([...(configLink ? [configLink] : []), ...links].map((l) => [l.path, l]));
    workspace.setFileProblems(linkProblems([...folder.links.values()]));
    if (folder.links.size > 0) log()?.warn(`${wsFolder.name}: ${folder.links.size} symbolic link(s) not followed: ${[...folder.links.keys()].slice(0, 10).join(', ')}`);
    // Unsaved edits win over the disk, as they did before the rebuild.
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty) continue;
      const path = this.relativePath(folder, doc.uri);
      if (this.folderFor(doc.uri) === folder && this.mayRead(folder, path)) workspace.setNote(path, doc.getText());
    }
    await forEachLimited(workspace.notes(), READ_CONCURRENCY, (note) => checkCertificate(folder, note.path));
    log()?.info(
      `${wsFolder.name}: found ${uris.length} files in ${found - started} ms, read and parsed in ${read - found} ms, certificates checked in ${Date.now() - read} ms${reuse ? ' (refreshed in place)' : ''}.`,
    );
  }

  /** A note path of the folder that is no link nor under one (a link's text, even from an editor, is never indexed). */
  private mayRead(folder: Folder, path: string): boolean {
    return folder.index.isNotePath(path) && !folder.isLinked(path);
  }

  // ---- file events ------------------------------------------------------------------------------------

  private enqueue(uri: vscode.Uri, event: FileEvent): void {
    const folder = this.folderFor(uri);
    if (!folder || this.disposed) return;
    this.events.add(folder, uri, event);
  }

  private async flushEvents(): Promise<void> {
    for (const folder of [...this.byKey.values()]) {
      if (folder.pending.size === 0) continue;
      const before = folder.index.version;
      const applied = await applyFileEvents(folder, {
        readNote: (workspace, uri, path) => readNote(workspace, uri, path, false),
        checkCertificate,
        readReviewLog: (f) => readReviewLog(f.folder.uri, f.index),
        noteRead: (uri) => this.readEmitter.fire(uri),
      });
      if (applied === 'config') {
        // The config decides which files are notes: re-read the folder.
        await this.indexFolder(folder);
        this.announce([folder], undefined);
      } else if (applied.linksChanged) {
        folder.index.setFileProblems(linkProblems([...folder.links.values()]));
        this.announce([folder], undefined);
      } else if (folder.index.version !== before) {
        this.announce([folder], [...applied.paths]);
      }
    }
  }

  // ---- change events, context keys, the date ---------------------------------------------------------

  /** Queues a change event; `paths` undefined means "everything in these folders". */
  private announce(folders: readonly Folder[], paths: readonly string[] | undefined): void {
    if (this.disposed) return;
    this.changes.add(
      folders.map((f) => f.key),
      paths,
    );
  }

  private fireChange(changed: ChangedPaths): void {
    const folders: vscode.WorkspaceFolder[] = [];
    const changedPaths: string[] = [];
    let all = false;
    for (const [key, value] of changed) {
      const folder = this.byKey.get(key)?.folder ?? vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === key);
      if (folder) folders.push(folder);
      if (value === 'all') all = true;
      else changedPaths.push(...value);
    }
    if (!this.readyFlag || this.disposed) return;
    this.updateContextKeys();
    this.changeEmitter.fire({ folders, paths: all ? [] : changedPaths });
  }

  private updateContextKeys(): void {
    const folders = [...this.byKey.values()];
    void this.setContext('pharmacyCe.hasConfig', folders.some((f) => f.hasConfigFile));
    void this.setContext('pharmacyCe.hasNotes', folders.some((f) => f.index.notes().some((n) => n.kind === 'ce')));
  }

  private setContext(key: string, value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
  }

  private showProgress(work: Promise<unknown>): void {
    for (const viewId of ['pharmacyCe.progress', 'pharmacyCe.notes']) {
      void vscode.window.withProgress({ location: { viewId } }, () => work.catch(() => undefined));
    }
  }

  /** Re-dates the evaluation when the local day changes (the default credential's cycle moves with it). */
  private newDay(today: CalendarDate): void {
    if (this.disposed) return;
    this.today = today;
    for (const folder of this.byKey.values()) folder.index.setConfig(folder.configText, today);
    log()?.info(`The date is now ${today}: progress re-evaluated.`);
    this.announce([...this.byKey.values()], undefined);
  }

  private logCounts(what: string, started: number, folders: readonly Folder[] = [...this.byKey.values()]): void {
    const notes = folders.reduce((n, f) => n + f.index.size, 0);
    const ce = folders.reduce((n, f) => n + f.index.ceNotes().length, 0);
    log()?.info(`${what} ${notes} Markdown files (${ce} CE notes) in ${folders.length} folder(s) in ${Date.now() - started} ms.`);
  }

  /** Runs index updates one at a time; a failure is logged and never breaks the chain or `ready`. */
  private run(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error) => reportError(vscode.l10n.t('Pharmacy CE could not update its index of your notes.'), error));
    this.queue = next;
    return next;
  }
}
