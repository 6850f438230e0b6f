// The Progress and Notes trees in a real VS Code, read through the providers the features export: labels,
// icons, context values, commands, parents (for reveal), grouping, following the editor, live updates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../../src/services/types';
import type { ProgressElement, ProgressTreeApi } from '../../src/features/progress-tree';
import type { NotesElement, NotesTreeApi } from '../../src/features/notes-tree';
import { activateExtension, fixtureUri, waitFor, waitForIndex } from './helpers';

/** Children with their tree items, resolved as on hover (tooltips are filled in by resolveTreeItem). */
async function items<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<{ element: T; item: vscode.TreeItem }[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  const token = new vscode.CancellationTokenSource().token;
  return Promise.all(
    children.map(async (element) => {
      const item = await provider.getTreeItem(element);
      return { element, item: (await provider.resolveTreeItem?.(item, element, token)) ?? item };
    }),
  );
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

function tooltipText(item: vscode.TreeItem): string {
  return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
}

describe('Progress tree', () => {
  let index: WorkspaceIndex;
  let progress: ProgressTreeApi;

  before(async () => {
    index = await waitForIndex();
    progress = (await activateExtension()).features['progress-tree'] as ProgressTreeApi;
    assert.ok(progress?.provider, 'the progress-tree feature exports its provider');
  });

  async function cphtRow() {
    const roots = await items(progress.provider);
    const row = roots.find((r) => r.element.kind === 'credential' && progress.provider.progressOf(r.element)?.credential.ruleSetId === 'ptcb-cpht');
    assert.ok(row, `a CPhT row among ${roots.map((r) => label(r.item)).join(', ')}`);
    return row;
  }

  it('shows one row per credential with hours, days left and a state icon', async () => {
    const roots = await items(progress.provider);
    assert.equal(roots.length, 2, 'one folder: credentials at the top, no folder node');
    const { element, item } = await cphtRow();
    assert.equal(label(item), '11 / 20 h · PTCB CPhT', 'hours first: a narrow sidebar cuts the name, not the hours');
    assert.match(item.accessibilityInformation?.label ?? '', /^PTCB CPhT, 11 \/ 20 h, (Met|On track|At risk|Not met), /, 'the state in words for a screen reader');
    assert.match(String(item.description), /^\d+ days left|^ended|^ends today|^1 day left/);
    assert.equal(item.contextValue, 'credential');
    assert.ok(['pass', 'warning', 'error', 'circle-large-outline'].includes(iconId(item) ?? ''));
    assert.ok(item.id, 'a stable id');
    assert.ok(element.kind === 'credential' && element.folderUri.toString() === index.folders()[0].folder.uri.toString(), 'a CredentialTarget');
    const tooltip = tooltipText(item);
    assert.match(tooltip, /ptcb/i, 'the rule source');
    assert.match(tooltip, new RegExp(index.asOf().replace(/-/g, '\\\\?-')), 'the as-of date');
  });

  it('lists requirements with their hours and the notes counting toward each', async () => {
    const { element } = await cphtRow();
    const rows = await items(progress.provider, element);
    const law = rows.find((r) => r.element.kind === 'requirement' && /law/i.test(label(r.item)));
    assert.ok(law, `a law requirement among ${rows.map((r) => label(r.item)).join(', ')}`);
    assert.match(label(law.item), /^1 \/ 1 h · /);
    assert.match(law.item.accessibilityInformation?.label ?? '', /, met/);
    assert.equal(iconId(law.item), 'pass');
    const lawNotes = await items(progress.provider, law.element);
    assert.deepEqual(
      lawNotes.map((n) => (n.element.kind === 'note' ? n.element.path : '')),
      ['notes/federal-law-update.md'],
    );
    const noteItem = lawNotes[0].item;
    assert.equal(label(noteItem), 'Federal Pharmacy Law Update 2025');
    assert.equal(noteItem.contextValue, 'ceNote.completed.uan');
    assert.ok(noteItem.command, 'a click opens the note');
    const target = noteItem.command.arguments?.[0] as { uri?: vscode.Uri } | vscode.Uri;
    const uri = target instanceof vscode.Uri ? target : target.uri;
    assert.equal(uri?.toString(), fixtureUri('notes/federal-law-update.md').toString());

    // getParent leads back to the root, so reveal() works.
    let node: ProgressElement | undefined = lawNotes[0].element;
    const chain: string[] = [];
    while (node) {
      chain.push(node.kind);
      node = (await progress.provider.getParent?.(node)) ?? undefined;
    }
    assert.deepEqual(chain, ['note', 'requirement', 'credential']);

    const notCounted = rows.find((r) => r.element.kind === 'not-counted');
    assert.ok(notCounted, 'a Not counted row');
    const excluded = (await items(progress.provider, notCounted.element)).map((n) => (n.element.kind === 'note' ? n.element.path : ''));
    assert.ok(excluded.includes('notes/immunization-basics.md'), 'the planned note is listed as not counted');
    assert.ok(!excluded.includes('notes/federal-law-update.md'));
  });

  it('selects the active editor note under its requirement without taking focus', async () => {
    await vscode.commands.executeCommand('pharmacyCe.progress.focus');
    await waitFor(() => progress.view.visible, 5_000, 'the Progress view to be visible');
    const uri = fixtureUri('notes/look-alike-sound-alike.md');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    try {
      const selected = await waitFor(
        () => progress.view.selection.find((s) => s.kind === 'note' && s.path === 'notes/look-alike-sound-alike.md'),
        5_000,
        'the note to be selected in the Progress view',
      );
      assert.ok(selected);
      const parent = progress.provider.getParent(selected);
      assert.equal(parent?.kind, 'requirement');
      if (!parent) return;
      assert.match(label(await progress.provider.getTreeItem(parent)), /safety/i);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps focus');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('puts the hours needed for the credential due first on the view badge, and names it', async () => {
    const all = index.folders().flatMap((f) => index.progress(f));
    const open = all.filter((p) => p.hours.remaining > 0 && p.cycle.daysLeft >= 0).sort((a, b) => a.cycle.daysLeft - b.cycle.daysLeft);
    assert.ok(open.length >= 2, 'the fixture has two credentials still needing hours');
    const sum = all.reduce((s, p) => s + Math.max(0, p.hours.remaining), 0);
    const due = open[0];
    assert.equal(progress.view.badge?.value, Math.ceil(due.hours.remaining));
    assert.notEqual(progress.view.badge?.value, Math.ceil(sum), 'not the sum over credentials (one course often counts for several)');
    assert.ok(progress.view.badge?.tooltip.includes(due.credential.label), `the tooltip names ${due.credential.label}: ${progress.view.badge?.tooltip}`);
  });

  it('shows a note with an error with its hours as written and its actual problem, and no check icon for what does not count', async () => {
    const { element } = await cphtRow();
    const rows = await items(progress.provider, element);
    const notCounted = rows.find((r) => r.element.kind === 'not-counted');
    assert.ok(notCounted, 'a Not counted row');
    const notes = await items(progress.provider, notCounted.element);
    const bad = notes.find((n) => n.element.kind === 'note' && n.element.path === 'notes/bad-hours.md');
    assert.ok(bad, 'the note with errors is listed as not counted');
    const description = String(bad.item.description);
    assert.match(description, /^-2 h · /, 'the hours as written, not "0 h"');
    assert.ok(description.includes('completed: 2026-04-31 is not a real date'), description);
    assert.ok(!/no date|has errors/.test(description), description);
    assert.match(bad.item.accessibilityInformation?.label ?? '', /has an error/);
    const planned = notes.find((n) => n.element.kind === 'note' && n.element.path === 'notes/immunization-basics.md');
    assert.ok(planned);
    assert.equal((String(planned.item.description).match(/planned/g) ?? []).length, 1, `the status once: ${String(planned.item.description)}`);
    for (const n of notes) assert.notEqual(iconId(n.item), 'check', `${label(n.item)}: no check icon for a note that does not count`);
  });

  it('keeps ids stable across a refresh and shows a new note after a file is created', async () => {
    const before = (await cphtRow()).item.id;
    const uri = fixtureUri('notes/h5-tree-law.md');
    try {
      await vscode.workspace.fs.writeFile(
        uri,
        new TextEncoder().encode('---\ntitle: H5 tree law note\nce_hours: 1\ntopics: [law]\ncompleted: 2026-02-02\n---\n'),
      );
      const lawNotes = async () => {
        const { element } = await cphtRow();
        const law = (await items(progress.provider, element)).find((r) => r.element.kind === 'requirement' && /law/i.test(label(r.item)));
        assert.ok(law);
        return (await items(progress.provider, law.element)).map((n) => (n.element.kind === 'note' ? n.element.path : ''));
      };
      await waitFor(async () => (await lawNotes()).includes('notes/h5-tree-law.md'), 10_000, 'the new note under the law requirement');
      const { item } = await cphtRow();
      assert.match(label(item), /^12 \/ 20 h · /);
      assert.equal(item.id, before);
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await waitFor(async () => /^11 \/ 20 h · /.test(label((await cphtRow()).item)), 10_000, 'the tree back at 11 / 20 h');
  });
});

describe('Notes tree', () => {
  let index: WorkspaceIndex;
  let notes: NotesTreeApi;

  before(async () => {
    index = await waitForIndex();
    notes = (await activateExtension()).features['notes-tree'] as NotesTreeApi;
    assert.ok(notes?.provider, 'the notes-tree feature exports its provider');
    await notes.setGrouping('status');
  });

  after(async () => {
    await notes.setGrouping('status');
  });

  async function groups() {
    return items(notes.provider);
  }

  async function notesIn(groupLabel: RegExp) {
    const group = (await groups()).find((g) => groupLabel.test(label(g.item)));
    assert.ok(group, `a group matching ${groupLabel}`);
    return { group, children: await items(notes.provider, group.element) };
  }

  it('groups CE notes by status with counts, and lists unreadable notes apart', async () => {
    const labels = (await groups()).map((g) => label(g.item));
    assert.deepEqual(labels, ['Planned', 'Completed', 'Could not be read']);
    const planned = await notesIn(/^Planned$/);
    assert.deepEqual(planned.children.map((c) => label(c.item)), ['Immunization Basics for Technicians']);
    assert.match(String(planned.group.item.description), /^1 note · 1\.5 h$/);
    assert.equal(planned.children[0].item.contextValue, 'ceNote.planned');
    assert.match(String(planned.children[0].item.description), /1\.5 h · planned/);

    const completed = await notesIn(/^Completed$/);
    assert.deepEqual(
      completed.children.map((c) => (c.element.kind === 'note' ? c.element.path : '')).sort(),
      [
        'notes/bad-hours.md',
        'notes/diabetes-pharmacotherapy.md',
        'notes/federal-law-update.md',
        'notes/look-alike-sound-alike.md',
        'notes/sterile-compounding-refresher.md',
        'notes/store-in-service.md',
      ],
    );
    assert.match(String(completed.group.item.description), /^6 notes/);
    const lasa = completed.children.find((c) => /Look-Alike/.test(label(c.item)));
    assert.ok(lasa);
    assert.equal(lasa.item.description, '2 h · 2026-02-01');

    const unreadable = await notesIn(/^Could not be read$/);
    assert.deepEqual(unreadable.children.map((c) => (c.element.kind === 'note' ? c.element.path : '')), ['notes/broken-yaml.md']);
    assert.equal(iconId(unreadable.children[0].item), 'error');
  });

  it('marks problem notes with an icon and lists the problems in the tooltip', async () => {
    const completed = await notesIn(/^Completed$/);
    const byPath = (p: string) => completed.children.find((c) => c.element.kind === 'note' && c.element.path === p);
    const bad = byPath('notes/bad-hours.md');
    assert.ok(bad, 'the note with errors is listed (it does not count, but the user must see it)');
    assert.equal(iconId(bad.item), 'error');
    assert.match(tooltipText(bad.item), /Line \d+/);
    const store = byPath('notes/store-in-service.md');
    assert.ok(store);
    assert.equal(iconId(store.item), 'warning');
    assert.match(tooltipText(store.item), /pharmacy\\?-lw/);
    const sterile = byPath('notes/sterile-compounding-refresher.md');
    assert.ok(sterile);
    assert.equal(iconId(sterile.item), 'warning', 'a missing certificate is a warning');
    const federal = byPath('notes/federal-law-update.md');
    assert.equal(iconId(federal?.item ?? {}), 'check');
  });

  it('groups by topic and back through the title-bar commands', async () => {
    await vscode.commands.executeCommand('pharmacyCe.notes.groupByTopic');
    assert.equal(notes.provider.grouping, 'topic');
    const topicGroups = (await groups()).map((g) => label(g.item));
    assert.ok(topicGroups.includes('Patient safety'), topicGroups.join(', '));
    assert.ok(topicGroups.includes('Sterile compounding'));
    // store-in-service's misspelt topic: shown as written and said to be unknown.
    assert.ok(topicGroups.includes('pharmacy-lw (unknown topic)'), topicGroups.join(', '));
    const safety = await notesIn(/^Patient safety$/);
    assert.deepEqual(safety.children.map((c) => label(c.item)), ['Look-Alike, Sound-Alike Drugs: Preventing Mix-ups']);
    // A note with two topics is under both.
    const compounding = await notesIn(/^Compounding$/);
    assert.ok(compounding.children.some((c) => /USP <797>/.test(label(c.item))));
    await vscode.commands.executeCommand('pharmacyCe.notes.groupByStatus');
    assert.equal(notes.provider.grouping, 'status');
    assert.deepEqual((await groups()).map((g) => label(g.item)), ['Planned', 'Completed', 'Could not be read']);
  });

  it('finds the parent of every note (reveal works)', async () => {
    for (const group of await groups()) {
      for (const child of await items(notes.provider, group.element)) {
        const parent = (await notes.provider.getParent?.(child.element)) as NotesElement | undefined;
        assert.equal(parent?.id, group.element.id);
      }
    }
  });

  it('selects the active editor note without taking focus', async () => {
    await vscode.commands.executeCommand('pharmacyCe.notes.focus');
    await waitFor(() => notes.view.visible, 5_000, 'the Notes view to be visible');
    const uri = fixtureUri('notes/look-alike-sound-alike.md');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    try {
      await waitFor(
        () => notes.view.selection.some((s) => s.kind === 'note' && s.path === 'notes/look-alike-sound-alike.md'),
        5_000,
        'the note to be selected in the Notes view',
      );
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps focus');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('updates when a note changes status on disk', async () => {
    const uri = fixtureUri('notes/immunization-basics.md');
    const original = await vscode.workspace.fs.readFile(uri);
    try {
      const text = new TextDecoder().decode(original).replace('status: planned', 'status: in-progress');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await waitFor(async () => (await groups()).some((g) => label(g.item) === 'In progress'), 10_000, 'an In progress group');
      const inProgress = await notesIn(/^In progress$/);
      assert.equal(inProgress.children[0].item.contextValue, 'ceNote.in-progress');
      assert.ok(!(await groups()).some((g) => label(g.item) === 'Planned'));
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await waitFor(async () => (await groups()).some((g) => label(g.item) === 'Planned'), 10_000, 'the Planned group back');
    void index;
  });
});
