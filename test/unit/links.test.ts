// Symbolic links in a notes folder are never followed by the CLI's folder reader (src/node/ce-folder.ts):
// real links in a temp folder, pointing outside it and inside it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { linkProblems } from '../../src/core/index/links';
import { loadCeFolder } from '../../src/node/ce-folder';
import { englishEnv } from './cli-env';

const AS_OF = '2026-11-25';
const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const NOTE = (hours: number) => `---\ntitle: Course ${hours}\nce_hours: ${hours}\ncompleted: 2026-01-15\n---\nBody.\n`;

describe('CLI folder reader: symbolic links', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeEach(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-links-')));
    root = path.join(base, 'notes');
    outside = path.join(base, 'elsewhere');
    fs.mkdirSync(path.join(root, 'notes'), { recursive: true });
    fs.mkdirSync(path.join(outside, 'deep'), { recursive: true });
    fs.writeFileSync(path.join(root, '.pharmacy-ce.json'), JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] }));
    fs.writeFileSync(path.join(root, 'notes/real.md'), NOTE(1));
    fs.writeFileSync(path.join(outside, 'passwd'), NOTE(7));
    fs.writeFileSync(path.join(outside, 'deep/a.md'), NOTE(5));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('does not read a file link to a file outside the folder, and says so at the link', () => {
    fs.symlinkSync(path.join(outside, 'passwd'), path.join(root, 'notes/passwd.md'));
    const folder = loadCeFolder(root, AS_OF);
    assert.deepEqual(folder.files, ['notes/real.md']);
    assert.equal(folder.workspace.evaluate(AS_OF)[0].hours.earned, 1);
    const [problem] = folder.fileProblems;
    assert.equal(problem.file, 'notes/passwd.md');
    assert.equal(problem.code, 'link-skipped');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /symbolic link; it points outside the notes folder/);
  });

  it('does not walk a folder link to outside, and says so at the link', () => {
    fs.symlinkSync(outside, path.join(root, 'etc'));
    const folder = loadCeFolder(root, AS_OF);
    assert.deepEqual(folder.files, ['notes/real.md']);
    assert.deepEqual(
      folder.fileProblems.map((p) => [p.file, p.code, p.severity]),
      [['etc', 'link-skipped', 'warning']],
    );
    assert.match(folder.fileProblems[0].message, /this folder is a symbolic link/);
  });

  it('skips a link to a note inside the folder (its target is read once, as itself) with an info', () => {
    fs.symlinkSync(path.join(root, 'notes/real.md'), path.join(root, 'again.md'));
    const folder = loadCeFolder(root, AS_OF);
    assert.deepEqual(folder.files, ['notes/real.md']);
    assert.equal(folder.workspace.evaluate(AS_OF)[0].hours.earned, 1, 'not counted twice');
    assert.deepEqual(folder.fileProblems.map((p) => [p.file, p.severity]), [['again.md', 'info']]);
    assert.match(folder.fileProblems[0].message, /points to notes\/real\.md/);
  });

  it('does not read a .pharmacy-ce.json that is a link', () => {
    const config = path.join(outside, 'config.json');
    fs.renameSync(path.join(root, '.pharmacy-ce.json'), config);
    fs.symlinkSync(config, path.join(root, '.pharmacy-ce.json'));
    const folder = loadCeFolder(root, AS_OF);
    assert.equal(folder.workspace.config.fromFile, false);
    assert.deepEqual(folder.fileProblems.map((p) => [p.file, p.code]), [['.pharmacy-ce.json', 'link-skipped']]);
  });

  it('ignores links that could give no note (dangling, not a note name, an excluded folder)', () => {
    fs.symlinkSync(path.join(outside, 'gone.md'), path.join(root, 'dangling.md'));
    fs.symlinkSync(path.join(outside, 'passwd'), path.join(root, 'passwd.txt'));
    fs.symlinkSync(outside, path.join(root, 'node_modules'));
    assert.deepEqual(loadCeFolder(root, AS_OF).fileProblems, []);
  });

  it('never looks at a certificate through a link: a folder link on the way, or the file itself', () => {
    // A note's `certificate:` must not make the reader stat outside the folder (it would tell whether a file
    // of the user's exists; on macOS a link into /net/<host> reaches out to that host).
    fs.writeFileSync(path.join(outside, 'cert.pdf'), 'pdf');
    fs.symlinkSync(outside, path.join(root, 'certs'));
    fs.symlinkSync(path.join(outside, 'cert.pdf'), path.join(root, 'notes/linked.pdf'));
    fs.writeFileSync(path.join(root, 'notes/real.pdf'), 'pdf');
    const withCertificate = (certificate: string) => NOTE(1).replace('---\nBody', `certificate: ${certificate}\n---\nBody`);
    fs.writeFileSync(path.join(root, 'notes/a.md'), withCertificate('../certs/cert.pdf'));
    fs.writeFileSync(path.join(root, 'notes/b.md'), withCertificate('linked.pdf'));
    fs.writeFileSync(path.join(root, 'notes/c.md'), withCertificate('real.pdf'));
    const folder = loadCeFolder(root, AS_OF);
    assert.deepEqual(folder.workspace.missingCertificates().sort(), ['notes/a.md', 'notes/b.md']);
  });

  it('does not hang on a .pharmacy-ce.json that is not a regular file (a named pipe)', function () {
    if (process.platform === 'win32') this.skip();
    this.timeout(60_000);
    fs.rmSync(path.join(root, '.pharmacy-ce.json'));
    spawnSync('mkfifo', [path.join(root, '.pharmacy-ce.json')]);
    // In a child process: reading a pipe nobody writes to blocks forever.
    const run = spawnSync(process.execPath, [CLI, 'check', root], { encoding: 'utf8', env: englishEnv(), timeout: 30_000 });
    assert.equal(run.signal, null, 'the CLI finished');
    assert.match(run.stdout, /\.pharmacy-ce\.json:1:1: \w+: .*not a regular file/);
  });

  it('reads nothing outside for include globs that try to leave the folder', () => {
    fs.writeFileSync(path.join(root, '.pharmacy-ce.json'), JSON.stringify({ include: ['../**', '../elsewhere/**/*.md', '/etc/**', `${outside}/**`, '**'] }));
    const folder = loadCeFolder(root, AS_OF);
    assert.deepEqual(folder.files, ['notes/real.md']);
  });

  it('reports at most ten links one by one, then one summary', () => {
    const links = Array.from({ length: 14 }, (_, i) => ({ path: `l${String(i).padStart(2, '0')}.md`, kind: 'file' as const, target: 'outside' as const }));
    const problems = linkProblems(links);
    assert.equal(problems.length, 11);
    assert.match(problems[10].message, /^4 more symbolic links were not read either \(l10\.md, l11\.md, l12\.md, l13\.md\)/);
  });
});
