// Small file helpers that never throw: the index reads many files and one bad one
// must not stop the rest.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';

/** Reads in flight at once: the files are small, so waiting dominates, not bandwidth. */
export const READ_CONCURRENCY = 128;

const decoder = new TextDecoder('utf-8');

export async function readText(uri: vscode.Uri): Promise<{ text?: string; missing: boolean; error?: unknown }> {
  try {
    // A `file:` note is read by Node in the extension host: workspace.fs took 3-7 times as long here
    // (every window load reads every note). Both follow a link at the last step; the walk never lists one.
    // A web build will need this module without `node:fs`.
    const bytes = uri.scheme === 'file' ? await readRegularFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
    return { text: decoder.decode(bytes), missing: false };
  } catch (error) {
    return isFileNotFound(error) ? { missing: true } : { missing: false, error };
  }
}

/**
 * A regular file's bytes. Opened without waiting (a named pipe would block the read until someone writes to
 * it) and checked through the open handle, so a pipe or device is refused, not read.
 */
async function readRegularFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`${path} is not a regular file`);
    return await handle.readFile();
  } finally {
    await handle.close();
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
