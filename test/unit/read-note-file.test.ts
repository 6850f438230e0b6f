// Reading notes from an untrusted folder (src/node/read-note-file.ts, used by the extension's index and the
// CLI): a link swapped in after the walk, a named pipe and a folder named like a note are refused, never read;
// an oversized file is read only up to the limit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCeFolder } from '../../src/node/ce-folder';
import { MAX_NOTE_BYTES, RefusedReadError } from '../../src/node/read-note-file';
import { readRegularFile, readRegularFileSync } from '../../src/node/read-regular-file';

const NOTE = '---\ntitle: Law update\nce_hours: 1\ncompleted: 2026-01-05\ntopics: [law]\n---\n';

describe('read-note-file: refusing what is not a regular file, reading at most the limit', () => {
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
    assert.deepEqual(await readRegularFile(file), { content: Buffer.from(NOTE), cut: false });
    assert.deepEqual(readRegularFileSync(file), { content: NOTE, cut: false });
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

  it('reads a file larger than the note limit only up to it, and all of one at the limit', async () => {
    const big = path.join(folder, 'big.md');
    fs.writeFileSync(big, NOTE);
    fs.truncateSync(big, 200 * MAX_NOTE_BYTES);
    const head = await readRegularFile(big);
    assert.equal(head.cut, true);
    assert.equal(head.content.length, MAX_NOTE_BYTES);
    assert.equal(Buffer.from(head.content.subarray(0, NOTE.length)).toString('utf8'), NOTE);
    const headSync = readRegularFileSync(big);
    assert.equal(headSync.cut, true);
    assert.equal(headSync.content.length, MAX_NOTE_BYTES);
    fs.truncateSync(big, MAX_NOTE_BYTES);
    assert.deepEqual([(await readRegularFile(big)).cut, (await readRegularFile(big)).content.length], [false, MAX_NOTE_BYTES]);
    assert.deepEqual([readRegularFileSync(big).cut, readRegularFileSync(big).content.length], [false, MAX_NOTE_BYTES]);
  });

  it('the CLI counts an oversized note by its details at the top, with a warning at the file, and passes a pipe by', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(folder, 'ok.md'), NOTE);
    const big = path.join(folder, 'big.md');
    fs.writeFileSync(big, NOTE + 'Body text. '.repeat(MAX_NOTE_BYTES / 5)); // about 2 MB (a pasted image, say)
    execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
    const loaded = loadCeFolder(folder, '2026-11-30');
    assert.deepEqual(loaded.workspace.ceNotes().map((n) => [n.path, n.hours]), [['big.md', 1], ['ok.md', 1]]);
    assert.deepEqual(loaded.fileProblems, [{ file: 'big.md', line: 1, column: 1, severity: 'warning', code: 'unreadable', message: 'This file is larger than 1 MB: only its first 1 MB are read.' }]);
  });
});
