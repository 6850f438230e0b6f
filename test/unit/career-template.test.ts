import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { careerNoteTemplate, jobTitle, type CareerNoteFields } from '../../src/core/career/career-template';
import { readFrontmatter } from '../../src/core/notes/frontmatter';
import { parseNote } from '../../src/core/notes/note';
import type { YamlNode } from '../../src/core/notes/yaml-tree';

/** Each top-level key of the note's details as the note reader reads it: a scalar's text, or a list's texts. */
function readBack(text: string): Record<string, string | string[]> {
  const read = readFrontmatter(text);
  assert.equal(read.kind, 'read');
  if (read.kind !== 'read') return {};
  assert.equal(read.fm.error, undefined, `no YAML error in:\n${text}`);
  const out: Record<string, string | string[]> = {};
  const scalar = (node: YamlNode | null): string => {
    assert.equal(node?.kind, 'scalar');
    return node!.value;
  };
  for (const [key, entry] of read.fm.entries) out[key] = entry.value?.kind === 'seq' ? entry.value.items.map(scalar) : scalar(entry.value);
  return out;
}

/** Answers that YAML would misread if written plain. */
const HOSTILE = ['Say "hi"', "O'Brien's", 'Key: value', 'a # not a comment', '- leading dash', 'Fármacia Niño ✓ 薬局', '#1 Pharmacy', 'yes', '2026-01-01 shift', '[brackets]', '{braces}', '@at', '*star', '&amp', '! bang', '| pipe', '> gt', '%pct', '`tick`', '123', '0x1F', 'null', '~', 'a: b: c', 'tab\there', '\u200fRTL mark'];

describe('careerNoteTemplate', () => {
  it('writes a job with its keys in the order asked, a list of responsibilities and a body', () => {
    const text = careerNoteTemplate({
      type: 'experience',
      title: jobTitle('Lead technician', 'Mercy Hospital'),
      employer: 'Mercy Hospital',
      role: 'Lead technician',
      setting: 'hospital',
      start: '2023-03-01',
      hoursPerWeek: 40,
      responsibilities: ['sterile-compounding', 'training'],
    });
    assert.equal(
      text,
      [
        '---',
        'title: Lead technician at Mercy Hospital',
        'type: experience',
        'employer: Mercy Hospital',
        'role: Lead technician',
        'setting: hospital',
        'start: 2023-03-01',
        'hours_per_week: 40',
        'responsibilities:',
        '  - sterile-compounding',
        '  - training',
        '---',
        '# Lead technician at Mercy Hospital',
        '',
        '## What I do there',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes a certificate, an event and a membership with only the answers given', () => {
    assert.match(
      careerNoteTemplate({ type: 'certificate', title: 'Billing and Reimbursement', program: 'ptcb-billing-reimbursement', status: 'earned', earned: '2026-05-02' }),
      /^---\ntitle: Billing and Reimbursement\ntype: certificate\nprogram: ptcb-billing-reimbursement\nstatus: earned\nearned: 2026-05-02\n---\n/,
    );
    assert.match(careerNoteTemplate({ type: 'certificate', title: 'MTM', program: 'ptcb-mtm', status: 'planned' }), /\nstatus: planned\n---\n/);
    assert.match(
      careerNoteTemplate({ type: 'event', title: 'AAPT Annual Conference', date: '2026-06-12', organization: 'AAPT', event: 'conference' }),
      /^---\ntitle: AAPT Annual Conference\ntype: event\ndate: 2026-06-12\norganization: AAPT\nevent: conference\n---\n/,
    );
    assert.match(careerNoteTemplate({ type: 'membership', title: 'NPTA', organization: 'NPTA' }), /^---\ntitle: NPTA\ntype: membership\norganization: NPTA\n---\n/);
    assert.match(careerNoteTemplate({ type: 'experience', title: 'Job', employer: '', role: '', responsibilities: [] }), /^---\ntitle: Job\ntype: experience\n---\n/);
  });

  it('writes CRLF line ends when asked', () => {
    const text = careerNoteTemplate({ type: 'membership', title: 'AAPT', organization: 'AAPT', renews: '2027-01-31' }, '\r\n');
    assert.ok(!/[^\r]\n/.test(text));
    assert.deepEqual(readBack(text), { title: 'AAPT', type: 'membership', organization: 'AAPT', renews: '2027-01-31' });
  });

  it('every answer (quotes, colons, #, a leading -, unicode, YAML words) reads back as typed', () => {
    for (const answer of HOSTILE) {
      const job: CareerNoteFields = { type: 'experience', title: answer, employer: answer, role: answer, responsibilities: [answer, 'training'] };
      assert.deepEqual(readBack(careerNoteTemplate(job)), { title: answer, type: 'experience', employer: answer, role: answer, responsibilities: [answer, 'training'] }, answer);
      const event: CareerNoteFields = { type: 'event', title: answer, organization: answer };
      assert.deepEqual(readBack(careerNoteTemplate(event)), { title: answer, type: 'event', organization: answer }, answer);
      const membership: CareerNoteFields = { type: 'membership', title: answer, organization: answer };
      assert.deepEqual(readBack(careerNoteTemplate(membership)), { title: answer, type: 'membership', organization: answer }, answer);
      const certificate: CareerNoteFields = { type: 'certificate', title: answer, program: answer, status: 'planned' };
      assert.deepEqual(readBack(careerNoteTemplate(certificate)), { title: answer, type: 'certificate', program: answer, status: 'planned' }, answer);
      assert.equal(parseNote(careerNoteTemplate(job), 'career/job.md').note.title, answer, answer);
    }
  });

  it('each kind reads back through the note reader as the record of its answers, with no problem', () => {
    const cases: [CareerNoteFields, unknown][] = [
      [
        { type: 'experience', title: 'Tech at "A": #1', employer: 'A: #1 "Rx"', role: '- Lead', setting: 'long-term-care', start: '2021-02-03', end: '2024-05-06', hoursPerWeek: 32.5, responsibilities: ['training', 'hazardous-drugs'] },
        { type: 'experience', employer: 'A: #1 "Rx"', role: '- Lead', setting: 'long-term-care', start: '2021-02-03', end: '2024-05-06', hoursPerWeek: 32.5, responsibilities: ['training', 'hazardous-drugs'] },
      ],
      [
        { type: 'certificate', title: 'Billing', program: 'ptcb-billing-reimbursement', status: 'earned', earned: '2026-05-02' },
        { type: 'certificate', program: 'ptcb-billing-reimbursement', known: true, status: 'earned', earned: '2026-05-02' },
      ],
      [
        { type: 'event', title: 'Conférence #7: "RTL \u200f"', date: '2026-06-12', organization: "O'Brien & Co", event: 'webinar' },
        { type: 'event', date: '2026-06-12', organization: "O'Brien & Co", event: 'webinar', contacts: [] },
      ],
      [{ type: 'membership', title: 'NPTA', organization: 'NPTA: the "national" one', renews: '2027-01-31' }, { type: 'membership', organization: 'NPTA: the "national" one', renews: '2027-01-31' }],
    ];
    for (const [fields, record] of cases) {
      const { note, problems } = parseNote(careerNoteTemplate(fields), 'career/note.md');
      assert.deepEqual(problems, [], fields.type);
      assert.equal(note.title, fields.title);
      const career = JSON.parse(JSON.stringify(note.career)) as Record<string, unknown>;
      delete career.programAt; // where `program` is written: for the editor's quick fixes
      assert.deepEqual(career, record, fields.type);
    }
  });

  it('any trimmed answer reads back as typed (property)', () => {
    const answer = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(answer, answer, (employer, role) => {
        const title = jobTitle(role, employer);
        const back = readBack(careerNoteTemplate({ type: 'experience', title, employer, role, responsibilities: [role] }));
        assert.deepEqual(back, { title, type: 'experience', employer, role, responsibilities: [role] });
      }),
    );
  });

  it('a control character in the title is escaped in the details and a space in the heading', () => {
    const text = careerNoteTemplate({ type: 'event', title: 'Bad\u0000name' });
    assert.equal(readBack(text).title, 'Bad\u0000name');
    assert.match(text, /\n# Bad name\n/);
  });
});

describe('jobTitle', () => {
  it('is "role at employer", or whichever is given', () => {
    assert.equal(jobTitle(' Technician ', ' CVS '), 'Technician at CVS');
    assert.equal(jobTitle('', 'CVS'), 'CVS');
    assert.equal(jobTitle('Technician', ''), 'Technician');
    assert.equal(jobTitle('', ''), 'Job');
  });
});
