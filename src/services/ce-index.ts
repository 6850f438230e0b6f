// PLACEHOLDER (contract only) — the workspace index service is being written.
import * as vscode from 'vscode';
import type { CeIndex } from './types';

export function createCeIndex(_context: vscode.ExtensionContext): CeIndex {
  throw new Error('not implemented');
}
