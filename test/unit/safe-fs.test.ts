// Writing inside a notes folder (src/node/safe-fs.ts) with real symbolic links in a temp folder: nothing is
// ever written through a link or outside the folder, new files are created exclusively.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RefusedWriteError, inspectFolderInside, inspectInsideFolder, writeInsideFolder } from '../../src/node/safe-fs';

describe('safe-fs: writeInsideFolder', () => {
  let base: string;
  let folder: string;
  let home: string;

  beforeEach(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-safe-')));
    folder = path.join(base, 'notes-repo');
    home = path.join(base, 'home');
    fs.mkdirSync(folder);
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, 'secret.txt'), 'keep me');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const refused = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (error: unknown) => error instanceof RefusedWriteError && pattern.test(error.message));

  it('writes a new file, making the folders on the way', () => {
    writeInsideFolder(folder, 'transcripts/a/b.csv', 'x,y', { replace: false });
    assert.equal(fs.readFileSync(path.join(folder, 'transcripts/a/b.csv'), 'utf8'), 'x,y');
  });

  it('refuses an existing file without replace, and replaces a regular file with it', () => {
    writeInsideFolder(folder, 'a.csv', 'one', { replace: false });
    refused(() => writeInsideFolder(folder, 'a.csv', 'two', { replace: false }), /a\.csv already exists/);
    assert.equal(fs.readFileSync(path.join(folder, 'a.csv'), 'utf8'), 'one');
    writeInsideFolder(folder, 'a.csv', 'two', { replace: true });
    assert.equal(fs.readFileSync(path.join(folder, 'a.csv'), 'utf8'), 'two');
    assert.deepEqual(fs.readdirSync(folder), ['a.csv'], 'no temp file is left behind');
  });

  it('never writes through a link at the target, even with replace', () => {
    fs.mkdirSync(path.join(folder, 'transcripts'));
    fs.symlinkSync(path.join(home, 'secret.txt'), path.join(folder, 'transcripts/cpht-2027-03-31.csv'));
    for (const replace of [false, true]) {
      refused(() => writeInsideFolder(folder, 'transcripts/cpht-2027-03-31.csv', 'titles', { replace }), /transcripts\/cpht-2027-03-31\.csv is a symbolic link/);
    }
    refused(() => inspectInsideFolder(folder, 'transcripts/cpht-2027-03-31.csv'), /symbolic link/);
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me');
  });

  it('never writes through a dangling link (a new file is created exclusively)', () => {
    fs.symlinkSync(path.join(home, 'not-yet.txt'), path.join(folder, 'new.md'));
    refused(() => writeInsideFolder(folder, 'new.md', 'x', { replace: false }), /new\.md is a symbolic link/);
    assert.equal(fs.existsSync(path.join(home, 'not-yet.txt')), false);
  });

  it('never writes through a folder link on the way', () => {
    fs.symlinkSync(home, path.join(folder, 'transcripts'));
    refused(() => writeInsideFolder(folder, 'transcripts/x.csv', 'x', { replace: false }), /transcripts \(on the way to transcripts\/x\.csv\) is a symbolic link/);
    refused(() => inspectInsideFolder(folder, 'transcripts/x.csv'), /symbolic link/);
    assert.deepEqual(fs.readdirSync(home), ['secret.txt']);
  });

  it('refuses paths that leave the folder or are absolute', () => {
    for (const bad of ['../home/x.csv', 'a/../../x.csv', '/etc/x', '\\\\host\\share\\x', '//host/share/x', 'C:\\x', 'C:x', '', '.']) {
      refused(() => writeInsideFolder(folder, bad, 'x', { replace: false }), /is not a path inside the notes folder/);
    }
    assert.deepEqual(fs.readdirSync(base).sort(), ['home', 'notes-repo']);
  });

  it('refuses a link at any depth: a grandparent folder, a link to a link, a dangling folder link', () => {
    fs.symlinkSync(home, path.join(folder, 'a'));
    refused(() => writeInsideFolder(folder, 'a/b/c/x.csv', 'x', { replace: false }), /^Not written: a \(on the way to a\/b\/c\/x\.csv\) is a symbolic link/);
    fs.mkdirSync(path.join(folder, 'real'));
    fs.symlinkSync(path.join(folder, 'real'), path.join(folder, 'inner-link')); // a link to a folder inside...
    fs.symlinkSync(path.join(folder, 'inner-link'), path.join(folder, 'chain')); // ...and a link to that link
    refused(() => writeInsideFolder(folder, 'chain/x.csv', 'x', { replace: false }), /chain \(on the way to chain\/x\.csv\) is a symbolic link/);
    fs.symlinkSync(path.join(home, 'made-later'), path.join(folder, 'later'));
    refused(() => writeInsideFolder(folder, 'later/x.csv', 'x', { replace: false }), /later \(on the way to later\/x\.csv\) is a symbolic link/);
    assert.deepEqual(fs.readdirSync(home), ['secret.txt']);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'real')), []);
  });

  it('writes into a folder whose name starts with two dots (..archive is inside, not a way out)', () => {
    writeInsideFolder(folder, '..archive/x.csv', 'x', { replace: false });
    assert.equal(fs.readFileSync(path.join(folder, '..archive/x.csv'), 'utf8'), 'x');
  });

  it('refuses a path with a NUL character as not a path, like any other bad path (never a bare fs error)', () => {
    // A setting from the repository's .vscode/settings.json (pharmacyCe.newNoteFolder) can carry one.
    refused(() => writeInsideFolder(folder, 'notes\u0000x/a.md', 'x', { replace: false }), /is not a path inside the notes folder/);
    refused(() => inspectInsideFolder(folder, 'a\u0000.md'), /is not a path inside the notes folder/);
  });

  it('creates nothing outside when a folder on the way turns into a link between the check and the write (Linux)', function () {
    if (!fs.existsSync('/proc/self/fd')) this.skip();
    // A race (a sync client or another process swaps transcripts/ for a link while the write runs), made
    // certain here by doing the swap just before the file is opened.
    const nodeFs: typeof fs = require('fs');
    const open = nodeFs.openSync;
    fs.mkdirSync(path.join(folder, 'transcripts'));
    nodeFs.openSync = ((...args: Parameters<typeof fs.openSync>) => {
      nodeFs.openSync = open;
      fs.renameSync(path.join(folder, 'transcripts'), path.join(base, 'moved'));
      fs.symlinkSync(home, path.join(folder, 'transcripts'));
      return open(...args);
    }) as typeof fs.openSync;
    try {
      refused(() => writeInsideFolder(folder, 'transcripts/x.csv', 'titles', { replace: false }), /changed while it was being written/);
    } finally {
      nodeFs.openSync = open;
    }
    assert.deepEqual(fs.readdirSync(home), ['secret.txt']);
  });

  it('replaces the directory entry of a hard-linked file, leaving the other name untouched', () => {
    fs.linkSync(path.join(home, 'secret.txt'), path.join(folder, 'hard.csv'));
    writeInsideFolder(folder, 'hard.csv', 'new', { replace: true });
    assert.equal(fs.readFileSync(path.join(folder, 'hard.csv'), 'utf8'), 'new');
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me');
  });

  it('works when the notes folder itself is reached through a link (the user opened it so)', () => {
    const opened = path.join(base, 'opened');
    fs.symlinkSync(folder, opened);
    writeInsideFolder(opened, 'a.md', 'x', { replace: false });
    assert.equal(fs.readFileSync(path.join(folder, 'a.md'), 'utf8'), 'x');
  });

  it('refuses a folder on the way that is a file, and a target that is a folder', () => {
    fs.writeFileSync(path.join(folder, 'file'), '');
    refused(() => writeInsideFolder(folder, 'file/x.md', 'x', { replace: false }), /file \(on the way to file\/x\.md\) is not a folder/);
    fs.mkdirSync(path.join(folder, 'dir'));
    refused(() => writeInsideFolder(folder, 'dir', 'x', { replace: true }), /dir is not a regular file/);
  });

  it('inspects without writing: missing or file', () => {
    assert.equal(inspectInsideFolder(folder, 'no/such/file.csv'), 'missing');
    assert.equal(fs.existsSync(path.join(folder, 'no')), false);
    fs.writeFileSync(path.join(folder, 'x.csv'), '');
    assert.equal(inspectInsideFolder(folder, 'x.csv'), 'file');
  });

  it('inspects a folder before it is listed: a link on the way or at it is refused, a missing one is fine', () => {
    fs.mkdirSync(path.join(folder, 'notes'));
    fs.symlinkSync(home, path.join(folder, 'notes/linked'));
    assert.throws(() => inspectFolderInside(folder, 'notes/linked'), /notes\/linked \(on the way to a file in notes\/linked\) is a symbolic link/);
    assert.throws(() => inspectFolderInside(folder, 'notes/linked/deeper'), /symbolic link/);
    inspectFolderInside(folder, 'notes/new/deeper');
    inspectFolderInside(folder, '');
    assert.throws(() => inspectFolderInside(folder, '../home'), /not a path inside the notes folder/);
  });
});
