// Small file helpers that never throw: the index reads many files and one bad one
// must not stop the rest.
import * as vscode from 'vscode';
import { MAX_NOTE_BYTES, readRegularFile } from '../node/read-note-file';
import { log } from './log';

/** Reads in flight at once: the files are small, so waiting dominates, not bandwidth. */
export const READ_CONCURRENCY = 128;

const decoder = new TextDecoder('utf-8');

export async function readText(uri: vscode.Uri): Promise<{ text?: string; missing: boolean; error?: unknown }> {
  try {
    // A `file:` note is read by Node in the extension host: workspace.fs took 3-7 times as long here
    // (every window load reads every note). Node's read refuses a link or a pipe and cuts a note at 1 MiB.
    // A web build will need this module without `node:fs`.
    if (uri.scheme !== 'file') return { text: decoder.decode(await vscode.workspace.fs.readFile(uri)), missing: false };
    const head = await readRegularFile(uri.fsPath);
    if (head.cut) log()?.warn(`${uri.toString(true)} is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB: only its beginning is read`);
    return { text: decoder.decode(head.content), missing: false };
  } catch (error) {
    return isFileNotFound(error) ? { missing: true } : { missing: false, error };
  }
}

export async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

export function isFileNotFound(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError) return error.code === 'FileNotFound';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
