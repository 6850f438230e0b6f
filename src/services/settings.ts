// The settings the index reads, in one place (a typed settings reader will replace the string keys here).
import * as vscode from 'vscode';
import type { CeWorkspaceOptions } from '../core/index/folder-index';

/** A change to one of these re-reads every folder. */
export const SETTINGS_THAT_REBUILD = ['pharmacyCe.notesGlobs', 'pharmacyCe.excludeGlobs', 'pharmacyCe.csptSterileHours'];

export function workspaceOptions(folder: vscode.WorkspaceFolder): CeWorkspaceOptions {
  const settings = vscode.workspace.getConfiguration('pharmacyCe', folder.uri);
  const cspt = settings.get<number>('csptSterileHours');
  return {
    defaultInclude: settings.get<string[]>('notesGlobs'),
    extraExclude: settings.get<string[]>('excludeGlobs'),
    ruleSetOptions: typeof cspt === 'number' && Number.isFinite(cspt) && cspt >= 0 ? { csptSterileHours: cspt } : {},
  };
}
