import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addMonths, daysInMonth, endOfMonth, isCalendarDate } from '../../src/core/common/dates';
import { BUILT_IN_RULE_SET_IDS, DEFAULT_CSPT_STERILE_HOURS, RULES_AS_OF, builtInRuleSets, csptCycleEndFor, cycleFor, nearestId } from '../../src/core/rules/rules';
import { isTopicKey } from '../../src/core/notes/topics';
import type { RuleSet } from '../../src/core/types';

const byId = (options = {}) => Object.fromEntries(builtInRuleSets(options).map((r) => [r.id, r])) as Record<string, RuleSet>;

describe('builtInRuleSets', () => {
  const all = builtInRuleSets();
  const rules = byId();

  it('has the nine fixed ids, in order', () => {
    assert.deepEqual(
      all.map((r) => r.id),
      ['ptcb-cpht', 'ptcb-cpht-adv', 'ptcb-cspt', 'nha-excpt', 'tx-technician', 'fl-technician', 'oh-technician', 'wa-technician', 'ca-technician'],
    );
    assert.deepEqual(all.map((r) => r.id), [...BUILT_IN_RULE_SET_IDS]);
  });

  it('each names its source, the date it was checked, and a short name, and is marked built in', () => {
    assert.deepEqual(
      all.map((r) => r.shortName),
      ['CPhT', 'CPhT-Adv', 'CSPT', 'ExCPT', 'TX', 'FL', 'OH', 'WA', 'CA'],
    );
    for (const r of all) {
      assert.ok(r.source.length > 10, r.id);
      assert.equal(r.asOf, RULES_AS_OF);
      assert.ok(isCalendarDate(r.asOf));
      assert.equal(r.builtIn, true);
      assert.ok(r.name.length > 0);
      assert.ok(Number.isInteger(r.cycleMonths) && r.cycleMonths > 0);
    }
  });

  it('marks state rules and unverified numbers "verify", each with caveats saying why', () => {
    assert.deepEqual(
      all.filter((r) => r.verify).map((r) => r.id),
      ['ptcb-cpht-adv', 'ptcb-cspt', 'tx-technician', 'fl-technician', 'oh-technician', 'wa-technician', 'ca-technician'],
    );
    for (const r of all) assert.ok((r.caveats ?? []).length > 0, r.id);
  });

  it('was checked against its sources on 2026-11-30 (the second check)', () => {
    assert.equal(RULES_AS_OF, '2026-11-30');
  });

  it('uses only known topic keys, unique requirement and limit ids, and limits that match something', () => {
    for (const r of all) {
      for (const q of r.requirements) if (q.topic) assert.ok(isTopicKey(q.topic), `${r.id}/${q.id}: ${q.topic}`);
      assert.equal(new Set(r.requirements.map((q) => q.id)).size, r.requirements.length);
      assert.equal(new Set(r.limits.map((l) => l.id)).size, r.limits.length);
      for (const l of r.limits) assert.ok(l.audience || l.category, `${r.id}/${l.id}`);
    }
  });

  it('PTCB CPhT: 24 months, 20 h, law and patient safety, pharmacist <= 5, college <= 10, no in-service', () => {
    const r = rules['ptcb-cpht'];
    assert.deepEqual([r.cycleMonths, r.totalHours], [24, 20]);
    assert.deepEqual(r.requirements.map((q) => [q.id, q.topic, q.minHours]), [
      ['law', 'law', 1],
      ['patient-safety', 'patient-safety', 1],
    ]);
    assert.deepEqual(r.limits.map((l) => [l.id, l.audience, l.category, l.maxHours]), [
      ['pharmacist', 'pharmacist', undefined, 5],
      ['college', undefined, 'college', 10],
      ['in-service', undefined, 'in-service', 0],
    ]);
    assert.ok(r.caveats?.some((c) => /15 h/.test(c)), 'the technician-specific rule is explained');
  });

  it('PTCB: the application is due on the first day of the expiry month; non-ACPE CE and record keeping as caveats', () => {
    for (const id of ['ptcb-cpht', 'ptcb-cpht-adv']) {
      const r = rules[id];
      assert.equal(r.applicationDeadline, 'first-of-end-month', id);
      const caveats = r.caveats?.join(' ') ?? '';
      assert.match(caveats, /not ACPE-accredited is accepted when it covers the PTCB exam content outline/, id);
      assert.match(caveats, /at least one year after the cycle/, id);
    }
    assert.equal(rules['nha-excpt'].applicationDeadline, undefined);
  });

  it('PTCB CPhT-Adv: as the CPhT with 25 h, pharmacist CE up to 10 h (inferred: marked verify)', () => {
    const [cpht, adv] = [rules['ptcb-cpht'], rules['ptcb-cpht-adv']];
    assert.equal(adv.totalHours, 25);
    assert.equal(adv.cycleMonths, 24);
    assert.deepEqual(adv.requirements, cpht.requirements);
    assert.deepEqual(adv.limits.map((l) => [l.id, l.maxHours]), [['pharmacist', 10], ['college', 10], ['in-service', 0]]);
    assert.equal(adv.verify, true);
    assert.match(adv.caveats?.join(' ') ?? '', /Up to 10 h may be pharmacist.*verify with PTCB/);
  });

  it('PTCB CSPT: 12 months of sterile compounding, hours from the option (default 2)', () => {
    const cspt = rules['ptcb-cspt'];
    assert.deepEqual([cspt.cycleMonths, cspt.totalHours, cspt.requirements[0].topic, cspt.requirements[0].minHours], [12, DEFAULT_CSPT_STERILE_HOURS, 'sterile-compounding', 2]);
    const four = byId({ csptSterileHours: 4 })['ptcb-cspt'];
    assert.deepEqual([four.totalHours, four.requirements[0].minHours], [4, 4]);
    assert.match(four.caveats?.join(' ') ?? '', /4 h/);
    assert.equal(byId({ csptSterileHours: -1 })['ptcb-cspt'].totalHours, 2, 'a negative setting falls back to the default');
    assert.match(cspt.caveats?.join(' ') ?? '', /attestation/);
    assert.match(cspt.caveats?.join(' ') ?? '', /renews every year in the month your CPhT expires/);
  });

  it('CSPT with a CPhT: the suggested cycle end is the next end of the CPhT expiry month', () => {
    assert.equal(csptCycleEndFor('2027-06-30', '2026-11-30'), '2027-06-30');
    assert.equal(csptCycleEndFor('2028-03-31', '2026-11-30'), '2027-03-31', 'a year at a time, not the CPhT two years out');
    assert.equal(csptCycleEndFor('2026-12-15', '2026-11-30'), '2026-12-31', 'the end of the month');
    assert.equal(csptCycleEndFor('2026-11-30', '2026-11-30'), '2026-11-30', 'today still counts');
    assert.equal(csptCycleEndFor('2025-02-28', '2026-11-30'), '2027-02-28', 'a past CPhT date moves forward');
    assert.equal(csptCycleEndFor('2024-02-29', '2027-03-01'), '2028-02-29', 'leap years keep the month end');
  });

  it('CSPT with a CPhT: any dates give a real month end in the CPhT month, on or after today, within a year (property)', () => {
    const day = fc
      .tuple(fc.integer({ min: 1900, max: 2198 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, day, (cphtEnd, today) => {
        const end = csptCycleEndFor(cphtEnd, today);
        assert.ok(isCalendarDate(end), end);
        assert.equal(end, endOfMonth(end));
        assert.equal(end.slice(5, 7), cphtEnd.slice(5, 7));
        assert.ok(end >= today && end <= addMonths(today, 12), `${cphtEnd} ${today} -> ${end}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('NHA ExCPT: 24 months, 20 h, law and patient safety, confirmed by the current page (no verify flag)', () => {
    const r = rules['nha-excpt'];
    assert.deepEqual([r.cycleMonths, r.totalHours, r.requirements.map((q) => q.topic)], [24, 20, ['law', 'patient-safety']]);
    assert.equal(r.verify, false);
    assert.doesNotMatch(r.caveats?.join(' ') ?? '', /older NHA page/);
  });

  it('Texas: state law, a trafficking course inside the 20 h only when ACPE-accredited, in-service <= 5', () => {
    const r = rules['tx-technician'];
    assert.deepEqual([r.cycleMonths, r.totalHours], [24, 20]);
    assert.deepEqual(r.requirements.map((q) => [q.topic, q.minHours, q.countsTowardTotal]), [
      ['state-law', 1, undefined],
      ['human-trafficking', 1, 'acpe'],
    ]);
    assert.deepEqual(r.limits.map((l) => [l.category, l.maxHours]), [['in-service', 5]]);
    const caveats = r.caveats?.join(' ') ?? '';
    assert.match(caveats, /first renewal/i);
    assert.match(caveats, /counts toward the 20 h when it is ACPE-accredited/);
    assert.match(caveats, /college course .* board-approved certification exam/);
  });

  it('Florida: 4 h live and 2 h medication errors; HIV/AIDS, the 12-month exemption, one-time trafficking, board approval and CE Broker as caveats', () => {
    const r = rules['fl-technician'];
    assert.deepEqual(r.requirements.map((q) => [q.format, q.topic, q.minHours]), [
      ['live', undefined, 4],
      [undefined, 'medication-errors', 2],
    ]);
    const caveats = r.caveats?.join(' ') ?? '';
    assert.match(caveats, /HIV\/AIDS/);
    assert.match(caveats, /less than 12 months before .* only the 1 h HIV\/AIDS course/);
    assert.match(caveats, /human-trafficking course is required once/);
    assert.match(caveats, /medication errors must be approved by the Florida Board of Pharmacy/);
    assert.match(caveats, /CE Broker/);
  });

  it('Ohio: 10 h, 2 h law, 2 h patient safety, volunteering <= a third; the 6-month exemption as a caveat', () => {
    const r = rules['oh-technician'];
    assert.deepEqual([r.totalHours, r.requirements.map((q) => [q.topic, q.minHours])], [10, [['law', 2], ['patient-safety', 2]]]);
    assert.deepEqual(r.limits.map((l) => [l.category, l.maxHours]), [['volunteering', 3.33]]);
    assert.match(r.caveats?.join(' ') ?? '', /No CE is required when your first registration came within 6 months of its expiry/);
  });

  it('Washington: 20 h with 2 h health equity once every 4 years (48-month window, verify kept); California: 1 h cultural competency', () => {
    const wa = rules['wa-technician'];
    assert.deepEqual([wa.totalHours, wa.requirements[0].topic, wa.requirements[0].minHours, wa.requirements[0].windowMonths], [20, 'health-equity', 2, 48]);
    assert.equal(wa.requirements[0].countsTowardTotal, undefined, 'inside the 20 h');
    assert.equal(wa.verify, true);
    assert.match(wa.caveats?.join(' ') ?? '', /implicit-bias/);
    const ca = rules['ca-technician'];
    assert.deepEqual([ca.totalHours, ca.requirements[0].topic, ca.requirements[0].minHours], [1, 'cultural-competency', 1]);
  });

  it('returns fresh objects: changing one result does not change the next', () => {
    const first = builtInRuleSets();
    first[0].requirements[0].minHours = 99;
    first[0].limits[0].maxHours = 99;
    assert.equal(builtInRuleSets()[0].requirements[0].minHours, 1);
    assert.equal(builtInRuleSets()[0].limits[0].maxHours, 5);
  });
});

describe('cycleFor', () => {
  it('runs from the day after cycleEnd minus the months, through cycleEnd', () => {
    assert.deepEqual(cycleFor('2027-03-31', 24), { start: '2025-04-01', end: '2027-03-31' });
    assert.deepEqual(cycleFor('2027-02-28', 24), { start: '2025-03-01', end: '2027-02-28' });
    assert.deepEqual(cycleFor('2028-02-29', 12), { start: '2027-03-01', end: '2028-02-29' });
    assert.deepEqual(cycleFor('2026-12-31', 12), { start: '2026-01-01', end: '2026-12-31' });
    assert.deepEqual(cycleFor('2026-12-31', 24, '2025-06-01'), { start: '2025-06-01', end: '2026-12-31' });
    // A month-end expiry after a leap February: the cycle starts the day after the previous one ended.
    assert.deepEqual(cycleFor('2026-02-28', 24), { start: '2024-03-01', end: '2026-02-28' });
    assert.deepEqual(cycleFor('2026-04-30', 24), { start: '2024-05-01', end: '2026-04-30' });
    // Not a month end: plain months back (clamped), plus a day.
    assert.deepEqual(cycleFor('2026-03-15', 24), { start: '2024-03-16', end: '2026-03-15' });
    assert.deepEqual(cycleFor('2026-05-30', 3), { start: '2026-03-01', end: '2026-05-30' });
  });

  it('cycles of month-end expiries never overlap the previous cycle and leave no gap', () => {
    // Consecutive cycles ending on month ends: each starts the day after the previous one ends.
    const monthEnd = fc.tuple(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return `${y}-${String(m).padStart(2, '0')}-${last}`;
    });
    fc.assert(
      fc.property(monthEnd, fc.constantFrom(12, 24), (end, months) => {
        const cycle = cycleFor(end, months);
        assert.equal(cycle.start.slice(8), '01', `${end} -> ${cycle.start}`);
        const previousEnd = new Date(Date.parse(cycle.start) - 86_400_000).toISOString().slice(0, 10);
        assert.equal(cycleFor(previousEnd, months).end, previousEnd);
        assert.equal(cycleFor(end, months).start <= end, true);
      }),
    );
  });
});

describe('nearestId', () => {
  const ids = [...BUILT_IN_RULE_SET_IDS];
  it('suggests by substring, by name and by edit distance, or nothing', () => {
    assert.equal(nearestId('cpht', ids), 'ptcb-cpht');
    assert.equal(nearestId('PTCB-CPHT', ids), 'ptcb-cpht');
    assert.equal(nearestId('ptcb-cphtadv', ids), 'ptcb-cpht-adv');
    assert.equal(nearestId('texas', ids, { 'tx-technician': 'Texas pharmacy technician registration' }), 'tx-technician');
    assert.equal(nearestId('nha-excp', ids), 'nha-excpt');
    assert.equal(nearestId('quantum', ids), undefined);
    assert.equal(nearestId('', ids), undefined);
  });
});
