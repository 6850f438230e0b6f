// Reading a folder: which files are notes (a directory walk by the include globs that never enters a link) and
// reading one note into a core index.
import * as vscode from 'vscode';
import type { FolderIndex } from '../core/index/folder-index';
import type { SkippedLink } from '../core/index/links';
import { forEachLimited } from './each-limited';
import { READ_CONCURRENCY, errorText, readText } from './files';
import { withTarget } from './links';
import { log } from './log';
import { RefusedReadError, unreadableMessage } from '../node/read-note-file';

/**
 * Note files of a folder by its include globs, from a directory walk. Not VS Code's file search: it follows
 * folder links (search.followSymlinks), so a link to `/` had the whole disk listed before its results could be
 * checked. The walk never enters a link, at one readDirectory per folder that may hold notes (checking the
 * search's results took one per folder holding a note). No note that is, or lies under, a symbolic link: those links come back in `links`, to be reported.
 */
export async function findNotes(wsFolder: vscode.WorkspaceFolder, workspace: FolderIndex): Promise<{ uris: vscode.Uri[]; links: SkippedLink[] }> {
  const walked = await walkNotes(wsFolder.uri, workspace);
  return { uris: walked.files, links: walked.links.map((link) => withTarget(wsFolder.uri, link)) };
}

/**
 * Reads one note into a workspace (deletes it if the file is gone); an open editor with unsaved edits wins
 * over the disk unless `fromDisk`. True when the index changed. Never throws.
 */
export async function readNote(workspace: FolderIndex, uri: vscode.Uri, path: string, fromDisk: boolean): Promise<boolean> {
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
  log()?.warn(`Could not read ${uri.toString(true)}: ${errorText(error)}`);
  // A folder named like a note is walked as a folder, not listed as a note.
  if (error instanceof RefusedReadError && error.folder) return workspace.deleteNote(path);
  // A pipe, a device, no permission: a problem at the file (as the CLI says), never a note silently missing.
  return workspace.setUnreadable(path, unreadableMessage(error, vscode.l10n.t('it is not counted')));
}

/**
 * The notes below `root` (folder-relative path `rootRel`, '' for the workspace folder) by readDirectory,
 * entering only folders that may hold notes. Links are neither entered nor listed; those that would give
 * notes come back in `links`.
 */
export async function walkNotes(root: vscode.Uri, workspace: FolderIndex, rootRel = ''): Promise<{ files: vscode.Uri[]; links: SkippedLink[] }> {
  const files: vscode.Uri[] = [];
  const links: SkippedLink[] = [];
  let level: { uri: vscode.Uri; rel: string }[] = [{ uri: root, rel: rootRel }];
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
        const isDir = (type & vscode.FileType.Directory) !== 0;
        if (type & vscode.FileType.SymbolicLink) {
          if (isDir ? workspace.mayHoldNotes(childRel) : workspace.isNotePath(childRel)) links.push({ path: childRel, kind: isDir ? 'folder' : 'file' });
        } else if (isDir) {
          if (workspace.mayHoldNotes(childRel)) nextLevel.push({ uri: child, rel: childRel });
        } else if (workspace.isNotePath(childRel)) files.push(child);
      }
    });
    level = nextLevel;
  }
  return { files, links };
}
