// The career model (issue #14) at its edges: experience merged over time, each eligibility rule, held
// credentials, suggestions, network and next steps, from hand-built notes (the career note reader is tested on
// its own). Years are days / 365.25 with both ends of a job counted.
import assert from 'node:assert/strict';
import { dayNumber } from '../../src/core/common/dates';
import { builtInEligibilityRules } from '../../src/core/career/eligibility-rules';
import { experienceSpans, experienceYears } from '../../src/core/career/experience';
import { MEMBERSHIP_RENEWAL_DAYS, type Program } from '../../src/core/career/types';
import { ACTIVE_CPHT, AS_OF, ceEvent, certificate, credential, event, job, membership, model, requirement, standing, testPrograms } from './career-helpers';

/** Inclusive days from `start` to `end` as years, floored to 2 decimals as the model shows them. */
const shown = (start: string, end: string) => Math.floor(((dayNumber(end) - dayNumber(start) + 1) * 100) / 365.25) / 100;

describe('career model: experience', () => {
  it('counts exactly 3 calendar years up to the as-of date as 3 years (1096 days), and one day less as 2.99, not met', () => {
    // 2023-12-01..2026-11-30 holds 29 February 2024: 1096 days = 3.0007 years.
    const three = model([job('jobs/a.md', '2023-12-01')]);
    assert.equal(three.experience.years, 3);
    assert.deepEqual(requirement(three, 'ptcb-cpht-adv', 'experience'), { id: 'experience', label: 'Years of technician work within the last 8', have: 3, need: 3, met: true });
    const short = model([job('jobs/a.md', '2023-12-02')]);
    assert.equal(short.experience.yearsWithinLast8, 2.99);
    assert.equal(requirement(short, 'ptcb-cpht-adv', 'experience').met, false);
  });

  it('counts overlapping jobs once, and a job inside another adds nothing', () => {
    const m = model([job('jobs/community.md', '2019-06-01', '2022-08-31', { setting: 'community' }), job('jobs/hospital.md', '2022-03-01', undefined, { setting: 'hospital' }), job('jobs/weekend.md', '2023-01-01', '2023-12-31', { setting: 'hospital' })]);
    assert.equal(m.experience.years, shown('2019-06-01', AS_OF));
    assert.equal(m.experience.years, 7.5);
    assert.deepEqual(m.experience.bySetting, [
      { setting: 'community', years: shown('2019-06-01', '2022-08-31') },
      { setting: 'hospital', years: shown('2022-03-01', AS_OF) },
    ]);
  });

  it('runs a job without an end, or ending after the as-of date, to the as-of date; leaves out one starting after it', () => {
    const notes = [job('jobs/now.md', '2025-12-01', '2027-06-30'), job('jobs/next.md', '2026-12-01')];
    const m = model(notes);
    assert.deepEqual(m.experience.jobs.map((j) => [j.file, j.start, j.end, j.current]), [['jobs/now.md', '2025-12-01', AS_OF, true]]);
    assert.equal(m.experience.years, shown('2025-12-01', AS_OF));
    // A year later both count, the first to its end.
    assert.equal(model(notes, { asOf: '2027-12-31' }).experience.years, shown('2025-12-01', '2027-12-31'));
  });

  it('counts within the last 8 years only the part of a job from the day 8 years before the as-of date', () => {
    // The window to 2026-11-30 starts on 2018-12-01: 2018-12-01..2019-11-30 is 365 days.
    const m = model([job('jobs/old.md', '2010-01-01', '2019-11-30')]);
    assert.equal(m.experience.yearsWithinLast8, 0.99);
    assert.equal(m.experience.years, shown('2010-01-01', '2019-11-30'));
    assert.equal(model([job('jobs/old.md', '2010-01-01', '2018-11-30')]).experience.yearsWithinLast8, 0);
  });

  it('lists responsibilities once, in the vocabulary order, and leaves out a job whose end is before its start', () => {
    const m = model([
      job('jobs/b.md', '2020-01-01', '2020-12-31', { responsibilities: ['inventory', 'training'] }),
      job('jobs/a.md', '2021-01-01', undefined, { responsibilities: ['billing', 'inventory'] }),
      job('jobs/wrong.md', '2022-01-01', '2021-01-01', { responsibilities: ['immunizations'] }),
    ]);
    assert.deepEqual(m.experience.responsibilities, ['training', 'inventory', 'billing']);
    assert.deepEqual(m.experience.jobs.map((j) => j.file), ['jobs/b.md', 'jobs/a.md']);
  });

  it('counts only full-time jobs (30 hours a week or more) with the responsibility when a rule asks for them', () => {
    const jobs = experienceSpans(
      [
        job('jobs/part.md', '2018-01-01', '2021-12-31', { hoursPerWeek: 29, responsibilities: ['sterile-compounding'] }),
        job('jobs/full.md', '2022-01-01', undefined, { hoursPerWeek: 30, responsibilities: ['sterile-compounding'] }),
        job('jobs/unknown.md', '2016-01-01', '2017-12-31', { responsibilities: ['sterile-compounding'] }),
      ],
      AS_OF,
    );
    const exact = (dayNumber(AS_OF) - dayNumber('2022-01-01') + 1) / 365.25;
    assert.equal(experienceYears(jobs, AS_OF, { fullTime: true, responsibility: 'sterile-compounding' }), exact);
    assert.equal(experienceYears(jobs, AS_OF, { fullTime: true, responsibility: 'billing' }), 0);
  });
});

describe('career model: CPhT-Adv', () => {
  const three = [certificate('c/tpv.md', 'ptcb-tpv', { earned: '2024-01-10' }), certificate('c/billing.md', 'ptcb-billing-reimbursement', { earned: '2024-05-01' }), certificate('c/hdm.md', 'ptcb-hazardous-drug-management', { earned: '2025-02-01' })];
  const work = job('jobs/a.md', '2020-01-01');

  it('asks for 4 certificates, or 3 with an active CSPT', () => {
    const without = model([...three, work]);
    assert.deepEqual(requirement(without, 'ptcb-cpht-adv', 'certificates'), { id: 'certificates', label: 'PTCB assessment-based certificates earned', have: 3, need: 4, met: false });
    assert.equal(standing(without, 'ptcb-cpht-adv').met, false);
    const withCspt = model([...three, work], { credentials: [ACTIVE_CPHT, credential('ptcb-cspt', '2027-06-30')] });
    assert.deepEqual([requirement(withCspt, 'ptcb-cpht-adv', 'certificates').need, standing(withCspt, 'ptcb-cpht-adv').met], [3, true]);
    // An expired CSPT does not lower the count asked.
    const expiredCspt = model([...three, work], { credentials: [ACTIVE_CPHT, credential('ptcb-cspt', '2026-06-30')] });
    assert.equal(requirement(expiredCspt, 'ptcb-cpht-adv', 'certificates').need, 4);
  });

  it('counts each program once, never a planned, a not-yet-earned or an expired one, nor a credential or an unknown program', () => {
    const m = model([
      ...three,
      certificate('c/tpv-again.md', 'ptcb-tpv', { earned: '2024-01-10' }),
      certificate('c/mtm.md', 'ptcb-mtm', { status: 'planned' }),
      certificate('c/poct.md', 'ptcb-point-of-care-testing', { earned: '2026-12-01' }),
      certificate('c/imm.md', 'ptcb-immunization-administration', { earned: '2023-01-01', expires: '2026-11-29' }),
      certificate('c/cspt.md', 'ptcb-cspt', { earned: '2023-01-01' }),
      certificate('c/mine.md', 'my-course', { known: false }),
    ]);
    assert.equal(requirement(m, 'ptcb-cpht-adv', 'certificates').have, 3);
    // The CSPT note is a credential held: with it, 3 are enough.
    assert.equal(requirement(m, 'ptcb-cpht-adv', 'certificates').need, 3);
  });

  it('is not met with an expired CPhT: a config cycle ended before the as-of date, or an expired certificate note', () => {
    const notes = [...three, certificate('c/x.md', 'ptcb-regulatory-compliance'), work];
    const expiredConfig = model(notes, { credentials: [credential('ptcb-cpht', '2026-11-29', 'cpht')] });
    assert.deepEqual(expiredConfig.held.map((h) => [h.program, h.from, h.active, h.expires]), [['ptcb-cpht', 'config', false, '2026-11-29']]);
    assert.deepEqual([requirement(expiredConfig, 'ptcb-cpht-adv', 'cpht').have, standing(expiredConfig, 'ptcb-cpht-adv').met], [0, false]);
    // On its last day the cycle is still active.
    assert.equal(standing(model(notes, { credentials: [credential('ptcb-cpht', AS_OF, 'cpht')] }), 'ptcb-cpht-adv').met, true);

    const expiredNote = model([...notes, certificate('c/cpht.md', 'ptcb-cpht', { earned: '2019-01-01', expires: '2026-01-31', credentialNumber: '123456' })], { credentials: [] });
    assert.deepEqual(expiredNote.held.map((h) => [h.program, h.from, h.active, h.credentialNumber]), [['ptcb-cpht', 'note', false, '123456']]);
    assert.equal(standing(expiredNote, 'ptcb-cpht-adv').met, false);
    const activeNote = model([...notes, certificate('c/cpht.md', 'ptcb-cpht', { earned: '2019-01-01', expires: '2027-01-31' })], { credentials: [] });
    assert.equal(standing(activeNote, 'ptcb-cpht-adv').met, true);
  });

  it('takes the config cycle over a note for the same credential, with the note\'s number', () => {
    const m = model([certificate('c/cpht.md', 'ptcb-cpht', { earned: '2019-01-01', expires: '2021-01-31', credentialNumber: '777' })]);
    assert.deepEqual(m.held, [{ program: 'ptcb-cpht', name: 'PTCB CPhT', from: 'config', credentialId: 'cpht', expires: '2027-06-30', active: true, credentialNumber: '777' }]);
  });

  it('counts a held CPhT-Adv as a CPhT, and marks the CPhT-Adv held', () => {
    const m = model([], { credentials: [credential('ptcb-cpht-adv', '2027-06-30', 'adv')] });
    assert.equal(requirement(m, 'ptcb-cspt', 'cpht').met, true);
    assert.equal(standing(m, 'ptcb-cpht-adv').held, true);
  });

  it('carries its caveats: part-time years and the audit', () => {
    const rule = standing(model([]), 'ptcb-cpht-adv');
    assert.equal(rule.verify, undefined);
    assert.ok(rule.caveats.some((c) => /part-time/i.test(c)));
    assert.ok(rule.caveats.some((c) => /audit/.test(c)));
  });
});

describe('career model: CSPT and the certificates', () => {
  const sterile = (path: string, start: string, end: string | undefined, hoursPerWeek?: number) => job(path, start, end, { responsibilities: ['sterile-compounding'], ...(hoursPerWeek !== undefined ? { hoursPerWeek } : {}) });

  it('is met with 3 years of full-time sterile compounding and no program', () => {
    const m = model([sterile('jobs/iv.md', '2023-12-01', undefined, 40)]);
    assert.deepEqual(standing(m, 'ptcb-cspt').requirements.map((r) => [r.id, r.have, r.need, r.met]), [
      ['cpht', 1, 1, true],
      ['training', 0, 0, true],
      ['experience', 3, 3, true],
    ]);
  });

  it('does not count part-time jobs, nor jobs without their hours a week', () => {
    const m = model([sterile('jobs/part.md', '2019-01-01', undefined, 24), sterile('jobs/unknown.md', '2019-01-01', undefined)]);
    assert.deepEqual([requirement(m, 'ptcb-cspt', 'experience').have, standing(m, 'ptcb-cspt').met], [0, false]);
  });

  it('asks 1 year with a recognised program, 3 without', () => {
    // 366 days: a year is 365.25 days, so a calendar year without 29 February (365 days) is 0.99 of one.
    const oneYear = sterile('jobs/iv.md', '2025-11-30', undefined, 32);
    const without = model([oneYear]);
    assert.deepEqual([requirement(without, 'ptcb-cspt', 'experience').need, requirement(without, 'ptcb-cspt', 'training').met, standing(without, 'ptcb-cspt').met], [3, false, false]);
    const withProgram = model([oneYear, certificate('c/course.md', 'cspt-training', { earned: '2025-06-01' })]);
    assert.deepEqual(standing(withProgram, 'ptcb-cspt').requirements.map((r) => [r.id, r.have, r.need, r.met]), [
      ['cpht', 1, 1, true],
      ['training', 1, 1, true],
      ['experience', 1, 1, true],
    ]);
    // A program for another certificate does not count.
    assert.equal(standing(model([oneYear, certificate('c/course.md', 'medication-history-training')]), 'ptcb-cspt').met, false);
  });

  it('Medication History: 6 months of full-time medication histories with a program, 12 without', () => {
    const half = job('jobs/a.md', '2026-05-01', undefined, { hoursPerWeek: 36, responsibilities: ['medication-history'] });
    assert.equal(standing(model([half]), 'ptcb-medication-history').met, false);
    assert.equal(standing(model([half, certificate('c/mh.md', 'medication-history-training')]), 'ptcb-medication-history').met, true);
    assert.ok(standing(model([half]), 'ptcb-medication-history').verify);
  });

  it('marks unverified rules and gives every rule a source and date; ids are the catalogue\'s', () => {
    const rules = builtInEligibilityRules();
    const programs = testPrograms();
    assert.deepEqual(rules.filter((r) => r.verify).map((r) => r.id), ['ptcb-medication-history', 'ptcb-billing-reimbursement', 'ptcb-mtm']);
    for (const rule of rules) {
      assert.ok(rule.source.length > 0 && rule.asOf === AS_OF, rule.id);
      assert.ok(programs[rule.id], `${rule.id} is a program`);
      assert.equal(new Set(rule.requirements.map((r) => r.id)).size, rule.requirements.length, `${rule.id}: requirement ids once`);
    }
    assert.deepEqual(rules[0].requirements.map((r) => r.id), ['cpht', 'certificates', 'experience']);
  });

  it('a PTCB certificate needs an active CPhT and its program; earned, it is held', () => {
    const m = model([certificate('c/tpv.md', 'ptcb-tpv')], { credentials: [] });
    assert.deepEqual([standing(m, 'ptcb-tpv').held, requirement(m, 'ptcb-tpv', 'cpht').met, standing(m, 'ptcb-supply-chain-inventory').met], [true, false, false]);
  });
});

describe('career model: suggestions, network, next steps, problems', () => {
  const program = (id: string, suggestedBy?: Program['suggestedBy'], studyPlan?: string): Program => ({ id, name: `Name of ${id}`, kind: 'certificate', issuer: 'PTCB', source: 's', asOf: AS_OF, builtIn: true, ...(suggestedBy ? { suggestedBy } : {}), ...(studyPlan ? { studyPlan } : {}) });
  const catalogue = (): Record<string, Program> => {
    const programs: Record<string, Program> = Object.create(null);
    for (const p of [
      program('supply', { responsibilities: ['inventory'], reason: 'You manage inventory.' }, 'supply-plan'),
      program('billing', { responsibilities: ['billing'], reason: 'You do billing.' }),
      program('ltc', { settings: ['long-term-care'], reason: 'You work in long-term care.' }),
      program('planned', { responsibilities: ['inventory'], reason: 'Also inventory.' }),
      program('quiet'),
    ])
      programs[p.id] = p;
    return programs;
  };

  it('suggests programs that fit the responsibilities and settings, not those planned or earned, each with why and its plan', () => {
    const m = model([job('jobs/a.md', '2020-01-01', undefined, { setting: 'long-term-care', responsibilities: ['inventory'] }), certificate('c/p.md', 'planned', { status: 'planned' })], {
      programs: catalogue(),
      studyPlanIds: ['supply-plan'],
    });
    assert.deepEqual(m.suggestions, [
      { program: 'supply', name: 'Name of supply', reason: 'You manage inventory.', studyPlan: 'supply-plan' },
      { program: 'ltc', name: 'Name of ltc', reason: 'You work in long-term care.', studyPlan: null },
    ]);
  });

  it('lists events of the as-of year and the year before, newest first, with organizations of events and memberships', () => {
    const m = model([
      event('events/old.md', '2024-12-31', 'NPTA'),
      event('events/jan.md', '2025-01-01', 'aapt'),
      ceEvent('events/conf.md', '2026-10-03', 6, 'Texas Pharmacy Association'),
      event('events/dec.md', '2026-12-15'),
      membership('org/aapt.md', 'AAPT', '2027-03-01'),
    ]);
    assert.deepEqual(m.network.events.map((e) => [e.file, e.date, e.organization, e.ceHours]), [
      ['events/dec.md', '2026-12-15', null, null],
      ['events/conf.md', '2026-10-03', 'Texas Pharmacy Association', 6],
      ['events/jan.md', '2025-01-01', 'aapt', null],
    ]);
    assert.deepEqual(m.network.organizations, ['aapt', 'NPTA', 'Texas Pharmacy Association']);
  });

  it('makes a renewal a next step at 60 days, not at 61; days left counted from the as-of date', () => {
    assert.equal(MEMBERSHIP_RENEWAL_DAYS, 60);
    const m = model([membership('org/a.md', 'AAPT', '2027-01-29'), membership('org/b.md', 'NPTA', '2027-01-30'), membership('org/c.md', 'State association')]);
    assert.deepEqual(m.network.memberships.map((x) => [x.organization, x.daysLeft]), [['AAPT', 60], ['NPTA', 61], ['State association', null]]);
    const renewals = m.nextSteps.filter((s) => s.kind === 'membership-renewal');
    assert.deepEqual(renewals.map((s) => s.file), ['org/a.md']);
    assert.match(renewals[0].text, /AAPT.*2027-01-29.*60 days/);
  });

  it('names the next credential\'s missing requirements, a credential to apply for, and study plans', () => {
    const m = model([job('jobs/iv.md', '2020-01-01', undefined, { hoursPerWeek: 40, responsibilities: ['sterile-compounding'] }), certificate('c/p.md', 'supply', { status: 'planned' })], {
      programs: { ...testPrograms(), ...catalogue() },
      studyPlanIds: ['supply-plan'],
    });
    assert.deepEqual(m.nextSteps.map((s) => [s.kind, s.program]), [
      ['next-credential', 'ptcb-cspt'],
      ['next-credential', 'ptcb-cpht-adv'],
      ['plan-study', 'supply'],
    ]);
    assert.equal(m.nextSteps[1].text, 'For the Advanced Certified Pharmacy Technician (CPhT-Adv), still needed: 4 more PTCB certificates (0 of 4).');
    const noCpht = model([job('jobs/a.md', '2025-01-01')], { credentials: [] });
    assert.equal(
      noCpht.nextSteps.find((s) => s.kind === 'next-credential')?.text,
      'For the Advanced Certified Pharmacy Technician (CPhT-Adv), still needed: An active PTCB CPhT; 4 more PTCB certificates (0 of 4); Years of technician work within the last 8: 1.91 of 3.',
    );
    assert.deepEqual(model([]).nextSteps.map((s) => s.kind), ['next-credential', 'add-experience']);
  });

  it('warns of an unknown program and of two notes for one program, at the program line', () => {
    const m = model([certificate('c/b.md', 'ptcb-tpv'), certificate('c/a.md', 'ptcb-tpv', { status: 'planned' }), certificate('c/x.md', 'constructor')]);
    assert.deepEqual(m.problems.map((p) => [p.file, p.line, p.code]), [
      ['c/x.md', 3, 'unknown-program'],
      ['c/b.md', 3, 'duplicate-certificate'],
    ]);
    assert.match(m.problems[1].message, /c\/a\.md also records/);
    assert.deepEqual(m.certificates.find((c) => c.file === 'c/x.md')?.kind, 'unknown');
  });

  it('gives the same model whatever the order of the notes', () => {
    const notes = [
      job('jobs/a.md', '2019-01-01', '2022-12-31', { setting: 'community', responsibilities: ['inventory'] }),
      job('jobs/b.md', '2019-01-01', undefined, { setting: 'hospital', responsibilities: ['billing'] }),
      certificate('c/b.md', 'ptcb-tpv', { earned: '2024-01-01' }),
      certificate('c/a.md', 'ptcb-mtm', { earned: '2024-01-01' }),
      certificate('c/c.md', 'ptcb-cspt', { status: 'planned' }),
      event('e/1.md', '2026-01-01', 'NPTA'),
      event('e/2.md', '2026-01-01', 'AAPT'),
      membership('m/1.md', 'AAPT', '2027-01-01'),
      membership('m/2.md', 'NPTA', '2027-01-01'),
    ];
    const expected = model(notes);
    assert.deepEqual(model([...notes].reverse()), expected);
    assert.deepEqual(model([notes[4], notes[0], notes[7], notes[2], notes[8], notes[1], notes[6], notes[3], notes[5]]), expected);
  });
});

describe('career model: a certificate note without its program', () => {
  it('is named by its title, so the Career view and the portfolio never show a row with no name', () => {
    const m = model([certificate('career/my-cert.md', '', { status: 'planned' })]);
    assert.deepEqual(m.certificates.map((c) => [c.program, c.name]), [['', 'my-cert']]);
  });
});
