// Multi-root: each workspace folder is its own CE workspace with its own config; the trees put folder nodes on
// top. Runs only when VS Code has more than one folder open: the standard run opens one folder, so it is skipped
// there. It expects a .code-workspace of two fixture copies, the second one's config holding only its first
// (CPhT) credential; open it with `?workspace=<file>` instead of `?folder=` in the harness's workbench URL.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProgressTreeApi } from '../../src/features/progress-tree';
import type { NotesTreeApi } from '../../src/features/notes-tree';
import { activateExtension, waitFor, waitForIndex } from './helpers';

describe('Multi-root workspace', function () {
  before(function () {
    if ((vscode.workspace.workspaceFolders ?? []).length < 2) this.skip();
  });

  it('indexes each folder with its own config and shows folder nodes on top', async () => {
    const index = await waitForIndex();
    const folders = vscode.workspace.workspaceFolders!;
    assert.equal(index.folders().length, folders.length);
    // The second folder's config was edited by the runner to hold only the CPhT credential.
    const counts = index.folders().map((f) => index.progress(f).length);
    assert.deepEqual(counts, [2, 1]);
    for (const f of index.folders()) {
      assert.equal(index.progress(f).find((p) => p.credential.ruleSetId === 'ptcb-cpht')?.hours.earned, 11);
      const uri = index.uriOf(f, 'notes/federal-law-update.md');
      assert.equal(index.folderOf(uri), f, 'a uri maps to its own folder');
      assert.equal(index.relativePath(f, uri), 'notes/federal-law-update.md');
    }

    const api = await activateExtension();
    const progress = api.features['progress-tree'] as ProgressTreeApi;
    const roots = await progress.provider.getChildren(undefined);
    assert.deepEqual(
      roots.map((r) => r.kind),
      ['folder', 'folder'],
    );
    const labels = await Promise.all(roots.map(async (r) => (await progress.provider.getTreeItem(r)).label));
    assert.deepEqual(labels, folders.map((f) => f.name));
    const ids = new Set<string>();
    for (const root of roots) {
      for (const credential of await progress.provider.getChildren(root)) {
        assert.equal(credential.kind, 'credential');
        assert.equal(await progress.provider.getParent(credential), root);
        const item = await progress.provider.getTreeItem(credential);
        assert.ok(item.id && !ids.has(item.id), 'ids are unique across folders');
        ids.add(item.id);
      }
    }

    const notes = api.features['notes-tree'] as NotesTreeApi;
    const noteRoots = await notes.provider.getChildren(undefined);
    assert.deepEqual(noteRoots.map((r) => r.kind), ['folder', 'folder']);
    const groups = await notes.provider.getChildren(noteRoots[1]);
    assert.ok(groups.length >= 2 && groups.every((g) => g.kind === 'group'));
  });

  it('indexes a folder added at runtime and forgets a removed one', async () => {
    const index = await waitForIndex();
    const api = await activateExtension();
    const progress = api.features['progress-tree'] as ProgressTreeApi;
    // A third folder: a copy of the first one's notes with no config (the default CPhT credential applies).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-third-'));
    fs.cpSync(path.join(index.folders()[0].folder.uri.fsPath, 'notes'), path.join(root, 'notes'), { recursive: true });
    const third = vscode.Uri.file(root);
    try {
      assert.ok(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: third, name: 'third' }));
      await waitFor(() => index.folders().length === 3 && index.folders()[2].index.size === 9, 15_000, 'the added folder to be indexed');
      const added = index.folders()[2];
      assert.equal(added.hasConfigFile, false);
      assert.equal(index.progress(added).length, 1, 'the default credential');
      await waitFor(async () => (await progress.provider.getChildren(undefined)).length === 3, 5_000, 'a third folder node');
    } finally {
      vscode.workspace.updateWorkspaceFolders(2, 1);
      await waitFor(() => index.folders().length === 2, 15_000, 'the folder to be removed');
      fs.rmSync(root, { recursive: true, force: true });
    }
    await waitFor(async () => (await progress.provider.getChildren(undefined)).length === 2, 5_000, 'two folder nodes again');
  });

  it('follows a change in one folder only', async () => {
    const index = await waitForIndex();
    const [first, second] = index.folders();
    const uri = index.uriOf(second, 'notes/h5-multi.md');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: Second folder note\nce_hours: 2\ncompleted: 2026-01-10\n---\n'));
      await waitFor(() => index.progress(second)[0]?.hours.earned === 13, 10_000, 'the second folder to count the note');
      assert.equal(index.progress(first).find((p) => p.credential.ruleSetId === 'ptcb-cpht')?.hours.earned, 11);
      assert.equal(index.noteAt(uri)?.folder, second);
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await waitFor(() => index.progress(second)[0]?.hours.earned === 11, 10_000, 'the note to go');
  });
});
