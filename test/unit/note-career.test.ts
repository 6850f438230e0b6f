// Career notes (issue #14): `type` and the keys of each type read into note.career, each wrong value a problem
// at its line and column with the fix where it is certain; an event with ce_hours counted as a CE note on its
// date; the misspelt-key check unchanged for CE notes; the program catalogue and its unknown-program warnings.
import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/note';
import { programProblems } from '../../src/core/career/note-career';
import { careerTypeIn, careerWordInfo } from '../../src/core/career/career-format';
import { keysOffered, keyValues } from '../../src/core/notes/format';
import { CERTIFICATION_IDS, PTCB_CERTIFICATE_IDS, builtInPrograms, nearestProgramId, trainingIdFor } from '../../src/core/career/programs';
import { builtInStudyPlans } from '../../src/core/study/plans';
import type { Problem } from '../../src/core/types';

const read = (...lines: string[]) => parseNote(['---', ...lines, '---', ''].join('\n'), 'career/n.md');
const brief = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.severity, p.code, p.replacement]);

describe('career notes: certificate', () => {
  it('reads program, status, dates, number and file; status earned by default when earned is set', () => {
    const { note, problems } = read('type: certificate', 'program: ptcb-cpht', 'earned: 2019-06-14', 'expires: 2027-06-30', 'credential_number: "12345"', 'certificate: certs/cpht.pdf');
    assert.deepEqual(problems, []);
    assert.equal(note.kind, 'study');
    assert.deepEqual(note.career, {
      type: 'certificate',
      program: 'ptcb-cpht',
      known: true,
      status: 'earned',
      earned: '2019-06-14',
      expires: '2027-06-30',
      credentialNumber: '12345',
      certificate: 'certs/cpht.pdf',
      programAt: { line: 3, column: 10, length: 9 },
    });
  });

  it('planned without earned; an unknown program is kept as written, not known', () => {
    const { note, problems } = read('type: certificate', 'program: ptcb-supply-chain');
    assert.deepEqual(problems, []);
    assert.equal(note.career?.type === 'certificate' && note.career.status, 'planned');
    assert.equal(note.career?.type === 'certificate' && note.career.known, false);
  });

  it('a wrong status is a warning with the nearest; planned with an earned date says so; expires before earned', () => {
    const { problems } = read('type: certificate', 'program: ptcb-cspt', 'status: earnd', 'earned: 2024-01-01', 'expires: 2023-12-31');
    assert.deepEqual(brief(problems), [
      [4, 9, 'warning', 'unknown-career-word', 'earned'],
      [6, 10, 'warning', 'bad-value', undefined],
    ]);
    const planned = read('type: certificate', 'program: ptcb-cspt', 'status: planned', 'earned: 2024-01-01').problems;
    assert.deepEqual(brief(planned), [[4, 9, 'warning', 'bad-value', 'earned']]);
  });

  it('a missing program is a warning at type; a bad date an error at its column, the slashed one with its fix', () => {
    const { problems } = read('type: certificate', 'earned: 2024/3/5');
    assert.deepEqual(brief(problems), [
      [2, 7, 'warning', 'bad-value', undefined],
      [3, 9, 'error', 'bad-value', '2024-03-05'],
    ]);
    assert.match(problems[1].message, /earned must be the day it was earned, written YYYY-MM-DD/);
  });
});

describe('career notes: experience', () => {
  it('reads a job; YYYY-MM start and end are the first and last day of the month', () => {
    const { note, problems } = read('type: experience', 'employer: Mercy Hospital', 'role: IV Technician', 'setting: Hospital', 'start: 2022-03', 'end: 2024-02', 'hours_per_week: 36', 'responsibilities: [sterile-compounding, Inventory]');
    assert.deepEqual(problems, []);
    assert.deepEqual(note.career, {
      type: 'experience',
      employer: 'Mercy Hospital',
      role: 'IV Technician',
      setting: 'hospital',
      start: '2022-03-01',
      end: '2024-02-29',
      hoursPerWeek: 36,
      responsibilities: ['sterile-compounding', 'inventory'],
    });
  });

  it('no start is a warning (the job cannot count); no end means current', () => {
    const { note, problems } = read('type: experience', 'employer: A');
    assert.deepEqual(brief(problems), [[2, 7, 'warning', 'bad-value', undefined]]);
    assert.equal(note.career?.type === 'experience' && note.career.end, undefined);
  });

  it('end before start is an error at end, and the end is not kept', () => {
    const { note, problems } = read('type: experience', 'start: 2022-05-01', 'end: 2021-05-01');
    assert.deepEqual(brief(problems), [[4, 6, 'error', 'bad-value', undefined]]);
    assert.equal(note.career?.type === 'experience' && note.career.end, undefined);
  });

  it('setting and responsibilities: unknown words warned at their place with the nearest, and left out', () => {
    const { note, problems } = read('type: experience', 'start: 2020-01-01', 'setting: hosptal', 'responsibilities:', '  - inventroy', '  - billing', '  - juggling');
    assert.deepEqual(brief(problems), [
      [4, 10, 'warning', 'unknown-career-word', 'hospital'],
      [6, 5, 'warning', 'unknown-career-word', 'inventory'],
      [8, 5, 'warning', 'unknown-career-word', undefined],
    ]);
    assert.deepEqual(note.career?.type === 'experience' && note.career.responsibilities, ['billing']);
    assert.equal(note.career?.type === 'experience' && note.career.setting, undefined);
    // In a one-line list, the column of the word itself.
    const inline = read('type: experience', 'start: 2020-01-01', 'responsibilities: [billing, inventroy]').problems;
    assert.deepEqual(brief(inline), [[4, 29, 'warning', 'unknown-career-word', 'inventory']]);
  });

  it('hours_per_week is a number from 1 to 168', () => {
    for (const bad of ['0', '169', 'forty', '-5']) {
      const { problems } = read('type: experience', 'start: 2020-01-01', `hours_per_week: ${bad}`);
      assert.deepEqual(brief(problems), [[4, 17, 'error', 'bad-value', undefined]], bad);
    }
    assert.equal(read('type: experience', 'start: 2020-01-01', 'hours_per_week: "32.5"').note.career?.type === 'experience' && 32.5, 32.5);
  });

  it('a month that does not exist is an error, YYYY-MM is not read for other dates', () => {
    assert.deepEqual(brief(read('type: experience', 'start: 2020-13').problems), [[3, 8, 'error', 'bad-value', undefined]]);
    assert.deepEqual(brief(read('type: membership', 'organization: AAPT', 'since: 2020-01').problems), [[4, 8, 'error', 'bad-value', undefined]]);
  });
});

describe('career notes: event and membership', () => {
  it('an event: date, organization, kind and contacts', () => {
    const { note, problems } = read('type: event', 'date: 2026-10-17', 'organization: NPTA', 'event: Conference', 'contacts: [Dana Ruiz, Sam Lee]');
    assert.deepEqual(problems, []);
    assert.deepEqual(note.career, { type: 'event', date: '2026-10-17', organization: 'NPTA', event: 'conference', contacts: ['Dana Ruiz', 'Sam Lee'] });
    assert.deepEqual(brief(read('type: event', 'date: 2026-10-17', 'event: conferance').problems), [[4, 8, 'warning', 'unknown-career-word', 'conference']]);
  });

  it('an event with ce_hours is a CE note completed on its date, with no "did you mean completed"', () => {
    const { note, problems } = read('type: event', 'title: NPTA annual', 'ce_hours: 6', 'date: 2026-10-17', 'organization: NPTA');
    assert.deepEqual(problems, []);
    assert.equal(note.kind, 'ce');
    assert.equal(note.kind === 'ce' && note.completed, '2026-10-17');
    assert.equal(note.kind === 'ce' && note.status, 'completed');
    assert.equal(note.kind === 'ce' && note.hours, 6);
    assert.equal(note.career?.type === 'event' && note.career.date, '2026-10-17');
  });

  it('an event CE note with its own completed keeps both dates; a bad date is one error, not two', () => {
    const both = read('type: event', 'ce_hours: 1', 'date: 2026-10-17', 'completed: 2026-10-20');
    assert.equal(both.note.kind === 'ce' && both.note.completed, '2026-10-20');
    assert.equal(both.note.career?.type === 'event' && both.note.career.date, '2026-10-17');
    const bad = read('type: event', 'ce_hours: 1', 'date: 2026-02-30');
    assert.deepEqual(brief(bad.problems), [[4, 7, 'error', 'bad-value', undefined]]);
    assert.equal(bad.note.kind === 'ce' && bad.note.valid, false);
  });

  it('a CE note without type still takes `date` for `completed` (unchanged)', () => {
    const { note, problems } = read('ce_hours: 1', 'date: 2026-10-17');
    assert.deepEqual(brief(problems), [[3, 1, 'warning', 'unknown-key', 'completed']]);
    assert.equal(note.kind === 'ce' && note.status, 'planned');
  });

  it('a membership needs its organization; since and renews are dates', () => {
    const { note, problems } = read('type: membership', 'organization: AAPT', 'since: 2021-01-15', 'renews: 2027-01-15');
    assert.deepEqual(problems, []);
    assert.deepEqual(note.career, { type: 'membership', organization: 'AAPT', since: '2021-01-15', renews: '2027-01-15' });
    assert.deepEqual(brief(read('type: membership', 'renews: 2027-01-15').problems), [[2, 7, 'warning', 'bad-value', undefined]]);
  });
});

describe('career notes: type and keys', () => {
  it('a type that is a slip for a career type is a warning with the fix; any other type is the user\'s own', () => {
    assert.deepEqual(brief(read('type: experiance').problems), [[2, 7, 'warning', 'unknown-career-word', 'experience']]);
    assert.deepEqual(brief(read('type: job').problems), [[2, 7, 'warning', 'unknown-career-word', 'experience']]);
    for (const own of ['article', 'book', 'lecture notes', '']) {
      const { note, problems } = read(`type: ${own}`);
      assert.deepEqual(problems, [], own);
      assert.equal(note.career, undefined);
    }
  });

  it('career keys without type are the user\'s own, in plain and CE notes', () => {
    const keys = ['employer: A', 'role: B', 'start: x', 'end: y', 'setting: z', 'since: 1', 'renews: 2', 'organization: O', 'program: p', 'earned: e', 'contacts: c', 'event: e'];
    assert.deepEqual(read(...keys).problems, []);
    assert.deepEqual(read('ce_hours: 1', 'completed: 2026-01-01', ...keys).problems, []);
    assert.equal(read(...keys).note.career, undefined);
  });

  it('no new "did you mean" in CE notes from the career keys (state, data, rate, roles, settings, starts)', () => {
    for (const key of ['state', 'data', 'rate', 'roles', 'settings', 'starts', 'ending', 'events', 'contact', 'programs', 'member_since']) {
      const { problems } = read('ce_hours: 1', 'completed: 2026-01-01', `${key}: x`);
      assert.deepEqual(problems, [], key);
    }
  });

  it('a misspelt key of the note\'s type is a warning with the right key', () => {
    const { problems } = read('type: experience', 'start: 2020-01-01', 'employeer: A', 'hours_per_wek: 30');
    assert.deepEqual(brief(problems), [
      [4, 1, 'warning', 'unknown-key', 'employer'],
      [5, 1, 'warning', 'unknown-key', 'hours_per_week'],
    ]);
  });

  it('hostile: three hundred unknown responsibilities give five warnings and a summary', () => {
    const list = Array.from({ length: 300 }, (_, i) => `w${i}`).join(', ');
    const { problems } = read('type: experience', 'start: 2020-01-01', `responsibilities: [${list}]`);
    assert.equal(problems.length, 6);
  });
});

describe('the program catalogue', () => {
  const programs = builtInPrograms();

  it('has every id of the issue, each with a name, a source and as-of, and a fresh copy each call', () => {
    for (const id of [...CERTIFICATION_IDS, ...PTCB_CERTIFICATE_IDS]) {
      const p = programs[id];
      assert.ok(p && p.name !== id && p.source.startsWith('https://') && p.asOf === '2026-11-30' && p.builtIn, id);
      assert.equal(p.kind, (CERTIFICATION_IDS as readonly string[]).includes(id) ? 'certification' : 'certificate', id);
    }
    builtInPrograms()['ptcb-cspt'].suggestedBy!.responsibilities!.push('x');
    assert.deepEqual(builtInPrograms()['ptcb-cspt'].suggestedBy!.responsibilities, ['sterile-compounding']);
    assert.equal(Object.getPrototypeOf(programs), null);
  });

  it('certifications name their rule set; study plans named exist; the certificates say what is unverified', () => {
    const plans = builtInStudyPlans();
    for (const p of Object.values(programs)) {
      if (p.studyPlan) assert.ok(plans[p.studyPlan], `${p.id} -> ${p.studyPlan}`);
      if (p.kind === 'certification') assert.equal(p.ruleSet, p.id);
      if (p.kind === 'certificate') assert.match(p.verify ?? '', /unverified/);
    }
    assert.equal(programs['ptcb-cpht'].studyPlan, 'ptce');
    assert.equal(programs['ptcb-billing-reimbursement'].studyPlan, 'ptcb-billing-reimbursement');
  });

  it('training programs are recognised for the program whose eligibility asks for one (not MTM: unverified)', () => {
    const training = Object.values(programs).filter((p) => p.kind === 'training');
    for (const t of training) assert.deepEqual([t.id], t.recognizedFor!.map(trainingIdFor));
    assert.ok(programs['ptcb-cspt-training'] && programs['ptcb-supply-chain-inventory-training']);
    assert.equal(programs['ptcb-mtm-training'], undefined);
  });

  it('suggestions: inventory -> Supply Chain, billing -> Billing, sterile compounding -> CSPT', () => {
    const by = (r: string) => Object.values(programs).filter((p) => p.suggestedBy?.responsibilities?.includes(r)).map((p) => p.id);
    assert.deepEqual(by('inventory'), ['ptcb-supply-chain-inventory']);
    assert.deepEqual(by('billing'), ['ptcb-billing-reimbursement']);
    assert.deepEqual(by('sterile-compounding'), ['ptcb-cspt']);
  });

  it('nearestProgramId: a typo, a short name, a part of the id', () => {
    assert.equal(nearestProgramId('ptcb-cpth', programs), 'ptcb-cpht');
    assert.equal(nearestProgramId('CSPT', programs), 'ptcb-cspt');
    assert.equal(nearestProgramId('cpht-adv', programs), 'ptcb-cpht-adv');
    assert.equal(nearestProgramId('supply-chain', programs), 'ptcb-supply-chain-inventory');
    assert.equal(nearestProgramId('zzzzzzzzzzzz', programs), undefined);
  });
});

describe('programProblems: unknown programs where the catalogue is known', () => {
  it('warns at the program with the nearest id; the user\'s own program is known', () => {
    const a = read('type: certificate', 'program: ptcb-cpth').note;
    const b = read('type: certificate', 'program: my-iv-course').note;
    const c = read('type: certificate', 'program: ptcb-cpht').note;
    const problems = programProblems([a, b, c], builtInPrograms());
    assert.deepEqual(brief(problems), [
      [3, 10, 'warning', 'unknown-program', 'ptcb-cpht'],
      [3, 10, 'warning', 'unknown-program', undefined],
    ]);
    assert.equal(problems[0].length, 9);
    const mine = { ...builtInPrograms(), 'my-iv-course': { id: 'my-iv-course', name: 'IV course', kind: 'training' as const, issuer: 'Me', source: 's', asOf: '2026-01-01', builtIn: false } };
    assert.equal(programProblems([b], mine).length, 0);
  });
});

describe('career program problems in plain words', () => {
  it('says how to pick a program (the list offered as you type) without "id" or "e.g."', () => {
    const unknown = programProblems([read('type: certificate', 'program: ptcb-compounding').note], builtInPrograms())[0].message;
    const missing = read('type: certificate', 'status: planned').problems.find((p) => p.code === 'bad-value')?.message ?? '';
    for (const message of [unknown, missing]) {
      assert.match(message, /Ctrl\+Space/, message);
      assert.doesNotMatch(message, /\bid\b|e\.g\./, message);
    }
  });
});

describe('career notes: what completion and hovers offer, by the note\'s type', () => {
  it('reads the type from the frontmatter text as typed (quoted, any case, a comment after it)', () => {
    assert.equal(careerTypeIn('---\ntitle: x\ntype: Certificate # mine\n'), 'certificate');
    assert.equal(careerTypeIn("---\ntype: 'experience'\n"), 'experience');
    assert.equal(careerTypeIn('---\ntype: article\n'), undefined);
    assert.equal(careerTypeIn('---\n  type: event\n'), undefined);
  });

  it('offers the keys of the note\'s type only, and `type` to every note', () => {
    const keys = (type?: 'certificate' | 'experience') => keysOffered(type).map((k) => k.key);
    assert.ok(keys().includes('type') && keys().includes('ce_hours') && !keys().includes('employer') && !keys().includes('program'));
    assert.ok(keys('experience').includes('employer') && keys('experience').includes('responsibilities') && !keys('experience').includes('program'));
    assert.ok(keys('certificate').includes('program') && keys('certificate').includes('earned') && !keys('certificate').includes('start'));
  });

  it('status offers planned/in-progress/earned in a certificate note, completed in others', () => {
    assert.deepEqual(keyValues('status', 'certificate')?.map((v) => v.value), ['planned', 'in-progress', 'earned']);
    assert.deepEqual(keyValues('status')?.map((v) => v.value), ['completed', 'planned', 'in-progress']);
    assert.deepEqual(keyValues('status', 'event')?.map((v) => v.value), ['completed', 'planned', 'in-progress']);
    assert.deepEqual(keyValues('setting', 'experience')?.length, 9);
    assert.deepEqual(keyValues('event', 'event')?.map((v) => v.value), ['conference', 'meeting', 'webinar', 'volunteering']);
  });

  it('hovers name a word of the vocabulary by its label', () => {
    assert.deepEqual(careerWordInfo('setting', 'long-term-care', 'experience'), { id: 'long-term-care', label: 'Long-term care' });
    assert.equal(careerWordInfo('status', 'earned', 'certificate')?.label, 'Earned: counts toward the next credential');
    assert.equal(careerWordInfo('status', 'earned', undefined), undefined);
    assert.equal(careerWordInfo('responsibilities', 'inventory', 'experience')?.label, 'Inventory and purchasing');
    assert.equal(careerWordInfo('employer', 'x', 'experience'), undefined);
  });
});
