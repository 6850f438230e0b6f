// File events: queued per path (a path's events merged into one, see file-event-merge.ts), debounced so a
// branch switch is one update, then applied to a folder's index.
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core/rules/config';
import type { FolderIndex } from '../core/index/folder-index';
import type { SkippedLink } from '../core/index/links';
import { settleEachLimited } from './each-limited';
import { mergeFileEvent } from './file-event-merge';
import { READ_CONCURRENCY, errorText, statOf } from './files';
import { type FileEvent, type Folder, insideAny, relativePathIn } from './folder';
import { isLink, withTarget, withoutLinks } from './links';
import { walkNotes } from './folder-reader';
import { log } from './log';
import { REVIEW_LOG_FILE, isReviewLogPath } from './review-log';

/** File events are collected this long after the last one before the index is updated. */
const EVENT_DEBOUNCE_MS = 150;
/** ...but a steady stream of events still gets processed at least this often. */
const EVENT_MAX_WAIT_MS = 1000;

/** Queues events into their folder's `pending` and calls `flush` once a burst is over. */
export class FileEventQueue implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;

  constructor(private readonly flush: () => void) {}

  add(folder: Folder, uri: vscode.Uri, event: FileEvent): void {
    const key = uri.toString();
    folder.pending.set(key, { uri, event: mergeFileEvent(folder.pending.get(key)?.event, event) });
    const now = Date.now();
    if (!this.timer) this.firstPendingAt = now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(EVENT_DEBOUNCE_MS, this.firstPendingAt + EVENT_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** What applying events needs from the index service. */
export interface EventTarget {
  readNote(workspace: FolderIndex, uri: vscode.Uri, path: string): Promise<boolean>;
  checkCertificate(folder: Folder, path: string): Promise<boolean>;
  /** Reads the review log again; true when the index changed. */
  readReviewLog(folder: Folder): Promise<boolean>;
  /** A note file was read again after an event (whether or not the index changed). */
  noteRead(uri: vscode.Uri): void;
}

/**
 * Applies a folder's pending events to its index: first drops what went (see dropIndexed), then reads what is
 * there now. Returns the note paths that changed (and the review log's, when it changed) and whether the set of
 * links not followed changed, or 'config' when the config file changed (the caller re-reads the whole
 * folder: the config decides which files are notes). A note that is (now) a link is dropped, not read.
 */
export async function applyFileEvents(folder: Folder, target: EventTarget): Promise<{ paths: Set<string>; linksChanged: boolean } | 'config'> {
  const events = [...folder.pending.values()];
  folder.pending.clear();
  const relPath = (uri: vscode.Uri) => relativePathIn(folder.folder.uri, uri);
  if (events.some((e) => relPath(e.uri) === CONFIG_FILE)) return 'config';
  const paths = new Set<string>();
  let linksChanged = false;
  // The log (or its folder) changed: read again as a whole; it is announced as a change at its path.
  if (events.some((e) => isReviewLogPath(relPath(e.uri))) && (await target.readReviewLog(folder))) paths.add(REVIEW_LOG_FILE);
  const addLink = (link: SkippedLink) => {
    folder.links.set(link.path, withTarget(folder.folder.uri, link));
    linksChanged = true;
    if (folder.index.deleteNote(link.path)) paths.add(link.path);
  };
  const recheck = new Set<string>();
  // First what went: everything indexed at a path deleted or replaced, and under any path that is no note (a
  // folder: VS Code reports one deleted and made again as changed, its files' own events may not come). What is
  // there now is read in the second step below.
  const gone = new Set(events.filter((e) => e.event === 'deleted' || e.event === 'replaced').map((e) => relPath(e.uri)));
  const under = new Set([...gone, ...events.filter((e) => !folder.index.isNotePath(relPath(e.uri))).map((e) => relPath(e.uri))]);
  const dropped = dropIndexed(folder, gone, under);
  for (const path of dropped.notes) paths.add(path);
  for (const path of dropped.recheck) recheck.add(path);
  linksChanged = dropped.linksChanged;
  const failed = (what: string) => (_item: unknown, error: unknown) => log()?.error(`Could not update the index (${what}): ${errorText(error)}`);
  // Which changed notes are links, from one listing per folder holding one (a burst of 10,000 notes in 100
  // folders costs 100 listings, not 10,000 stats), so a note replaced by a link is never read through it.
  const isNoteEvent = (path: string) => folder.index.isNotePath(path) && (folder.links.has(path) || !folder.isLinked(path));
  const noteEvents = events.filter((e) => e.event !== 'deleted' && isNoteEvent(relPath(e.uri)));
  let linked = new Set<string>();
  try {
    const checked = await withoutLinks(folder.folder, [...new Set(noteEvents.map((e) => e.uri))]);
    for (const link of checked.links) addLink(link);
    linked = new Set(checked.links.map((l) => l.path));
  } catch (error) {
    failed('looking for links')(undefined, error);
    return { paths, linksChanged };
  }
  await settleEachLimited(
    events,
    READ_CONCURRENCY,
    async ({ uri, event }) => {
      const path = relPath(uri);
      for (const notePath of folder.certificates.get(uri.toString()) ?? []) recheck.add(notePath);
      const workspace = folder.index;
      if (event === 'deleted') return; // dropped above
      if (linked.has(path) || insideAny(path, linked)) return;
      if (workspace.isNotePath(path)) {
        if (folder.links.delete(path)) linksChanged = true; // a note link replaced by a real note
        else if (folder.isLinked(path)) return;
        if (await target.readNote(workspace, uri, path)) {
          paths.add(path);
          recheck.add(path);
        }
        target.noteRead(uri);
        return;
      }
      if (folder.links.has(path)) {
        if (await isLink(uri)) return;
        folder.links.delete(path); // a folder link replaced by a real folder: read it as any other
        linksChanged = true;
      } else if (folder.isLinked(path)) return;
      // A folder created, moved in or replaced may arrive as one event without its files: look inside it.
      if (workspace.mayHoldNotes(path)) {
        const stat = await statOf(uri);
        if (!stat || !(stat.type & vscode.FileType.Directory)) return;
        if (stat.type & vscode.FileType.SymbolicLink) return addLink({ path, kind: 'folder' });
        // Walked, not searched: the search follows folder links (see findNotes).
        const inner = await walkNotes(uri, workspace, path);
        for (const link of inner.links) addLink(withTarget(folder.folder.uri, link));
        await settleEachLimited(
          inner.files,
          READ_CONCURRENCY,
          async (u) => {
            const p = relPath(u);
            if (workspace.hasNote(p) || folder.isLinked(p)) return;
            if (await target.readNote(workspace, u, p)) {
              paths.add(p);
              recheck.add(p);
            }
          },
          failed('a file of a new folder'),
        );
      }
    },
    failed('a file event'),
  );
  await settleEachLimited(
    [...recheck],
    READ_CONCURRENCY,
    async (path) => {
      if (await target.checkCertificate(folder, path)) paths.add(path);
    },
    failed('a certificate check'),
  );
  return { paths, linksChanged };
}

/**
 * Drops the notes and links indexed at a path of `at` or under one of `under`, in one pass over the index
 * rather than one per event; returns them, and the notes naming a certificate there (to check again).
 */
function dropIndexed(folder: Folder, at: ReadonlySet<string>, under: ReadonlySet<string>): { notes: string[]; recheck: string[]; linksChanged: boolean } {
  if (at.size === 0 && under.size === 0) return { notes: [], recheck: [], linksChanged: false };
  const goes = (path: string) => at.has(path) || insideAny(path, under);
  const notes = folder.index
    .notes()
    .map((n) => n.path)
    .filter(goes);
  for (const path of notes) folder.index.deleteNote(path);
  const links = [...folder.links.keys()].filter(goes);
  for (const path of links) folder.links.delete(path);
  const recheck: string[] = [];
  for (const [certificate, naming] of folder.certificates) {
    if (goes(relativePathIn(folder.folder.uri, vscode.Uri.parse(certificate)))) recheck.push(...naming);
  }
  return { notes, recheck, linksChanged: links.length > 0 };
}
