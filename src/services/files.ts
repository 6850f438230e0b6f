// Small file helpers that never throw: the index reads many files and one bad one
// must not stop the rest.
import * as vscode from 'vscode';
import { MAX_NOTE_BYTES, type FileHead } from '../node/read-note-file';
import { log } from './log';
import { diskFor } from './platform';

/** Reads in flight at once: the files are small, so waiting dominates, not bandwidth. */
export const READ_CONCURRENCY = 128;

const decoder = new TextDecoder('utf-8');

export async function readText(uri: vscode.Uri): Promise<{ text?: string; missing: boolean; error?: unknown }> {
  try {
    const head = await readCapped(uri, MAX_NOTE_BYTES);
    if (head.cut) log()?.warn(`${uri.toString(true)} is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB: only its beginning is read`);
    return { text: decoder.decode(head.content), missing: false };
  } catch (error) {
    return isFileNotFound(error) ? { missing: true } : { missing: false, error };
  }
}

/**
 * A file's first `maxBytes` bytes. On the desktop a `file:` one is read by Node (workspace.fs took 3-7 times as
 * long: every window load reads every note), which refuses a link or a pipe. workspace.fs (the browser, remote
 * and virtual folders) has no partial read: the file is read whole and cut, so the same figures come out.
 */
export async function readCapped(uri: vscode.Uri, maxBytes: number): Promise<FileHead<Uint8Array>> {
  const disk = diskFor(uri);
  if (disk) return disk.readFile(uri.fsPath, maxBytes);
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { content: bytes.subarray(0, maxBytes), cut: bytes.length > maxBytes };
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
