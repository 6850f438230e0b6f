// Wires the features to one workspace index. Activation only creates objects and starts indexing in the
// background: nothing here waits for notes to be read.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { initLog } from './services/log';
import { useDisplayLanguage } from './services/l10n';
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
import * as studyTree from './features/study-tree';
import * as careerTree from './features/career-tree';
import * as studyStatus from './features/study-status';
import * as ankiExport from './features/anki-export';
import * as review from './features/review';
import * as portfolio from './features/portfolio';
import * as walkthrough from './features/walkthrough';
import { extendMarkdownIt } from './features/preview/markdown-it';

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
  'study-tree': studyTree,
  'career-tree': careerTree,
  'study-status': studyStatus,
  'anki-export': ankiExport,
  review,
  portfolio,
  walkthrough,
};

/** What activate always returns: the hook VS Code's Markdown preview calls (`contributes.markdown.markdownItPlugins`). */
export interface PharmacyCeExports {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/**
 * The extension's exports in an integration test run (VS Code started with extension tests): the index and the
 * features' internals, and only then, so they are no API anyone can come to rely on.
 */
export interface PharmacyCeApi extends PharmacyCeExports {
  index: WorkspaceIndex;
  /** What each feature's activate returned, by feature folder name (for integration tests). */
  features: Record<string, unknown>;
}

export function activate(context: vscode.ExtensionContext): PharmacyCeExports | PharmacyCeApi {
  // First: the core's messages are made from here on.
  useDisplayLanguage();
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
  const exports: PharmacyCeExports = { extendMarkdownIt };
  return context.extensionMode === vscode.ExtensionMode.Test ? { ...exports, index, features } : exports;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
