// Set Up Credentials: which renewal rules apply and when each cycle ends, written to `.pharmacy-ce.json`.
import * as vscode from 'vscode';
import { CONFIG_FILE, parseConfig } from '../../core/rules/config';
import { addMonths, endOfMonth, isCalendarDate, localToday } from '../../core/common/dates';
import type { CalendarDate, ResolvedConfig, RuleSet } from '../../core/types';
import { csptCycleEndFor } from '../../core/rules/rules';
import { isCredentialTarget } from '../../services/targets';
import type { WorkspaceIndex } from '../../services/types';
import { credentialsFileEdits, newCredentialsFile, type ChosenCredential } from './credentials-file';
import type { Questions } from './questions';
import { formatDate } from '../../ui/format';
import { createWithEdit, inspectTarget } from '../safe-write';
import { chooseFolder, exists, mayWrite, openDocument } from './shared';
import { readSettings } from '../../services/settings';
import { showProgressAfterSetUp } from './after-set-up';
import { verifyWith } from '../../core/rules/rule-body';

/**
 * Answers given as the command's argument (automation, tests): `credentials` skips the questions;
 * `folder` picks the workspace folder. A CredentialTarget (tree item) picks that credential's folder.
 */
export interface SetUpCredentialsArgs {
  folder?: vscode.Uri;
  credentials?: ChosenCredential[];
  open?: boolean;
}

export async function setUpCredentials(questions: Questions, index: WorkspaceIndex, arg?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('Set Up Credentials');
  if (!mayWrite(title)) return undefined;
  const given: SetUpCredentialsArgs = isArgs(arg) ? arg : {};
  const preferred = isCredentialTarget(arg) ? arg.folderUri : given.folder;
  const folder = await chooseFolder(index, preferred, vscode.l10n.t('Workspace folder to set up'));
  if (!folder) return undefined;

  // The file itself (its unsaved text if open) is what is shown and edited, not the index's copy, which may
  // still be on its way.
  const uri = vscode.Uri.joinPath(folder.folder.uri, CONFIG_FILE);
  // Only a regular file inside the folder is read and written: a `.pharmacy-ce.json` that is a link is refused.
  await inspectTarget(folder.folder.uri, CONFIG_FILE);
  const document = openDocument(uri) ?? ((await exists(uri)) ? await vscode.workspace.openTextDocument(uri) : undefined);
  const cspt = readSettings(folder.folder.uri).csptSterileHours;
  const { config } = parseConfig(document?.getText(), { asOf: localToday(), ruleSetOptions: { csptSterileHours: cspt } });

  const chosen = given.credentials ? checked(given.credentials, config) : await askCredentials(questions, title, config);
  if (!chosen) return undefined;
  const edit = new vscode.WorkspaceEdit();
  let wasDirty = false;
  if (document) {
    wasDirty = document.isDirty;
    let edits;
    try {
      edits = credentialsFileEdits(document.getText(), chosen);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a JSON object, so it cannot be updated. Fix or delete it, then run Set Up Credentials again.', CONFIG_FILE));
      await vscode.window.showTextDocument(document);
      return undefined;
    }
    for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  } else {
    await createWithEdit(edit, folder.folder.uri, uri, newCredentialsFile(chosen));
  }
  if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the editor refused to write {0}', CONFIG_FILE));
  const written = await vscode.workspace.openTextDocument(uri);
  if (!wasDirty && written.isDirty) await written.save();
  if (given.open !== false) await showProgressAfterSetUp(written.uri);
  return uri;
}

function isArgs(arg: unknown): arg is SetUpCredentialsArgs {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && ('credentials' in arg || 'folder' in arg);
}

/** The built-in rule sets overlaid by the user's own (the resolved config already holds both). */
function ruleSetsOf(config: ResolvedConfig): RuleSet[] {
  return Object.values(config.ruleSets);
}

function checked(credentials: ChosenCredential[], config: ResolvedConfig): ChosenCredential[] {
  const known = new Set(ruleSetsOf(config).map((r) => r.id));
  for (const c of credentials) {
    if (!known.has(c.ruleSet)) throw new Error(vscode.l10n.t('unknown rule set "{0}"', c.ruleSet));
    if (!isCalendarDate(c.cycleEnd)) throw new Error(vscode.l10n.t('"{0}" is not a YYYY-MM-DD date', c.cycleEnd));
  }
  return credentials;
}

async function askCredentials(questions: Questions, title: string, config: ResolvedConfig): Promise<ChosenCredential[] | undefined> {
  // What the file says now (not the built-in default a folder without a file gets).
  const current = new Map(config.fromFile ? config.credentials.map((c) => [c.ruleSetId, c.cycle.end] as const) : []);
  type Item = vscode.QuickPickItem & { ruleSet: RuleSet };
  const items: Item[] = ruleSetsOf(config).map((r) => ({
    label: r.name,
    description: r.builtIn ? r.id : vscode.l10n.t('{0} (yours)', r.id),
    detail: [
      vscode.l10n.t('{0} h every {1} months', r.totalHours, r.cycleMonths),
      r.verify ? `$(warning) ${verifyWith(r)}` : undefined,
      current.has(r.id) ? vscode.l10n.t('cycle ends {0}', formatDate(current.get(r.id)!)) : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(' · '),
    ruleSet: r,
  }));
  const picked = await questions.pickMany({
    title,
    placeholder: vscode.l10n.t('The credentials you hold: tick each with Space, then press Enter (rules marked "verify" could not be confirmed against a primary source)'),
    nothingChosen: vscode.l10n.t('Nothing is ticked: highlight a credential you hold, or tick several with Space, then press Enter.'),
    items,
    ticked: items.filter((it) => current.has(it.ruleSet.id)),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  const today = localToday();
  const chosen: ChosenCredential[] = [];
  for (const [i, item] of picked.entries()) {
    const r = item.ruleSet;
    const cpht = chosen.find((c) => c.ruleSet === 'ptcb-cpht')?.cycleEnd ?? current.get('ptcb-cpht');
    const aligned = alignedCycleEnd(r, current, cpht, today);
    const cycleEnd = await questions.date({
      title,
      step: i + 1,
      totalSteps: picked.length,
      prompt: aligned
        ? vscode.l10n.t('When does your {0} cycle end? It renews every year in the month your CPhT expires, so {1} is suggested.', r.name, formatDate(aligned))
        : vscode.l10n.t('When does your {0} cycle end? The expiry date on your certificate or registration.', r.name),
      value: aligned ?? suggestedCycleEnd(r, current),
      warn: (date) => (date < today ? vscode.l10n.t('{0} has already passed: the cycle end is the expiry date of your current certificate.', formatDate(date)) : undefined),
    });
    if (!cycleEnd) return undefined;
    chosen.push({ ruleSet: r.id, cycleEnd });
  }
  return chosen;
}

/** Holding both, the CSPT renews in the CPhT's expiry month: that date is offered for a CSPT not yet in the file. */
function alignedCycleEnd(ruleSet: RuleSet, current: ReadonlyMap<string, CalendarDate>, cpht: CalendarDate | undefined, today: CalendarDate): CalendarDate | undefined {
  return ruleSet.id === 'ptcb-cspt' && cpht !== undefined && !current.has(ruleSet.id) ? csptCycleEndFor(cpht, today) : undefined;
}

/** The cycle end offered for a rule set: what the file says, else a full cycle from today. */
function suggestedCycleEnd(ruleSet: RuleSet, current: ReadonlyMap<string, CalendarDate>): CalendarDate {
  return current.get(ruleSet.id) ?? endOfMonth(addMonths(localToday(), ruleSet.cycleMonths));
}
