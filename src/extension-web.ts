// The browser entry point (package.json `browser`: vscode.dev, github.dev): the same extension, every file
// through workspace.fs. The build refuses any Node module in this bundle (esbuild.js).
import type * as vscode from 'vscode';
import { activateWith, type PharmacyCeApi, type PharmacyCeExports } from './extension';
import { webPlatform } from './services/platform-web';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): PharmacyCeExports | PharmacyCeApi {
  return activateWith(context, webPlatform);
}
