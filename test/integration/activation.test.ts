// The extension starts in a real VS Code on the fixture workspace, registers what it declares, and its index
// agrees with what the pure core computes from the same files read with Node's fs.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CredentialProgress } from '../../src/core/types';
import type { ProgressTreeApi } from '../../src/features/progress-tree';
import type { NotesTreeApi } from '../../src/features/notes-tree';
import type { StudyTreeApi } from '../../src/features/study-tree';
import type { CareerTreeApi } from '../../src/features/career-tree';
import { EXTENSION_ID, activateExtension, coreWorkspaceFor, fixtureRoot, waitForIndex } from './helpers';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

/** The figures a user sees for a credential, in a form assert can compare and print. */
function figures(progress: CredentialProgress[]) {
  return progress.map((p) => ({
    id: p.credential.id,
    cycle: `${p.cycle.start}..${p.cycle.end}`,
    hours: p.hours,
    met: p.met,
    state: p.state,
    requirements: p.requirements.map((r) => `${r.id} ${r.earned}/${r.required}${r.met ? ' met' : ''}`),
    counted: [...p.countedNotes].sort(),
  }));
}

describe('Activation in the fixture workspace', () => {
  it('activates and every feature starts', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const api = await activateExtension();
    assert.ok(extension.isActive);
    // A feature whose activate() throws is left out of `features` (and logged): every feature folder (one with an
    // index.ts; views/ holds helpers the sidebar features share) must be there.
    const features = path.join(extension.extensionPath, 'src', 'features');
    const featureFolders = fs
      .readdirSync(features, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(features, e.name, 'index.ts')))
      .map((e) => e.name)
      .sort();
    assert.ok(featureFolders.length > 0);
    assert.deepEqual(Object.keys(api.features).sort(), featureFolders);
    // Activation stays light: the dashboard renderer (with markdown-it) loads when a dashboard is drawn.
    assert.ok(!Object.keys(require.cache).some((file) => file.endsWith('dashboard-render.js')), 'the dashboard renderer is not loaded yet');
  });

  // "There is no data provider registered that can provide view data" shows in a tree view with no provider:
  // every provider is registered by activate() itself (no await before them), and before that the manifest's
  // loading welcome shows (its condition holds until the index sets pharmacyCe.ready).
  it('has every tree view with its provider as soon as activate() resolves', async () => {
    const api = await activateExtension();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest & { contributes: { views: Record<string, { id: string }[]> } };
    const progress = api.features['progress-tree'] as ProgressTreeApi | undefined;
    const notes = api.features['notes-tree'] as NotesTreeApi | undefined;
    const study = api.features['study-tree'] as StudyTreeApi | undefined;
    const career = api.features['career-tree'] as CareerTreeApi | undefined;
    assert.deepEqual(manifest.contributes.views.pharmacyCe.map((v) => v.id).sort(), ['pharmacyCe.career', 'pharmacyCe.notes', 'pharmacyCe.progress', 'pharmacyCe.study'], 'the four tree views');
    for (const tree of [progress, notes, study, career]) {
      assert.ok(tree?.view && tree.provider, 'a view with its provider');
      // A view that says nothing while the index is read would show the welcome, never VS Code's message.
      assert.ok(api.index.isReady || tree.view.message, 'says "Reading your notes…" until the index is ready');
    }
  });

  it('registers every command that package.json declares', async () => {
    await activateExtension();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length >= 10, 'the manifest declares the commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((c) => !registered.has(c)), [], 'declared but not registered');
  });

  it('indexes the fixture like the core does', async () => {
    const index = await waitForIndex();
    assert.equal(index.isReady, true);
    const folders = index.folders();
    assert.equal(folders.length, 1);
    const folder = folders[0];
    assert.equal(folder.hasConfigFile, true);

    const asOf = index.asOf();
    const core = coreWorkspaceFor(fixtureRoot(), asOf);
    assert.deepEqual(folder.index.notes().map((n) => n.path), core.notes().map((n) => n.path), 'same notes (templates/** excluded)');
    assert.ok(!folder.index.notes().some((n) => n.path.startsWith('templates/')));

    const problemKeys = (problems: { file: string; line: number; code?: string; severity: string }[]) =>
      problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.code ?? ''}`).sort();
    assert.deepEqual(problemKeys(folder.index.problems()), problemKeys(core.problems()), 'same problems, same lines');

    assert.deepEqual(figures(index.progress(folder)), figures(core.evaluate(asOf)), 'same progress');
  });

  it('the Progress tree shows each credential with the hours the core computes', async () => {
    const api = await activateExtension();
    const index = await waitForIndex();
    const tree = api.features['progress-tree'] as ProgressTreeApi | undefined;
    assert.ok(tree?.provider, 'the progress-tree feature exposes its provider');
    // Rows a person can see without expanding anything beyond the credentials (folder rows come first in multi-root).
    const labels: string[] = [];
    const visit = async (element: unknown, depth: number) => {
      const children = (await tree.provider.getChildren(element as never)) ?? [];
      for (const child of children) {
        const item = await tree.provider.getTreeItem(child);
        labels.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
        if (depth < 1) await visit(child, depth + 1);
      }
    };
    await visit(undefined, 0);
    const hours = (n: number) => String(Math.round(n * 100) / 100);
    const expected = coreWorkspaceFor(fixtureRoot(), index.asOf())
      .evaluate(index.asOf())
      .map((p) => `${hours(p.hours.earned)} / ${hours(p.hours.required)} h · ${p.credential.label}`);
    assert.ok(expected.includes('11 / 20 h · PTCB CPhT'), `the core computes 11 / 20 h for CPhT: ${JSON.stringify(expected)}`);
    assert.deepEqual(expected.filter((e) => !labels.includes(e)), [], `tree rows: ${JSON.stringify(labels)}`);
  });

  it('shows the fixture figures a user expects', async () => {
    const index = await waitForIndex();
    const progress = index.progress(index.folders()[0]);
    const cpht = progress.find((p) => p.credential.ruleSetId === 'ptcb-cpht');
    assert.ok(cpht, 'the PTCB CPhT credential is configured');
    assert.equal(`${cpht.cycle.start}..${cpht.cycle.end}`, '2025-04-01..2027-03-31');
    assert.equal(cpht.hours.earned, 11, 'CPhT hours earned');
    assert.equal(cpht.hours.required, 20, 'CPhT hours required');
    const requirement = (id: string) => cpht.requirements.find((r) => r.id === id || r.label.toLowerCase().includes(id));
    assert.equal(requirement('law')?.earned, 1, 'CPhT law hours');
    assert.equal(requirement('law')?.met, true);
    assert.equal(requirement('patient-safety')?.earned ?? requirement('safety')?.earned, 2, 'CPhT patient-safety hours');
    assert.ok(!cpht.countedNotes.includes('notes/immunization-basics.md'), 'a planned note does not count');
    assert.ok(!cpht.countedNotes.includes('notes/bad-hours.md'), 'a note with errors does not count');

    const tx = progress.find((p) => p.credential.id === 'tx');
    assert.ok(tx, 'the Texas credential is configured');
    assert.equal(`${tx.cycle.start}..${tx.cycle.end}`, '2025-01-01..2026-12-31');

    const problems = index.folders()[0].index.problems();
    const broken = problems.find((p) => p.file === 'notes/broken-yaml.md' && p.severity === 'error');
    assert.ok(broken && broken.line > 1, 'the YAML error has a line inside the frontmatter');
    assert.ok(problems.some((p) => p.file === 'notes/sterile-compounding-refresher.md' && p.code === 'certificate-missing'));
    assert.ok(!problems.some((p) => p.file === 'notes/top-200-drugs.md'), 'a study note is not a problem');
  });
});
