// The CLI on folders whose `.pharmacy-ce.json` was written to crash or hang it: it reports the problems
// (exit 1 from check) and still reports the notes, never "could not finish" (exit 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CeReport } from '../../src/core/outputs/report';
import { englishEnv } from './cli-env';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const NOTE = '---\ntitle: Law update\nce_hours: 2\ntopics: [law]\ncompleted: 2026-03-01\n---\nBody.\n';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: englishEnv({ NO_COLOR: '1' }), timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI on hostile configs', function () {
  this.timeout(60_000);
  const temps: string[] = [];
  after(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  function folderWith(config: unknown, files: Record<string, string> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-hostile-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, '.pharmacy-ce.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
    fs.writeFileSync(path.join(dir, 'law.md'), NOTE);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  const cases: [string, unknown, RegExp][] = [
    ['a rule set named constructor', { credentials: [{ ruleSet: 'constructor', cycleEnd: '2027-03-31' }] }, /Unknown rule set "constructor"/],
    ['a rule set named __proto__', { credentials: [{ ruleSet: '__proto__', cycleEnd: '2027-03-31' }] }, /Unknown rule set "__proto__"/],
    ['a cycle ending in year 1', { credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '0001-01-01' }] }, /outside the years 1900-2199/],
    [
      'extglob and many-star excludes',
      { credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }], exclude: ['+(a|aa)', '+(*|?)'], include: ['*a*a*a*b'] },
      /at most 3 wildcards/,
    ],
    [
      'thousands of unknown rule sets',
      {
        ruleSets: Array.from({ length: 500 }, (_, i) => ({ id: `r${i}`, name: `R${i}`, source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 1 })),
        credentials: Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, ruleSet: `q${i}`, cycleEnd: '2027-03-31' })),
      },
      /Unknown rule set "q2999"\. Known: .* and 489 more/,
    ],
  ];

  for (const [what, config, message] of cases) {
    it(`check and report survive ${what}`, () => {
      // Names the hostile globs would take seconds to reject, had they been used.
      const dir = folderWith(config, { [`${'a'.repeat(40)}!.md`]: NOTE, [`${'x'.repeat(40)}.md`]: NOTE });
      const check = cli(['check', dir, '--as-of', '2026-11-30']);
      assert.equal(check.status, 1, check.stderr);
      assert.match(check.stdout, message);
      assert.match(check.stdout, /^\.pharmacy-ce\.json:\d+:\d+: error: /m);
      const report = cli(['report', dir, '--json', '--as-of', '2026-11-30']);
      assert.equal(report.status, 0, report.stderr);
      const parsed = JSON.parse(report.stdout) as CeReport;
      assert.ok(parsed.credentials.length >= 1);
    });
  }

  it('refuses --as-of before 1900 as a usage error', () => {
    const dir = folderWith({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] });
    const run = cli(['report', dir, '--as-of', '0001-06-01']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--as-of: 0001-06-01 is outside 1900-01-01\.\.2199-12-31/);
    assert.doesNotMatch(run.stderr, /could not finish/);
  });
});
