// Small file helpers over vscode.workspace.fs that never throw: the index reads many files and one bad one
// must not stop the rest.
import * as vscode from 'vscode';

/**
 * Reads in flight at once. Each workspace.fs read is a round trip, so latency dominates: on 10,000 notes 128
 * in flight read in ~0.9 s against ~1.8 s for 32 (the integration benchmark); the files are small.
 */
export const READ_CONCURRENCY = 128;

const decoder = new TextDecoder('utf-8');

export async function readText(uri: vscode.Uri): Promise<{ text?: string; missing: boolean; error?: unknown }> {
  try {
    return { text: decoder.decode(await vscode.workspace.fs.readFile(uri)), missing: false };
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
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
