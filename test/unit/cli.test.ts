// End to end: runs the built dist/cli.js (npm run test:unit builds it first) as a user would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localToday } from '../../src/core/common/dates';
import type { CeReport } from '../../src/core/outputs/report';
import { FolderIndex } from '../../src/core/index/folder-index';
import type { Problem } from '../../src/core/types';
import { indexFiles, listNoteFiles } from '../../src/node/ce-folder';
import { englishEnv } from './cli-env';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURE = path.join(ROOT, 'test/fixtures/workspace');
const SAMPLE = path.join(ROOT, 'sample-notes');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: englishEnv({ NO_COLOR: undefined, FORCE_COLOR: undefined, ...env }), timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function reportOf(args: string[]): CeReport {
  const run = cli(['report', ...args, '--json']);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as CeReport;
}

const CONFIG = JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] });

/** A throwaway folder of files; removed after the suite. */
const temps: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-cli-'));
  temps.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

describe('CLI (dist/cli.js)', function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build)`);
  });
  after(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('report --json on the fixture workspace', () => {
    let report: CeReport;
    before(() => {
      report = reportOf([FIXTURE, '--as-of', '2026-06-30']);
    });

    it('gives the CPhT figures: 11 of 20 h, law and patient safety met', () => {
      const cpht = report.credentials.find((c) => c.id === 'ptcb-cpht');
      assert.ok(cpht, JSON.stringify(report.credentials.map((c) => c.id)));
      assert.equal(cpht.name, 'PTCB CPhT');
      assert.deepEqual(cpht.cycle.start, '2025-04-01');
      assert.deepEqual(cpht.cycle.end, '2027-03-31');
      assert.equal(cpht.cycle.daysLeft, 274);
      assert.deepEqual(cpht.hours, { earned: 11, required: 20, remaining: 9 });
      assert.equal(cpht.met, false);
      const req = Object.fromEntries(cpht.requirements.map((r) => [r.id, [r.earned, r.required, r.met]]));
      assert.deepEqual(req, { law: [1, 1, true], 'patient-safety': [2, 1, true] });
      for (const counted of ['notes/federal-law-update.md', 'notes/look-alike-sound-alike.md', 'notes/sterile-compounding-refresher.md', 'notes/diabetes-pharmacotherapy.md']) {
        assert.ok(cpht.notes.includes(counted), counted);
      }
      for (const not of ['notes/immunization-basics.md', 'notes/bad-hours.md', 'notes/broken-yaml.md', 'notes/top-200-drugs.md', 'notes/store-in-service.md']) {
        assert.ok(!cpht.notes.includes(not), not);
      }
      const pharmacist = cpht.limits.find((l) => l.id === 'pharmacist');
      assert.deepEqual([pharmacist?.matched, pharmacist?.applied], [6, 5]);
    });

    it('gives the Texas credential its own cycle and requirements', () => {
      const tx = report.credentials.find((c) => c.id === 'tx');
      assert.ok(tx);
      assert.equal(tx.name, 'Texas registration');
      assert.deepEqual([tx.cycle.start, tx.cycle.end], ['2025-01-01', '2026-12-31']);
      // Federal law is not Texas law, and the in-service counts here (up to 5 h): 1 + 2 + 3 + 6 + 2.
      assert.equal(tx.hours.earned, 14);
      assert.equal(tx.requirements.find((r) => r.id === 'state-law')?.met, false);
      assert.equal(tx.ruleSet.verify, true);
    });

    it('lists problems with folder-relative paths and 1-based positions', () => {
      const at = (file: string, severity: string) => report.problems.filter((p) => p.file === file && p.severity === severity);
      assert.ok(at('notes/bad-hours.md', 'error').length >= 2, 'negative hours and a bad date');
      const [yaml] = at('notes/broken-yaml.md', 'error');
      assert.ok(yaml && yaml.line >= 3 && yaml.line <= 5, JSON.stringify(yaml));
      assert.ok(at('notes/sterile-compounding-refresher.md', 'warning').some((p) => p.line === 8 && /certificate/i.test(p.message)));
      const [topic] = at('notes/store-in-service.md', 'warning');
      assert.equal(topic.line, 5);
      assert.match(topic.message, /"law"/);
      assert.deepEqual(at('notes/top-200-drugs.md', 'error'), []);
      for (const p of report.problems) {
        assert.ok(p.line >= 1 && p.column >= 1, JSON.stringify(p));
        assert.ok(!path.isAbsolute(p.file) && !p.file.startsWith('./') && !p.file.includes('\\'), p.file);
      }
      assert.deepEqual(report.summary.errors, report.problems.filter((p) => p.severity === 'error').length);
    });

    it('never reads the excluded templates folder', () => {
      assert.doesNotMatch(JSON.stringify(report), /templates\//);
      assert.equal(report.notes.total, 9);
    });
  });

  describe('report, readable', () => {
    it('prints each credential, its requirements with marks, days left and problem counts, without colour in a pipe', () => {
      const run = cli(['report', FIXTURE, '--as-of', '2026-06-30']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /PTCB CPhT/);
      assert.match(run.stdout, /2025-04-01 – 2027-03-31 · apply by 2027-03-01 · 244 days left to apply/);
      assert.match(run.stdout, /2025-01-01 – 2026-12-31 · 184 days left\n/);
      assert.match(run.stdout, /11 \/ 20 h · 9 h to go/);
      assert.match(run.stdout, /✓ Pharmacy law/);
      assert.match(run.stdout, /✗ Texas pharmacy law/);
      assert.match(run.stdout, /Problems: \d+ errors?, \d+ warnings?/);
      assert.doesNotMatch(run.stdout, /\x1b\[/);
    });

    it('uses colour when forced, and not when NO_COLOR is set unless forced', () => {
      assert.match(cli(['report', FIXTURE, '--as-of', '2026-06-30', '--color']).stdout, /\x1b\[3[12]m/);
      assert.doesNotMatch(cli(['report', FIXTURE, '--as-of', '2026-06-30'], { NO_COLOR: '1' }).stdout, /\x1b\[/);
      assert.doesNotMatch(cli(['report', FIXTURE, '--as-of', '2026-06-30', '--no-color']).stdout, /\x1b\[/);
    });

    it('evaluates at today by default and reads the current folder when none is given', () => {
      const report = JSON.parse(cli(['report', '--json'], {}, FIXTURE).stdout) as CeReport;
      assert.equal(report.asOf, localToday());
      assert.ok(report.credentials.some((c) => c.id === 'tx'));
    });
  });

  describe('check', () => {
    it('prints file:line:column: severity: message and exits 1 when there is an error', () => {
      const run = cli(['check', FIXTURE]);
      assert.equal(run.status, 1, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      assert.ok(lines.length >= 5, run.stdout);
      for (const line of lines) assert.match(line, /^[^:\s]+:\d+:\d+: (error|warning|info): \S.*$/);
      assert.ok(lines.some((l) => l.startsWith('notes/broken-yaml.md:') && l.includes(': error: ')));
      assert.match(run.stderr, /\d+ errors?, \d+ warnings? in 9 notes/);
    });

    it('exits 0 with no problems, and with warnings only', () => {
      const clean = folder({
        '.pharmacy-ce.json': CONFIG,
        'notes/law.md': '---\nce_hours: 1\ntopics: [law]\ncompleted: 2026-01-10\ncertificate: ../certs/law.pdf\n---\n',
        'certs/law.pdf': '%PDF-1.4\n',
      });
      const ok = cli(['check', clean]);
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      assert.equal(ok.stdout, '');
      assert.match(ok.stderr, /No problems in 1 note\./);

      fs.rmSync(path.join(clean, 'certs/law.pdf'));
      const warned = cli(['check', clean]);
      assert.equal(warned.status, 0, warned.stdout + warned.stderr);
      assert.match(warned.stdout, /^notes\/law\.md:5:1: warning: .*law\.pdf/m);
    });

    it('--json gives the problems and the summary', () => {
      const run = cli(['check', FIXTURE, '--json']);
      assert.equal(run.status, 1);
      const out = JSON.parse(run.stdout) as { problems: unknown[]; summary: { errors: number } };
      assert.ok(out.problems.length >= 5);
      assert.ok(out.summary.errors >= 3);
    });
  });

  describe('bad input never crashes it', () => {
    it('reports a JS-engine note without running it, and still counts the others', () => {
      const marker = path.join(os.tmpdir(), `pharmacy-ce-pwned-${process.pid}`);
      const dir = folder({
        '.pharmacy-ce.json': CONFIG,
        'good.md': '---\nce_hours: 2\ncompleted: 2026-02-01\n---\n',
        'evil.md': `---js\n{ ce_hours: (function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); return 5; })(), completed: '2026-02-01' }\n---\n`,
        'empty.md': '',
        'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x00]),
        'crlf.md': '\ufeff---\r\nce_hours: 1\r\ncompleted: 2026-03-01\r\n---\r\nBody\r\n',
        'node_modules/pkg/README.md': '---\nce_hours: 50\ncompleted: 2026-01-01\n---\n',
        '.obsidian/notes.md': '---\nce_hours: 50\ncompleted: 2026-01-01\n---\n',
      });
      const run = cli(['report', dir, '--json', '--as-of', '2026-11-25']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(fs.existsSync(marker), false, 'the note ran code');
      const report = JSON.parse(run.stdout) as CeReport;
      assert.equal(report.credentials[0].hours.earned, 3);
      assert.ok(report.problems.some((p) => p.file === 'evil.md' && p.severity === 'error'));
      assert.equal(report.notes.total, 5);
      assert.doesNotMatch(JSON.stringify(report), /node_modules|\.obsidian/);
    });

    it('reports a broken config with its position and applies the default credential', () => {
      const dir = folder({ '.pharmacy-ce.json': '{\n  "credentials": [\n    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-02-30" }\n  ]\n}\n', 'a.md': '# study\n' });
      const run = cli(['check', dir]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^\.pharmacy-ce\.json:3:\d+: error: /m);
      const report = JSON.parse(cli(['report', dir, '--json', '--as-of', '2026-11-25']).stdout) as CeReport;
      assert.equal(report.credentials[0]?.ruleSet.id, 'ptcb-cpht');
    });

    it('keeps escape sequences from a note out of the terminal', () => {
      const dir = folder({ '.pharmacy-ce.json': CONFIG, 'a.md': '---\nce_hours: 1\ntopics: ["\\e[2J\\e]0;pwned\\u0007law"]\ncompleted: 2026-01-10\n---\n' });
      const check = cli(['check', dir]);
      assert.match(check.stdout, /a\.md:3:/);
      assert.doesNotMatch(check.stdout + cli(['report', dir, '--as-of', '2026-11-25']).stdout, /[\x07\x1b]/);
    });

    it('follows no link: not a folder symlink loop, not a link to a note inside (it would count twice)', function () {
      const dir = folder({ '.pharmacy-ce.json': CONFIG, 'real/a.md': '---\nce_hours: 1\ncompleted: 2026-01-10\n---\n' });
      try {
        fs.symlinkSync(dir, path.join(dir, 'real/loop'));
        fs.symlinkSync(path.join(dir, 'real/a.md'), path.join(dir, 'link.md'));
      } catch {
        this.skip(); // no symlinks on this file system
      }
      const report = JSON.parse(cli(['report', dir, '--json', '--as-of', '2026-11-25']).stdout) as CeReport;
      assert.equal(report.notes.total, 1);
      assert.equal(report.credentials[0].hours.earned, 1);
      assert.deepEqual(report.problems.map((p) => [p.file, p.severity, p.code]), [['link.md', 'info', 'link-skipped'], ['real/loop', 'info', 'link-skipped']]);
    });

    it('turns a note that vanished between listing and reading into a problem, and reads the rest', () => {
      const dir = folder({ '.pharmacy-ce.json': CONFIG, 'a.md': '---\nce_hours: 1\ncompleted: 2026-01-10\n---\n', 'gone.md': '# soon deleted\n' });
      const ws = new FolderIndex();
      ws.setConfig(CONFIG, '2026-11-25');
      const files = listNoteFiles(dir, ws);
      assert.deepEqual(files, ['a.md', 'gone.md']);
      fs.rmSync(path.join(dir, 'gone.md'));
      const problems: Problem[] = [];
      indexFiles(dir, ws, files, problems);
      assert.deepEqual(problems.map((p) => [p.file, p.line, p.severity, p.code]), [['gone.md', 1, 'error', 'unreadable']]);
      assert.equal(ws.evaluate('2026-11-25')[0].hours.earned, 1);
    });

    it('reports an unreadable note as a problem and counts the rest', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything: a permission test cannot fail here
      const dir = folder({ '.pharmacy-ce.json': CONFIG, 'a.md': '---\nce_hours: 1\ncompleted: 2026-01-10\n---\n', 'locked.md': '---\nce_hours: 9\n---\n' });
      fs.chmodSync(path.join(dir, 'locked.md'), 0o000);
      const run = cli(['check', dir]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^locked\.md:1:1: error: Could not read this file \(permission denied\)/m);
    });
  });

  describe('arguments', () => {
    const bad: [string, string[], RegExp][] = [
      ['no command', [], /a command is needed/],
      ['an unknown command', ['frobnicate'], /unknown command: frobnicate/],
      ['an unknown option', ['report', '--bogus'], /unknown option: --bogus/],
      ['an impossible date', ['report', '--as-of', '2026-02-30'], /not a calendar date: 2026-02-30/],
      ['a date before 1900', ['report', '--as-of', '0001-06-01'], /--as-of: 0001-06-01 is outside 1900-01-01\.\.2199-12-31/],
      ['a date after 2199', ['check', '--as-of=2200-01-01'], /--as-of: 2200-01-01 is outside/],
      ['a missing date', ['report', '--as-of'], /--as-of needs a date/],
      ['two folders', ['check', 'a', 'b'], /one folder at most/],
    ];
    for (const [what, args, message] of bad) {
      it(`exits 2 with the usage for ${what}`, () => {
        const run = cli(args);
        assert.equal(run.status, 2);
        assert.match(run.stderr, message);
        assert.match(run.stderr, /Usage: pharmacy-ce/);
        assert.equal(run.stdout, '');
      });
    }

    it('exits 2 for a folder that does not exist', () => {
      const run = cli(['report', path.join(os.tmpdir(), 'no-such-folder-pharmacy-ce')]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /not a folder/);
    });

    it('accepts --as-of=DATE and options before the command', () => {
      const report = JSON.parse(cli(['--json', 'report', FIXTURE, '--as-of=2026-06-30']).stdout) as CeReport;
      assert.equal(report.asOf, '2026-06-30');
    });

    it('--help and --version exit 0', () => {
      const help = cli(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Usage: pharmacy-ce <command>/);
      const version = cli(['--version']);
      assert.equal(version.status, 0);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(version.stdout.trim(), pkg.version);
    });
  });

  describe('the sample workspace', () => {
    it('shows the figures and exactly the deliberate problems its README describes', () => {
      const report = reportOf([SAMPLE, '--as-of', '2026-11-25']);
      const byId = Object.fromEntries(report.credentials.map((c) => [c.id, c]));
      assert.deepEqual(byId['ptcb-cpht'].hours, { earned: 14.5, required: 20, remaining: 5.5 });
      assert.ok(byId['ptcb-cpht'].requirements.every((r) => r.met));
      assert.deepEqual(byId.tx.hours, { earned: 17.5, required: 20, remaining: 2.5 });
      assert.equal(byId.tx.cycle.daysLeft, 67);
      assert.ok(byId.tx.requirements.every((r) => r.met));
      const problems = report.problems.filter((p) => p.severity !== 'info').map((p) => `${p.file} ${p.severity} ${p.code}`);
      assert.deepEqual(problems, [
        '2025/2025-10-02-usp-797-garbing-aseptic-technique.md warning certificate-missing',
        '2026/2026-03-05-hazardous-drugs-usp-800.md warning unknown-topic',
        '2026/2026-04-14-opioid-safety-naloxone.md warning uan-malformed',
        '2026/2026-06-09-insulin-pens.md error bad-value',
      ]);
      // 3 plain study notes, the 3 PTCE study notes of study/ptce and the 7 career notes of career/ without ce_hours
      assert.equal(report.notes.study, 13);
      assert.doesNotMatch(JSON.stringify(report), /templates\/|README\.md/);
    });
  });

  describe('complete <note>', () => {
    const NOTE = '---\ntitle: A\nce_hours: 1\nstatus: planned # later\n---\ncompleted: garbing steps\n';

    it('writes the same edit as Mark Note Completed and prints the date', () => {
      const dir = folder({ 'notes/a.md': NOTE });
      const run = cli(['complete', 'notes/a.md', '--date', '2026-11-25'], {}, dir);
      assert.deepEqual([run.status, run.stdout, run.stderr], [0, '2026-11-25\n', '']);
      assert.equal(fs.readFileSync(path.join(dir, 'notes/a.md'), 'utf8'), '---\ntitle: A\nce_hours: 1\nstatus: completed # later\ncompleted: 2026-11-25\n---\ncompleted: garbing steps\n');
      assert.deepEqual(fs.readdirSync(path.join(dir, 'notes')), ['a.md'], 'no temp file left');
    });

    it('refuses with exit 1 and leaves the file byte for byte when the edit is unsafe', () => {
      const dir = folder({ 'a.md': '---\nce_hours: 1\n-----\ncompleted: garbing steps\n', 'b.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]) });
      for (const name of ['a.md', 'b.md']) {
        const before = fs.readFileSync(path.join(dir, name));
        const run = cli(['complete', name, '--date', '2026-11-25'], {}, dir);
        assert.equal(run.status, 1, name);
        assert.match(run.stderr, /was not changed/);
        assert.deepEqual(fs.readFileSync(path.join(dir, name)), before, name);
      }
    });

    it('never writes through a symbolic link, a linked folder or outside the current folder', function () {
      const outside = folder({ 'victim.md': NOTE });
      const dir = folder({ 'real/a.md': NOTE });
      try {
        fs.symlinkSync(path.join(outside, 'victim.md'), path.join(dir, 'link.md'));
        fs.symlinkSync(outside, path.join(dir, 'linked'), 'dir');
      } catch {
        this.skip();
      }
      for (const target of ['link.md', 'linked/victim.md', path.join(outside, 'victim.md'), '../x.md']) {
        const run = cli(['complete', target, '--date', '2026-11-25'], {}, dir);
        assert.equal(run.status, 1, `${target}: ${run.stderr}`);
      }
      assert.equal(fs.readFileSync(path.join(outside, 'victim.md'), 'utf8'), NOTE);
    });

    it('takes the date as on the certificate (11/25/2026), as the editor command does', () => {
      const dir = folder({ 'a.md': NOTE });
      const run = cli(['complete', 'a.md', '--date', '11/25/2026'], {}, dir);
      assert.deepEqual([run.status, run.stdout, run.stderr], [0, '2026-11-25\n', '']);
      assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /\ncompleted: 2026-11-25\n/);
    });

    it('exit 2 for a bad date or no note, saying what is wrong with the date', () => {
      const dir = folder({ 'a.md': NOTE });
      const bad = cli(['complete', 'a.md', '--date', '2026-02-30'], {}, dir);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /February 2026 has 28 days/);
      assert.equal(cli(['complete'], {}, dir).status, 2);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), NOTE);
    });
  });
});
