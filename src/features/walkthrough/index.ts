// The "Get started with Pharmacy CE" walkthrough (package.json `contributes.walkthroughs`). Its steps complete on
// `onContext:` events: this feature sets those context keys from what the index has read (a credentials file, a
// CE note, a logged review, a career note) and from the open editors (the CE Dashboard), never from a button
// click. It also opens the walkthrough once, on the first run in a folder without a credentials file.
import * as vscode from 'vscode';
import { log, reportError } from '../../services/log';
import type { WorkspaceIndex } from '../../services/types';
import { VIEW_TYPE as DASHBOARD_VIEW_TYPE } from '../dashboard/panel';

/** The walkthrough's id in package.json; VS Code knows it as `<extension id>#getStarted`. */
export const WALKTHROUGH = 'getStarted';
export const GET_STARTED_COMMAND = 'pharmacyCe.getStarted';
/** globalState: the walkthrough was opened on a first run (it opens once per profile, never again). */
const SHOWN_STATE = 'pharmacyCe.walkthrough.shown';

/** The context key of each step, as the walkthrough's completionEvents name them. */
export const STEP_KEYS = {
  hasConfig: 'pharmacyCe.walkthrough.hasConfig',
  hasCeNote: 'pharmacyCe.walkthrough.hasCeNote',
  dashboardOpened: 'pharmacyCe.walkthrough.dashboardOpened',
  hasReview: 'pharmacyCe.walkthrough.hasReview',
  hasCareerNote: 'pharmacyCe.walkthrough.hasCareerNote',
} as const;

export type StepKey = keyof typeof STEP_KEYS;

/** What integration tests reach through `extension.exports.features.walkthrough`. */
export interface WalkthroughApi {
  /** The values last given to the steps' context keys. */
  steps(): Readonly<Record<StepKey, boolean>>;
  /** `<extension id>#getStarted`, what `workbench.action.openWalkthrough` takes. */
  readonly walkthroughId: string;
}

/**
 * Where each step stands now. Not latched: VS Code remembers a completed step by itself, so a key only has to
 * be true at the moment the real event happens.
 */
function currentSteps(index: WorkspaceIndex): Record<StepKey, boolean> {
  const folders = index.isReady ? index.folders() : [];
  const notes = folders.flatMap((f) => f.index.notes());
  return {
    hasConfig: folders.some((f) => f.hasConfigFile),
    // Only a note that counts: a CE note with an error is reported, not a first CE note done.
    hasCeNote: notes.some((n) => n.kind === 'ce' && n.valid),
    dashboardOpened: dashboardIsOpen(),
    // A review counts once the log line names a card of the notes (the study model has replayed it).
    hasReview: folders.some((f) => index.study(f).cards.some((c) => c.schedule.reps > 0)),
    hasCareerNote: notes.some((n) => n.career !== undefined),
  };
}

/** The CE Dashboard is a tab in some editor group (opened by any command, a click, or restored after a reload). */
function dashboardIsOpen(): boolean {
  // The tab's viewType carries a prefix of VS Code's own (`mainThreadWebview-`), hence endsWith.
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(DASHBOARD_VIEW_TYPE)),
  );
}

/**
 * Opens the walkthrough when this profile has never shown it and the folder has no credentials file: someone
 * starting out. Never in the extension's own tests, and not when the person turned off VS Code's setting that
 * opens a new extension's walkthrough.
 */
async function openOnFirstRun(context: vscode.ExtensionContext, index: WorkspaceIndex, walkthroughId: string): Promise<void> {
  if (context.extensionMode === vscode.ExtensionMode.Test) return;
  if (context.globalState.get<boolean>(SHOWN_STATE)) return;
  if (!vscode.workspace.getConfiguration('workbench').get<boolean>('welcomePage.walkthroughs.openOnInstall', true)) return;
  await index.ready;
  const folders = index.folders();
  if (folders.length === 0 || folders.some((f) => f.hasConfigFile)) return;
  await context.globalState.update(SHOWN_STATE, true);
  // Said in the log so "why did this open?" has an answer (and the e2e test can tell this from a restored editor).
  log()?.info('Opening the Get Started guide: a first run in a folder without a credentials file');
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): WalkthroughApi {
  const walkthroughId = `${context.extension.id}#${WALKTHROUGH}`;
  let last: Record<StepKey, boolean> | undefined;
  const set = (now: Record<StepKey, boolean>) => {
    for (const step of Object.keys(STEP_KEYS) as StepKey[]) {
      if (last?.[step] !== now[step]) void vscode.commands.executeCommand('setContext', STEP_KEYS[step], now[step]);
    }
    last = now;
  };
  const update = () => set(currentSteps(index));
  context.subscriptions.push(
    index.onDidChange(update),
    // Opening any editor changes the tabs: only the dashboard's step is worked out again (no study model).
    vscode.window.tabGroups.onDidChangeTabs(() => set({ ...(last ?? currentSteps(index)), dashboardOpened: dashboardIsOpen() })),
    vscode.commands.registerCommand(GET_STARTED_COMMAND, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false)),
  );
  update();
  void index.ready.then(update, () => undefined);
  openOnFirstRun(context, index, walkthroughId).catch((error: unknown) => reportError(vscode.l10n.t('The Get Started guide could not be opened.'), error));
  return { steps: () => ({ ...(last ?? currentSteps(index)) }), walkthroughId };
}
