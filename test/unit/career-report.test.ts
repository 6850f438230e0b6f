// `pharmacy-ce career`: the JSON (field names and nesting are issue #14's contract) and the text for a person,
// from a model of hand-built notes; and the career problems in the folder's problem list.
import assert from 'node:assert/strict';
import { buildCareerReport, formatCareer } from '../../src/core/outputs/career';
import type { ProblemReport } from '../../src/core/outputs/report';
import { CareerState } from '../../src/core/index/career-state';
import { ACTIVE_CPHT, AS_OF, ceEvent, certificate, job, membership, model, testPrograms } from './career-helpers';

describe('career report', () => {
  const notes = [
    job('jobs/community.md', '2019-06-01', '2022-08-31', { setting: 'community', responsibilities: ['inventory'], employer: 'Corner Drug', role: 'Technician' }),
    job('jobs/hospital.md', '2022-03-01', undefined, { setting: 'hospital', hoursPerWeek: 40, responsibilities: ['sterile-compounding', 'training'] }),
    certificate('career/tpv.md', 'ptcb-tpv', { earned: '2024-02-10' }),
    certificate('career/billing.md', 'ptcb-billing-reimbursement', { status: 'planned' }),
    ceEvent('career/conference.md', '2026-10-03', 6, 'Texas Pharmacy Association'),
    membership('career/aapt.md', 'AAPT', '2027-01-15'),
  ];
  const problems: ProblemReport[] = [{ file: 'a.md', line: 2, column: 1, severity: 'warning', message: 'm', code: 'unknown-topic' }];

  it('has exactly the issue\'s fields, in its nesting, with the model\'s figures', () => {
    const m = model(notes);
    const report = buildCareerReport(m, problems);
    assert.deepEqual(Object.keys(report), ['certificates', 'experience', 'eligibility', 'suggestions', 'network', 'problems']);
    assert.deepEqual(report.certificates, [
      { program: 'ptcb-tpv', name: m.certificates[0].name, status: 'earned', earned: '2024-02-10', file: 'career/tpv.md' },
      { program: 'ptcb-billing-reimbursement', name: m.certificates[1].name, status: 'planned', earned: null, file: 'career/billing.md' },
    ]);
    assert.deepEqual(Object.keys(report.experience), ['years', 'yearsWithinLast8', 'bySetting', 'responsibilities']);
    assert.deepEqual(report.experience.bySetting.map((s) => Object.keys(s)), [['setting', 'years'], ['setting', 'years']]);
    assert.deepEqual([report.experience.years, report.experience.yearsWithinLast8, report.experience.responsibilities], [7.5, 7.5, ['training', 'inventory', 'sterile-compounding']]);
    const adv = report.eligibility[0];
    assert.deepEqual(Object.keys(adv), ['id', 'name', 'met', 'requirements']);
    assert.deepEqual(adv.requirements, [
      { id: 'cpht', label: 'An active PTCB CPhT', have: 1, need: 1, met: true },
      { id: 'certificates', label: 'PTCB assessment-based certificates earned', have: 1, need: 4, met: false },
      { id: 'experience', label: 'Years of technician work within the last 8', have: 7.5, need: 3, met: true },
    ]);
    // CPhT-Adv's experience `have` is `yearsWithinLast8`.
    assert.equal(adv.requirements[2].have, report.experience.yearsWithinLast8);
    assert.deepEqual(report.suggestions, m.suggestions.map((s) => ({ program: s.program, reason: s.reason })));
    assert.deepEqual(report.network, {
      events: [{ file: 'career/conference.md', date: '2026-10-03', organization: 'Texas Pharmacy Association' }],
      memberships: [{ organization: 'AAPT', renews: '2027-01-15', daysLeft: 46 }],
    });
    assert.deepEqual(report.problems, problems);
    assert.notEqual(report.problems[0], problems[0]);
  });

  it('reads as text for a person: held, the next credential requirement by requirement, experience, network, next steps', () => {
    const text = formatCareer(model(notes), 1, 'sample');
    assert.match(text, /^Career in sample · as of 2026-11-30\n/);
    assert.match(text, /✓ PTCB CPhT · active until 2027-06-30/);
    assert.match(text, /Next credential: Advanced Certified Pharmacy Technician \(CPhT-Adv\)\n {2}✓ An active PTCB CPhT +1 of 1\n {2}✗ PTCB assessment-based certificates earned +1 of 4\n {2}✓ Years of technician work within the last 8 +7\.5 of 3\n/);
    assert.match(text, /Experience: 7\.5 years in all, 7\.5 years within the last 8 years/);
    assert.match(text, /2022-03-01 – now {2}Hospital \/ health system · 40 h a week {2}jobs\/hospital\.md:5/);
    assert.match(text, /2019-06-01 – 2022-08-31 {2}Community pharmacy · Technician at Corner Drug/);
    assert.match(text, /Member of AAPT: renews 2027-01-15 \(46 days left\)/);
    assert.match(text, /Renew your AAPT membership by 2027-01-15 \(46 days left\)\./);
    assert.match(text, /Problems: 1 — run `pharmacy-ce check` to list them\n$/);
  });

  it('gives years with the figure the Career view and the dashboard show (4.88 years reads 4.8, never rounded up)', () => {
    // The sample's jobs: 2022-01-10 to 2023-02-28 and 2022-10-03 to now, 4.88 years merged.
    const sample = [
      job('career/community.md', '2022-01-10', '2023-02-28', { setting: 'community' }),
      job('career/hospital.md', '2022-10-03', undefined, { setting: 'hospital' }),
    ];
    const m = model(sample);
    assert.equal(m.experience.years, 4.88);
    const text = formatCareer(m, 0);
    assert.match(text, /Experience: 4\.8 years in all, 4\.8 years within the last 8 years/);
    assert.match(text, /By setting: Community pharmacy 1\.1 years; Hospital \/ health system 4\.1 years/);
    assert.match(text, /Years of technician work within the last 8 +4\.8 of 3\n/);
  });

  it('shows nothing from a note that could drive the terminal', () => {
    const hostile = [job('jobs/x.md', '2020-01-01', undefined, { employer: 'Evil\u001b[31mCorp\u202e', role: 'Tech\nnician' }), membership('m.md', 'Org\u0007')];
    const text = formatCareer(model(hostile), 0);
    assert.doesNotMatch(text, /[\u0007\u001b\u202e]/);
    assert.match(text, /Tech nician at Evil\?\[31mCorp\?/);
  });

  it('says what to add when there is nothing yet', () => {
    const text = formatCareer(model([], { credentials: [] }), 0);
    assert.match(text, /None yet: list your credentials in \.pharmacy-ce\.json/);
    assert.match(text, /No jobs yet: add a career note \(type: experience\)/);
    assert.match(text, /Problems: none\n$/);
  });

  it('gives the career problems to the folder without building the model, the same as the model\'s', () => {
    const state = new CareerState();
    const dup = [certificate('c/a.md', 'ptcb-tpv'), certificate('c/b.md', 'ptcb-tpv')];
    const programs = testPrograms();
    const alone = state.problems(dup, programs, 1);
    assert.deepEqual(alone.map((p) => [p.file, p.code]), [['c/b.md', 'duplicate-certificate']]);
    const built = state.model({ notes: dup, credentials: [ACTIVE_CPHT], programs, studyPlanIds: [], asOf: AS_OF }, 2);
    assert.equal(state.problems(dup, programs, 2), built.problems);
    assert.deepEqual(state.problems([], programs, 3), []);
  });
});
