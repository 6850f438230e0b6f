// Reading a folder: which files are notes (a search by the include globs, or a directory walk where the file
// system offers no search) and reading one note into a core index.
import * as vscode from 'vscode';
import type { CeWorkspace, CeWorkspaceOptions } from '../core/index/folder-index';
import type { SkippedLink } from '../core/index/links';
import { forEachLimited } from './each-limited';
import { READ_CONCURRENCY, errorText, readText } from './files';
import { relativePathIn } from './folder';
import { withoutLinks } from './links';
import { log } from './log';
import { DEFAULT_EXCLUDE } from '../core/common/globs';

/**
 * Note files of a folder by its include globs; a directory walk where the file system offers no search. No
 * note that is, or lies under, a symbolic link: those links come back in `links`, to be reported.
 */
export async function findNotes(wsFolder: vscode.WorkspaceFolder, workspace: CeWorkspace, options: CeWorkspaceOptions): Promise<{ uris: vscode.Uri[]; links: SkippedLink[] }> {
  const include = workspace.config.include.length > 0 ? workspace.config.include : (options.defaultInclude ?? ['**/*.md']);
  // The exclude glob only saves listing work: every result is checked against the core's own filter anyway.
  // Globs with braces or commas stay out of it (they cannot nest in one `{a,b}` glob); the filter applies them.
  const exclude = [...new Set([...DEFAULT_EXCLUDE, ...workspace.config.exclude, ...(options.extraExclude ?? [])])].filter(
    (g) => !/[{},]/.test(g) && !g.startsWith('!'),
  );
  const excludePattern = new vscode.RelativePattern(wsFolder, `{${exclude.join(',')}}`);
  const found = new Map<string, vscode.Uri>();
  for (const glob of include) {
    try {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(wsFolder, glob), excludePattern)) found.set(uri.toString(), uri);
    } catch (error) {
      log()?.warn(`Searching ${wsFolder.name} for ${glob} failed: ${errorText(error)}`);
    }
  }
  const isNote = (uri: vscode.Uri) => workspace.isNotePath(relativePathIn(wsFolder.uri, uri));
  if (found.size === 0 && wsFolder.uri.scheme !== 'file') {
    const walked = await walk(wsFolder.uri, workspace);
    return { uris: walked.files.filter(isNote), links: walked.links };
  }
  // The search follows folder links (search.followSymlinks): its results are checked for links.
  const { notes, links } = await withoutLinks(wsFolder, [...found.values()].filter(isNote));
  return { uris: notes, links };
}

/**
 * Reads one note into a workspace (deletes it if the file is gone); an open editor with unsaved edits wins
 * over the disk unless `fromDisk`. True when the index changed. Never throws.
 */
export async function readNote(workspace: CeWorkspace, uri: vscode.Uri, path: string, fromDisk: boolean): Promise<boolean> {
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

/**
 * Lists files below `root` with readDirectory, entering only folders that may hold notes (by their folder-
 * relative path). Links are neither entered nor listed; those that would give notes come back in `links`.
 */
async function walk(root: vscode.Uri, workspace: CeWorkspace): Promise<{ files: vscode.Uri[]; links: SkippedLink[] }> {
  const files: vscode.Uri[] = [];
  const links: SkippedLink[] = [];
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
        const isDir = (type & vscode.FileType.Directory) !== 0;
        if (type & vscode.FileType.SymbolicLink) {
          if (isDir ? workspace.mayHoldNotes(childRel) : workspace.isNotePath(childRel)) links.push({ path: childRel, kind: isDir ? 'folder' : 'file' });
        } else if (isDir) {
          if (workspace.mayHoldNotes(childRel)) nextLevel.push({ uri: child, rel: childRel });
        } else files.push(child);
      }
    });
    level = nextLevel;
  }
  return { files, links };
}
