// One output channel for the extension. Failures are logged in full here and shown to the user once, plainly.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;
const shown = new Set<string>();

export function initLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('Pharmacy CE', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export function log(): vscode.LogOutputChannel | undefined {
  return channel;
}

/** Logs the error with its stack and shows one plain message per distinct text (never a stack trace). */
export function reportError(userMessage: string, error?: unknown): void {
  channel?.error(userMessage, error instanceof Error ? (error.stack ?? error.message) : String(error ?? ''));
  if (shown.has(userMessage)) return;
  shown.add(userMessage);
  void vscode.window.showErrorMessage(userMessage, vscode.l10n.t('Show Log')).then((choice) => {
    if (choice) channel?.show(true);
  });
}

/**
 * Runs a command body, turning any failure into a logged, plainly shown error. Resolves to what the body
 * returns (undefined after a failure), so tests and other extensions calling `executeCommand` get e.g. the
 * created note's Uri back.
 */
export function guarded<A extends unknown[], R>(what: string, body: (...args: A) => R | PromiseLike<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await body(...args);
    } catch (error) {
      reportError(vscode.l10n.t('Pharmacy CE: {0} failed: {1}', what, error instanceof Error ? error.message : String(error)), error);
      return undefined;
    }
  };
}
