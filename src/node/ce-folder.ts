// Reads a CE folder from disk with Node's fs into the core's index: the CLI's (and the benchmark's) side of
// what the extension does with vscode.workspace.fs. The core never touches files; this is the only place
// outside the extension that does.
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE } from '../core/rules/config';
import { CeWorkspace, type CeWorkspaceOptions } from '../core/index/folder-index';
import type { CalendarDate, Problem } from '../core/types';

export interface CeFolder {
  root: string;
  workspace: CeWorkspace;
  /** Folder-relative paths of the notes read, in walk order. */
  files: string[];
  /** Problems the core cannot see: unreadable files and folders. */
  fileProblems: Problem[];
}

/** Folders never walked: they hold no notes and can be huge. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function loadCeFolder(root: string, asOf: CalendarDate, options: CeWorkspaceOptions = {}): CeFolder {
  const workspace = new CeWorkspace(options);
  const fileProblems: Problem[] = [];
  workspace.setConfig(readConfig(root, fileProblems), asOf);
  const files = listNoteFiles(root, workspace, fileProblems);
  indexFiles(root, workspace, files, fileProblems);
  checkCertificates(root, workspace);
  return { root, workspace, files, fileProblems };
}

function readConfig(root: string, problems: Problem[]): string | undefined {
  try {
    return fs.readFileSync(path.join(root, CONFIG_FILE), 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') problems.push(unreadable(CONFIG_FILE, error, 'the built-in default applies'));
    return undefined;
  }
}

/**
 * Folder-relative `/`-separated paths of every note by the workspace's include/exclude globs, sorted.
 * Symbolic links to files are followed; links to folders are not (a link cycle would never end).
 */
export function listNoteFiles(root: string, workspace: CeWorkspace, problems: Problem[] = []): string[] {
  const out: string[] = [];
  // Dot-folders (.vscode, .obsidian, .vscode-test...) hold no notes unless an include glob names one.
  const walkDotDirs = workspace.config.include.some((glob) => /(^|\/)\.[^/.]/.test(glob));
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (rel !== '') problems.push({ ...unreadable(rel, error, 'its notes are not counted', 'folder'), severity: 'warning' });
      else throw error;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          isFile = fs.statSync(full).isFile();
        } catch {
          isFile = false; // a dangling link: nothing to read
        }
        isDir = false;
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || (!walkDotDirs && entry.name.startsWith('.'))) continue;
        walk(full, childRel);
      } else if (isFile && workspace.isNotePath(childRel)) {
        out.push(childRel);
      }
    }
  };
  walk(root, '');
  return out;
}

/** Reads each file as UTF-8 and feeds the index; an unreadable one becomes a problem, never an exception. */
export function indexFiles(root: string, workspace: CeWorkspace, files: readonly string[], problems: Problem[]): void {
  for (const rel of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, rel), 'utf8');
    } catch (error) {
      problems.push(unreadable(rel, error, 'it is not counted'));
      continue;
    }
    workspace.setNote(rel, text);
  }
}

/** Tells the index which certificate files exist (a missing one is a warning the core then reports). */
export function checkCertificates(root: string, workspace: CeWorkspace): void {
  for (const note of workspace.ceNotes()) {
    const target = workspace.certificateTarget(note.path);
    if (!target || !note.certificate) continue;
    const full = target.outside
      ? path.resolve(root, path.posix.dirname(note.path), note.certificate.replace(/\\/g, '/'))
      : path.join(root, target.path);
    workspace.setCertificateExists(note.path, isFile(full));
  }
}

function isFile(full: string): boolean {
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}

function unreadable(file: string, error: unknown, consequence: string, what = 'file'): Problem {
  const code = errorCode(error);
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
  return { file, line: 1, column: 1, severity: 'error', code: 'unreadable', message: `Could not read this ${what} (${why}); ${consequence}.` };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
