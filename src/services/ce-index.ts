// The workspace index service: one CeWorkspace per workspace folder, filled from vscode.workspace.fs in the
// background, then kept current from file-system events (queued per path, debounced, so a branch switch is one
// update) and from unsaved editor text. Every feature reads it; nobody else reads notes from disk.
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core/rules/config';
import { localToday } from '../core/common/dates';
import { CeWorkspace, type CeWorkspaceOptions } from '../core/index/folder-index';
import type { CalendarDate, CredentialProgress, ParsedNote } from '../core/types';
import { log, reportError } from './log';
import type { CeIndex, CeIndexChange, FolderIndex } from './types';
import { DEFAULT_EXCLUDE } from '../core/common/globs';
import { SETTINGS_THAT_REBUILD, readSettings } from './settings';

/** File events are collected this long after the last one before the index is updated. */
const EVENT_DEBOUNCE_MS = 150;
/** ...but a steady stream of events still gets processed at least this often. */
const EVENT_MAX_WAIT_MS = 1000;
/** Index changes are announced once per burst. */
const CHANGE_DEBOUNCE_MS = 50;
/**
 * Reads in flight at once. Each workspace.fs read is a round trip, so latency dominates: on 10,000 notes 128
 * in flight read in ~0.9 s against ~1.8 s for 32 (the integration benchmark); the files are small.
 */
const READ_CONCURRENCY = 128;
/** How often the date is re-checked at most (sleep, clock or time-zone changes delay a midnight timer). */
const DAY_CHECK_MAX_MS = 10 * 60_000;

type FileEvent = 'created' | 'changed' | 'deleted';

/** A workspace folder and its core index. The CeWorkspace is replaced on a rebuild (new settings). */
class Folder implements FolderIndex {
  workspace: CeWorkspace;
  /** The settings the workspace was made with, and whether it has been filled once. */
  optionsKey: string;
  indexed = false;
  hasConfigFile = false;
  configText: string | undefined;
  /** Certificate file (uri string) -> notes naming it, to re-check them when that file appears or goes. */
  readonly certificates = new Map<string, Set<string>>();
  readonly disposables: vscode.Disposable[] = [];
  /** Pending file events by uri string (the last event for a path wins). */
  readonly pending = new Map<string, { uri: vscode.Uri; event: FileEvent }>();

  constructor(readonly folder: vscode.WorkspaceFolder) {
    const options = workspaceOptions(folder);
    this.workspace = new CeWorkspace(options);
    this.optionsKey = JSON.stringify(options);
  }

  get key(): string {
    return this.folder.uri.toString();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function createCeIndex(context: vscode.ExtensionContext): CeIndex {
  const index = new WorkspaceIndex();
  void context;
  return index;
}

class WorkspaceIndex implements CeIndex {
  private readonly byKey = new Map<string, Folder>();
  private readonly changeEmitter = new vscode.EventEmitter<CeIndexChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly readEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidReadNote = this.readEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.readEmitter];
  readonly ready: Promise<void>;
  private readyFlag = false;
  private today: CalendarDate = localToday();
  private dayTimer: ReturnType<typeof setTimeout> | undefined;
  private eventTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new Map<string, Set<string> | 'all'>();
  /** Index updates run one after another, so a rebuild and a burst of events never interleave. */
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private evaluationFailed = false;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => this.foldersChanged(e.added, e.removed)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SETTINGS_THAT_REBUILD.some((s) => e.affectsConfiguration(s))) void this.rebuild();
      }),
      // Virtual file systems may not report writes made through the editor: a save is a change too.
      vscode.workspace.onDidSaveTextDocument((doc) => this.enqueue(doc.uri, 'changed')),
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
    this.scheduleDayCheck();
  }

  get isReady(): boolean {
    return this.readyFlag;
  }

  folders(): readonly FolderIndex[] {
    // In the order the user gave the folders (it changes when folders are added, removed or moved).
    const order = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
    const rank = (f: Folder) => (order.indexOf(f.key) + order.length + 1) % (order.length + 1);
    return [...this.byKey.values()].sort((a, b) => rank(a) - rank(b));
  }

  folderOf(uri: vscode.Uri): FolderIndex | undefined {
    return this.folderFor(uri);
  }

  noteAt(uri: vscode.Uri): { folder: FolderIndex; note: ParsedNote } | undefined {
    const folder = this.folderFor(uri);
    if (!folder) return undefined;
    const note = folder.workspace.getNote(this.relativePath(folder, uri));
    return note ? { folder, note } : undefined;
  }

  uriOf(folder: FolderIndex, relPath: string): vscode.Uri {
    return vscode.Uri.joinPath(folder.folder.uri, ...relPath.split('/').filter((s) => s !== ''));
  }

  relativePath(folder: FolderIndex, uri: vscode.Uri): string {
    const base = folder.folder.uri.path.replace(/\/+$/, '');
    const path = uri.path;
    const caseless = process.platform === 'win32' && uri.scheme === 'file';
    const inside = caseless ? path.toLowerCase().startsWith(base.toLowerCase() + '/') : path.startsWith(base + '/');
    if (inside) return path.slice(base.length + 1);
    return vscode.workspace.asRelativePath(uri, false);
  }

  progress(folder: FolderIndex): CredentialProgress[] {
    try {
      const value = folder.workspace.evaluate(this.asOf());
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
    if (!folder.workspace.isNotePath(path)) return;
    let changed: boolean;
    try {
      changed = folder.workspace.setNote(path, text);
    } catch (error) {
      log()?.error(`Could not parse ${uri.toString(true)}: ${errorText(error)}`);
      return;
    }
    if (changed) {
      this.announce([folder], [path]);
      void this.checkCertificate(folder, path).then((changed) => changed && this.announce([folder], [path]));
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
    if (!folder.workspace.isNotePath(path)) return;
    await this.run(async () => {
      if (await this.readNote(folder.workspace, uri, path, false)) {
        await this.checkCertificate(folder, path);
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
    for (const timer of [this.dayTimer, this.eventTimer, this.changeTimer]) if (timer) clearTimeout(timer);
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
    // file gets its own so it is seen even where a `**/*` watcher skips dot-files.
    const all = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wsFolder, '**/*'));
    const config = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wsFolder, CONFIG_FILE));
    for (const watcher of [all, config]) {
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

  /** Reads a folder from scratch into a fresh CeWorkspace, then swaps it in (views never see half an index). */
  private async indexFolder(folder: Folder): Promise<void> {
    if (this.disposed || !this.byKey.has(folder.key)) return;
    const wsFolder = folder.folder;
    const started = Date.now();
    // With unchanged settings the folder's index is refreshed in place: unchanged notes keep their parse.
    const options = workspaceOptions(wsFolder);
    const optionsKey = JSON.stringify(options);
    const reuse = folder.indexed && folder.optionsKey === optionsKey;
    const workspace = reuse ? folder.workspace : new CeWorkspace(options);
    const configUri = vscode.Uri.joinPath(wsFolder.uri, CONFIG_FILE);
    const config = await readText(configUri);
    folder.hasConfigFile = config.text !== undefined || config.error !== undefined;
    folder.configText = config.text;
    if (config.error !== undefined) log()?.warn(`Could not read ${configUri.toString(true)}: ${errorText(config.error)}`);
    workspace.setConfig(config.text, this.asOf());

    const uris = await this.findNotes(wsFolder, workspace);
    const found = Date.now();
    const seen = new Set<string>();
    await forEachLimited(uris, READ_CONCURRENCY, (uri) => {
      const path = this.relativePath(folder, uri);
      seen.add(path);
      return this.readNote(workspace, uri, path, true);
    });
    for (const note of [...workspace.notes()]) if (!seen.has(note.path)) workspace.deleteNote(note.path);
    const read = Date.now();
    // Events that arrived meanwhile stay queued: they are applied to the new index right after this.
    folder.workspace = workspace;
    folder.optionsKey = optionsKey;
    folder.indexed = true;
    folder.certificates.clear();
    // Unsaved edits win over the disk, as they did before the rebuild.
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty) continue;
      const path = this.relativePath(folder, doc.uri);
      if (this.folderFor(doc.uri) === folder && workspace.isNotePath(path)) workspace.setNote(path, doc.getText());
    }
    await forEachLimited(workspace.notes(), READ_CONCURRENCY, (note) => this.checkCertificate(folder, note.path));
    log()?.info(
      `${wsFolder.name}: found ${uris.length} files in ${found - started} ms, read and parsed in ${read - found} ms, certificates checked in ${Date.now() - read} ms${reuse ? ' (refreshed in place)' : ''}.`,
    );
  }

  /** Note files of a folder by its include globs; a directory walk where the file system offers no search. */
  private async findNotes(wsFolder: vscode.WorkspaceFolder, workspace: CeWorkspace): Promise<vscode.Uri[]> {
    const settings = readSettings(wsFolder.uri);
    const include = workspace.config.include.length > 0 ? workspace.config.include : settings.notesGlobs;
    // The exclude glob only saves listing work: every result is checked against the core's own filter anyway.
    // Globs with braces or commas stay out of it (they cannot nest in one `{a,b}` glob); the filter applies them.
    const exclude = [
      ...new Set([...DEFAULT_EXCLUDE, ...workspace.config.exclude, ...settings.excludeGlobs]),
    ].filter((g) => !/[{},]/.test(g) && !g.startsWith('!'));
    const excludePattern = new vscode.RelativePattern(wsFolder, `{${exclude.join(',')}}`);
    const found = new Map<string, vscode.Uri>();
    for (const glob of include) {
      try {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(wsFolder, glob), excludePattern)) found.set(uri.toString(), uri);
      } catch (error) {
        log()?.warn(`Searching ${wsFolder.name} for ${glob} failed: ${errorText(error)}`);
      }
    }
    if (found.size === 0 && wsFolder.uri.scheme !== 'file') {
      for (const uri of await walk(wsFolder.uri, (rel) => mayHoldNotes(workspace, rel))) {
        found.set(uri.toString(), uri);
      }
    }
    const fake = { folder: wsFolder } as FolderIndex;
    return [...found.values()].filter((uri) => workspace.isNotePath(this.relativePath(fake, uri)));
  }

  /**
   * Reads one note into a workspace (deletes it if the file is gone); an open editor with unsaved edits wins
   * over the disk unless `fromDisk`. True when the index changed. Never throws.
   */
  private async readNote(workspace: CeWorkspace, uri: vscode.Uri, path: string, fromDisk: boolean): Promise<boolean> {
    const dirty = fromDisk ? undefined : vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.toString() === uri.toString());
    const { text, missing, error } = dirty ? { text: dirty.getText(), missing: false, error: undefined } : await readText(uri);
    if (text !== undefined) {
      try {
        return workspace.setNote(path, text);
      } catch (parseError) {
        // The core reports bad notes as problems; an exception here is a bug, and must not stop the other notes.
        log()?.error(`Could not parse ${uri.toString(true)}: ${parseError instanceof Error ? (parseError.stack ?? parseError.message) : String(parseError)}`);
        return false;
      }
    }
    if (missing) return workspace.deleteNote(path);
    // Unreadable (permissions, a directory named like a note): skip it, keep the rest of the index.
    log()?.warn(`Could not read ${uri.toString(true)}: ${errorText(error)}`);
    return false;
  }

  /** Looks up a note's certificate file and records whether it exists. True when that changed the index. */
  private async checkCertificate(folder: Folder, path: string): Promise<boolean> {
    const note = folder.workspace.getNote(path);
    if (!note || note.kind !== 'ce' || !note.certificate) return false;
    const uri = this.certificateUri(folder, path, note.certificate);
    let set = folder.certificates.get(uri.toString());
    if (!set) folder.certificates.set(uri.toString(), (set = new Set()));
    set.add(path);
    let exists: boolean;
    try {
      await vscode.workspace.fs.stat(uri);
      exists = true;
    } catch (error) {
      if (!isFileNotFound(error)) log()?.warn(`Could not check certificate ${uri.toString(true)}: ${errorText(error)}`);
      exists = false;
    }
    // The note may have changed while the stat ran; only record the answer for the certificate it still names.
    const now = folder.workspace.getNote(path);
    if (!now || now.kind !== 'ce' || now.certificate !== note.certificate) return false;
    return folder.workspace.setCertificateExists(path, exists);
  }

  private certificateUri(folder: Folder, notePath: string, certificate: string): vscode.Uri {
    const target = folder.workspace.certificateTarget(notePath);
    if (target && !target.outside) return this.uriOf(folder, target.path);
    const written = certificate.replace(/\\/g, '/');
    if (written.startsWith('/')) return folder.folder.uri.with({ path: written });
    const noteDir = notePath.split('/').slice(0, -1);
    return vscode.Uri.joinPath(folder.folder.uri, ...noteDir, written);
  }

  // ---- file events ------------------------------------------------------------------------------------

  private enqueue(uri: vscode.Uri, event: FileEvent): void {
    const folder = this.folderFor(uri);
    if (!folder || this.disposed) return;
    const key = uri.toString();
    const previous = folder.pending.get(key)?.event;
    // created+changed stays created; deleted then created is a change of content.
    const merged: FileEvent = previous === 'created' && event === 'changed' ? 'created' : previous === 'deleted' && event === 'created' ? 'changed' : event;
    folder.pending.set(key, { uri, event: merged });
    const now = Date.now();
    if (!this.eventTimer) this.firstPendingAt = now;
    if (this.eventTimer) clearTimeout(this.eventTimer);
    const wait = Math.max(0, Math.min(EVENT_DEBOUNCE_MS, this.firstPendingAt + EVENT_MAX_WAIT_MS - now));
    this.eventTimer = setTimeout(() => {
      this.eventTimer = undefined;
      void this.run(() => this.flushEvents());
    }, wait);
  }

  private async flushEvents(): Promise<void> {
    for (const folder of [...this.byKey.values()]) {
      if (folder.pending.size === 0) continue;
      const events = [...folder.pending.values()];
      folder.pending.clear();
      const before = folder.workspace.version;
      const paths = new Set<string>();
      if (events.some((e) => this.relativePath(folder, e.uri) === CONFIG_FILE)) {
        // The config decides which files are notes: re-read the folder.
        await this.indexFolder(folder);
        this.announce([folder], undefined);
        continue;
      }
      const recheck = new Set<string>();
      /** Deleted paths that were not notes: maybe folders, whose notes and certificates went with them. */
      const deletedOther = new Set<string>();
      await forEachLimited(events, READ_CONCURRENCY, async ({ uri, event }) => {
        const path = this.relativePath(folder, uri);
        for (const notePath of folder.certificates.get(uri.toString()) ?? []) recheck.add(notePath);
        const workspace = folder.workspace;
        if (event === 'deleted') {
          if (workspace.deleteNote(path)) paths.add(path);
          else deletedOther.add(path);
          return;
        }
        if (workspace.isNotePath(path)) {
          if (await this.readNote(workspace, uri, path, false)) {
            paths.add(path);
            recheck.add(path);
          }
          this.readEmitter.fire(uri);
          return;
        }
        // A folder created (or moved in) may arrive as one event without its files: look inside it.
        if (event === 'created' && mayHoldNotes(workspace, path)) {
          const stat = await statOf(uri);
          if (!stat || !(stat.type & vscode.FileType.Directory)) return;
          const inner = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'));
          await forEachLimited(inner, READ_CONCURRENCY, async (u) => {
            const p = this.relativePath(folder, u);
            if (!workspace.isNotePath(p) || workspace.hasNote(p)) return;
            if (await this.readNote(workspace, u, p, false)) {
              paths.add(p);
              recheck.add(p);
            }
          });
        }
      });
      if (deletedOther.size > 0) {
        // A deleted (or moved-away) folder can come as one event: drop the notes that were inside it, in one
        // pass over the index rather than one per event.
        const workspace = folder.workspace;
        for (const note of [...workspace.notes()]) {
          if (insideAny(note.path, deletedOther)) {
            workspace.deleteNote(note.path);
            paths.add(note.path);
          }
        }
        for (const [certificate, notes] of folder.certificates) {
          if (insideAny(this.relativePath(folder, vscode.Uri.parse(certificate)), deletedOther)) for (const n of notes) recheck.add(n);
        }
      }
      await forEachLimited([...recheck], READ_CONCURRENCY, async (path) => {
        if (await this.checkCertificate(folder, path)) paths.add(path);
      });
      if (folder.workspace.version !== before) {
        this.announce([folder], [...paths]);
      }
    }
  }

  // ---- change events, context keys, the date ---------------------------------------------------------

  /** Queues a change event; `paths` undefined means "everything in these folders". */
  private announce(folders: readonly Folder[], paths: readonly string[] | undefined): void {
    if (this.disposed) return;
    for (const folder of folders) {
      const known = this.changed.get(folder.key);
      if (paths === undefined || known === 'all') this.changed.set(folder.key, 'all');
      else this.changed.set(folder.key, new Set([...(known ?? []), ...paths]));
    }
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      const folders: vscode.WorkspaceFolder[] = [];
      const changedPaths: string[] = [];
      let all = false;
      for (const [key, value] of this.changed) {
        const folder = this.byKey.get(key)?.folder ?? vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === key);
        if (folder) folders.push(folder);
        if (value === 'all') all = true;
        else changedPaths.push(...value);
      }
      this.changed.clear();
      if (!this.readyFlag) return;
      this.updateContextKeys();
      this.changeEmitter.fire({ folders, paths: all ? [] : changedPaths });
    }, CHANGE_DEBOUNCE_MS);
  }

  private updateContextKeys(): void {
    const folders = [...this.byKey.values()];
    void this.setContext('pharmacyCe.hasConfig', folders.some((f) => f.hasConfigFile));
    void this.setContext('pharmacyCe.hasNotes', folders.some((f) => f.workspace.notes().some((n) => n.kind === 'ce')));
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
  private scheduleDayCheck(): void {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    const wait = Math.min(DAY_CHECK_MAX_MS, Math.max(1000, midnight.getTime() - now.getTime()));
    this.dayTimer = setTimeout(() => {
      this.dayTimer = undefined;
      if (this.disposed) return;
      const today = localToday();
      if (today !== this.today) {
        this.today = today;
        for (const folder of this.byKey.values()) folder.workspace.setConfig(folder.configText, today);
        log()?.info(`The date is now ${today}: progress re-evaluated.`);
        this.announce([...this.byKey.values()], undefined);
      }
      this.scheduleDayCheck();
    }, wait);
  }

  private logCounts(what: string, started: number, folders: readonly Folder[] = [...this.byKey.values()]): void {
    const notes = folders.reduce((n, f) => n + f.workspace.size, 0);
    const ce = folders.reduce((n, f) => n + f.workspace.ceNotes().length, 0);
    log()?.info(`${what} ${notes} Markdown files (${ce} CE notes) in ${folders.length} folder(s) in ${Date.now() - started} ms.`);
  }

  /** Runs index updates one at a time; a failure is logged and never breaks the chain or `ready`. */
  private run(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error) => reportError(vscode.l10n.t('Pharmacy CE could not update its index of your notes.'), error));
    this.queue = next;
    return next;
  }
}

/** True when one of `folders` is an ancestor folder of `relPath` (all folder-relative, `/`-separated). */
function insideAny(relPath: string, folders: ReadonlySet<string>): boolean {
  for (let i = relPath.lastIndexOf('/'); i > 0; i = relPath.lastIndexOf('/', i - 1)) {
    if (folders.has(relPath.slice(0, i))) return true;
  }
  return false;
}

/** True when a folder at `relPath` could contain notes by the include/exclude globs (cheap: no file access). */
function mayHoldNotes(workspace: CeWorkspace, relPath: string): boolean {
  return workspace.isNotePath(`${relPath}/x.md`) || workspace.isNotePath(`${relPath}/x/x.md`);
}

function workspaceOptions(folder: vscode.WorkspaceFolder): CeWorkspaceOptions {
  const settings = readSettings(folder.uri);
  return { defaultInclude: settings.notesGlobs, extraExclude: settings.excludeGlobs, ruleSetOptions: { csptSterileHours: settings.csptSterileHours } };
}

const decoder = new TextDecoder('utf-8');

async function readText(uri: vscode.Uri): Promise<{ text?: string; missing: boolean; error?: unknown }> {
  try {
    return { text: decoder.decode(await vscode.workspace.fs.readFile(uri)), missing: false };
  } catch (error) {
    return isFileNotFound(error) ? { missing: true } : { missing: false, error };
  }
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Lists files below `root` with readDirectory, entering only folders `enter` accepts (by folder-relative path). */
async function walk(root: vscode.Uri, enter: (relPath: string) => boolean): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  let level: { uri: vscode.Uri; rel: string }[] = [{ uri: root, rel: '' }];
  while (level.length > 0) {
    const nextLevel: { uri: vscode.Uri; rel: string }[] = [];
    await forEachLimited(level, READ_CONCURRENCY, async ({ uri, rel }) => {
      let entries: [string, vscode.FileType][] = [];
      try {
        entries = await vscode.workspace.fs.readDirectory(uri);
      } catch (error) {
        log()?.warn(`Could not list ${uri.toString(true)}: ${errorText(error)}`);
      }
      for (const [name, type] of entries) {
        const childRel = rel ? `${rel}/${name}` : name;
        const child = vscode.Uri.joinPath(uri, name);
        if (type & vscode.FileType.Directory) {
          if (enter(childRel)) nextLevel.push({ uri: child, rel: childRel });
        } else files.push(child);
      }
    });
    level = nextLevel;
  }
  return files;
}
