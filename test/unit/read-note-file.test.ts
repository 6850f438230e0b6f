// Reading notes from an untrusted folder (src/node/read-note-file.ts, used by the extension's index and the
// CLI): a link swapped in after the walk, a named pipe, a folder named like a note and an oversized file are
// refused, never read; the CLI reports each as a problem at the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCeFolder } from '../../src/node/ce-folder';
import { MAX_NOTE_BYTES, RefusedReadError, readRegularFile, readRegularFileSync } from '../../src/node/read-note-file';

const NOTE = '---\ntitle: Law update\nce_hours: 1\ncompleted: 2026-01-05\ntopics: [law]\n---\n';

describe('read-note-file: refusing what is not a small regular file', () => {
  let base: string;
  let folder: string;
  let secret: string;

  beforeEach(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-read-')));
    folder = path.join(base, 'notes');
    fs.mkdirSync(folder);
    secret = path.join(base, 'secret.md');
    fs.writeFileSync(secret, NOTE.replace('Law update', 'SECRET OUTSIDE'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const refusedAsync = (file: string, pattern: RegExp) => assert.rejects(readRegularFile(file), (e: NodeJS.ErrnoException) => (e instanceof RefusedReadError ? pattern.test(e.reason) : pattern.test(e.code ?? '')));
  const refusedSync = (file: string, pattern: RegExp) => assert.throws(() => readRegularFileSync(file), (e: NodeJS.ErrnoException) => (e instanceof RefusedReadError ? pattern.test(e.reason) : pattern.test(e.code ?? '')));

  it('reads a regular note, byte for byte', async () => {
    const file = path.join(folder, 'a.md');
    fs.writeFileSync(file, NOTE);
    assert.equal(Buffer.from(await readRegularFile(file)).toString('utf8'), NOTE);
    assert.equal(readRegularFileSync(file), NOTE);
  });

  it('refuses a note replaced by a symbolic link after the walk (a link outside the folder is never read)', async () => {
    const file = path.join(folder, 'a.md');
    fs.symlinkSync(secret, file);
    await refusedAsync(file, /ELOOP|EMLINK/);
    refusedSync(file, /ELOOP|EMLINK/);
  });

  it('refuses a named pipe without waiting for a writer', async function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(folder, 'pipe.md');
    execFileSync('mkfifo', [file]);
    await refusedAsync(file, /not a regular file/);
    refusedSync(file, /not a regular file/);
  });

  it('refuses a folder named like a note', async () => {
    const file = path.join(folder, 'x.md');
    fs.mkdirSync(file);
    await refusedAsync(file, /it is a folder/);
    refusedSync(file, /it is a folder/);
  });

  it('refuses a file larger than the note limit without reading it, and reads one at the limit', async () => {
    const big = path.join(folder, 'big.md');
    fs.writeFileSync(big, NOTE);
    fs.truncateSync(big, MAX_NOTE_BYTES + 1);
    await refusedAsync(big, /too large/);
    refusedSync(big, /too large/);
    fs.truncateSync(big, MAX_NOTE_BYTES);
    assert.equal((await readRegularFile(big)).length, MAX_NOTE_BYTES);
    assert.equal(readRegularFileSync(big).length, MAX_NOTE_BYTES);
  });

  it('the CLI reports an oversized note as a problem at its file, passes a pipe by, and counts the other notes', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(folder, 'ok.md'), NOTE);
    const big = path.join(folder, 'big.md');
    fs.writeFileSync(big, NOTE);
    fs.truncateSync(big, 50 * MAX_NOTE_BYTES);
    execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
    const loaded = loadCeFolder(folder, '2026-11-30');
    assert.deepEqual(loaded.workspace.notes().map((n) => n.path), ['ok.md']);
    const byFile = new Map(loaded.fileProblems.map((p) => [p.file, p]));
    assert.match(byFile.get('big.md')?.message ?? '', /larger than 1 MB/);
    assert.equal(byFile.get('big.md')?.line, 1);
    assert.equal(byFile.get('big.md')?.severity, 'error');
  });
});
