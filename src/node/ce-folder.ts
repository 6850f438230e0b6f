// Reads a CE folder from disk with Node's fs into the core's index: the CLI's (and the benchmark's) side of
// what the extension does with vscode.workspace.fs. The core never touches files; this is the only place
// outside the extension that does.
import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE } from '../core/rules/config';
import { FolderIndex, type FolderIndexOptions } from '../core/index/folder-index';
import { linkProblems, type SkippedLink } from '../core/index/links';
import { REVIEW_LOG_FILE } from '../core/study/types';
import type { CalendarDate, Problem } from '../core/types';
import { MAX_NOTE_BYTES, unreadableMessage, type FileHead } from './read-note-file';
import { readRegularFileSync } from './read-regular-file';
import { MAX_REVIEW_LOG_BYTES, REVIEW_LOG_FOLDER, linkedLogFolder, reviewLogFromHead, reviewLogUnreadable, type ReviewLogText } from './review-log-file';
import { inspectInsideFolder, relativeInside } from './safe-fs';

export interface CeFolder {
  root: string;
  workspace: FolderIndex;
  /** Folder-relative paths of the notes read, in walk order. */
  files: string[];
  /** Problems the core cannot see: unreadable files and folders. */
  fileProblems: Problem[];
}

/** Folders never walked: they hold no notes and can be huge. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function loadCeFolder(root: string, asOf: CalendarDate, options: FolderIndexOptions = {}): CeFolder {
  const workspace = new FolderIndex(options);
  const fileProblems: Problem[] = [];
  workspace.setConfig(readConfig(root, fileProblems), asOf);
  const files = listNoteFiles(root, workspace, fileProblems);
  indexFiles(root, workspace, files, fileProblems);
  checkCertificates(root, workspace);
  const log = readReviewLogSync(root);
  workspace.setReviewLog(log.text, log.problems);
  return { root, workspace, files, fileProblems };
}

function readConfig(root: string, problems: Problem[]): string | undefined {
  const full = path.join(root, CONFIG_FILE);
  try {
    const stat = fs.lstatSync(full);
    if (stat.isSymbolicLink()) {
      // Never read through a link: the built-in default applies, and the problem says why.
      const link = skippedLink(root, full, CONFIG_FILE, () => true);
      if (link) problems.push(...linkProblems([link]));
      return undefined;
    }
    if (!stat.isFile() && !stat.isDirectory()) {
      // A named pipe or a device: reading it would block, or never end.
      problems.push(unreadable(CONFIG_FILE, l10n.t('it is not a regular file'), l10n.t('the built-in default applies')));
      return undefined;
    }
    const head = readRegularFileSync(full);
    if (head.cut) problems.push(cutShort(CONFIG_FILE));
    return head.content;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') problems.push(unreadable(CONFIG_FILE, error, l10n.t('the built-in default applies')));
    return undefined;
  }
}

/**
 * Folder-relative `/`-separated paths of every note by the workspace's include/exclude globs, sorted.
 * Symbolic links are never followed, to files or folders: one could bring in files from outside the folder
 * (and a folder link cycle would never end). Each link that would have given notes is a problem.
 */
export function listNoteFiles(root: string, workspace: FolderIndex, problems: Problem[] = []): string[] {
  const out: string[] = [];
  const links: SkippedLink[] = [];
  // Dot-folders (.vscode, .obsidian, .vscode-test...) hold no notes unless an include glob names one.
  const walkDotDirs = workspace.config.include.some((glob) => /(^|\/)\.[^/.]/.test(glob));
  const entersFolder = (name: string, rel: string) => !SKIPPED_DIRS.has(name) && (walkDotDirs || !name.startsWith('.')) && workspace.mayHoldNotes(rel);
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (rel !== '') problems.push({ ...unreadable(rel, error, l10n.t('its notes are not counted'), 'folder'), severity: 'warning' });
      else throw error;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const link = skippedLink(root, full, childRel, (isDir) => (isDir ? entersFolder(entry.name, childRel) : workspace.isNotePath(childRel)));
        if (link) links.push(link);
      } else if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || (!walkDotDirs && entry.name.startsWith('.'))) continue;
        walk(full, childRel);
      } else if (entry.isFile() && workspace.isNotePath(childRel)) {
        out.push(childRel);
      }
    }
  };
  walk(root, '');
  problems.push(...linkProblems(links));
  return out;
}

/** A link that would have given notes (`matters`, told whether it leads to a folder), with where it points. */
function skippedLink(root: string, full: string, rel: string, matters: (isDir: boolean) => boolean): SkippedLink | undefined {
  let real: string;
  let isDir: boolean;
  try {
    real = fs.realpathSync(full);
    isDir = fs.statSync(real).isDirectory();
  } catch {
    return undefined; // a dangling link (or a loop): nothing it could give
  }
  if (!matters(isDir)) return undefined;
  const inside = relativeInside(root, real);
  return { path: rel, kind: isDir ? 'folder' : 'file', target: inside === undefined ? 'outside' : { inside: inside.split(path.sep).join('/') } };
}

/** Reads each file as UTF-8 and feeds the index; an unreadable one becomes a problem, never an exception. */
export function indexFiles(root: string, workspace: FolderIndex, files: readonly string[], problems: Problem[]): void {
  for (const rel of files) {
    let head: FileHead<string>;
    try {
      head = readRegularFileSync(path.join(root, rel));
    } catch (error) {
      problems.push(unreadable(rel, error, l10n.t('it is not counted')));
      continue;
    }
    if (head.cut) problems.push(cutShort(rel));
    workspace.setNote(rel, head.content);
  }
}

/** Tells the index which certificate files inside the folder exist (a missing one is a warning the core then reports). */
export function checkCertificates(root: string, workspace: FolderIndex): void {
  for (const note of workspace.ceNotes()) {
    const target = workspace.certificateTarget(note.path);
    // One outside the folder is never looked at (the core warns about it), nor one reached through a link.
    if (!target || target.outside) continue;
    workspace.setCertificateExists(note.path, isFileInside(root, target.path));
  }
}

/** True for a regular file at `relativePath`, with no symbolic link on the way (the write rule's own walk). */
function isFileInside(root: string, relativePath: string): boolean {
  try {
    return inspectInsideFolder(root, relativePath) === 'file';
  } catch {
    return false;
  }
}

function cutShort(file: string): Problem {
  const mb = MAX_NOTE_BYTES / 1024 / 1024;
  return { file, line: 1, column: 1, severity: 'warning', code: 'unreadable', message: l10n.t('This file is larger than {0} MB: only its first {0} MB are read.', String(mb)) };
}

function unreadable(file: string, error: unknown, consequence: string, what: 'file' | 'folder' = 'file'): Problem {
  return { file, line: 1, column: 1, severity: 'error', code: 'unreadable', message: unreadableMessage(error, consequence, what) };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** The CLI's read of a folder's log. */
export function readReviewLogSync(root: string): ReviewLogText {
  try {
    if (fs.lstatSync(path.join(root, REVIEW_LOG_FOLDER)).isSymbolicLink()) return reviewLogUnreadable(linkedLogFolder());
    return reviewLogFromHead(readRegularFileSync(path.join(root, ...REVIEW_LOG_FILE.split('/')), MAX_REVIEW_LOG_BYTES));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined, problems: [] };
    return reviewLogUnreadable(error);
  }
}
