// Placeholder until the feature lands: registers nothing.
import type * as vscode from 'vscode';
import type { CeIndex } from '../../services/types';

export function activate(_context: vscode.ExtensionContext, _index: CeIndex): void {}
