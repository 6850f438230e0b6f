// The status bar item in a real VS Code: the nearest cycle end's credential, its hours and days, the colour
// for its state, the dashboard on click, the on/off setting applied live, updates on a note change.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CredentialProgress } from '../../src/core/types';
import { daysBetween } from '../../src/core/common/dates';
import type { WorkspaceIndex } from '../../src/services/types';
import type { CeStatusBar } from '../../src/features/status-bar';
import type { ProgressTreeApi } from '../../src/features/progress-tree';
import type { NotesTreeApi } from '../../src/features/notes-tree';
import { activateExtension, fixtureUri, waitFor, waitForIndex } from './helpers';

interface StatusBarApi {
  item: vscode.StatusBarItem;
  statusBar: CeStatusBar;
}

/** Days count to the application deadline where there is one (PTCB: the first day of the expiry month). */
function expectedText(p: CredentialProgress): string {
  const days = p.cycle.applyBy ? `${p.cycle.daysLeft - daysBetween(p.cycle.applyBy, p.cycle.end)} d to apply` : `${p.cycle.daysLeft} d`;
  return `$(mortar-board) ${p.ruleSet.shortName ?? p.credential.label} ${p.hours.earned}/${p.hours.required} h, ${days}`;
}

describe('Status bar', () => {
  let index: WorkspaceIndex;
  let api: StatusBarApi;

  before(async () => {
    index = await waitForIndex();
    api = (await activateExtension()).features['status-bar'] as StatusBarApi;
    assert.ok(api?.item, 'the status-bar feature exports its item');
    await waitFor(() => api.statusBar.visible, 5_000, 'the item to show');
  });

  it('shows the credential whose cycle ends soonest', async () => {
    const all = index.progress(index.folders()[0]);
    const open = all.filter((p) => p.cycle.daysLeft >= 0).sort((a, b) => a.cycle.daysLeft - b.cycle.daysLeft);
    assert.ok(open.length > 0, 'the fixture has a credential whose cycle has not ended');
    const nearest = open[0];
    // The fixture's Texas cycle ends 2026-12-31, before the CPhT's 2027-03-31.
    if (index.asOf() <= '2026-12-31') assert.equal(nearest.credential.id, 'tx');
    // The item follows the index's debounced change event: give an earlier test's last change time to land.
    await waitFor(() => api.item.text === expectedText(nearest), 5_000, `the text ${expectedText(nearest)} (is ${api.item.text})`);
    assert.equal((api.item.command as vscode.Command | undefined)?.command ?? api.item.command, 'pharmacyCe.openDashboard');
    const tooltip = api.item.tooltip instanceof vscode.MarkdownString ? api.item.tooltip.value : String(api.item.tooltip);
    for (const p of all) assert.ok(tooltip.includes(p.credential.label.replace(/[-.()]/g, (c) => `\\${c}`)), `the tooltip names ${p.credential.label}`);
  });

  it('uses the warning colour exactly when the credential is behind or at risk', () => {
    const shown = index.progress(index.folders()[0]).find((p) => api.item.text === expectedText(p));
    assert.ok(shown);
    // ThemeColor keeps its id in a field the typings do not declare.
    const background = (api.item.backgroundColor as unknown as { id: string } | undefined)?.id;
    if (shown.met) assert.equal(background, undefined);
    else if (shown.behindPace || shown.state === 'at-risk' || shown.state === 'unmet') assert.equal(background, 'statusBarItem.warningBackground');
    else assert.equal(background, undefined);
  });

  it('follows a note change', async () => {
    const before = api.item.text;
    const uri = fixtureUri('notes/h5-status.md');
    try {
      // Counts for every credential (no credentials filter), 1 h of law, completed inside both cycles.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: H5 status note\nce_hours: 1\ntopics: [general]\ncompleted: 2026-03-03\n---\n'));
      await waitFor(() => api.item.text !== before, 10_000, 'the status bar text to change');
      const shown = index.progress(index.folders()[0]).find((p) => api.item.text === expectedText(p));
      assert.ok(shown, `the new text ${api.item.text} matches a credential`);
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await waitFor(() => api.item.text === before, 10_000, 'the status bar text to return');
  });

  it('stays out of the way (no item, no tree rows, no badge) in a folder with no config and no CE note', async () => {
    const features = (await activateExtension()).features;
    const progress = features['progress-tree'] as ProgressTreeApi;
    const notes = features['notes-tree'] as NotesTreeApi;
    const configUri = fixtureUri('.pharmacy-ce.json');
    const config = await vscode.workspace.fs.readFile(configUri);
    const cpht = () => index.progress(index.folders()[0]).find((p) => p.credential.ruleSetId === 'ptcb-cpht')?.hours.earned;
    try {
      // The notes move under node_modules (never read), the config goes: any folder with a README looks like this.
      await vscode.workspace.fs.createDirectory(fixtureUri('node_modules'));
      await vscode.workspace.fs.rename(fixtureUri('notes'), fixtureUri('node_modules/notes'));
      await vscode.workspace.fs.rename(fixtureUri('templates'), fixtureUri('node_modules/templates'));
      await vscode.workspace.fs.delete(configUri, { useTrash: false });
      // A README whose frontmatter is not YAML: a project's Markdown, not a broken CE note.
      await vscode.workspace.fs.writeFile(fixtureUri('h5-readme.md'), new TextEncoder().encode('---\ntitle: [oops\n---\n# Project\n'));
      await waitFor(
        () => index.folders()[0].index.notes().map((n) => n.kind).join() === 'broken' && !index.folders()[0].hasConfigFile,
        10_000,
        'an index holding only the README',
      );
      await waitFor(() => !api.statusBar.visible, 5_000, 'the item to hide');
      assert.deepEqual(await progress.provider.getChildren(undefined), []);
      assert.deepEqual(await notes.provider.getChildren(undefined), []);
      assert.equal(progress.view.badge, undefined);
    } finally {
      await vscode.workspace.fs.writeFile(configUri, config);
      await vscode.workspace.fs.delete(fixtureUri('h5-readme.md'), { useTrash: false });
      await vscode.workspace.fs.rename(fixtureUri('node_modules/notes'), fixtureUri('notes'));
      await vscode.workspace.fs.rename(fixtureUri('node_modules/templates'), fixtureUri('templates'));
      await vscode.workspace.fs.delete(fixtureUri('node_modules'), { recursive: true, useTrash: false });
    }
    await waitFor(() => cpht() === 11 && index.folders()[0].index.size === 9, 10_000, 'the fixture back (11 h)');
    await waitFor(() => api.statusBar.visible, 5_000, 'the item to show again');
    assert.equal((await progress.provider.getChildren(undefined)).length, 2);
  });

  it('hides and shows live with pharmacyCe.statusBar.enabled', async () => {
    const settings = vscode.workspace.getConfiguration('pharmacyCe');
    try {
      await settings.update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => !api.statusBar.visible, 5_000, 'the item to hide');
    } finally {
      await settings.update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => api.statusBar.visible, 5_000, 'the item to show again');
  });
});
