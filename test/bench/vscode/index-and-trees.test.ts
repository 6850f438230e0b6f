// `npm run bench:vscode`: the index and the trees in a real VS Code with 10,000 generated notes. Prints figures
// (lines starting `[bench]`), asserts no time: speed is measured here, never a pass or fail condition.
// PHARMACY_CE_BENCH_NOTES sets another number of notes.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { fixtureUri, waitFor, waitForIndex } from '../../integration/helpers';

const encoder = new TextEncoder();

function note(title: string, hours: number): string {
  return `---\ntitle: ${title}\nce_hours: ${hours}\ntopics: [law]\ncompleted: 2026-01-05\n---\nWritten by the benchmark.\n`;
}

describe('Index and trees with 10,000 notes (benchmark)', function () {
  this.timeout(10 * 60_000);
  const count = Number(process.env.PHARMACY_CE_BENCH_NOTES ?? 10_000);

  it('prints the time to index, populate the trees and reflect one edit', async () => {
    const index = await waitForIndex();
    const folder = index.folders()[0];
    const api = vscode.extensions.getExtension('pharmacy-ce-notes.pharmacy-ce-notes')!.exports as {
      features: Record<string, { provider: vscode.TreeDataProvider<unknown> } | undefined>;
    };
    const root = fixtureUri('bench-h5').fsPath;
    const figures: string[] = [];
    const report = (line: string) => {
      figures.push(line);
      const file = process.env.PHARMACY_CE_TEST_RESULT;
      if (file) fs.appendFileSync(file, `      [bench] ${line}\n`);
    };
    const topics = ['law', 'patient-safety', 'disease-state', 'general', 'compounding'];
    try {
      // A folder created together with its parent is not watched on Linux (inotify adds the parent's watch
      // too late): create the root first, as a user's notes folder would already exist.
      fs.mkdirSync(root);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      let t = Date.now();
      for (let dir = 0; dir < count / 100; dir++) {
        fs.mkdirSync(`${root}/d${dir}`, { recursive: true });
        for (let i = 0; i < 100; i++) {
          const n = dir * 100 + i;
          const day = String((n % 28) + 1).padStart(2, '0');
          const month = String((n % 12) + 1).padStart(2, '0');
          fs.writeFileSync(
            `${root}/d${dir}/n${n}.md`,
            `---\ntitle: Generated note ${n}\nce_hours: ${(n % 4) * 0.5 + 0.5}\ntopics: [${topics[n % topics.length]}]\ncompleted: 2025-${month}-${day}\n---\n# Note ${n}\n\nSome text about the activity.\n`,
          );
        }
      }
      report(`wrote ${count} notes in ${Date.now() - t} ms`);
      t = Date.now();
      await waitFor(() => folder.index.size >= count + 9, 5 * 60_000, 'the watcher to index the generated notes');
      report(`file events -> ${folder.index.size} notes indexed ${Date.now() - t} ms after the last write`);

      // Let the tail of the file events (a change after each create) be applied before timing the rebuild.
      let last = Date.now();
      const quiet = index.onDidChange(() => (last = Date.now()));
      await waitFor(() => Date.now() - last > 1000, 60_000, 'the index to be quiet');
      // reloadFromDisk is queued behind every pending index update: once it resolves, the queue is empty.
      await index.reloadFromDisk(fixtureUri('notes/federal-law-update.md'));
      report(`index quiet and its update queue drained ${Date.now() - t} ms after the last write`);
      t = Date.now();
      await index.rebuild();
      report(`refresh (rebuild: every file re-read, unchanged ones not re-parsed) of ${index.folders()[0].index.size} files: ${Date.now() - t} ms`);

      // Where an index's time goes: listing and reading alone, as the index does them.
      t = Date.now();
      const listed = await vscode.workspace.findFiles(new vscode.RelativePattern(folder.folder, '**/*.md'), '{**/node_modules/**,**/.git/**}');
      const listMs = Date.now() - t;
      const readAll = async (inFlight: number) => {
        const started = Date.now();
        let next = 0;
        await Promise.all(
          Array.from({ length: inFlight }, async () => {
            while (next < listed.length) await vscode.workspace.fs.readFile(listed[next++]);
          }),
        );
        return Date.now() - started;
      };
      report(`of which: findFiles ${listed.length} files ${listMs} ms, workspace.fs.readFile of all (32 in flight) ${await readAll(32)} ms`);
      report(`  (8 in flight ${await readAll(8)} ms, 128 in flight as the index ${await readAll(128)} ms)`);
      const nodeStarted = Date.now();
      let nodeNext = 0;
      await Promise.all(Array.from({ length: 128 }, async () => {
        while (nodeNext < listed.length) await fs.promises.readFile(listed[nodeNext++].fsPath, 'utf8');
      }));
      report(`  (Node's fs.promises.readFile of all, 128 in flight: ${Date.now() - nodeStarted} ms)`);

      // A rule-set setting makes a fresh index: every file read and parsed, as at activation.
      const settings = vscode.workspace.getConfiguration('pharmacyCe');
      // The fresh FolderIndex is swapped in once every file is parsed: its identity tells when.
      const fresh = async (value: number | undefined) => {
        const before = folder.index;
        const started = Date.now();
        await settings.update('csptSterileHours', value, vscode.ConfigurationTarget.Global);
        await waitFor(() => folder.index !== before, 5 * 60_000, 'a fresh index');
        return Date.now() - started;
      };
      report(`index from scratch (settings change) of ${folder.index.size} files: ${await fresh(3)} ms`);
      report(`again, settings restored: ${await fresh(undefined)} ms`);
      await waitFor(() => Date.now() - last > 1000, 60_000, 'the index to be quiet');

      for (const name of ['progress-tree', 'notes-tree']) {
        const provider = api.features[name]!.provider;
        t = Date.now();
        let items = 0;
        const visit = async (element?: unknown) => {
          for (const child of (await provider.getChildren(element)) ?? []) {
            await provider.getTreeItem(child);
            items++;
            await visit(child);
          }
        };
        (provider as unknown as { refresh(): void }).refresh();
        await visit();
        report(`${name}: ${items} items built (every node expanded) in ${Date.now() - t} ms`);
      }

      quiet.dispose();
      const edited = index.uriOf(index.folders()[0], 'bench-h5/d0/n0.md');
      t = Date.now();
      await vscode.workspace.fs.writeFile(edited, encoder.encode(note('Edited generated note', 4)));
      await waitFor(() => index.noteAt(edited)?.note.title === 'Edited generated note', 30_000, 'the edit');
      const afterIndex = Date.now() - t;
      const provider = api.features['notes-tree']!.provider;
      await provider.getChildren(undefined);
      report(`one edit reflected in the index ${afterIndex} ms after the write (debounce 150 ms included), root rebuilt ${Date.now() - t} ms`);
      assert.ok(folder.index.size >= count);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      await waitFor(() => !index.folders()[0].index.notes().some((n) => n.path.startsWith('bench-h5/')), 60_000, 'the generated notes to go');
    }
    assert.ok(figures.length >= 4);
  });
});
