// `pharmacy-ce career`, run from the built dist/cli.js on test/fixtures/career-cli: a technician with a CPhT in
// .pharmacy-ce.json, a part-time community job (2018-03-01 to 2022-08-31) overlapping a full-time hospital IV-room
// job (from 2022-06-01, current), two earned PTCB certificates (one with a second note), a planned one, a conference
// with CE hours, a webinar of 2024 and an AAPT membership. The JSON is compared field by field.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { dayNumber } from '../../src/core/common/dates';
import type { CareerReport } from '../../src/core/outputs/career';
import { englishEnv } from './cli-env';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURE = 'test/fixtures/career-cli';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: englishEnv({ NO_COLOR: '1' }), timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function careerOf(asOf: string): CareerReport {
  const run = cli(['career', FIXTURE, '--json', '--as-of', asOf]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as CareerReport;
}

/** Both ends counted, in years of 365.25 days, floored to 2 decimals. */
const years = (start: string, end: string) => Math.floor(((dayNumber(end) - dayNumber(start) + 1) * 100) / 365.25) / 100;

describe('CLI career (dist/cli.js) on test/fixtures/career-cli', function () {
  this.timeout(60_000);
  const report = () => careerOf('2026-11-30');

  it('gives the issue\'s top-level fields', () => {
    assert.deepEqual(Object.keys(report()), ['certificates', 'experience', 'eligibility', 'suggestions', 'network', 'problems']);
  });

  it('lists the certificate notes, earned first', () => {
    assert.deepEqual(
      report().certificates.map((c) => [c.program, c.status, c.earned, c.file]),
      [
        ['ptcb-tpv', 'earned', '2023-04-12', 'career/certificates/tpv-copy.md'],
        ['ptcb-tpv', 'earned', '2023-04-12', 'career/certificates/tpv.md'],
        ['ptcb-hazardous-drug-management', 'earned', '2024-09-30', 'career/certificates/hazardous-drugs.md'],
        ['ptcb-billing-reimbursement', 'planned', null, 'career/certificates/billing.md'],
      ],
    );
  });

  it('merges the overlapping jobs, counts within the last 8 years from 2018-12-01, and each setting apart', () => {
    const { experience } = report();
    assert.deepEqual(experience, {
      years: years('2018-03-01', '2026-11-30'),
      yearsWithinLast8: years('2018-12-01', '2026-11-30'),
      bySetting: [
        { setting: 'community', years: years('2018-03-01', '2022-08-31') },
        { setting: 'hospital', years: years('2022-06-01', '2026-11-30') },
      ],
      responsibilities: ['training', 'inventory', 'sterile-compounding', 'billing'],
    });
    assert.equal(experience.yearsWithinLast8, 8);
  });

  it('stands on the CPhT-Adv at 2 of 4 certificates (the second TPV note counts once) and 8 of 3 years; meets the CSPT', () => {
    const [adv, cspt] = report().eligibility;
    assert.deepEqual(adv, {
      id: 'ptcb-cpht-adv',
      name: 'Advanced Certified Pharmacy Technician (CPhT-Adv)',
      met: false,
      requirements: [
        { id: 'cpht', label: 'An active PTCB CPhT', have: 1, need: 1, met: true },
        { id: 'certificates', label: 'PTCB assessment-based certificates earned', have: 2, need: 4, met: false },
        { id: 'experience', label: 'Years of technician work within the last 8', have: 8, need: 3, met: true },
      ],
    });
    // Only the full-time hospital job is sterile compounding: 4.5 years, so no program is needed.
    assert.equal(cspt.id, 'ptcb-cspt');
    assert.deepEqual(cspt.requirements.map((r) => [r.id, r.have, r.need, r.met]), [
      ['cpht', 1, 1, true],
      ['training', 0, 0, true],
      ['experience', years('2022-06-01', '2026-11-30'), 3, true],
    ]);
    assert.equal(cspt.met, true);
  });

  it('lists the events of this year and last, and the membership with its days left', () => {
    assert.deepEqual(report().network, {
      events: [{ file: 'career/network/state-conference.md', date: '2026-10-03', organization: 'Texas Pharmacy Association' }],
      memberships: [{ organization: 'AAPT', renews: '2027-01-15', daysLeft: 46 }],
    });
    assert.deepEqual(careerOf('2025-06-30').network.events.map((e) => e.date), ['2024-05-01']);
  });

  it('reports the second note for one certificate as a problem, as `report` and `check` do', () => {
    const problems = report().problems;
    const duplicate = problems.filter((p) => p.code === 'duplicate-certificate');
    assert.deepEqual(duplicate.map((p) => [p.file, p.line, p.severity]), [['career/certificates/tpv.md', 3, 'warning']]);
    const check = cli(['check', FIXTURE, '--json', '--as-of', '2026-11-30']);
    assert.deepEqual(JSON.parse(check.stdout).problems, problems);
    assert.equal(check.status, 0);
  });

  it('prints the standing for a person, and answers usage errors with exit code 2', () => {
    const text = cli(['career', FIXTURE, '--as-of', '2026-11-30']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Next credential: Advanced Certified Pharmacy Technician \(CPhT-Adv\)/);
    assert.match(text.stdout, /✗ PTCB assessment-based certificates earned +2 of 4/);
    assert.match(cli(['--help']).stdout, /career \[folder\]/);
    const bad = cli(['career', FIXTURE, '--as-of', '2026-02-30']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a calendar date/);
    assert.equal(cli(['career', 'test/fixtures/no-such-folder']).status, 2);
    assert.equal(cli(['career', FIXTURE, FIXTURE]).status, 2);
  });
});
