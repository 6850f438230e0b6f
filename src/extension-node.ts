// The desktop entry point (package.json `main`): the extension with Node's fs for local folders.
import type * as vscode from 'vscode';
import { activateWith, type PharmacyCeApi, type PharmacyCeExports } from './extension';
import { nodePlatform } from './node/platform-node';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): PharmacyCeExports | PharmacyCeApi {
  return activateWith(context, nodePlatform);
}
