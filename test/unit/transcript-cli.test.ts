// `pharmacy-ce transcript` end to end (the built dist/cli.js), with real symbolic links in a temp copy of the
// fixture: the same files as Export Transcript, under the same write rule.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localToday } from '../../src/core/common/dates';
import { buildTranscript, transcriptCsvFile } from '../../src/core/outputs/transcript';
import { transcriptHtml } from '../../src/core/outputs/transcript-html';
import { loadCeFolder } from '../../src/node/ce-folder';
import { englishEnv } from './cli-env';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURE = path.join(ROOT, 'test/fixtures/workspace');
const AS_OF = '2026-11-30';
const CSV = 'transcripts/ptcb-cpht-2027-03-31.csv';
const HTML = 'transcripts/ptcb-cpht-2027-03-31.html';

function cli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: englishEnv(env), timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI transcript (dist/cli.js)', function () {
  this.timeout(60_000);
  let base: string;
  let folder: string;
  let home: string;

  beforeEach(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-transcript-')));
    folder = path.join(base, 'notes');
    home = path.join(base, 'home');
    fs.cpSync(FIXTURE, folder, { recursive: true });
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, 'secret.txt'), 'keep me');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const file = (rel: string) => fs.readFileSync(path.join(folder, rel), 'utf8');

  it('writes the same CSV and HTML as the command, from the same core functions, into transcripts/', () => {
    const run = cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--name', 'Dana Q. Tech']);
    assert.equal(run.stdout, `${CSV}\n${HTML}\n`);
    // The fixture has a note with errors: it is left out, and the exit code says so (as `check` does).
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /1 note with errors left out/);
    const loaded = loadCeFolder(folder, AS_OF);
    const progress = loaded.workspace.evaluate(AS_OF).find((p) => p.credential.id === 'ptcb-cpht')!;
    const expected = buildTranscript(progress, loaded.workspace.notes(), { learnerName: 'Dana Q. Tech', asOf: AS_OF, generated: localToday(), missingCertificates: loaded.workspace.missingCertificates(), problems: loaded.workspace.problems() });
    assert.equal(file(CSV), transcriptCsvFile(expected));
    assert.equal(file(HTML), transcriptHtml(expected, 'en'));
    assert.ok(file(CSV).includes('certificates/usp797-missing.pdf,yes,,,certificate file not found'));
  });

  it('writes the page in the terminal\'s language, and says which it is', () => {
    cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF], ROOT);
    assert.match(file(HTML), /^<!DOCTYPE html>\n<html lang="en">/);
    cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--replace'], ROOT, { LANG: 'es_ES.UTF-8' });
    assert.match(file(HTML), /^<!DOCTYPE html>\n<html lang="es">/);
    assert.match(file(HTML), /<title>Historial de CE/);
  });

  it('refuses to replace without --replace, and replaces a regular file with it', () => {
    cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF]);
    fs.writeFileSync(path.join(folder, CSV), 'old');
    const refused = cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /transcripts\/ptcb-cpht-2027-03-31\.csv already exists/);
    assert.equal(file(CSV), 'old');
    assert.equal(cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--replace']).status, 1);
    assert.match(file(CSV), /^\ufeffCompletion date,/);
  });

  it('never writes through a link at the transcript path, even with --replace', () => {
    fs.mkdirSync(path.join(folder, 'transcripts'));
    fs.symlinkSync(path.join(home, 'secret.txt'), path.join(folder, CSV));
    const run = cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--replace']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /transcripts\/ptcb-cpht-2027-03-31\.csv is a symbolic link/);
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me');
    assert.equal(fs.existsSync(path.join(folder, HTML)), false, 'nothing half written');
  });

  it('never writes into an --out folder that is a link, nor outside the folder', () => {
    fs.symlinkSync(home, path.join(folder, 'audits'));
    const linked = cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--out', path.join(folder, 'audits')]);
    assert.equal(linked.status, 2);
    assert.match(linked.stderr, /audits \(on the way to audits\/ptcb-cpht-2027-03-31\.csv\) is a symbolic link/);
    const outside = cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--out', home]);
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /--out must be a folder inside the notes folder/);
    const escaping = cli(['transcript', '.', '--credential', 'ptcb-cpht', '--as-of', AS_OF, '--out', '../home'], folder);
    assert.equal(escaping.status, 2);
    assert.deepEqual(fs.readdirSync(home), ['secret.txt']);
  });

  it('writes into an --out folder inside the notes folder, relative to the working folder', () => {
    const run = cli(['transcript', '--credential', 'tx', '--as-of', AS_OF, '--out', 'audits/2026'], folder);
    assert.equal(run.status, 1, run.stderr); // the fixture's note with errors is left out
    assert.match(run.stdout, /^audits\/2026\/tx-\d{4}-\d{2}-\d{2}\.csv\naudits\/2026\/tx-\d{4}-\d{2}-\d{2}\.html\n$/);
  });

  it('takes --out inside a notes folder named through a link (the working folder is its real path)', () => {
    // `cd ~/notes` where ~/notes is a link: the process's working folder is the real path, the argument is not.
    const opened = path.join(base, 'opened');
    fs.symlinkSync(folder, opened);
    const run = cli(['transcript', opened, '--credential', 'tx', '--as-of', AS_OF, '--out', 'audits'], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^audits\/tx-\d{4}-\d{2}-\d{2}\.csv\n/);
    assert.ok(fs.readdirSync(path.join(folder, 'audits')).length === 2);
  });

  it('exits 2 with a clear message for an unknown credential, a missing --credential or a bad date', () => {
    const unknown = cli(['transcript', folder, '--credential', 'nope', '--as-of', AS_OF]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no credential "nope" .*\(its credentials: ptcb-cpht, tx\)/);
    const missing = cli(['transcript', folder]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /transcript needs --credential ID/);
    assert.equal(cli(['transcript', folder, '--credential', 'ptcb-cpht', '--as-of', '2026-02-30']).status, 2);
    assert.equal(fs.existsSync(path.join(folder, 'transcripts')), false);
  });

  it('is in --help', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /transcript \[folder\] --credential ID \[--out DIR\] \[--as-of YYYY-MM-DD\]/);
  });
});
