// One workspace folder as the index service keeps it: its core index (FolderIndex) plus what the service needs
// to keep it current (the settings it was made with, certificate files to watch, pending file events).
import * as vscode from 'vscode';
import { FolderIndex, type FolderIndexOptions } from '../core/index/folder-index';
import type { SkippedLink } from '../core/index/links';
import type { PendingEvent } from './file-event-merge';
import { platform } from './platform';
import { workspaceOptions } from './settings';
import type { IndexedFolder } from './types';

export type FileEvent = 'created' | 'changed' | 'deleted';

/** A workspace folder and its core index. The FolderIndex is replaced on a rebuild (new settings). */
export class Folder implements IndexedFolder {
  index: FolderIndex;
  /** The settings the workspace was made with, and whether it has been filled once. */
  options: FolderIndexOptions;
  optionsKey: string;
  indexed = false;
  hasConfigFile = false;
  configText: string | undefined;
  /** Certificate file (uri string) -> notes naming it, to re-check them when that file appears or goes. */
  readonly certificates = new Map<string, Set<string>>();
  readonly disposables: vscode.Disposable[] = [];
  /** Symbolic links not followed, by folder-relative path (reported as problems; their notes are not read). */
  links = new Map<string, SkippedLink>();
  /** Pending file events by uri string, each path's events merged (see file-event-merge.ts). */
  readonly pending = new Map<string, { uri: vscode.Uri; event: PendingEvent }>();

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.options = workspaceOptions(folder);
    this.index = new FolderIndex(this.options);
    this.optionsKey = JSON.stringify(this.options);
  }

  /** True when a folder-relative path is a link not followed, or lies under one: never read. */
  isLinked(path: string): boolean {
    return this.links.has(path) || insideAny(path, this.linkedFolders());
  }

  private linkedFolders(): Set<string> {
    return new Set([...this.links.values()].filter((l) => l.kind === 'folder').map((l) => l.path));
  }

  get key(): string {
    return this.folder.uri.toString();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The uri of a folder-relative `/`-separated path. */
export function uriIn(folderUri: vscode.Uri, relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(folderUri, ...relPath.split('/').filter((s) => s !== ''));
}

/** Folder-relative `/`-separated path of a uri inside a folder (VS Code's own answer for one outside it). */
export function relativePathIn(folderUri: vscode.Uri, uri: vscode.Uri): string {
  return pathUnder(folderUri, uri) ?? vscode.workspace.asRelativePath(uri, false);
}

/**
 * The `/`-separated path of `uri` below `folderUri`, or undefined when it is not below it (another scheme or
 * host, or outside). Case-insensitive for Windows file paths, as the file system is.
 */
export function pathUnder(folderUri: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folderUri.scheme || uri.authority !== folderUri.authority) return undefined;
  const base = folderUri.path.replace(/\/+$/, '');
  const path = uri.path;
  const caseless = uri.scheme === 'file' && platform().caselessFilePaths;
  const inside = caseless ? path.toLowerCase().startsWith(base.toLowerCase() + '/') : path.startsWith(base + '/');
  return inside ? path.slice(base.length + 1) : undefined;
}

/** True when one of `folders` is an ancestor folder of `relPath` (all folder-relative, `/`-separated). */
export function insideAny(relPath: string, folders: ReadonlySet<string>): boolean {
  for (let i = relPath.lastIndexOf('/'); i > 0; i = relPath.lastIndexOf('/', i - 1)) {
    if (folders.has(relPath.slice(0, i))) return true;
  }
  return false;
}
