// Evaluation over the fixture files, its caches, evaluateAll, and properties over generated notes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/rules/config';
import { parseNote } from '../../src/core/notes/note';
import { addDays } from '../../src/core/common/dates';
import { evaluateAll, evaluateCredential } from '../../src/core/rules/evaluate';
import { roundHours } from '../../src/core/common/numbers';
import type { CeNote, Credential, ResolvedConfig, RuleSet } from '../../src/core/types';

// Notes are built as the parser would produce them, so these tests do not depend on the note parser.
import { AS_OF, CPHT, RULES, TX, ce, cpht, fixtureNotes, tx, verdict } from './evaluate-helpers';

describe('the fixture files, parsed and evaluated', () => {
  // The same figures as the hand-built notes above, through the real parser and config reader.
  const root = join(__dirname, '../../../test/fixtures/workspace');
  const notes = readdirSync(join(root, 'notes'))
    .sort()
    .map((name) => parseNote(readFileSync(join(root, 'notes', name), 'utf8'), `notes/${name}`).note);
  const { config, problems } = parseConfig(readFileSync(join(root, '.pharmacy-ce.json'), 'utf8'), { asOf: AS_OF });
  const [c, t] = evaluateAll(config, notes, AS_OF);

  it('CPhT: 11 of 20 h, law 1/1 and patient safety 2/1 met', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(c.hours, { earned: 11, required: 20, remaining: 9 });
    assert.deepEqual(c.requirements.map((r) => [r.id, r.earned, r.required, r.met]), [
      ['law', 1, 1, true],
      ['patient-safety', 2, 1, true],
    ]);
    assert.deepEqual(c.countedNotes, [
      'notes/diabetes-pharmacotherapy.md',
      'notes/federal-law-update.md',
      'notes/look-alike-sound-alike.md',
      'notes/sterile-compounding-refresher.md',
    ]);
    assert.deepEqual(
      c.verdicts.filter((v) => !v.counted).map((v) => [v.path, v.reason]),
      [
        ['notes/bad-hours.md', 'ce_hours cannot be negative (found -2). completed: 2026-04-31 is not a real date (April 2026 has 30 days).'],
        ['notes/immunization-basics.md', 'planned, not completed'],
        ['notes/store-in-service.md', 'in-service training is not accepted by PTCB CPhT'],
      ],
    );
  });

  it('Texas (2025-01-01..2026-12-31): in-service counts, no Texas law yet', () => {
    assert.deepEqual(t.credential.cycle, { start: '2025-01-01', end: '2026-12-31' });
    assert.equal(t.hours.earned, 14);
    assert.equal(t.requirements.find((r) => r.id === 'state-law')?.met, false);
  });
});

describe('evaluation caches', () => {
  // Classifications are cached per note object and credential context; nothing may leak between calls.
  it('a reason given by a limit in one evaluation does not stick to the note in the next', () => {
    const p1 = ce('p1.md', { audience: 'pharmacist', hours: 4, completed: '2025-05-01' });
    const p2 = ce('p2.md', { audience: 'pharmacist', hours: 3, completed: '2025-06-01' });
    assert.equal(verdict(evaluateCredential(cpht, CPHT, [p1, p2], AS_OF), 'p2.md').reason, 'pharmacist CE: only 1 of 3 h count (limit 5 h)');
    assert.deepEqual(verdict(evaluateCredential(cpht, CPHT, [p2], AS_OF), 'p2.md'), { path: 'p2.md', counted: true });
  });

  it('an edited note (a new object for the same path) is read again', () => {
    const before = ce('a.md', { hours: 2, completed: '2025-06-01' });
    assert.equal(evaluateCredential(cpht, CPHT, [before], AS_OF).hours.earned, 2);
    const after = { ...before, hours: 3, credentials: ['tx'] };
    const p = evaluateCredential(cpht, CPHT, [after], AS_OF);
    assert.equal(p.hours.earned, 0);
    assert.equal(verdict(p, 'a.md').reason, 'only for credentials: tx');
  });

  it('the same notes under another cycle, as-of date or rule set are classified again', () => {
    const n = ce('a.md', { hours: 2, completed: '2025-06-01', category: 'in-service' });
    assert.equal(evaluateCredential(cpht, CPHT, [n], AS_OF).hours.earned, 0);
    assert.equal(evaluateCredential({ ...cpht, cycle: { start: '2025-07-01', end: '2027-06-30' } }, { ...CPHT, limits: [] }, [n], AS_OF).hours.earned, 0);
    assert.equal(evaluateCredential(cpht, { ...CPHT, limits: [] }, [n], AS_OF).hours.earned, 2);
    assert.equal(evaluateCredential(cpht, CPHT, [n], '2025-05-01').verdicts[0].reason, 'completed 2025-06-01, a date still to come (as of 2025-05-01)');
  });
});

describe('evaluateAll', () => {
  it('evaluates credentials in config order and skips one whose rule set is missing', () => {
    const config: ResolvedConfig = {
      credentials: [tx, cpht, { ...cpht, id: 'ghost', ruleSetId: 'nowhere' }],
      ruleSets: RULES,
      include: [],
      exclude: [],
      fromFile: true,
      studyPlans: {},
      study: {},
      careerPrograms: {},
      profile: {},
    };
    assert.deepEqual(
      evaluateAll(config, fixtureNotes(), AS_OF).map((p) => p.credential.id),
      ['tx', 'ptcb-cpht'],
    );
  });
});

describe('evaluation properties', () => {
  const date = fc.integer({ min: 0, max: 1200 }).map((d) => addDays('2024-06-01', d));
  const note = fc.record({
    hours: fc.integer({ min: 0, max: 1000 }).map((h) => h / 100),
    completed: date,
    status: fc.constantFrom('completed', 'completed', 'planned'),
    audience: fc.constantFrom('technician', 'pharmacist'),
    category: fc.constantFrom('ce', 'college', 'in-service', 'volunteering'),
    format: fc.constantFrom('live', 'home-study'),
    topics: fc.subarray(['law', 'patient-safety', 'general', 'state-law', 'human-trafficking']),
    credentials: fc.option(fc.subarray(['ptcb-cpht', 'tx']), { nil: undefined }),
    valid: fc.boolean(),
  });
  const notes = fc.array(note, { maxLength: 25 }).map((list) => list.map((n, i) => ce(`n${String(i).padStart(2, '0')}.md`, n as Partial<CeNote>)));
  const credentials: [Credential, RuleSet][] = [
    [cpht, CPHT],
    [tx, TX],
    [{ id: 'oh', label: 'OH', ruleSetId: 'oh-technician', cycle: cpht.cycle }, RULES['oh-technician']],
  ];

  it('the total never exceeds the sum of counted hours, and each limit holds', () => {
    fc.assert(
      fc.property(notes, fc.constantFrom(...credentials), (list, [c, rs]) => {
        const p = evaluateCredential(c, rs, list, AS_OF);
        const counted = list.filter((n) => p.countedNotes.includes(n.path));
        assert.ok(p.hours.earned <= roundHours(counted.reduce((s, n) => s + n.hours, 0)) + 1e-9);
        for (const l of p.limits) assert.ok(l.applied <= l.maxHours + 1e-9, `${l.id} applied ${l.applied}`);
        assert.equal(p.hours.remaining, roundHours(Math.max(0, p.hours.required - p.hours.earned)));
        assert.equal(p.verdicts.length, list.length);
      }),
    );
  });

  it('adding a note that cannot count never changes the result', () => {
    const outsider = fc.constantFrom<Partial<CeNote>>(
      { completed: '2020-01-01' },
      { completed: '2030-01-01' },
      { status: 'planned', completed: undefined },
      { valid: false },
      { credentials: ['someone-else'] },
    );
    fc.assert(
      fc.property(notes, outsider, fc.constantFrom(...credentials), (list, extra, [c, rs]) => {
        const before = evaluateCredential(c, rs, list, AS_OF);
        const after = evaluateCredential(c, rs, [...list, ce('zz-extra.md', { hours: 5, topics: ['law'], ...extra })], AS_OF);
        assert.deepEqual({ ...after, verdicts: after.verdicts.slice(0, -1) }, before);
        assert.equal(after.verdicts.at(-1)?.counted, false);
      }),
    );
  });

  it('the order of the notes does not change the hours', () => {
    fc.assert(
      fc.property(notes, fc.constantFrom(...credentials), (list, [c, rs]) => {
        const a = evaluateCredential(c, rs, list, AS_OF);
        const b = evaluateCredential(c, rs, [...list].reverse(), AS_OF);
        assert.deepEqual(b.hours, a.hours);
        assert.deepEqual(b.limits, a.limits.map((l) => ({ ...l, notes: b.limits.find((x) => x.id === l.id)?.notes ?? [] })));
        assert.deepEqual(b.requirements.map((r) => r.earned), a.requirements.map((r) => r.earned));
      }),
    );
  });
});
