// The CE Dashboard: a webview panel with each credential's progress, what to do next and recent notes.
import * as vscode from 'vscode';
import type { DashboardModel } from '../../core/outputs/dashboard-model';
import type { HostMessage } from '../../protocol/dashboard';
import { guarded } from '../../services/log';
import { isCredentialTarget, noteUriOf } from '../../services/targets';
import type { WorkspaceIndex } from '../../services/types';
import { DashboardPanel, VIEW_TYPE } from './panel';

/** What integration tests reach through `extension.exports.features.dashboard`. */
export interface DashboardApi {
  currentModel(): DashboardModel | undefined;
  panel(): vscode.WebviewPanel | undefined;
  /** The last message posted to the webview, of any type. */
  lastMessage(): HostMessage | undefined;
  /** The last rendered body posted to the webview (set once the webview script said it is ready). */
  lastRender(): Extract<HostMessage, { type: 'render' }> | undefined;
  /** Feeds a message through the same checks as one from the webview; false when rejected. */
  receive(message: unknown): Promise<boolean>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): DashboardApi {
  const dashboard = new DashboardPanel(context.extensionUri, index);
  context.subscriptions.push(
    dashboard,
    vscode.commands.registerCommand('pharmacyCe.openDashboard', guarded(vscode.l10n.t('Open Dashboard'), () => void dashboard.show())),
    vscode.commands.registerCommand(
      'pharmacyCe.revealInDashboard',
      guarded(vscode.l10n.t('Reveal in Dashboard'), async (arg?: unknown) => {
        if (isCredentialTarget(arg)) {
          await dashboard.reveal(arg);
          return;
        }
        const uri = noteUriOf(arg);
        if (uri) await dashboard.reveal({ uri });
        else dashboard.show();
      }),
    ),
    // Brings the panel back after a window reload; the webview restores its own scroll and selection.
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => dashboard.attach(panel),
    }),
  );
  return {
    currentModel: () => dashboard.currentModel(),
    panel: () => dashboard.current,
    lastMessage: () => dashboard.lastMessage,
    lastRender: () => dashboard.lastRender,
    receive: (message) => dashboard.receive(message),
  };
}
