// The core and the CLI translate through @vscode/l10n (they cannot import `vscode`); VS Code loads our bundle
// for its display language only into `vscode.l10n`. Handing that bundle to @vscode/l10n at activation makes
// the core's messages follow the same language as the adapters'.
import * as l10n from '@vscode/l10n';
import type { l10nJsonFormat } from '@vscode/l10n';
import * as vscode from 'vscode';

/** Loads VS Code's bundle for its display language into @vscode/l10n; English (no bundle) leaves it empty. */
export function useDisplayLanguage(): void {
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
}

/**
 * A separately built script (dist/dashboard-render.js) has its own copy of @vscode/l10n: this hands it the
 * same bundle when it is loaded.
 */
export function withDisplayLanguage<T extends { useTranslations(contents: l10nJsonFormat): void }>(script: T): T {
  script.useTranslations(vscode.l10n.bundle ?? {});
  return script;
}
