// Where study shows in a real VS Code: the Study view (items, counts, clicks, parents, live updates), the cards
// status bar item, the dashboard's Study section and Export Cards to Anki, on the fixture with three notes of
// cards and a review log written by this file (and removed after it).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { REVIEW_LOG_FILE } from '../../src/core/study/types';
import type { AnkiExportApi } from '../../src/features/anki-export';
import type { DashboardApi } from '../../src/features/dashboard';
import type { StudyStatusBar } from '../../src/features/study-status';
import type { StudyElement, StudyTreeApi } from '../../src/features/study-tree';
import type { WorkspaceIndex } from '../../src/services/types';
import { activateExtension, coreWorkspaceFor, fixtureRoot, fixtureUri, waitFor, waitForIndex } from './helpers';

const MEDS = 'notes/study-top-drugs.md';
const LAW = 'notes/study-federal-law.md';
const LOOSE = 'notes/study-loose-ends.md';
const NOTES: Record<string, string> = {
  [MEDS]: [
    '---', 'title: Top drugs cards', 'exam: ptce', 'domain: medications', '---', '# Top drugs', '',
    '> **Q:** What is the brand name of lisinopril?', '>', '> **A:** Zestril or Prinivil', '',
    'Metformin :: a biguanide for type 2 diabetes', '',
    'Warfarin is monitored with the {{c1::INR}} test.', '',
  ].join('\n'),
  [LAW]: ['---', 'title: Federal law cards', 'exam: ptce', 'domain: federal-requirements', '---', '', 'DEA Form 222 :: ordering Schedule II drugs', ''].join('\n'),
  [LOOSE]: ['---', 'title: Loose cards', '---', '', 'NDC :: National Drug Code', ''].join('\n'),
};

interface StatusApi {
  item: vscode.StatusBarItem;
  statusBar: StudyStatusBar;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** A tooltip's text as read (Markdown escapes removed). */
function tooltipText(item: { tooltip?: string | vscode.MarkdownString }): string {
  return (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '')).replace(/\\(.)/g, '$1');
}

describe('Study surfaces', function () {
  this.timeout(60_000);
  let index: WorkspaceIndex;
  let tree: StudyTreeApi;
  let status: StatusApi;
  let qaId: string;

  async function rows(parent?: StudyElement): Promise<{ element: StudyElement; item: vscode.TreeItem }[]> {
    const children = tree.provider.getChildren(parent);
    return Promise.all(children.map(async (element) => ({ element, item: await tree.provider.getTreeItem(element) })));
  }

  before(async () => {
    index = await waitForIndex();
    const features = (await activateExtension()).features;
    tree = features['study-tree'] as StudyTreeApi;
    status = features['study-status'] as StatusApi;
    assert.ok(tree?.provider && status?.item, 'the study-tree and study-status features started');
    const root = fixtureRoot();
    for (const [file, text] of Object.entries(NOTES)) fs.writeFileSync(path.join(root, file), text);
    // The card ids as the core makes them, to write a review of the question card 10 days ago: one Good
    // review then leaves it due (FSRS's first interval after Good is a few days).
    const core = coreWorkspaceFor(root, index.asOf());
    const cards = core.getNote(MEDS)?.study?.cards ?? [];
    assert.equal(cards.length, 3, `the core finds the 3 cards of ${MEDS}`);
    qaId = cards.find((c) => c.type === 'qa')?.id ?? '';
    fs.mkdirSync(path.join(root, '.pharmacy-ce'), { recursive: true });
    fs.writeFileSync(path.join(root, ...REVIEW_LOG_FILE.split('/')), `${JSON.stringify({ card: qaId, at: new Date(Date.now() - 10 * 86_400_000).toISOString(), rating: 3 })}\n`);
    await waitFor(() => index.study(index.folders()[0]).cards.length === 5 && index.study(index.folders()[0]).summary.due === 1, 20_000, 'the index to have the 5 cards and the review');
  });

  after(async () => {
    const root = fixtureRoot();
    for (const file of Object.keys(NOTES)) fs.rmSync(path.join(root, file), { force: true });
    fs.rmSync(path.join(root, '.pharmacy-ce'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'transcripts'), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('pharmacyCe').update('study.statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => index.study(index.folders()[0]).cards.length === 0, 20_000, 'the cards to be gone');
    ((await activateExtension()).features['dashboard'] as DashboardApi | undefined)?.panel()?.dispose();
  });

  it('shows exam -> domain -> note -> card with due, new, total and readiness', async () => {
    // The view follows the index's change event: wait for the refresh that has the review in it.
    await waitFor(async () => {
      const roots = await rows();
      return roots.length === 2 && / · 1 due · /.test(String(roots[0].item.description));
    }, 10_000, 'the PTCE row with the reviewed card due, and the No exam set row');
    const [ptce, none] = await rows();
    assert.equal(ptce.element.kind, 'exam');
    assert.match(label(ptce.item), /PTCE/);
    assert.match(String(ptce.item.description), /^\d+% ready · 1 due · 3 new · 4 cards/);
    assert.match(tooltipText(ptce.item), /how likely you are to remember this exam's cards today/);
    assert.match(tooltipText(ptce.item), /Outline: .+, as of /);
    assert.equal(ptce.item.contextValue, 'studyExam');
    assert.equal(label(none.item), 'No exam set');
    assert.equal(String(none.item.description), '0% ready · 0 due · 1 new · 1 card');
    assert.match(tooltipText(none.item), /exam: ptce/);

    const domains = await rows(ptce.element);
    const byId = new Map(domains.map((d) => [d.element.kind === 'domain' ? d.element.group.id : '', d]));
    assert.deepEqual([...byId.keys()], ['medications', 'federal-requirements', 'patient-safety-qa', 'order-entry']);
    const meds = byId.get('medications')!;
    assert.equal(label(meds.item), 'Medications (35%)');
    assert.match(String(meds.item.description), /^\d+% ready · 1 due · 2 new · 3 cards$/);
    assert.equal(String(byId.get('federal-requirements')!.item.description), '0% ready · 0 due · 1 new · 1 card');
    // The plan marks Order Entry's wording unverified: the row says so after "no cards yet".
    assert.match(String(byId.get('order-entry')!.item.description), /^no cards yet( · not verified)?$/);
    assert.equal(byId.get('order-entry')!.item.collapsibleState, vscode.TreeItemCollapsibleState.None);

    const [note] = await rows(meds.element);
    assert.equal(label(note.item), 'Top drugs cards');
    assert.match(String(note.item.description), /^\d+% ready · 1 due · 2 new · 3 cards$/);
    assert.equal(note.item.contextValue, 'studyNote');
    assert.deepEqual(tree.provider.scopeOf(note.element), { folder: index.folders()[0].folder.uri.toString(), note: MEDS });
    assert.deepEqual(tree.provider.scopeOf(meds.element), { folder: index.folders()[0].folder.uri.toString(), exam: 'ptce', domain: 'medications' });

    const cards = await rows(note.element);
    assert.deepEqual(cards.map((c) => label(c.item)), ['What is the brand name of lisinopril?', 'Metformin', 'Warfarin is monitored with the [...] test.']);
    assert.deepEqual(cards.map((c) => String(c.item.description)), ['due', 'new', 'new']);
    // getParent walks back up (reveal needs it) to the very objects the view was given.
    assert.equal(tree.provider.getParent(cards[0].element), note.element);
    assert.equal(tree.provider.getParent(note.element), meds.element);
    assert.equal(tree.provider.getParent(meds.element), ptce.element);
    assert.equal(tree.provider.getParent(ptce.element), undefined);
  });

  it('keeps ids across a refresh, so expansion and selection stay', async () => {
    const before = (await rows()).map((r) => r.item.id);
    tree.provider.refresh();
    assert.deepEqual((await rows()).map((r) => r.item.id), before);
    assert.equal(new Set(before).size, before.length);
  });

  it('opens the note at the card\'s line when a card is clicked', async () => {
    const [ptce] = await rows();
    const [meds] = await rows(ptce.element);
    const [note] = await rows(meds.element);
    const cards = await rows(note.element);
    const command = cards[1].item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.path.endsWith(MEDS) ? vscode.window.activeTextEditor : undefined), 10_000, 'the note to open');
    assert.equal(editor!.selection.active.line + 1, NOTES[MEDS].split('\n').indexOf('Metformin :: a biguanide for type 2 diabetes') + 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows the cards due today in the status bar, with the exam\'s readiness; click starts a review', async () => {
    await waitFor(() => status.statusBar.visible && status.item.text === '$(book) 1 card due', 10_000, `the status text (is ${status.item.text})`);
    assert.equal((status.item.command as vscode.Command).command, 'pharmacyCe.startReview');
    const tooltip = tooltipText(status.item);
    assert.match(tooltip, /1 due today, 4 new, 5 cards in all\./);
    assert.match(tooltip, /PTCE.*: \d+% ready\./);
  });

  it('hides the status bar item when the setting is off', async () => {
    await vscode.workspace.getConfiguration('pharmacyCe').update('study.statusBar.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => !status.statusBar.visible, 10_000, 'the item to hide');
    await vscode.workspace.getConfiguration('pharmacyCe').update('study.statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => status.statusBar.visible, 10_000, 'the item to show again');
  });

  it('follows a new card in a note: the view and the status bar', async () => {
    const root = fixtureRoot();
    fs.writeFileSync(path.join(root, LAW), `${NOTES[LAW]}\nCII :: Schedule II\n`);
    try {
      await waitFor(async () => {
        const [ptce] = await rows();
        return /· 5 cards/.test(String(ptce?.item.description));
      }, 15_000, 'the PTCE row to count 5 cards');
      assert.match(tooltipText(status.item), /5 new, 6 cards in all/);
    } finally {
      fs.writeFileSync(path.join(root, LAW), NOTES[LAW]);
    }
    await waitFor(() => index.study(index.folders()[0]).cards.length === 5, 15_000, 'back to 5 cards');
  });

  it('draws the dashboard\'s Study section with the readiness ring, domain bars and forecast', async () => {
    await vscode.commands.executeCommand('pharmacyCe.openDashboard');
    const dashboard = (await activateExtension()).features['dashboard'] as DashboardApi;
    // The section is there even without cards (an earlier suite may have drawn it so): wait for the exam's ring.
    const ring = /<svg class="ring"[^>]*aria-label="PTCE[^"]*readiness: \d+%"/;
    const render = await waitFor(() => (ring.test(dashboard.lastRender()?.html ?? '') ? dashboard.lastRender() : undefined), 15_000, 'the Study section with the PTCE ring');
    const html = render!.html;
    assert.match(html, /aria-label="Medications, 35% of the exam: \d+% ready, 3 cards"/);
    assert.match(html, /<strong>1 card due today<\/strong>/);
    assert.equal((html.match(/<rect class="day/g) ?? []).length, 30);
    const study = dashboard.currentModel()?.folders[0].studyCards;
    assert.deepEqual(study && [study.total, study.new, study.dueToday], [5, 4, 1]);
    // A Start Review naming a plan the folder does not know is refused before any command runs.
    assert.equal(await dashboard.receive({ type: 'startReview', folder: index.folders()[0].folder.uri.toString(), exam: 'no-such-exam' }), false);
  });

  it('exports the cards to Anki inside the folder, next to the transcripts', async () => {
    const anki = (await activateExtension()).features['anki-export'] as AnkiExportApi;
    const uri = await anki.exportCards(index.folders()[0].folder.uri, { overwrite: true, quiet: true });
    assert.ok(uri, 'a file was written');
    assert.equal(path.relative(fixtureRoot(), uri.fsPath).split(path.sep)[0], 'transcripts');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^#separator:tab/m);
    assert.match(text, /lisinopril/);
    assert.ok(fixtureUri('transcripts').fsPath.startsWith(fixtureRoot()));
  });
});
