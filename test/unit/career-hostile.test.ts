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
