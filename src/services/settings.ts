// The one place the extension reads its settings: a typed object, checked (see settings-schema.ts).
import * as vscode from 'vscode';
import type { FolderIndexOptions } from '../core/index/folder-index';
import { SETTINGS_SECTION, settingsFrom, type Settings } from './settings-schema';

export { SETTINGS_THAT_REBUILD, settingName, type Settings } from './settings-schema';

/** The `pharmacyCe.*` settings for `scope` (a folder's own values win), or the window's without one. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return settingsFrom((key) => configuration.get(key));
}

/** What the core index of `folder` is made with: its note globs and rule-set options. */
export function workspaceOptions(folder: vscode.WorkspaceFolder): FolderIndexOptions {
  const settings = readSettings(folder.uri);
  return { defaultInclude: settings.notesGlobs, extraExclude: settings.excludeGlobs, ruleSetOptions: { csptSterileHours: settings.csptSterileHours } };
}
