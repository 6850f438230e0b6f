// The dashboard's Career section (issue #14): the plain data from a hand-built career model (ladder order,
// renewals, the timeline's span) and its HTML (figures in words, everything from notes escaped), and the words
// the Career view shares with it.
import assert from 'node:assert/strict';
import type { CareerModel, EligibilityStanding, ExperienceSpan, Program, RequirementStanding } from '../../src/core/career/types';
import { careerSection } from '../../src/core/outputs/dashboard-career';
import { buildFolderModel } from '../../src/core/outputs/dashboard-model';
import { parseConfig } from '../../src/core/rules/config';
import type { ParsedNote } from '../../src/core/types';
import { renderCareerSection, type CareerRenderContext } from '../../src/features/dashboard/render-career';
import { parseWebviewMessage } from '../../src/features/dashboard/messages';
import { requirementFigure, standingSummary, yearsFigure } from '../../src/ui/career-text';

const AS_OF = '2026-11-30';
const ctx: CareerRenderContext = { formatDate: (d) => d, trusted: true, multiRoot: false };
const folder = { key: 'file:///w', name: 'w' };

const req = (id: string, label: string, have: number, need: number): RequirementStanding => ({ id, label, have, need, met: have >= need });

function standing(id: string, name: string, requirements: RequirementStanding[], extra: Partial<EligibilityStanding> = {}): EligibilityStanding {
  return { id, name, met: requirements.every((r) => r.met), requirements, held: false, caveats: [], source: 'https://www.ptcb.org', asOf: AS_OF, ...extra };
}

function job(file: string, start: string, end: string, extra: Partial<ExperienceSpan> = {}): ExperienceSpan {
  return { file, line: 1, employer: 'Mercy Hospital', role: 'Pharmacy technician', setting: 'hospital', start, end, current: false, hoursPerWeek: 40, responsibilities: [], ...extra };
}

const ADV = standing('ptcb-cpht-adv', 'Advanced Certified Pharmacy Technician (CPhT-Adv)', [
  req('cpht', 'An active PTCB CPhT', 1, 1),
  req('certificates', 'PTCB assessment-based certificates earned', 2, 4),
  req('experience', 'Years of technician work within the last 8', 2.47, 3),
]);
const TPV = standing('ptcb-tpv', 'Technician Product Verification', [req('cpht', 'An active PTCB CPhT', 1, 1)]);

function model(over: Partial<CareerModel> = {}): CareerModel {
  return {
    asOf: AS_OF,
    held: [{ program: 'ptcb-cpht', name: 'Certified Pharmacy Technician (CPhT)', from: 'config', credentialId: 'cpht', expires: '2027-03-31', active: true, credentialNumber: null }],
    certificates: [],
    experience: {
      years: 6.2,
      yearsWithinLast8: 6.2,
      bySetting: [{ setting: 'hospital', years: 2.47 }, { setting: 'community', years: 3.7 }],
      responsibilities: [],
      jobs: [job('career/walgreens.md', '2017-01-02', '2020-09-30', { setting: 'community', employer: 'Walgreens' }), job('career/mercy.md', '2024-06-01', AS_OF, { current: true })],
    },
    // The model's order puts the next credential before the one the user is eligible for: the ladder reorders.
    eligibility: [ADV, TPV, standing('ptcb-cpht', 'CPhT', [], { held: true })],
    suggestions: [{ program: 'ptcb-supply-chain-inventory', name: 'Supply Chain and Inventory Management', reason: 'You manage inventory at Mercy Hospital.', studyPlan: null }],
    network: {
      events: [],
      organizations: ['AAPT'],
      memberships: [
        { file: 'career/aapt.md', line: 1, organization: 'AAPT', since: '2024-01-15', renews: '2027-01-15', daysLeft: 46 },
        { file: 'career/npta.md', line: 1, organization: 'NPTA', since: '2024-01-15', renews: '2027-09-01', daysLeft: 275 },
      ],
    },
    nextSteps: [{ kind: 'membership-renewal', text: 'Renew AAPT by 2027-01-15 (46 days left).', file: 'career/aapt.md' }],
    problems: [],
    ...over,
  };
}

describe('dashboard Career section: the model', () => {
  it('orders the ladder held -> eligible now -> next, whatever the model\'s order, and lists a held credential once', () => {
    const s = careerSection(model(), 4);
    assert.deepEqual(s.ladder.map((x) => [x.id, x.stage]), [['ptcb-cpht', 'held'], ['ptcb-tpv', 'eligible'], ['ptcb-cpht-adv', 'next']]);
    assert.deepEqual(s.ladder.map((x) => x.shortName), ['CPhT', 'Technician Product Verification', 'CPhT-Adv']);
    assert.deepEqual(s.ladder[2].requirements?.map((r) => [r.id, r.have, r.need, r.met]), [['cpht', 1, 1, true], ['certificates', 2, 4, false], ['experience', 2.47, 3, false]]);
  });

  it('shows a certificate already held without the requirements and notes that are about earning it', () => {
    const hazardous = standing('ptcb-hazardous-drug-management', 'Hazardous Drug Management Certificate', [req('program', 'A PTCB-Recognized program', 1, 1)], {
      held: true,
      verify: 'Not verified: check with PTCB.',
      caveats: ['PTCB checks the training program when you apply.'],
    });
    const step = careerSection(model({ eligibility: [hazardous] }), 4).ladder.find((x) => x.id === 'ptcb-hazardous-drug-management');
    assert.equal(step?.stage, 'held');
    assert.deepEqual([step?.requirements, step?.verify, step?.caveats], [undefined, undefined, undefined]);
    const html = renderCareerSection(careerSection(model({ eligibility: [hazardous] }), 4), folder, 'c', ctx);
    assert.ok(!html.includes('when you apply') && !html.includes('Not verified'), html);
  });

  it('leaves a certificate not yet open off the ladder and counts it (a credential such as the CPhT-Adv stays on)', () => {
    const entry = (id: string, kind: Program['kind']): Program => ({ id, name: id, kind, issuer: 'PTCB', source: 's', asOf: AS_OF, builtIn: true });
    const programs = { 'ptcb-mtm': entry('ptcb-mtm', 'certificate'), 'ptcb-cpht-adv': entry('ptcb-cpht-adv', 'certification') };
    const mtm = standing('ptcb-mtm', 'Medication Therapy Management Certificate', [req('training', 'A program', 0, 1)]);
    const s = careerSection(model({ eligibility: [mtm, ADV, TPV] }), 4, programs);
    assert.deepEqual(s.ladder.map((x) => x.id), ['ptcb-cpht', 'ptcb-tpv', 'ptcb-cpht-adv']);
    assert.equal(s.laterCertificates, 1);
    assert.match(renderCareerSection(s, folder, 'c', ctx), /1 more PTCB certificate is not open to you yet/);
  });

  it('takes a short name from the catalogue when it has one', () => {
    const programs = { 'ptcb-tpv': { id: 'ptcb-tpv', name: 'Technician Product Verification', shortName: 'TPV', kind: 'certificate', issuer: 'PTCB', source: 's', asOf: AS_OF, builtIn: true } as const };
    assert.equal(careerSection(model(), 4, programs).ladder[1].shortName, 'TPV');
  });

  it('lists renewals within 60 days (a passed one too), soonest first, with a credential known only from a note', () => {
    const m = model({
      held: [{ program: 'ptcb-cspt', name: 'CSPT', from: 'note', credentialId: null, expires: '2026-12-10', active: true, credentialNumber: null }],
      certificates: [{ program: 'ptcb-cspt', name: 'CSPT', kind: 'certification', status: 'earned', earned: '2024-12-10', expires: '2026-12-10', active: true, credentialNumber: null, file: 'career/cspt.md', line: 3, studyPlan: null }],
    });
    m.network.memberships.push({ file: 'career/state.md', line: 1, organization: 'State association', since: null, renews: '2026-11-20', daysLeft: -10 });
    const s = careerSection(m, 4);
    assert.deepEqual(s.renewals.map((r) => [r.kind, r.name, r.daysLeft, r.file]), [
      ['membership', 'State association', -10, 'career/state.md'],
      ['credential', 'CSPT', 10, 'career/cspt.md'],
      ['membership', 'AAPT', 46, 'career/aapt.md'],
    ]);
  });

  it('draws the timeline from the earlier of the first job and the start of the last 8 years, a job past the as-of date cut at it', () => {
    const s = careerSection(model({ experience: { ...model().experience, jobs: [job('a.md', '2015-03-01', '2027-06-01')] } }), 1);
    assert.deepEqual([s.experience.from, s.experience.to, s.experience.windowStart], ['2015-03-01', AS_OF, '2018-12-01']);
    assert.equal(s.experience.jobs[0].end, AS_OF);
    // 2015-03-01 to 2026-11-30, both days counted: 4293 days / 365.25.
    assert.equal(s.experience.jobs[0].years, 4293 / 365.25);
    const recent = careerSection(model({ experience: { ...model().experience, jobs: [job('a.md', '2024-06-01', AS_OF)] } }), 1);
    assert.equal(recent.experience.from, '2018-12-01');
  });

  it('is part of the folder model when the caller has the career model, counting the folder\'s career notes', () => {
    const config = parseConfig('{}', { asOf: AS_OF }).config;
    const notes = [
      { kind: 'study', path: 'career/mercy.md', title: 'Mercy', topics: [], career: { type: 'experience', responsibilities: [] } },
      { kind: 'study', path: 'plain.md', title: 'Plain', topics: [] },
    ] as unknown as ParsedNote[];
    const input = { key: 'k', name: 'n', workspace: { notes: () => notes, problems: () => [], missingCertificates: () => [], config }, progress: [], hasConfigFile: true };
    assert.equal(buildFolderModel(input, AS_OF, { cpeMonitorReminderDays: 35 }).career, undefined);
    assert.equal(buildFolderModel({ ...input, career: model() }, AS_OF, { cpeMonitorReminderDays: 35 }).career?.careerNotes, 1);
  });
});

describe('Career words shared by the view and the dashboard', () => {
  it('says a standing as the issue does: "2 of 4 certificates, 2.4 of 3 years"', () => {
    assert.equal(standingSummary(ADV), '2 of 4 certificates, 2.4 of 3 years');
    assert.equal(standingSummary(TPV), 'eligible now');
    const noCpht = standing('ptcb-cpht-adv', 'CPhT-Adv', [req('cpht', 'An active PTCB CPhT', 0, 1), req('certificates', 'Certificates', 4, 4)]);
    assert.equal(standingSummary(noCpht), 'An active PTCB CPhT: not held yet, 4 of 4 certificates');
  });

  it('floors years to one decimal, so a day short of 3 years never reads 3', () => {
    assert.deepEqual([yearsFigure(2.999), yearsFigure(3), yearsFigure(2.47), yearsFigure(0), yearsFigure(Number.NaN)], ['2.9', '3', '2.4', '0', '0']);
    assert.equal(requirementFigure('ptcb-cpht-adv', req('experience', 'x', 2.999, 3)), '2.9 of 3 years');
    assert.equal(requirementFigure('ptcb-cpht-adv', req('certificates', 'x', 3, 3)), '3 of 3 certificates');
  });

  it('says a training program is done only when it is: one that enough experience replaces is "not needed"', () => {
    assert.equal(requirementFigure('ptcb-cspt', req('training', 'x', 1, 1)), 'done');
    assert.equal(requirementFigure('ptcb-cspt', req('training', 'x', 0, 0)), 'not needed: enough experience');
    assert.equal(requirementFigure('ptcb-cspt', req('training', 'x', 0, 1)), 'not done yet');
  });
});

describe('dashboard Career section: the HTML', () => {
  it('draws the ladder in order, each next credential\'s requirements as bars with their figures spoken', () => {
    const html = renderCareerSection(careerSection(model(), 4), folder, 'c', ctx);
    const order = ['stage-held', 'stage-eligible', 'stage-next'].map((c) => html.indexOf(`class="step ${c}"`));
    assert.ok(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1])), `held, eligible, next in order: ${order.join(', ')}`);
    assert.match(html, /<span class="req-figure">2 of 4 certificates · <span class="req-status">not met yet<\/span><\/span><svg class="bar "/);
    assert.match(html, /aria-label="Years of technician work within the last 8: 2\.4 of 3 years, not met yet"/);
    assert.match(html, /6\.2 years of work in all, 6\.2 of them within the last 8 years\./);
    assert.match(renderCareerSection(careerSection(model({ eligibility: [{ ...ADV, caveats: ['PTCB may audit'] }] }), 4), folder, 'c', ctx), /<details class="step-caveats"><summary>What the tool cannot check \(1\)<\/summary><ul class="caveats"><li>PTCB may audit<\/li>/);
  });

  it('draws one timeline bar per job, newest first, inside the shaded last 8 years, with the job named for a screen reader', () => {
    const html = renderCareerSection(careerSection(model(), 4), folder, 'c', ctx);
    assert.equal((html.match(/<svg class="job-span"/g) ?? []).length, 2);
    assert.ok(html.indexOf('Pharmacy technician at Mercy Hospital') < html.indexOf('Pharmacy technician at Walgreens'), 'newest job first');
    assert.match(html, /aria-label="Pharmacy technician at Mercy Hospital: Hospital \/ health system · 2024-06-01 to now · 2\.4 years"/);
    assert.match(html, /<rect class="job is-current"/);
    assert.match(html, /Renewals due<\/h4><ul class="renewal-list"><li class="is-soon">AAPT: renews 2027-01-15, 46 days left/);
    assert.doesNotMatch(html, /NPTA: renews/);
  });

  it('escapes everything that comes from notes: names, employers, organizations, reasons, next steps, caveats, paths', () => {
    const evil = '<img src=x onerror=alert(1)>"&';
    const m = model({
      eligibility: [standing('ptcb-cpht-adv', evil, [req('certificates', evil, 1, 4)], { verify: evil, caveats: [evil] })],
      suggestions: [{ program: 'x', name: evil, reason: evil, studyPlan: null }],
      nextSteps: [{ kind: 'add-experience', text: evil }],
      experience: { ...model().experience, jobs: [job(`career/${evil}.md`, '2020-01-01', '2021-01-01', { employer: evil, role: evil })] },
    });
    m.network.memberships[0].organization = evil;
    const html = renderCareerSection(careerSection(m, 4), { key: evil, name: evil }, 'c', { ...ctx, multiRoot: true });
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /"&(?!amp;|quot;|lt;|gt;|#)/);
    assert.ok(html.split('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;').length > 8, 'each place shows the text, escaped');
  });

  it('offers New Career Note and Export Portfolio in a trusted workspace only, posting messages the host accepts', () => {
    const html = renderCareerSection(careerSection(model(), 4), folder, 'c', ctx);
    for (const command of ['newCareerNote', 'exportPortfolio']) {
      assert.match(html, new RegExp(`data-command="${command}" data-folder="file:///w"`));
      assert.deepEqual(parseWebviewMessage({ type: command, folder: 'file:///w' }), { type: command, folder: 'file:///w' });
    }
    assert.doesNotMatch(renderCareerSection(careerSection(model(), 4), folder, 'c', { ...ctx, trusted: false }), /data-command/);
  });

  it('says what a career note is, with New Career Note, when the folder has none', () => {
    const html = renderCareerSection(careerSection(model(), 0), folder, 'c', ctx);
    assert.match(html, /No career notes yet\. A career note is a note about your career/);
    assert.match(html, /data-command="newCareerNote"/);
    assert.doesNotMatch(html, /exportPortfolio|class="ladder"/);
  });
});
