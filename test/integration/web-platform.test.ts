// The browser build's file access, in the real VS Code: with the web platform (src/services/platform-web.ts)
// every read and write goes through workspace.fs, even for this `file:` folder, so the rules the desktop
// keeps with Node are checked here through workspace.fs: no write through a symbolic link (the stat's
// SymbolicLink bit), an existing file never replaced by a new one, the review log's append and undo, and a
// read cut at the cap. This file's bundle has its own copy of the modules: the running extension keeps Node.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { MAX_NOTE_BYTES } from '../../src/node/read-note-file';
import { appendInsideFolder, removeAppended, writeInsideFolder } from '../../src/features/safe-write';
import { isFileInside } from '../../src/services/certificates';
import { readCapped, readText } from '../../src/services/files';
import { withTarget } from '../../src/services/links';
import { platform, setPlatform } from '../../src/services/platform';
import { webPlatform } from '../../src/services/platform-web';
import { fixtureRoot } from './helpers';

const DIR = 'web-platform-test';

describe('Web platform: reads and writes through workspace.fs', function () {
  this.timeout(30_000);
  let folder: vscode.Uri;
  let home: string;
  const at = (relPath: string) => path.join(fixtureRoot(), ...relPath.split('/'));

  before(() => {
    setPlatform(webPlatform);
    folder = vscode.workspace.workspaceFolders![0].uri;
  });

  beforeEach(() => {
    home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-web-home-')));
    fs.writeFileSync(path.join(home, 'secret.txt'), 'keep me');
    fs.mkdirSync(at(DIR), { recursive: true });
  });

  afterEach(() => {
    fs.rmSync(at(DIR), { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('is the platform with no Node disk', () => {
    assert.equal(platform().name, 'web');
    assert.equal(platform().disk, undefined);
  });

  it('creates a new file with its folders, and never replaces an existing one unless told to', async () => {
    const uri = await writeInsideFolder(folder, `${DIR}/new/page.html`, 'first', { replace: false });
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder, DIR, 'new', 'page.html').toString());
    assert.equal(fs.readFileSync(at(`${DIR}/new/page.html`), 'utf8'), 'first');
    await assert.rejects(writeInsideFolder(folder, `${DIR}/new/page.html`, 'second', { replace: false }), /web-platform-test\/new\/page\.html already exists/);
    assert.equal(fs.readFileSync(at(`${DIR}/new/page.html`), 'utf8'), 'first');
    await writeInsideFolder(folder, `${DIR}/new/page.html`, 'second', { replace: true });
    assert.equal(fs.readFileSync(at(`${DIR}/new/page.html`), 'utf8'), 'second');
  });

  it('never writes through a symbolic link, at the file or at a folder on the way', async () => {
    fs.symlinkSync(path.join(home, 'secret.txt'), at(`${DIR}/linked.csv`));
    fs.symlinkSync(home, at(`${DIR}/linked-folder`));
    await assert.rejects(writeInsideFolder(folder, `${DIR}/linked.csv`, 'x', { replace: true }), /linked\.csv is a symbolic link/);
    await assert.rejects(writeInsideFolder(folder, `${DIR}/linked-folder/new.csv`, 'x', { replace: false }), /linked-folder \(on the way to .*\) is a symbolic link/);
    await assert.rejects(appendInsideFolder(folder, `${DIR}/linked.csv`, 'x\n'), /is a symbolic link/);
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me');
    assert.deepEqual(fs.readdirSync(home), ['secret.txt']);
  });

  it('replaces a hard-linked file instead of writing through it (the file elsewhere keeps its text), leaving no temporary file', async () => {
    fs.linkSync(path.join(home, 'secret.txt'), at(`${DIR}/reviews.jsonl`));
    await writeInsideFolder(folder, `${DIR}/reviews.jsonl`, 'mine\n', { replace: true });
    assert.equal(fs.readFileSync(at(`${DIR}/reviews.jsonl`), 'utf8'), 'mine\n');
    await appendInsideFolder(folder, `${DIR}/reviews.jsonl`, 'two\n');
    assert.equal(fs.readFileSync(at(`${DIR}/reviews.jsonl`), 'utf8'), 'mine\ntwo\n');
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me');
    assert.deepEqual(fs.readdirSync(at(DIR)), ['reviews.jsonl']);
  });

  it('a certificate behind a folder link is not a file inside the folder, as on the desktop', async () => {
    fs.symlinkSync(home, at(`${DIR}/certs`));
    fs.mkdirSync(at(`${DIR}/real`));
    fs.writeFileSync(at(`${DIR}/real/cert.pdf`), 'pdf');
    const inside = (rel: string) => isFileInside(folder, rel, vscode.Uri.joinPath(folder, ...rel.split('/')));
    assert.equal(await inside(`${DIR}/certs/secret.txt`), false);
    assert.equal(await inside(`${DIR}/real/cert.pdf`), true);
  });

  it('refuses a path that leaves the folder', async () => {
    await assert.rejects(writeInsideFolder(folder, '../outside.txt', 'x', { replace: false }), /is not a path inside the workspace folder/);
  });

  it('appends a review line (a newline first when the last line had none) and takes back only its own line', async () => {
    const log = `${DIR}/.pharmacy-ce/reviews.jsonl`;
    assert.equal(await appendInsideFolder(folder, log, 'one\n'), 'one\n');
    fs.appendFileSync(at(log), 'two');
    const written = await appendInsideFolder(folder, log, 'three\n');
    assert.equal(written, '\nthree\n');
    assert.equal(fs.readFileSync(at(log), 'utf8'), 'one\ntwo\nthree\n');
    assert.equal(await removeAppended(folder, log, 'one\n'), false, 'not the last line: nothing is cut');
    assert.equal(await removeAppended(folder, log, written), true);
    assert.equal(fs.readFileSync(at(log), 'utf8'), 'one\ntwo');
  });

  it('reads a file up to the cap and says it was cut, as the desktop read does', async () => {
    const big = 'a'.repeat(MAX_NOTE_BYTES + 1000);
    fs.writeFileSync(at(`${DIR}/big.txt`), big);
    const uri = vscode.Uri.joinPath(folder, DIR, 'big.txt');
    const head = await readCapped(uri, 10);
    assert.deepEqual([new TextDecoder().decode(head.content), head.cut], ['aaaaaaaaaa', true]);
    assert.equal((await readText(uri)).text?.length, MAX_NOTE_BYTES);
    fs.writeFileSync(at(`${DIR}/small.txt`), 'small');
    const small = await readCapped(vscode.Uri.joinPath(folder, DIR, 'small.txt'), 10);
    assert.deepEqual([new TextDecoder().decode(small.content), small.cut], ['small', false]);
  });

  it('says a skipped link without a target: only Node can tell where a link points', () => {
    assert.deepEqual(withTarget(folder, { path: `${DIR}/linked-folder`, kind: 'folder' }), { path: `${DIR}/linked-folder`, kind: 'folder' });
  });
});
