import { dayNumber } from '../../src/core/common/dates';
import assert from 'node:assert/strict';
import { evaluateCredential } from '../../src/core/rules/evaluate';
import { roundHours } from '../../src/core/common/numbers';
import { cycleFor } from '../../src/core/rules/rules';
import type { Credential } from '../../src/core/types';

// Notes are built as the parser would produce them, so these tests do not depend on the note parser.
import { AS_OF, CPHT, RULES, TX, ce, cpht, fixtureNotes, rule, tx, uan, verdict } from './evaluate-helpers';

describe('evaluateCredential', () => {
  describe('the fixture workspace', () => {
    const p = evaluateCredential(cpht, CPHT, fixtureNotes(), AS_OF);

    it('counts 11 of 20 h for the CPhT', () => {
      assert.deepEqual(p.hours, { earned: 11, required: 20, remaining: 9 });
      assert.equal(p.met, false);
      assert.deepEqual(p.countedNotes, [
        'notes/diabetes-pharmacotherapy.md',
        'notes/federal-law-update.md',
        'notes/look-alike-sound-alike.md',
        'notes/sterile-compounding-refresher.md',
      ]);
    });

    it('meets law 1/1 and patient safety 2/1', () => {
      const [law, safety] = p.requirements;
      assert.deepEqual([law.id, law.earned, law.required, law.met, law.notes], ['law', 1, 1, true, ['notes/federal-law-update.md']]);
      assert.deepEqual([safety.id, safety.earned, safety.required, safety.met], ['patient-safety', 2, 1, true]);
    });

    it('gives a verdict with a plain reason for every CE note, and none for study or broken notes', () => {
      assert.deepEqual(
        p.verdicts.map((v) => v.path),
        fixtureNotes().filter((n) => n.kind === 'ce').map((n) => n.path),
      );
      // The note's actual errors, not "has errors": the reason every surface shows.
      assert.deepEqual(verdict(p, 'notes/bad-hours.md'), { path: 'notes/bad-hours.md', counted: false, reason: 'ce_hours cannot be negative (found -2). completed: 2026-04-31 is not a real date (April 2026 has 30 days).' });
      assert.equal(verdict(p, 'notes/immunization-basics.md').reason, 'planned, not completed');
      assert.deepEqual(verdict(p, 'notes/store-in-service.md'), {
        path: 'notes/store-in-service.md',
        counted: false,
        reason: 'in-service training is not accepted by PTCB CPhT',
      });
      assert.deepEqual(verdict(p, 'notes/diabetes-pharmacotherapy.md'), {
        path: 'notes/diabetes-pharmacotherapy.md',
        counted: true,
        reason: 'pharmacist CE: only 5 of 6 h count (limit 5 h)',
      });
      assert.deepEqual(verdict(p, 'notes/federal-law-update.md'), { path: 'notes/federal-law-update.md', counted: true });
    });

    it('reports the limits', () => {
      assert.deepEqual(
        p.limits.map((l) => [l.id, l.maxHours, l.matched, l.applied, l.notes]),
        [
          ['pharmacist', 5, 6, 5, ['notes/diabetes-pharmacotherapy.md']],
          ['college', 10, 0, 0, []],
          ['in-service', 0, 2, 0, ['notes/store-in-service.md']],
        ],
      );
    });

    it('counts the in-service hours for Texas (up to 5 h) but not federal law as Texas law', () => {
      const t = evaluateCredential(tx, TX, fixtureNotes(), AS_OF);
      assert.equal(t.hours.earned, 1 + 2 + 3 + 6 + 2);
      const [stateLaw, trafficking] = t.requirements;
      assert.deepEqual([stateLaw.earned, stateLaw.met, trafficking.earned, trafficking.met], [0, false, 0, false]);
      assert.equal(t.state, 'at-risk'); // 36 days left, unmet
    });
  });

  describe('which notes are counted', () => {
    it('counts the first and last day of the cycle and nothing outside it, saying why', () => {
      const notes = [
        ce('a.md', { completed: '2025-04-01' }),
        ce('b.md', { completed: '2027-03-31' }),
        ce('c.md', { completed: '2025-03-31' }),
        ce('d.md', { completed: '2027-04-01' }),
      ];
      const p = evaluateCredential(cpht, CPHT, notes, '2027-04-15');
      assert.deepEqual(p.countedNotes, ['a.md', 'b.md']);
      assert.equal(verdict(p, 'c.md').reason, 'completed 2025-03-31, before this cycle (2025-04-01..2027-03-31)');
      assert.equal(verdict(p, 'd.md').reason, 'completed 2027-04-01, after this cycle (2025-04-01..2027-03-31)');
    });

    it('leaves out a note dated after the as-of date (a typo, or progress as of a past day)', () => {
      const notes = [ce('a.md', { completed: '2026-11-25' }), ce('b.md', { completed: '2026-11-26' })];
      const p = evaluateCredential(cpht, CPHT, notes, AS_OF);
      assert.deepEqual(p.countedNotes, ['a.md']);
      assert.equal(verdict(p, 'b.md').reason, 'completed 2026-11-26, a date still to come (as of 2026-11-25)');
      assert.deepEqual(evaluateCredential(cpht, CPHT, notes, '2026-11-26').countedNotes, ['a.md', 'b.md']);
    });

    it('leaves out invalid, planned, in-progress and undated notes', () => {
      const notes = [
        ce('bad.md', { valid: false }),
        ce('plan.md', { status: 'planned', completed: undefined }),
        ce('doing.md', { status: 'in-progress', completed: undefined }),
        ce('undated.md', { completed: undefined }),
      ];
      const p = evaluateCredential(cpht, CPHT, notes, AS_OF);
      assert.equal(p.hours.earned, 0);
      assert.deepEqual(
        p.verdicts.map((v) => [v.counted, v.reason]),
        [
          [false, 'has errors'],
          [false, 'planned, not completed'],
          [false, 'in progress, not completed'],
          [false, 'completed, but with no completion date'],
        ],
      );
    });

    it("honors a note's credentials list (case-insensitively); no list means every credential", () => {
      const notes = [
        ce('tx-only.md', { credentials: ['tx'] }),
        ce('both.md', { credentials: ['TX', 'ptcb-cpht'] }),
        ce('all.md'),
        ce('none.md', { credentials: [] }),
      ];
      const p = evaluateCredential(cpht, CPHT, notes, AS_OF);
      assert.deepEqual(p.countedNotes, ['both.md', 'all.md']);
      assert.equal(verdict(p, 'tx-only.md').reason, 'only for credentials: tx');
      assert.match(verdict(p, 'none.md').reason ?? '', /not for any credential/);
      assert.deepEqual(evaluateCredential(tx, TX, notes, AS_OF).countedNotes, ['tx-only.md', 'both.md', 'all.md']);
    });
  });

  describe('requirements', () => {
    const rs = rule({
      requirements: [
        { id: 'law', label: 'Law', topic: 'law', minHours: 2 },
        { id: 'live-law', label: 'Live law', topic: 'law', format: 'live', minHours: 1 },
        { id: 'tech-college', label: 'Tech college', audience: 'technician', category: 'college', minHours: 1 },
      ],
    });

    it('match by every filter given, and a note with several topics counts in full toward each', () => {
      const notes = [
        ce('law-home.md', { topics: ['law', 'patient-safety'], hours: 1.5 }),
        ce('law-live.md', { topics: ['law'], format: 'live', hours: 0.5 }),
        ce('college-pharm.md', { category: 'college', audience: 'pharmacist', hours: 3 }),
      ];
      const p = evaluateCredential(cpht, rs, notes, AS_OF);
      assert.deepEqual(
        p.requirements.map((r) => [r.id, r.earned, r.required, r.remaining, r.met, r.notes]),
        [
          ['law', 2, 2, 0, true, ['law-home.md', 'law-live.md']],
          ['live-law', 0.5, 1, 0.5, false, ['law-live.md']],
          ['tech-college', 0, 1, 1, false, []],
        ],
      );
      assert.equal(p.hours.earned, 5);
    });

    it('the credential is met only when the total and every requirement are met', () => {
      const enough = Array.from({ length: 20 }, (_, i) => ce(`n${String(i).padStart(2, '0')}.md`, { topics: ['general'] }));
      const noLaw = evaluateCredential(cpht, CPHT, enough, AS_OF);
      assert.equal(noLaw.hours.earned, 20);
      assert.equal(noLaw.met, false);
      const withLaw = evaluateCredential(cpht, CPHT, [...enough.slice(2), ce('law.md', { topics: ['law'] }), ce('ps.md', { topics: ['patient-safety'] })], AS_OF);
      assert.equal(withLaw.met, true);
      assert.equal(withLaw.state, 'met');
      assert.equal(withLaw.pacePerMonth, 0);
    });

    it('countsTowardTotal false keeps matching notes out of the total but in their requirement', () => {
      const rs = rule({ requirements: [{ id: 'ht', label: 'Human-trafficking prevention', topic: 'human-trafficking', minHours: 1, countsTowardTotal: false }] });
      const notes = [
        ce('trafficking.md', { topics: ['human-trafficking'], hours: 1, uan: uan('0669-0000-23-022-H04-T') }),
        ce('texas-law.md', { topics: ['state-law'], hours: 2 }),
      ];
      const p = evaluateCredential(tx, rs, notes, AS_OF);
      assert.equal(p.hours.earned, 2);
      assert.deepEqual(p.countedNotes, ['trafficking.md', 'texas-law.md']);
      assert.deepEqual(p.keptOut, ['trafficking.md']);
      const trafficking = p.requirements.find((r) => r.id === 'ht');
      assert.deepEqual([trafficking?.earned, trafficking?.met, trafficking?.countsTowardTotal], [1, true, false]);
      assert.deepEqual(verdict(p, 'trafficking.md'), {
        path: 'trafficking.md',
        counted: true,
        reason: 'Human-trafficking prevention: counts toward that requirement, not toward the 20 h total',
      });
    });

    it("Texas trafficking ('acpe'): an ACPE course (with a UAN) counts toward the 20 h, one without stays outside", () => {
      const law = ce('texas-law.md', { topics: ['state-law'], hours: 2 });
      const accredited = evaluateCredential(tx, TX, [ce('ht.md', { topics: ['human-trafficking'], hours: 1, uan: uan('0669-0000-23-022-H04-T') }), law], AS_OF);
      assert.deepEqual([accredited.hours.earned, accredited.keptOut], [3, []]);
      assert.deepEqual(verdict(accredited, 'ht.md'), { path: 'ht.md', counted: true });
      const other = evaluateCredential(tx, TX, [ce('ht.md', { topics: ['human-trafficking'], hours: 1 }), law], AS_OF);
      assert.deepEqual([other.hours.earned, other.keptOut], [2, ['ht.md']]);
      const trafficking = other.requirements.find((r) => r.id === 'human-trafficking');
      assert.deepEqual([trafficking?.earned, trafficking?.met, trafficking?.countsTowardTotal], [1, true, true]);
      assert.match(verdict(other, 'ht.md').reason ?? '', /not toward the 20 h total \(it has no UAN, so it is not ACPE-accredited\)/);
    });

    it('windowMonths: a requirement looks back its own window from the cycle end; only the cycle counts toward the total', () => {
      const WA = RULES['wa-technician'];
      const wa: Credential = { id: 'wa', label: 'WA', ruleSetId: 'wa-technician', cycle: cycleFor('2027-03-31', 24) };
      const notes = [
        ce('equity-2023.md', { topics: ['health-equity'], hours: 2, completed: '2023-04-01' }), // first day of the 48 months
        ce('equity-2023-early.md', { topics: ['health-equity'], hours: 2, completed: '2023-03-31' }), // one day before
        ce('general.md', { hours: 20, completed: '2026-01-15' }),
      ];
      const p = evaluateCredential(wa, WA, notes, AS_OF);
      const equity = p.requirements[0];
      assert.deepEqual([equity.earned, equity.met, equity.notes], [2, true, ['equity-2023.md']]);
      assert.deepEqual([p.hours.earned, p.met, p.state], [20, true, 'met']);
      assert.match(verdict(p, 'equity-2023.md').reason ?? '', /before this cycle .*; counts toward Health equity only \(it looks back 48 months\)/);
      assert.doesNotMatch(verdict(p, 'equity-2023-early.md').reason ?? '', /Health equity/);
      // Without the window the same notes leave it missing.
      const noWindow = { ...WA, requirements: [{ ...WA.requirements[0], windowMonths: undefined }] };
      assert.equal(evaluateCredential(wa, noWindow, notes, AS_OF).requirements[0].met, false);
    });
  });

  describe('limits', () => {
    it('cap pharmacist CE at 5 h, earliest notes first', () => {
      const notes = [
        ce('p2.md', { audience: 'pharmacist', hours: 4, completed: '2026-02-01' }),
        ce('p1.md', { audience: 'pharmacist', hours: 3, completed: '2025-05-01' }),
        ce('p3.md', { audience: 'pharmacist', hours: 1, completed: '2026-03-01' }),
      ];
      const p = evaluateCredential(cpht, CPHT, notes, AS_OF);
      assert.equal(p.hours.earned, 5);
      assert.deepEqual(verdict(p, 'p1.md'), { path: 'p1.md', counted: true });
      assert.equal(verdict(p, 'p2.md').reason, 'pharmacist CE: only 2 of 4 h count (limit 5 h)');
      assert.equal(verdict(p, 'p3.md').reason, 'pharmacist CE: none of the 1 h count (the 5 h limit is already reached)');
      const limit = p.limits.find((l) => l.id === 'pharmacist');
      assert.deepEqual([limit?.matched, limit?.applied], [8, 5]);
    });

    it('maxHours 0 means the notes count toward nothing, requirements included', () => {
      const p = evaluateCredential(cpht, CPHT, [ce('law-in-service.md', { topics: ['law'], category: 'in-service', hours: 2 })], AS_OF);
      assert.equal(p.hours.earned, 0);
      assert.deepEqual(p.countedNotes, []);
      assert.equal(p.requirements[0].earned, 0);
      assert.equal(p.requirements[0].met, false);
    });

    it('a note matched by two limits adds what the tighter allows and uses room in both', () => {
      const notes = [
        ce('pharm-college.md', { audience: 'pharmacist', category: 'college', hours: 6, completed: '2025-06-01' }),
        ce('tech-college.md', { category: 'college', hours: 8, completed: '2025-07-01' }),
      ];
      const p = evaluateCredential(cpht, CPHT, notes, AS_OF);
      assert.equal(verdict(p, 'pharm-college.md').reason, 'pharmacist CE: only 5 of 6 h count (limit 5 h)');
      assert.equal(verdict(p, 'tech-college.md').reason, 'college courses: only 5 of 8 h count (limit 10 h)');
      assert.equal(p.hours.earned, 10);
      const college = p.limits.find((l) => l.id === 'college');
      assert.deepEqual([college?.matched, college?.applied], [14, 10]);
    });

    it("caps Ohio's volunteering at a third of 10 h", () => {
      const oh: Credential = { id: 'oh', label: 'Ohio', ruleSetId: 'oh-technician', cycle: { start: '2025-04-01', end: '2027-03-31' } };
      const p = evaluateCredential(oh, RULES['oh-technician'], [ce('v.md', { category: 'volunteering', hours: 5 }), ce('c.md', { hours: 2 })], AS_OF);
      assert.equal(p.hours.earned, 5.33);
    });
  });

  describe('cycle, pace and state', () => {
    const rs = rule({ totalHours: 24, cycleMonths: 24 });
    const cred: Credential = { id: 'r', label: 'R', ruleSetId: 'r', cycle: { start: '2025-01-01', end: '2026-12-31' } };

    it('reports days left, days in the cycle and the elapsed share', () => {
      const p = evaluateCredential(cred, rs, [], '2026-01-01');
      assert.equal(p.cycle.daysLeft, 364);
      assert.equal(p.cycle.daysTotal, 730);
      assert.equal(p.cycle.elapsed, 365 / 729);
      assert.equal(evaluateCredential(cred, rs, [], '2024-06-01').cycle.elapsed, 0);
      assert.equal(evaluateCredential(cred, rs, [], '2026-12-31').cycle.elapsed, 1);
      assert.equal(evaluateCredential(cred, rs, [], '2027-01-10').cycle.daysLeft, -10);
    });

    it('paces the remaining hours over the months left, and all of them in the last month', () => {
      const p = evaluateCredential(cred, rs, [ce('a.md', { hours: 12, completed: '2025-06-01' })], '2026-01-01');
      assert.equal(p.hours.remaining, 12);
      assert.equal(p.pacePerMonth, roundHours(12 / (364 / 30.44)));
      assert.equal(evaluateCredential(cred, rs, [], '2026-12-20').pacePerMonth, 24);
      // Before the cycle starts, the pace spreads over the whole cycle, not the wait before it.
      assert.equal(evaluateCredential(cred, rs, [], '2024-01-01').pacePerMonth, roundHours(24 / (729 / 30.44)));
    });

    it('includes shortfalls of requirements outside the total in the pace', () => {
      const p = evaluateCredential(tx, TX, Array.from({ length: 20 }, (_, i) => ce(`n${i}.md`, { topics: ['state-law'], completed: '2025-06-01' })), '2025-12-31');
      assert.equal(p.hours.remaining, 0);
      assert.equal(p.met, false);
      assert.ok(p.pacePerMonth > 0);
    });

    it('is on track on the straight line, at risk behind it, and unmet after the end', () => {
      const half = [ce('a.md', { hours: 12, completed: '2025-06-01' })];
      const onTrack = evaluateCredential(cred, rs, half, '2025-12-01');
      assert.deepEqual([onTrack.behindPace, onTrack.state], [false, 'on-track']);
      const behind = evaluateCredential(cred, rs, half, '2026-03-01');
      assert.deepEqual([behind.behindPace, behind.state], [true, 'at-risk']);
      assert.equal(evaluateCredential(cred, rs, half, '2027-01-01').state, 'unmet');
    });

    it('is at risk in the last 60 days, or the last 90 with a requirement unmet', () => {
      const almost = rule({ totalHours: 10 });
      const nineAndHalf = [ce('a.md', { hours: 9.5, completed: '2025-02-01' })];
      assert.equal(evaluateCredential(cred, almost, nineAndHalf, '2026-10-31').state, 'on-track'); // 61 days left, ahead of the line
      const sixty = evaluateCredential(cred, almost, nineAndHalf, '2026-11-01');
      assert.deepEqual([sixty.cycle.daysLeft, sixty.behindPace, sixty.state], [60, false, 'at-risk']);

      // The total not yet met, ahead of the line: a missing requirement matters from 90 days before the end.
      const general = [ce('a.md', { hours: 3.9, completed: '2025-02-01' })];
      const needsMore = rule({ totalHours: 4, requirements: [{ id: 'law', label: 'Law', topic: 'law', minHours: 1 }] });
      assert.equal(evaluateCredential(cred, needsMore, general, '2026-10-01').state, 'on-track'); // 91 days left
      assert.equal(evaluateCredential(cred, needsMore, general, '2026-10-02').state, 'at-risk'); // 90 days left
    });

    it('is never on track with the total met and a requirement missing', () => {
      const needsLaw = rule({ totalHours: 2, requirements: [{ id: 'law', label: 'Law', topic: 'law', minHours: 1 }] });
      const general = [ce('a.md', { hours: 2, completed: '2025-02-01' })];
      const p = evaluateCredential(cred, needsLaw, general, '2025-03-01'); // 670 days left, the total met
      assert.deepEqual([p.hours.remaining, p.met, p.state], [0, false, 'at-risk']);
    });

    it('gives the application deadline where the rule set has one (PTCB: the first day of the expiry month)', () => {
      const p = evaluateCredential(cpht, CPHT, [], '2026-11-30');
      assert.deepEqual([p.cycle.end, p.cycle.applyBy, p.cycle.daysLeft], ['2027-03-31', '2027-03-01', 121]);
      assert.equal('applyBy' in evaluateCredential(tx, TX, [], '2026-11-30').cycle, false);
    });

    it('runs the pace to the deadline to apply, so "needed by" and "per month" speak of the same date', () => {
      const p = evaluateCredential(cpht, CPHT, [], '2026-11-30'); // 20 h needed, 91 days to 2027-03-01
      assert.equal(p.pacePerMonth, roundHours(20 / (91 / 30.44)));
      // Behind an even pace to the first of the expiry month, not to the cycle's last day (elapsed stays the cycle's).
      const cycleStart = p.cycle.start;
      const toApply = (dayNumber('2026-11-30') - dayNumber(cycleStart)) / (dayNumber('2027-03-01') - dayNumber(cycleStart));
      const earned = [ce('a.md', { hours: roundHours(20 * toApply) - 0.25, completed: '2026-11-01' })];
      assert.equal(evaluateCredential(cpht, CPHT, earned, '2026-11-30').behindPace, true);
      assert.ok(p.cycle.elapsed < toApply);
    });

    it('paces the hours and warns of risk against the deadline to apply, the date its days left count to', () => {
      // CPhT ending 2027-03-31, apply by 2027-03-01: on 2026-11-30, 91 days to apply and 121 to the end.
      const general = [ce('a.md', { hours: 15, completed: '2025-06-01' })];
      const p = evaluateCredential(cpht, CPHT, general, '2026-11-30');
      assert.equal(p.pacePerMonth, roundHours(5 / (91 / 30.44)));
      // Ahead of the line, the last 60 days before the deadline to apply are at risk (not the last 60 before the end).
      const allButOne = [ce('a.md', { hours: 19, completed: '2025-06-01', topics: ['law', 'patient-safety'] })];
      assert.equal(evaluateCredential(cpht, CPHT, allButOne, '2026-12-30').state, 'on-track'); // 61 days to apply
      assert.equal(evaluateCredential(cpht, CPHT, allButOne, '2026-12-31').state, 'at-risk'); // 60 days to apply, 90 to the end
      // Past the deadline to apply and before the end: still at risk (a late fee), not yet unmet.
      assert.equal(evaluateCredential(cpht, CPHT, allButOne, '2027-03-10').state, 'at-risk');
    });
  });

  it('rounds sums to hundredths (0.1 + 0.2 = 0.3)', () => {
    const p = evaluateCredential(cpht, rule({ totalHours: 0.3 }), [ce('a.md', { hours: 0.1 }), ce('b.md', { hours: 0.2 })], AS_OF);
    assert.equal(p.hours.earned, 0.3);
    assert.equal(p.met, true);
  });
});
