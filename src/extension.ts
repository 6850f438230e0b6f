// Wires the features to one workspace index. Activation only creates objects and starts indexing in the
// background: nothing here waits for notes to be read.
import * as vscode from 'vscode';
import { initLog } from './services/log';
import { createWorkspaceIndex } from './services/workspace-index';
import type { WorkspaceIndex } from './services/types';
import * as progressTree from './features/progress-tree';
import * as notesTree from './features/notes-tree';
import * as statusBar from './features/status-bar';
import * as commands from './features/commands';
import * as diagnostics from './features/diagnostics';
import * as editing from './features/editing';
import * as dashboard from './features/dashboard';
import * as transcript from './features/transcript';
import * as review from './features/review';

export interface Feature {
  /** Registers the feature; may return an object that integration tests reach through the extension's exports. */
  activate(context: vscode.ExtensionContext, index: WorkspaceIndex): unknown;
}

const FEATURES: Record<string, Feature> = {
  'progress-tree': progressTree,
  'notes-tree': notesTree,
  'status-bar': statusBar,
  commands,
  diagnostics,
  editing,
  dashboard,
  transcript,
  review,
};

/**
 * The extension's exports in an integration test run (VS Code started with extension tests), and only then:
 * other extensions get nothing, so the index and the features' internals are no API anyone can come to rely on.
 */
export interface PharmacyCeApi {
  index: WorkspaceIndex;
  /** What each feature's activate returned, by feature folder name (for integration tests). */
  features: Record<string, unknown>;
}

export function activate(context: vscode.ExtensionContext): PharmacyCeApi | undefined {
  const log = initLog(context);
  const index = createWorkspaceIndex(context);
  context.subscriptions.push(index);
  const features: Record<string, unknown> = {};
  for (const [name, feature] of Object.entries(FEATURES)) {
    try {
      features[name] = feature.activate(context, index);
    } catch (error) {
      // One broken feature must not take the others down.
      log.error(`Feature ${name} failed to start`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
  return context.extensionMode === vscode.ExtensionMode.Test ? { index, features } : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
