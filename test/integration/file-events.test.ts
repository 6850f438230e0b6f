// File events that replace or remove a whole folder or a link, in the real VS Code: a folder deleted and made
// again within one burst (what `rm -rf x && mkdir x` or a branch switch does), made and deleted within one,
// deleted with a link inside, swapped by renames, and a link to a note removed. Each test works in folders of
// its own and removes them.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IndexedFolder, WorkspaceIndex } from '../../src/services/types';
import { fixtureRoot, waitFor, waitForIndex } from './helpers';

const NOTE = (title: string, hours = 1) => `---\ntitle: ${title}\nce_hours: ${hours}\ntopics: [law]\ncompleted: 2026-01-05\n---\nWritten by the file-events test.\n`;

/** True when `actual` is `expected`; otherwise throws with both, which waitFor reports if it times out. */
function same(actual: string[], expected: string[]): true {
  assert.deepEqual(actual, expected);
  return true;
}

/** Absolute path in the fixture copy of a `/`-separated relative one. */
const at = (relPath: string) => path.join(fixtureRoot(), ...relPath.split('/'));

/** Writes files (synchronously, so a set of writes lands in one burst of events), making their folders. */
function writeNotes(files: Record<string, string>): void {
  for (const [relPath, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(at(relPath)), { recursive: true });
    fs.writeFileSync(at(relPath), text);
  }
}

describe('File events: folders and links replaced within a burst', function () {
  this.timeout(40_000);
  let index: WorkspaceIndex;
  let folder: IndexedFolder;
  const made = ['fe-swap', 'fe-swap-old', 'fe-swap-new', 'fe-brief', 'fe-gone', 'fe-sentinel.md', 'fe-outside', 'notes/fe-link.md'];

  const titles = (prefix: string) =>
    folder.index
      .notes()
      .filter((n) => n.path.startsWith(prefix))
      .map((n) => `${n.path} ${n.title}`);

  /** Writes a note of its own and waits for it: the events of what was done before it have been applied. */
  async function settled(): Promise<void> {
    const text = NOTE(`Sentinel ${Date.now()}`);
    fs.writeFileSync(at('fe-sentinel.md'), text);
    await waitFor(() => folder.index.getNote('fe-sentinel.md')?.title === text.split('\n')[1].slice(7), 15_000, 'the sentinel note');
  }

  let outside: string;
  let outsideNote: string;

  before(async () => {
    index = await waitForIndex();
    folder = index.folders()[0];
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-outside-')));
    outsideNote = path.join(outside, 'passwd');
    fs.writeFileSync(outsideNote, NOTE('Outside'));
  });

  after(() => fs.rmSync(outside, { recursive: true, force: true }));

  afterEach(async () => {
    for (const relPath of made) fs.rmSync(at(relPath), { recursive: true, force: true });
    await waitFor(() => !folder.index.notes().some((n) => n.path.startsWith('fe-')) && folder.index.fileProblems().length === 0, 15_000, 'the test files gone');
  });

  it('a folder deleted and made again in one burst: the notes that went are dropped, the new ones read', async () => {
    writeNotes({ 'fe-swap/a.md': NOTE('A'), 'fe-swap/b.md': NOTE('B'), 'fe-swap/sub/c.md': NOTE('C') });
    await waitFor(() => titles('fe-swap/').length === 3, 15_000, 'the folder indexed');
    fs.rmSync(at('fe-swap'), { recursive: true });
    writeNotes({ 'fe-swap/a.md': NOTE('A again'), 'fe-swap/d.md': NOTE('D'), 'fe-swap/sub/e.md': NOTE('E') });
    await waitFor(() => same(titles('fe-swap/'), ['fe-swap/a.md A again', 'fe-swap/d.md D', 'fe-swap/sub/e.md E']), 15_000, 'the new folder read');
  });

  it('a folder swapped by two renames in one burst (as a branch switch does): its notes are the new ones', async () => {
    writeNotes({ 'fe-swap/a.md': NOTE('Old A'), 'fe-swap/b.md': NOTE('Old B'), 'fe-swap-new/a.md': NOTE('New A'), 'fe-swap-new/n.md': NOTE('New N') });
    await waitFor(() => titles('fe-swap').length === 4, 15_000, 'both folders indexed');
    fs.renameSync(at('fe-swap'), at('fe-swap-old'));
    fs.renameSync(at('fe-swap-new'), at('fe-swap'));
    await waitFor(() => same(titles('fe-swap'), ['fe-swap-old/a.md Old A', 'fe-swap-old/b.md Old B', 'fe-swap/a.md New A', 'fe-swap/n.md New N']), 15_000, 'the swap applied');
  });

  it('a folder made and deleted in one burst leaves nothing in the index', async () => {
    writeNotes({ 'fe-brief/a.md': NOTE('Brief A'), 'fe-brief/sub/b.md': NOTE('Brief B') });
    fs.rmSync(at('fe-brief'), { recursive: true });
    await settled();
    assert.deepEqual(titles('fe-brief'), []);
  });

  it('a deleted folder takes its notes and the links inside it with it', async () => {
    writeNotes({ 'fe-gone/a.md': NOTE('Gone A'), 'fe-gone/sub/b.md': NOTE('Gone B') });
    fs.symlinkSync(at('notes/federal-law-update.md'), at('fe-gone/sub/link.md'));
    await waitFor(() => titles('fe-gone/').length === 2 && folder.index.fileProblems().some((p) => p.file === 'fe-gone/sub/link.md'), 15_000, 'the folder and its link indexed');
    fs.rmSync(at('fe-gone'), { recursive: true });
    await waitFor(() => titles('fe-gone/').length === 0, 15_000, 'the notes dropped');
    await settled();
    assert.deepEqual(folder.index.fileProblems().map((p) => p.file), []);
  });

  for (const [where, target] of [
    ['inside the folder', () => at('notes/federal-law-update.md')],
    ['outside the folder', () => outsideNote],
  ] as const) {
    it(`removing a link to a note ${where} clears its problem, without a refresh`, async () => {
      fs.symlinkSync(target(), at('notes/fe-link.md'));
      await waitFor(() => folder.index.fileProblems().some((p) => p.file === 'notes/fe-link.md'), 15_000, 'the link reported');
      fs.rmSync(at('notes/fe-link.md'));
      await waitFor(() => folder.index.fileProblems().length === 0, 15_000, 'the link problem gone');
    });
  }
});
