// Nothing outside the workspace folder is written or read, in the real VS Code: symbolic links made at test
// time in the temp copy of the fixture, pointing to a temp folder that stands for the user's home. Every
// command that writes refuses a link; indexing skips links and says so in the Problems panel; a note whose
// certificate names a network share (`//host/x`) does not stop the index's change event.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../src/core/rules/config';
import type { TranscriptApi } from '../../src/features/transcript';
import { activateExtension, fixtureRoot, fixtureUri, nextIndexChange, waitFor, waitForIndex } from './helpers';

const NOTE = (title: string, hours: number, extra = '') => `---\ntitle: ${title}\nce_hours: ${hours}\ncompleted: 2026-01-15\n${extra}---\nBody.\n`;

describe('Outside the workspace folder: links and paths', function () {
  this.timeout(40_000);
  let home: string;
  let made: string[] = [];

  /** A symbolic link in the fixture copy (removed after the test). */
  const link = (target: string, relPath: string) => {
    const at = path.join(fixtureRoot(), ...relPath.split('/'));
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at);
    made.push(at);
    return at;
  };

  beforeEach(() => {
    home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-home-')));
    fs.writeFileSync(path.join(home, 'secret.txt'), 'keep me');
    fs.mkdirSync(path.join(home, 'etc'));
    fs.writeFileSync(path.join(home, 'etc/outside.md'), NOTE('Outside', 7));
    fs.writeFileSync(path.join(home, 'passwd'), NOTE('Passwd', 9));
  });

  afterEach(async () => {
    for (const at of made.reverse()) fs.rmSync(at, { recursive: true, force: true });
    made = [];
    fs.rmSync(home, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const transcriptApi = async () => (await activateExtension()).features['transcript'] as TranscriptApi;

  it('Export Transcript never writes through a link at the transcript path, even when told to replace', async () => {
    await waitForIndex();
    made.push(path.join(fixtureRoot(), 'transcripts'));
    link(path.join(home, 'secret.txt'), 'transcripts/ptcb-cpht-2027-03-31.csv');
    const transcript = await transcriptApi();
    await assert.rejects(transcript.exportTranscript(vscode.workspace.workspaceFolders![0].uri, 'ptcb-cpht', { overwrite: true, quiet: true }), /transcripts\/ptcb-cpht-2027-03-31\.csv is a symbolic link/);
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me');
    assert.equal(fs.existsSync(path.join(fixtureRoot(), 'transcripts/ptcb-cpht-2027-03-31.html')), false, 'nothing half written');
  });

  it('Export Transcript never writes into a transcripts folder that is a link', async () => {
    await waitForIndex();
    link(path.join(home, 'etc'), 'transcripts');
    const transcript = await transcriptApi();
    await assert.rejects(transcript.exportTranscript(vscode.workspace.workspaceFolders![0].uri, 'ptcb-cpht', { quiet: true }), /transcripts \(on the way to .*\) is a symbolic link/);
    assert.deepEqual(fs.readdirSync(path.join(home, 'etc')), ['outside.md']);
  });

  it('New CE Note refuses a folder that is a link, and writes nothing there', async () => {
    await waitForIndex();
    link(path.join(home, 'etc'), 'notes/linked');
    const result = await vscode.commands.executeCommand('pharmacyCe.newNote', { title: 'Through a link', hours: 1, completed: 'planned', folder: 'notes/linked', open: false });
    assert.equal(result, undefined);
    assert.deepEqual(fs.readdirSync(path.join(home, 'etc')), ['outside.md']);
  });

  it('Set Up Credentials refuses a .pharmacy-ce.json that is a link, and neither reads nor writes it', async () => {
    const index = await waitForIndex();
    const config = fixtureUri(CONFIG_FILE).fsPath;
    const original = fs.readFileSync(config, 'utf8');
    const outsideConfig = path.join(home, 'config.json');
    fs.writeFileSync(outsideConfig, original);
    fs.rmSync(config);
    try {
      fs.symlinkSync(outsideConfig, config);
      await waitFor(() => index.folders()[0].index.fileProblems().some((p) => p.file === CONFIG_FILE), 10_000, 'the config link reported');
      assert.equal(index.folders()[0].index.config.fromFile, false, 'a config that is a link is not read');
      const result = await vscode.commands.executeCommand('pharmacyCe.setUpCredentials', { credentials: [{ ruleSet: 'ca-technician', cycleEnd: '2027-06-30' }], open: false });
      assert.equal(result, undefined);
      assert.equal(fs.readFileSync(outsideConfig, 'utf8'), original);
    } finally {
      fs.rmSync(config, { force: true });
      fs.writeFileSync(config, original);
      await waitFor(() => index.folders()[0].index.config.credentials.length === 2 && index.folders()[0].index.fileProblems().length === 0, 10_000, 'config restored');
    }
  });

  it('indexing reads no note through a folder link or a file link, and shows each link in the Problems panel', async () => {
    const index = await waitForIndex();
    const folder = index.folders()[0];
    const before = folder.index.notes().map((n) => n.path);
    const earned = index.progress(folder)[0].hours.earned;
    link(path.join(home, 'etc'), 'notes/etc');
    link(path.join(home, 'passwd'), 'notes/passwd.md');
    link(path.join(fixtureRoot(), 'notes/federal-law-update.md'), 'notes/again.md');
    await index.rebuild();
    assert.deepEqual(folder.index.notes().map((n) => n.path), before, 'no note from a link');
    assert.equal(index.progress(folder)[0].hours.earned, earned);
    assert.deepEqual(
      folder.index.fileProblems().map((p) => [p.file, p.code, p.severity]),
      [
        ['notes/again.md', 'link-skipped', 'info'],
        ['notes/etc', 'link-skipped', 'warning'],
        ['notes/passwd.md', 'link-skipped', 'warning'],
      ],
    );
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(fixtureUri('notes/passwd.md'));
      return found.length > 0 ? found : undefined;
    }, 10_000, 'the link in the Problems panel');
    assert.match(diagnostics![0].message, /symbolic link; it points outside the notes folder/);
    for (const at of made.splice(0)) fs.rmSync(at, { force: true });
    await index.rebuild();
    assert.deepEqual(folder.index.fileProblems(), []);
    await waitFor(() => vscode.languages.getDiagnostics(fixtureUri('notes/passwd.md')).length === 0, 10_000, 'the problem cleared');
  });

  it('indexing never lists a folder outside through a folder link (its access time stays as it was)', async function () {
    if (process.platform === 'win32') this.skip();
    const index = await waitForIndex();
    // A link to / would have the whole disk listed. Listing a folder updates its access time (relatime does
    // when it is older than the change time), so an old one set here tells whether anyone listed it.
    const deep = path.join(home, 'etc', 'deep');
    fs.mkdirSync(deep);
    fs.writeFileSync(path.join(deep, 'inner.md'), NOTE('Inner', 3));
    const old = new Date('2000-01-01T00:00:00Z');
    for (const dir of [path.join(home, 'etc'), deep]) fs.utimesSync(dir, old, fs.statSync(dir).mtime);
    link(path.join(home, 'etc'), 'notes/etc');
    await index.rebuild();
    for (const dir of [path.join(home, 'etc'), deep]) assert.equal(fs.statSync(dir).atime.getTime(), old.getTime(), `${dir} was listed`);
  });

  it('a .pharmacy-ce.json that is a named pipe does not stop indexing', async function () {
    if (process.platform === 'win32') this.skip();
    const index = await waitForIndex();
    const config = path.join(fixtureRoot(), CONFIG_FILE);
    const kept = path.join(home, 'config.json');
    fs.renameSync(config, kept);
    execFileSync('mkfifo', [config]);
    try {
      let finished = false;
      const rebuilt = index.rebuild().then(() => (finished = true));
      await waitFor(() => finished, 10_000, 'the rebuild finished');
      await rebuilt;
    } finally {
      // A reader blocked on the pipe gets end-of-file when a writer opens and closes it.
      try {
        fs.closeSync(fs.openSync(config, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody is reading it.
      }
      fs.rmSync(config);
      fs.renameSync(kept, config);
      await index.rebuild();
    }
  });

  it('a note that is a named pipe is not read, is a problem at its path, and does not stop indexing', async function () {
    if (process.platform === 'win32') this.skip();
    const index = await waitForIndex();
    const pipe = path.join(fixtureRoot(), 'notes', 'pipe.md');
    execFileSync('mkfifo', [pipe]);
    try {
      let finished = false;
      const rebuilt = index.rebuild().then(() => (finished = true));
      await waitFor(() => finished, 10_000, 'the rebuild finished');
      await rebuilt;
      // Listed as a file that could not be read, with the reason, as the CLI reports it: never silently missing.
      const folder = index.folders()[0].index;
      assert.equal(folder.getNote('notes/pipe.md')?.kind, 'broken');
      assert.deepEqual(folder.problemsFor('notes/pipe.md').map((p) => [p.severity, p.code, p.message]), [
        ['error', 'unreadable', 'Could not read this file (it is not a regular file); it is not counted.'],
      ]);
      assert.ok(folder.size > 1);
    } finally {
      try {
        fs.closeSync(fs.openSync(pipe, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody is reading it.
      }
      fs.rmSync(pipe);
      await index.rebuild();
    }
  });

  it('a note link created while the editor runs is not read either', async () => {
    const index = await waitForIndex();
    const folder = index.folders()[0];
    link(path.join(home, 'passwd'), 'notes/later.md');
    await waitFor(() => folder.index.fileProblems().some((p) => p.file === 'notes/later.md'), 10_000, 'the new link reported');
    assert.equal(folder.index.hasNote('notes/later.md'), false);
    fs.rmSync(made.pop()!);
    // No refresh: the delete event of the link clears its problem.
    await waitFor(() => folder.index.fileProblems().length === 0, 15_000, 'the link problem gone');
  });

  it('a certificate reached through a link is never looked at: it counts as not found', async () => {
    const index = await waitForIndex();
    const folder = index.folders()[0];
    fs.writeFileSync(path.join(home, 'etc/cert.pdf'), 'pdf');
    link(path.join(home, 'etc'), 'certs');
    const note = fixtureUri('notes/linked-certificate.md');
    made.push(note.fsPath);
    fs.writeFileSync(note.fsPath, NOTE('Linked', 1, 'certificate: ../certs/cert.pdf\n'));
    await waitFor(() => folder.index.hasNote('notes/linked-certificate.md'), 10_000, 'the note indexed');
    await index.rebuild();
    assert.ok(folder.index.missingCertificates().includes('notes/linked-certificate.md'), 'not stat\'ed through the link');
  });

  it('a note naming a network-share certificate (//host/x) is a warning and never stops the change event', async () => {
    const index = await waitForIndex();
    const folder = index.folders()[0];
    const share = fixtureUri('notes/share-certificate.md');
    const other = fixtureUri('notes/next-to-it.md');
    made.push(share.fsPath, other.fsPath);
    // Alone in its burst: before, vscode.Uri threw on the value and the burst's change event was lost.
    const changed = nextIndexChange(index);
    fs.writeFileSync(share.fsPath, NOTE('Share', 1, 'certificate: //host/share/x.pdf\n'));
    await changed;
    fs.writeFileSync(other.fsPath, NOTE('Next', 1));
    await waitFor(() => folder.index.hasNote('notes/share-certificate.md') && folder.index.hasNote('notes/next-to-it.md'), 10_000, 'both notes indexed');
    const problem = folder.index.problemsFor('notes/share-certificate.md').find((p) => p.code === 'certificate-outside');
    assert.ok(problem);
    assert.deepEqual([problem.line, problem.column, problem.severity], [5, 14, 'warning']);
    // The next edit still gets its change event: nothing broke.
    const again = nextIndexChange(index);
    fs.writeFileSync(other.fsPath, NOTE('Next', 2));
    await again;
    await waitFor(() => (folder.index.getNote('notes/next-to-it.md') as { hours?: number } | undefined)?.hours === 2, 10_000, 'the edit read');
    for (const file of made.splice(0)) fs.rmSync(file, { force: true });
    await waitFor(() => !folder.index.hasNote('notes/share-certificate.md') && !folder.index.hasNote('notes/next-to-it.md'), 10_000, 'notes removed');
  });
});
