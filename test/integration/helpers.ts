// Shared moves for the integration tests (they run inside the real extension host; see ./index.ts).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../src/core/rules/config';
import { FolderIndex } from '../../src/core/index/folder-index';
import type { CalendarDate } from '../../src/core/types';
import type { PharmacyCeApi } from '../../src/extension';
import type { WorkspaceIndex } from '../../src/services/types';

export const EXTENSION_ID = 'pharmacy-ce-notes.pharmacy-ce-notes';
/** The `source` of the extension's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'Pharmacy CE';

/** The extension's diagnostics on a file (other extensions may add their own). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/**
 * Activates the extension (if VS Code has not yet) and returns its exports: `{ index, features }`, which it
 * gives only in a test run (ExtensionMode.Test, as the harness starts VS Code with extension tests).
 */
export async function activateExtension(): Promise<PharmacyCeApi> {
  const extension = vscode.extensions.getExtension<PharmacyCeApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not loaded in this extension host.`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api?.index) throw new Error(`Extension ${EXTENSION_ID} activated without exporting its test hooks: is VS Code running extension tests?`);
  return api;
}

/**
 * Polls `predicate` every 50 ms until it returns something truthy (which is returned), or fails after
 * `timeoutMs` with `what` and the predicate's last error, if it threw.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The opened workspace folder: a temp copy of test/fixtures/workspace (tests may write to it). */
export function fixtureRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('No workspace folder is open: the runner opens a copy of test/fixtures/workspace.');
  return folder.uri.fsPath;
}

/** A uri inside the opened fixture, from `/`-separated segments (`fixtureUri('notes/a.md')`). */
export function fixtureUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...relPath.split('/'));
}

/** Activates the extension and waits for the first full index of every folder; returns the index. */
export async function waitForIndex(timeoutMs = 20_000): Promise<WorkspaceIndex> {
  const { index } = await activateExtension();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The index was not ready after ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    await Promise.race([index.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return index;
}

/** Resolves on the index's next change event (after an edit), or fails after `timeoutMs`. */
export function nextIndexChange(index: WorkspaceIndex, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`No index change within ${timeoutMs} ms.`));
    }, timeoutMs);
    const subscription = index.onDidChange(() => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/**
 * What the pure core computes for a folder on disk, fed the way the CLI would (Node fs, not the extension):
 * the reference that the extension's index, trees and dashboard are compared with.
 */
export function coreWorkspaceFor(root: string, asOf: CalendarDate): FolderIndex {
  const workspace = new FolderIndex();
  const configPath = path.join(root, CONFIG_FILE);
  workspace.setConfig(fs.existsSync(configPath) ? fs.readFileSync(configPath, 'utf8') : undefined, asOf);
  for (const rel of listFiles(root)) {
    if (workspace.isNotePath(rel)) workspace.setNote(rel, fs.readFileSync(path.join(root, ...rel.split('/')), 'utf8'));
  }
  for (const note of workspace.notes()) {
    const target = workspace.certificateTarget(note.path);
    if (target && !target.outside) workspace.setCertificateExists(note.path, fs.existsSync(path.join(root, ...target.path.split('/'))));
  }
  return workspace;
}

/** Every file below `root` as a `/`-separated relative path (skipping .git and node_modules). */
function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') out.push(...listFiles(root, child));
    } else if (entry.isFile()) out.push(child);
  }
  return out;
}
