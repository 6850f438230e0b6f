import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/rules/config';
import { evaluateAll } from '../../src/core/rules/evaluate';
import { parseUan } from '../../src/core/notes/uan';
import { buildTranscript, csvCell, CSV_HEADER, defuseFormula, transcriptBaseName, transcriptCsv, type Transcript } from '../../src/core/outputs/transcript';
import { transcriptHtml } from '../../src/core/outputs/transcript-html';
import type { CeNote, ParsedNote, Problem } from '../../src/core/types';
import { cspOf } from '../csp';

function ce(path: string, over: Partial<CeNote> = {}): CeNote {
  return {
    kind: 'ce', path, title: path, topics: [], tags: [], keyLines: {}, hours: 1, status: 'completed',
    completed: '2026-01-15', format: 'home-study', audience: 'technician', category: 'ce', valid: true, ...over,
  };
}

const AS_OF = '2026-11-25';

function parsedUan(text: string): CeNote['uan'] {
  const { uan } = parseUan(text);
  if (!uan) throw new Error(`not a UAN: ${text}`);
  return uan;
}
const CONFIG = parseConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] }), { asOf: AS_OF }).config;

function transcriptOf(notes: ParsedNote[], learnerName = 'Dana Q. Tech'): Transcript {
  const [progress] = evaluateAll(CONFIG, notes, AS_OF);
  return buildTranscript(progress, notes, { learnerName, asOf: AS_OF, generated: '2026-11-25' });
}

/** A strict RFC 4180 reader, to check the writer round-trips any text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

const NOTES: ParsedNote[] = [
  ce('notes/law.md', { title: 'Federal Law, 2025 "Update"', hours: 1, topics: ['law'], provider: 'Power-Pak C.E.', completed: '2025-06-10', certificate: '../certificates/law-2025.pdf', uanText: '0145-0000-25-101-H03-T', uan: parsedUan('0145-0000-25-101-H03-T') }),
  ce('notes/lasa.md', { title: 'Look-Alike,\nSound-Alike', hours: 2, topics: ['patient-safety'], format: 'live', completed: '2026-02-01' }),
  ce('notes/pharmacist.md', { title: 'Diabetes', hours: 6, audience: 'pharmacist', topics: ['disease-state'], completed: '2025-09-01' }),
  ce('notes/in-service.md', { title: '=HYPERLINK("http://evil","click")', hours: 2, category: 'in-service', completed: '2026-03-15' }),
  ce('notes/planned.md', { title: 'Planned', status: 'planned', completed: undefined }),
];

describe('transcript', () => {
  describe('rows and totals', () => {
    it('has one row per activity completed in the cycle, by date, with counted and the reason', () => {
      const t = transcriptOf(NOTES);
      assert.deepEqual(t.rows.map((r) => [r.completed, r.hours, r.counted]), [
        ['2025-06-10', 1, true],
        ['2025-09-01', 6, true],
        ['2026-02-01', 2, true],
        ['2026-03-15', 2, false],
      ]);
      assert.deepEqual(t.leftOut, { errors: 0, notCompleted: 1, outsideCycle: 0 });
      assert.match(t.rows[1].reason ?? '', /only 5 of 6 h/);
      assert.match(t.rows[3].reason ?? '', /not accepted/);
      assert.equal(t.rows[0].certificate, 'certificates/law-2025.pdf');
      assert.equal(t.rows[0].uan, '0145-0000-25-101-H03-T');
      assert.deepEqual(t.totals, { earned: 8, required: 20, met: false });
      assert.deepEqual(t.requirements.map((r) => [r.label, r.earned, r.met]), [['Pharmacy law', 1, true], ['Patient safety', 2, true]]);
      assert.deepEqual(t.cycle, { start: '2025-04-01', end: '2027-03-31' });
      assert.equal(t.learnerName, 'Dana Q. Tech');
    });

    it('leaves out notes with errors, unfinished ones and other cycles, and flags missing certificate files', () => {
      const notes = [
        ce('ok.md', { certificate: 'certs/ok.pdf', completed: '2026-01-01' }),
        ce('gone.md', { certificate: 'certs/../gone.pdf', completed: '2026-01-02' }),
        ce('bad.md', { valid: false, hours: 0 }),
        ce('before.md', { completed: '2025-03-31' }),
        ce('after.md', { completed: '2027-04-01' }),
        ce('doing.md', { status: 'in-progress', completed: undefined }),
      ];
      const [progress] = evaluateAll(CONFIG, notes, AS_OF);
      const t = buildTranscript(progress, notes, { learnerName: '', asOf: AS_OF, generated: AS_OF, missingCertificates: ['gone.md'] });
      assert.deepEqual(t.rows.map((r) => [r.title, r.certificate, r.certificateMissing]), [['ok.md', 'certs/ok.pdf', false], ['gone.md', 'gone.pdf', true]]);
      assert.deepEqual(t.leftOut, { errors: 1, notCompleted: 1, outsideCycle: 2 });
      const csv = parseCsv(transcriptCsv(t));
      assert.deepEqual([csv[2][8], csv[2][12]], ['gone.pdf', 'certificate file not found']);
      assert.ok(transcriptHtml(t, 'en').includes('<td>gone.pdf</td><td>yes</td><td></td><td></td><td class="flags">certificate file not found</td>'));
    });
  });

  describe('CSV', () => {
    it('writes a header and RFC 4180 rows: commas, quotes and newlines survive a round trip', () => {
      const csv = transcriptCsv(transcriptOf(NOTES));
      assert.ok(csv.endsWith('\r\n'));
      const rows = parseCsv(csv);
      assert.deepEqual(rows[0], CSV_HEADER);
      assert.equal(rows.length, 1 + 4);
      assert.ok(rows.every((r) => r.length === CSV_HEADER.length));
      assert.deepEqual(rows[1], ['2025-06-10', 'Federal Law, 2025 "Update"', 'Power-Pak C.E.', '0145-0000-25-101-H03-T', 'Home study', 'Technician', 'law', '1', 'certificates/law-2025.pdf', 'yes', '', '', '']);
      assert.equal(rows[3][1], 'Look-Alike,\nSound-Alike');
      assert.equal(rows[3][4], 'Live');
      assert.equal(rows[4][9], 'no');
    });

    it('defuses spreadsheet formulas in text cells', () => {
      const rows = parseCsv(transcriptCsv(transcriptOf(NOTES)));
      assert.equal(rows[4][1], `'=HYPERLINK("http://evil","click")`);
      for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(defuseFormula(c), `'${c}`);
      for (const c of ['1', 'Law', 'a=b', '']) assert.equal(defuseFormula(c), c);
      const provider = parseCsv(transcriptCsv(transcriptOf([ce('p.md', { provider: '@evil', completed: '2026-01-01' })])))[1][2];
      assert.equal(provider, "'@evil");
    });

    it('round-trips any title through quoting', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (title) => {
          const rows = parseCsv(transcriptCsv(transcriptOf([ce('x.md', { title, completed: '2026-01-01' })])));
          assert.equal(rows.length, 2);
          assert.equal(rows[1][1], defuseFormula(title));
        }),
        { numRuns: 300 },
      );
      assert.equal(csvCell('a,b'), '"a,b"');
      assert.equal(csvCell('say "hi"'), '"say ""hi"""');
      assert.equal(csvCell('plain'), 'plain');
    });
  });

  describe('file name', () => {
    it('is <credential>-<cycle end>, and a hostile credential id cannot leave transcripts/', () => {
      assert.equal(transcriptBaseName('ptcb-cpht', '2027-03-31'), 'ptcb-cpht-2027-03-31');
      assert.equal(transcriptBaseName('../../.ssh/x', '2027-03-31'), 'ssh-x-2027-03-31');
      assert.equal(transcriptBaseName('a/b\\c:d', '2027-03-31'), 'a-b-c-d-2027-03-31');
      assert.equal(transcriptBaseName('..', '2027-03-31'), 'credential-2027-03-31');
      assert.equal(transcriptBaseName('Texas registration', '2026-12-31'), 'Texas-registration-2026-12-31');
    });
  });

  describe('HTML', () => {
    it('escapes every value from notes and settings, and holds no script', () => {
      const notes = [ce('x.md', { title: '<img src=x onerror=alert(1)>', provider: '"><script>alert(2)</script>', completed: '2026-01-01', topics: ['<b>'] })];
      const html = transcriptHtml(transcriptOf(notes, '<svg onload=alert(3)>'), 'en');
      assert.ok(!/<script/i.test(html));
      assert.ok(!/<img/i.test(html));
      assert.ok(!/<svg/i.test(html));
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
      assert.ok(html.includes('&lt;svg onload=alert(3)&gt;'));
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    });

    it('has the written page\'s CSP: nothing loads, only its own inline style applies', () => {
      assert.deepEqual(cspOf(transcriptHtml(transcriptOf(NOTES), 'en')), { 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"] });
    });

    it('shows the learner, credential, cycle, totals per requirement, the activities and the rule source', () => {
      const html = transcriptHtml(transcriptOf(NOTES), 'en');
      for (const text of ['Dana Q. Tech', 'PTCB CPhT', '2025-04-01 to 2027-03-31', '8 of 20 required', 'Pharmacy law', 'Patient safety', 'Federal Law, 2025 &quot;Update&quot;', 'Power-Pak C.E.', 'ptcb.zendesk.com', '@media print']) {
        assert.ok(html.includes(text), text);
      }
      assert.equal((html.match(/<tr/g) ?? []).length, 1 + 3 + 1 + 4);
      assert.ok(!html.includes('Left out: notes with errors'), 'no error section without notes with errors');
    });

    it('says "not yet met" while the cycle runs (the dashboard may say "On track") and "not met" once it has ended', () => {
      const open = transcriptOf(NOTES);
      const html = transcriptHtml(open, 'en');
      assert.ok(html.includes('8 of 20 required (not yet met) as of 2026-11-25'), 'the header');
      assert.ok(html.includes('<td>Total</td><td class="num">8</td><td class="num">20</td><td>not yet met</td>'), 'the totals row');
      const ended = transcriptHtml({ ...open, asOf: '2027-04-01' }, 'en');
      assert.ok(ended.includes('(not met) as of 2027-04-01') && !ended.includes('not yet met'), 'after the cycle end');
    });

    it('says so when the learner name is not set', () => {
      assert.ok(transcriptHtml(transcriptOf(NOTES, ''), 'en').includes('(name not set)'));
    });
  });
});

describe('transcript: certificates outside the folder', () => {
  it('never shows an outside certificate path as if it were inside the folder', () => {
    const notes = [ce('notes/a.md', { certificate: '../../etc/passwd' }), ce('notes/b.md', { title: 'B', certificate: '//host/share/x.pdf' }), ce('notes/c.md', { title: 'C', certificate: '../certs/c.pdf' })];
    const t = transcriptOf(notes);
    const byPath = (title: string) => t.rows.find((r) => r.title === title)!;
    assert.deepEqual([byPath('notes/a.md').certificate, byPath('notes/a.md').certificateOutside], ['../../etc/passwd', true]);
    assert.deepEqual([byPath('B').certificate, byPath('B').certificateOutside], ['//host/share/x.pdf', true]);
    assert.deepEqual([byPath('C').certificate, byPath('C').certificateOutside], ['certs/c.pdf', undefined]);
    const csv = transcriptCsv(t);
    assert.ok(csv.includes('../../etc/passwd,yes,,,certificate outside the notes folder: not checked'), csv);
    assert.ok(!/(^|,)etc\/passwd/m.test(csv), 'not shown as a path inside the folder');
    assert.ok(transcriptHtml(t, 'en').includes('<td>//host/share/x.pdf</td><td>yes</td><td></td><td></td><td class="flags">certificate outside the notes folder: not checked</td>'));
  });
});

describe('transcript: audience, limits, flags and errors (issue 12)', () => {
  it('has an audience column: technician or pharmacist, in words', () => {
    const t = transcriptOf(NOTES);
    assert.deepEqual(t.rows.map((r) => r.audience), ['technician', 'pharmacist', 'technician', 'technician']);
    const rows = parseCsv(transcriptCsv(t));
    assert.equal(rows[0][5], 'Audience');
    assert.deepEqual(rows.slice(1).map((r) => r[5]), ['Technician', 'Pharmacist', 'Technician', 'Technician']);
    assert.ok(transcriptHtml(t, 'en').includes('<th>Audience</th>'));
    assert.ok(transcriptHtml(t, 'en').includes('<td>Home study</td><td>Pharmacist</td>'));
  });

  it('says which limit applied to an activity and how it stands, and lists the limits that applied', () => {
    const notes = [
      ce('p1.md', { title: 'P1', hours: 2, audience: 'pharmacist', completed: '2025-05-01' }),
      ce('p2.md', { title: 'P2', hours: 1, audience: 'pharmacist', completed: '2025-06-01' }),
      ce('t.md', { title: 'T', hours: 1, completed: '2025-07-01' }),
    ];
    const t = transcriptOf(notes);
    assert.deepEqual(t.rows.map((r) => r.limits), [['Pharmacist CE: 3 of max 5 h'], ['Pharmacist CE: 3 of max 5 h'], []]);
    assert.deepEqual(t.limits, ['Pharmacist CE: 3 of max 5 h']);
    const capped = transcriptOf(NOTES);
    assert.deepEqual(capped.limits, ['Pharmacist CE: 5 of max 5 h (6 h done)', 'In-service training: not accepted']);
    const rows = parseCsv(transcriptCsv(capped));
    assert.equal(rows[0][11], 'Limit');
    assert.equal(rows[2][11], 'Pharmacist CE: 5 of max 5 h (6 h done)');
    assert.equal(rows[4][11], 'In-service training: not accepted');
    const html = transcriptHtml(capped, 'en');
    assert.ok(html.includes('<h2>Limits that applied</h2>'));
    assert.ok(html.includes('<li>Pharmacist CE: 5 of max 5 h (6 h done)</li>'));
    assert.ok(!transcriptHtml(transcriptOf([ce('t.md', { completed: '2025-07-01', certificate: 'c.pdf' })]), 'en').includes('Limits that applied'));
  });

  it('flags a malformed UAN and a missing certificate', () => {
    const notes = [
      ce('bad-uan.md', { title: 'Bad UAN', uanText: '145-0000-25-101-H3-T', certificate: 'c.pdf', completed: '2026-01-01' }),
      ce('no-cert.md', { title: 'No certificate', uanText: '0145-0000-25-101-H03-T', uan: parsedUan('0145-0000-25-101-H03-T'), completed: '2026-01-02' }),
      ce('gone.md', { title: 'Gone', certificate: 'gone.pdf', completed: '2026-01-03' }),
      ce('fine.md', { title: 'Fine', certificate: 'fine.pdf', completed: '2026-01-04' }),
    ];
    const [progress] = evaluateAll(CONFIG, notes, AS_OF);
    const t = buildTranscript(progress, notes, { learnerName: '', asOf: AS_OF, generated: AS_OF, missingCertificates: ['gone.md'] });
    assert.deepEqual(t.rows.map((r) => [r.title, r.flags]), [
      ['Bad UAN', ['UAN is not valid: check it against the certificate']],
      ['No certificate', ['no certificate recorded']],
      ['Gone', ['certificate file not found']],
      ['Fine', []],
    ]);
    // A UAN that is not text at all is only known from its problem.
    const problems: Problem[] = [{ file: 'fine.md', line: 3, column: 1, severity: 'warning', code: 'uan-malformed', message: 'uan must be text' }];
    const withProblem = buildTranscript(progress, notes, { learnerName: '', asOf: AS_OF, generated: AS_OF, problems });
    assert.deepEqual(withProblem.rows[3].flags, ['UAN is not valid: check it against the certificate']);
    const rows = parseCsv(transcriptCsv(t));
    assert.equal(rows[0][12], 'To check');
    assert.equal(rows[1][12], 'UAN is not valid: check it against the certificate');
    assert.ok(transcriptHtml(t, 'en').includes('<td class="flags">no certificate recorded</td>'));
  });

  it('lists the notes with errors that are left out, each with its first error in words', () => {
    const notes = [
      ce('ok.md', { completed: '2026-01-01', certificate: 'ok.pdf' }),
      ce('notes/bad-date.md', { title: 'Bad <date>', valid: false, hours: 0, completed: undefined }),
      ce('notes/bad-hours.md', { title: 'Bad hours', valid: false, hours: 0 }),
    ];
    const problems: Problem[] = [
      { file: 'notes/bad-date.md', line: 2, column: 1, severity: 'warning', message: 'a warning first' },
      { file: 'notes/bad-date.md', line: 4, column: 12, severity: 'error', message: 'completed: 2026-06-31 is not a real date' },
    ];
    const [progress] = evaluateAll(CONFIG, notes, AS_OF);
    const t = buildTranscript(progress, notes, { learnerName: '', asOf: AS_OF, generated: AS_OF, problems });
    assert.deepEqual(t.leftOut.errors, 2);
    assert.deepEqual(t.errorNotes, [
      { path: 'notes/bad-date.md', title: 'Bad <date>', reason: 'completed: 2026-06-31 is not a real date' },
      { path: 'notes/bad-hours.md', title: 'Bad hours', reason: 'has errors' },
    ]);
    const html = transcriptHtml(t, 'en');
    assert.ok(html.includes('<h2>Left out: notes with errors</h2>'));
    assert.ok(html.includes('<tr><td>Bad &lt;date&gt;</td><td>notes/bad-date.md</td><td>completed: 2026-06-31 is not a real date</td></tr>'));
  });

  it('numbers the printed pages', () => {
    const html = transcriptHtml(transcriptOf(NOTES), 'en');
    assert.match(html, /@page \{[^]*@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
  });
});
