// The career model against a notes folder written to break it (reviewer s6-attackB): programs named after
// Object.prototype's members, absurd and edge dates, and the eligibility edges of issue #14 (exactly 3 years
// to the day, the 8-year window's edges, overlapping and current jobs, an expired CPhT by config and by note).
import { strict as assert } from 'node:assert';
import { FolderIndex } from '../../src/core/index/folder-index';
import { parseNote } from '../../src/core/notes/note';
import type { CareerModel } from '../../src/core/career/types';

const AS_OF = '2026-11-30';
const CPHT = { ruleSet: 'ptcb-cpht', cycleEnd: '2027-06-30' };

function folder(notes: Record<string, string[]>, config: object = { credentials: [CPHT] }, asOf = AS_OF): FolderIndex {
  const index = new FolderIndex();
  index.setConfig(JSON.stringify(config), asOf);
  for (const [path, lines] of Object.entries(notes)) index.setNote(path, ['---', ...lines, '---', 'Body.', ''].join('\n'));
  return index;
}
const model = (notes: Record<string, string[]>, config?: object, asOf = AS_OF): CareerModel => folder(notes, config, asOf).career(asOf);
const job = (start: string, end?: string, ...more: string[]) => ['type: experience', `start: ${start}`, ...(end ? [`end: ${end}`] : []), ...more];
const earned = (program: string, date = '2024-01-01', ...more: string[]) => ['type: certificate', `program: ${program}`, `earned: ${date}`, ...more];
const requirement = (m: CareerModel, rule: string, id: string) => m.eligibility.find((e) => e.id === rule)?.requirements.find((r) => r.id === id);

describe('career model: names of Object.prototype as program ids', () => {
  for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`an earned "${id}" note, with and without the program in careerPrograms, builds the model`, () => {
      const notes = { 'c.md': earned(id) };
      const own = { credentials: [CPHT], careerPrograms: [{ id, name: `Own ${id}`, kind: 'certification' }] };
      for (const config of [undefined, own]) {
        const m = model(notes, config);
        assert.equal(m.certificates.length, 1);
        assert.equal(m.certificates[0].program, id);
        assert.equal(requirement(m, 'ptcb-cpht-adv', 'certificates')?.have, 0);
      }
      assert.ok(model(notes, own).held.some((h) => h.program === id && h.active));
    });
  }

  it('`type: constructor` is the user\'s own type, not a career slip with a function for its fix', () => {
    const { note, problems } = parseNote(['---', 'type: constructor', '---', ''].join('\n'), 'n.md');
    assert.equal(note.career, undefined);
    assert.deepEqual(problems, []);
  });
});

describe('career model: a job whose end is written wrong', () => {
  const years = (...lines: string[]) => model({ 'job.md': ['type: experience', ...lines] }).experience.years;

  it('is not counted as a current job (its end is an error at the note)', () => {
    assert.equal(years('start: 2020-01-01', 'end: 2019-01-01'), 0);
    assert.equal(years('start: 2020-01', 'end: 2024-13'), 0);
    assert.equal(years('start: 2020-01-01', 'end: 2023-02-29'), 0);
    assert.equal(years('start: 2020-01-01', 'end: someday'), 0);
    assert.equal(years('start: 2020-01-01', 'end: 9999-12-31'), 0);
    const problems = folder({ 'job.md': ['type: experience', 'start: 2020-01-01', 'end: 2019-01-01'] }).problems();
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.column, p.severity]), [['job.md', 4, 6, 'error']]);
  });

  it('while no end at all is a current job, and a right end counts to it', () => {
    assert.equal(years('start: 2020-01-01'), 6.91);
    assert.equal(years('start: 2020-01-01', 'end: 2020-12-31'), 1);
  });
});

describe('career model: an expired CPhT', () => {
  const cpht = (m: CareerModel) => [m.held.find((h) => h.program === 'ptcb-cpht')?.active, requirement(m, 'ptcb-cpht-adv', 'cpht')?.met];
  const expired = { credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2026-06-30' }] };

  it('expired in the config: not active, even with an earned CPhT note that gives no expiry', () => {
    assert.deepEqual(cpht(model({ 'cpht.md': earned('ptcb-cpht', '2019-01-01') }, expired)), [false, false]);
    assert.deepEqual(cpht(model({}, expired)), [false, false]);
  });

  it('expired by its note (the config lists no CPhT): not active; active in the config wins over an expired note', () => {
    const stateOnly = { credentials: [{ ruleSet: 'tx-technician', cycleEnd: '2027-01-31' }] };
    assert.deepEqual(cpht(model({ 'cpht.md': earned('ptcb-cpht', '2019-01-01', 'expires: 2026-11-29') }, stateOnly)), [false, false]);
    assert.deepEqual(cpht(model({ 'cpht.md': earned('ptcb-cpht', '2019-01-01', 'expires: 2026-11-30') }, stateOnly)), [true, true]);
    assert.deepEqual(cpht(model({ 'cpht.md': earned('ptcb-cpht', '2019-01-01', 'expires: 2026-01-01') })), [true, true]);
  });
});

describe('career model: CPhT-Adv at its edges', () => {
  const adv = (notes: Record<string, string[]>, asOf = AS_OF) => requirement(model(notes, undefined, asOf), 'ptcb-cpht-adv', 'experience');
  const days = (n: number) => Math.floor((n / 365.25) * 100 + 1e-9) / 100;

  it('3 years to the day with a 29 February in them (1,096 days) is met; a day less is not', () => {
    assert.deepEqual(adv({ 'a.md': job('2023-12-01') }), { id: 'experience', label: 'Years of technician work within the last 8', have: 3, need: 3, met: true });
    assert.deepEqual(adv({ 'a.md': job('2023-12-02') }), { id: 'experience', label: 'Years of technician work within the last 8', have: days(1095), need: 3, met: false });
  });

  it('the 8-year window starts the day after the as-of date 8 years back: a job ending then adds nothing, a day later adds one', () => {
    assert.equal(adv({ 'a.md': job('2010-01-01', '2018-11-30') })?.have, 0);
    assert.equal(model({ 'a.md': job('2018-12-01', '2018-12-01') }).experience.yearsWithinLast8, days(1));
    assert.equal(model({ 'a.md': job('2018-11-30', '2018-11-30') }).experience.yearsWithinLast8, 0);
    assert.equal(model({ 'a.md': job('2018-11-30', '2018-11-30') }).experience.years, days(1));
  });

  it('overlapping and duplicated jobs count once; a job ending after the as-of date counts to it; one starting after it not at all', () => {
    const one = adv({ 'a.md': job('2022-01-01', '2024-12-31') })?.have;
    assert.equal(adv({ 'a.md': job('2022-01-01', '2024-12-31'), 'b.md': job('2022-01-01', '2024-12-31'), 'c.md': job('2023-03-01', '2023-04-01') })?.have, one);
    assert.deepEqual(adv({ 'a.md': job('2023-12-01', '2031-01-01') }), adv({ 'a.md': job('2023-12-01') }));
    assert.equal(adv({ 'a.md': job('2026-12-01'), 'b.md': job('2026-11-30') })?.have, days(1));
  });

  it('on a 29 February as-of date the window starts on 1 March eight years back', () => {
    assert.equal(model({ 'a.md': job('2020-02-29', '2020-02-29') }, undefined, '2028-02-29').experience.yearsWithinLast8, 0);
    assert.equal(model({ 'a.md': job('2020-03-01', '2020-03-01') }, undefined, '2028-02-29').experience.yearsWithinLast8, days(1));
  });

  it('3 PTCB certificates count for 4 with the CSPT held; an expired certificate does not count', () => {
    const certs = { a: earned('ptcb-tpv'), b: earned('ptcb-mtm'), c: earned('ptcb-regulatory-compliance') };
    const notes = (extra: Record<string, string[]>) => Object.fromEntries(Object.entries({ ...certs, ...extra }).map(([k, v]) => [`${k}.md`, v]));
    assert.deepEqual(pick(model(notes({}))), [3, 4, false]);
    assert.deepEqual(pick(model(notes({ cspt: earned('ptcb-cspt') }))), [3, 3, true]);
    assert.deepEqual(pick(model(notes({ cspt: earned('ptcb-cspt', '2020-01-01', 'expires: 2026-11-29') }))), [3, 4, false]);
    assert.deepEqual(pick(model(notes({ d: earned('ptcb-mtm'), e: earned('ptcb-mtm', '2020-01-01', 'expires: 2021-01-01') }))), [3, 4, false]);
  });
});

function pick(m: CareerModel): [number | undefined, number | undefined, boolean | undefined] {
  const r = requirement(m, 'ptcb-cpht-adv', 'certificates');
  return [r?.have, r?.need, r?.met];
}

describe('career notes: an event without its date', () => {
  it('is a warning at type (it cannot show with the events), as a job without its start is', () => {
    for (const lines of [['type: event', 'organization: NPTA'], ['type: event', 'date: ""', 'organization: NPTA'], ['type: event', 'ce_hours: 1', 'completed: 2026-10-20']]) {
      const { problems } = parseNote(['---', ...lines, '---', ''].join('\n'), 'e.md');
      assert.deepEqual(problems.map((p) => [p.line, p.column, p.severity, p.code]), [[2, 7, 'warning', 'bad-value']], lines.join('; '));
    }
    assert.deepEqual(model({ 'e.md': ['type: event', 'organization: NPTA'] }).network.events, []);
  });

  it('with its date, no warning', () => {
    assert.deepEqual(parseNote(['---', 'type: event', 'date: 2026-10-17', '---', ''].join('\n'), 'e.md').problems, []);
  });
});

describe('career notes: a membership renewing before it began', () => {
  it('is a warning at renews; the same day or later is not', () => {
    const read = (...lines: string[]) => parseNote(['---', 'type: membership', 'organization: AAPT', ...lines, '---', ''].join('\n'), 'm.md').problems;
    assert.deepEqual(read('since: 2027-01-01', 'renews: 2026-01-01').map((p) => [p.line, p.column, p.severity, p.code]), [[5, 9, 'warning', 'bad-value']]);
    assert.deepEqual(read('since: 2026-01-01', 'renews: 2026-01-01'), []);
  });
});
