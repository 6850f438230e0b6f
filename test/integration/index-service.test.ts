// The workspace index service in a real VS Code: the first index of the fixture, then incremental updates from
// file events (create, edit, rename, delete, a folder at once, a burst, a certificate appearing, the config),
// and unsaved editor text. Every test restores the files it touched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CeNote, CredentialProgress } from '../../src/core/types';
import type { WorkspaceIndex, IndexedFolder } from '../../src/services/types';
import { fixtureUri, waitFor, waitForIndex } from './helpers';

const encoder = new TextEncoder();

function note(title: string, hours: number, extra = ''): string {
  return `---\ntitle: ${title}\nce_hours: ${hours}\ntopics: [law]\ncompleted: 2026-01-05\n${extra}---\nWritten by the index-service test.\n`;
}

async function write(relPath: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fixtureUri(relPath), encoder.encode(text));
}

async function remove(relPath: string, recursive = false): Promise<void> {
  try {
    await vscode.workspace.fs.delete(fixtureUri(relPath), { recursive, useTrash: false });
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
}

function cpht(index: WorkspaceIndex): CredentialProgress | undefined {
  return index.progress(index.folders()[0]).find((p) => p.credential.ruleSetId === 'ptcb-cpht');
}

/** Counts change events while `body` runs and until `settled` holds. */
async function countChanges(index: WorkspaceIndex, body: () => Promise<void>, settled: () => boolean): Promise<number> {
  let count = 0;
  let last = Date.now();
  const subscription = index.onDidChange(() => {
    count++;
    last = Date.now();
  });
  try {
    // Earlier tests' last events (announced 50 ms after their change) must not be counted.
    await waitFor(() => Date.now() - last > 400, 5_000, 'the index to be quiet');
    count = 0;
    await body();
    await waitFor(settled, 15_000, 'the index to reflect the files');
    // Let a straggling second event show itself if there is one.
    await new Promise((resolve) => setTimeout(resolve, 600));
    return count;
  } finally {
    subscription.dispose();
  }
}

describe('Workspace index service', () => {
  let index: WorkspaceIndex;
  let folder: IndexedFolder;

  before(async () => {
    index = await waitForIndex();
    folder = index.folders()[0];
  });

  it('indexes every note of the fixture once, templates excluded', () => {
    assert.equal(index.isReady, true);
    assert.equal(index.folders().length, 1);
    assert.equal(folder.hasConfigFile, true);
    assert.deepEqual(
      folder.index.notes().map((n) => n.path),
      [
        'notes/bad-hours.md',
        'notes/broken-yaml.md',
        'notes/diabetes-pharmacotherapy.md',
        'notes/federal-law-update.md',
        'notes/immunization-basics.md',
        'notes/look-alike-sound-alike.md',
        'notes/sterile-compounding-refresher.md',
        'notes/store-in-service.md',
        'notes/top-200-drugs.md',
      ],
    );
    const kinds = Object.fromEntries(folder.index.notes().map((n) => [n.path.slice(6, -3), n.kind]));
    assert.equal(kinds['broken-yaml'], 'broken');
    assert.equal(kinds['top-200-drugs'], 'study');
    assert.equal(folder.index.ceNotes().length, 7);
  });

  it('evaluates the fixture: CPhT 11 / 20 h', () => {
    const p = cpht(index);
    assert.ok(p);
    assert.equal(p.hours.earned, 11);
    assert.equal(p.hours.required, 20);
    assert.equal(index.asOf(), new Date().toLocaleDateString('en-CA'));
  });

  it('checks certificates on disk: present ones pass, a missing one is a warning', () => {
    const missing = (path: string) => folder.index.problemsFor(path).some((p) => p.code === 'certificate-missing');
    assert.equal(missing('notes/sterile-compounding-refresher.md'), true);
    assert.equal(missing('notes/federal-law-update.md'), false);
    assert.equal(missing('notes/look-alike-sound-alike.md'), false);
  });

  it('maps uris and folder-relative paths both ways', () => {
    const uri = fixtureUri('notes/federal-law-update.md');
    assert.equal(index.relativePath(folder, uri), 'notes/federal-law-update.md');
    assert.equal(index.uriOf(folder, 'notes/federal-law-update.md').toString(), uri.toString());
    assert.equal(index.folderOf(uri), folder);
    assert.equal(index.noteAt(uri)?.note.title, 'Federal Pharmacy Law Update 2025');
    assert.equal(index.noteAt(fixtureUri('templates/ce-template.md')), undefined, 'an excluded file is no note');
  });

  it('follows a note through create, edit, rename and delete', async () => {
    const earned = () => cpht(index)?.hours.earned;
    const start = earned();
    assert.equal(start, 11);
    try {
      let changed = new Promise<void>((resolve) => {
        const s = index.onDidChange((e) => {
          if (e.paths.includes('notes/h5-new.md')) {
            s.dispose();
            resolve();
          }
        });
      });
      await write('notes/h5-new.md', note('H5 created', 2));
      await changed;
      assert.equal(index.noteAt(fixtureUri('notes/h5-new.md'))?.note.title, 'H5 created');
      assert.equal(earned(), 13);

      await write('notes/h5-new.md', note('H5 edited', 3));
      await waitFor(() => index.noteAt(fixtureUri('notes/h5-new.md'))?.note.title === 'H5 edited', 10_000, 'the edit');
      assert.equal(earned(), 14);

      changed = new Promise<void>((resolve) => {
        const s = index.onDidChange((e) => {
          if (e.paths.includes('notes/h5-renamed.md')) {
            s.dispose();
            resolve();
          }
        });
      });
      await vscode.workspace.fs.rename(fixtureUri('notes/h5-new.md'), fixtureUri('notes/h5-renamed.md'));
      await changed;
      await waitFor(() => !folder.index.hasNote('notes/h5-new.md'), 10_000, 'the old path to go');
      assert.equal(index.noteAt(fixtureUri('notes/h5-renamed.md'))?.note.title, 'H5 edited');
      assert.equal(earned(), 14, 'a renamed note counts once');

      await remove('notes/h5-renamed.md');
      await waitFor(() => !folder.index.hasNote('notes/h5-renamed.md'), 10_000, 'the delete');
      assert.equal(earned(), 11);
    } finally {
      await remove('notes/h5-new.md');
      await remove('notes/h5-renamed.md');
    }
  });

  it('coalesces a burst of 40 new notes into one change event', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => `notes/h5-burst-${String(i).padStart(2, '0')}.md`);
    try {
      const events = await countChanges(
        index,
        async () => {
          await Promise.all(paths.map((p, i) => write(p, note(`Burst ${i}`, 0.5))));
        },
        () => paths.every((p) => folder.index.hasNote(p)),
      );
      assert.equal(cpht(index)?.hours.earned, 31);
      assert.equal(events, 1, `one change event for the burst, got ${events}`);
    } finally {
      await Promise.all(paths.map((p) => remove(p)));
      await waitFor(() => paths.every((p) => !folder.index.hasNote(p)), 10_000, 'the burst to be removed');
    }
  });

  it('drops every note of a deleted folder and reads a folder moved in', async () => {
    try {
      await vscode.workspace.fs.createDirectory(fixtureUri('h5-dir'));
      await write('h5-dir/a.md', note('Folder A', 1));
      await write('h5-dir/sub/b.md', note('Folder B', 1));
      await waitFor(() => folder.index.hasNote('h5-dir/a.md') && folder.index.hasNote('h5-dir/sub/b.md'), 10_000, 'the folder notes');

      await vscode.workspace.fs.rename(fixtureUri('h5-dir'), fixtureUri('h5-moved'));
      await waitFor(
        () => !folder.index.hasNote('h5-dir/a.md') && folder.index.hasNote('h5-moved/a.md') && folder.index.hasNote('h5-moved/sub/b.md'),
        10_000,
        'the moved folder',
      );
      await remove('h5-moved', true);
      await waitFor(() => !folder.index.notes().some((n) => n.path.startsWith('h5-')), 10_000, 'the deleted folder');
      assert.equal(cpht(index)?.hours.earned, 11);
    } finally {
      await remove('h5-dir', true);
      await remove('h5-moved', true);
    }
  });

  it('re-checks a certificate when its file appears and goes', async () => {
    const path = 'notes/sterile-compounding-refresher.md';
    const missing = () => folder.index.problemsFor(path).some((p) => p.code === 'certificate-missing');
    assert.equal(missing(), true);
    try {
      await write('certificates/usp797-missing.pdf', '%PDF-1.4 test');
      await waitFor(() => !missing(), 10_000, 'the certificate to be found');
    } finally {
      await remove('certificates/usp797-missing.pdf');
    }
    await waitFor(missing, 10_000, 'the certificate to be missing again');
  });

  it('re-reads the folder when .pharmacy-ce.json changes', async () => {
    const configUri = fixtureUri('.pharmacy-ce.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    const ids = () => index.progress(folder).map((p) => p.credential.id);
    assert.equal(ids().length, 2);
    try {
      const config = JSON.parse(new TextDecoder().decode(original)) as { credentials: unknown[]; exclude: string[] };
      config.credentials = config.credentials.slice(0, 1);
      config.exclude = ['templates/**', 'notes/store-*'];
      await vscode.workspace.fs.writeFile(configUri, encoder.encode(JSON.stringify(config, null, 2)));
      await waitFor(() => ids().length === 1 && !folder.index.hasNote('notes/store-in-service.md'), 10_000, 'the new config');
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
    await waitFor(() => ids().length === 2 && folder.index.hasNote('notes/store-in-service.md'), 10_000, 'the restored config');
    assert.equal(cpht(index)?.hours.earned, 11);
  });

  it('takes unsaved text from the editor and goes back to the disk on reload', async () => {
    const uri = fixtureUri('notes/immunization-basics.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const status = () => (index.noteAt(uri)?.note as CeNote | undefined)?.status;
    assert.equal(status(), 'planned');
    index.updateFromText(uri, text.replace('status: planned', 'status: completed\ncompleted: 2026-01-02'));
    assert.equal(status(), 'completed', 'applied at once, for diagnostics');
    assert.equal(cpht(index)?.hours.earned, 12.5);
    await index.reloadFromDisk(uri);
    assert.equal(status(), 'planned');
    assert.equal(cpht(index)?.hours.earned, 11);
  });

  it('rebuilds on demand with the same result', async () => {
    const before = folder.index.notes().map((n) => n.path);
    await index.rebuild();
    assert.deepEqual(index.folders()[0].index.notes().map((n) => n.path), before);
    assert.equal(cpht(index)?.hours.earned, 11);
  });
});
