import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { summarizeBody } from '../../src/core/notes/excerpt';
import { noteExcerpt, parseNote } from '../../src/core/notes/note';
import { noteTemplate } from '../../src/core/notes/note-template';
import { TOPICS } from '../../src/core/notes/topics';
import type { CeNote, NoteParseResult, Problem } from '../../src/core/types';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/workspace');

function parse(text: string, file = 'notes/n.md'): NoteParseResult {
  return parseNote(text, file);
}

function ce(text: string): { note: CeNote; problems: Problem[] } {
  const { note, problems } = parse(text);
  assert.equal(note.kind, 'ce', `expected a CE note, got ${note.kind}: ${JSON.stringify(problems)}`);
  return { note: note as CeNote, problems };
}

/** A CE note from frontmatter lines (keys start on line 2). */
function fm(...lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\nBody text.\n`;
}

function codes(problems: Problem[]): string[] {
  return problems.map((p) => `${p.severity}:${p.code}`);
}

describe('parseNote: the fixture notes', () => {
  const read = (name: string) => parseNote(fs.readFileSync(path.join(FIXTURE, 'notes', name), 'utf8'), `notes/${name}`);
  const excerptOf = (name: string) => noteExcerpt(fs.readFileSync(path.join(FIXTURE, 'notes', name), 'utf8'));

  it('federal-law-update: 1 h, law from the UAN topic 03, completed, no problems', () => {
    const { note, problems } = read('federal-law-update.md');
    assert.equal(note.kind, 'ce');
    const n = note as CeNote;
    assert.deepEqual([n.hours, n.status, n.completed, n.valid], [1, 'completed', '2025-06-10', true]);
    assert.deepEqual(n.topics, ['law']);
    assert.equal(n.uan?.normalized, '0145-0000-25-101-H03-T');
    assert.equal(n.cpeMonitor, true);
    assert.equal(n.certificate, '../certificates/law-2025.pdf');
    assert.equal(n.provider, 'Power-Pak C.E.');
    assert.equal(excerptOf('federal-law-update.md'), '- DSCSA serialization timelines.\n- Schedule II partial fills: up to 30 days from the written date.');
    assert.deepEqual(problems, []);
  });

  it('look-alike-sound-alike: live, patient-safety deduplicated with the UAN topic, quoted date', () => {
    const n = read('look-alike-sound-alike.md').note as CeNote;
    assert.deepEqual([n.hours, n.format, n.audience, n.completed], [2, 'live', 'technician', '2026-02-01']);
    assert.deepEqual(n.topics, ['patient-safety']);
    assert.equal(n.title, 'Look-Alike, Sound-Alike Drugs: Preventing Mix-ups');
    assert.equal(n.keyLines.title, 3, 'the comment line is skipped, lines stay right');
  });

  it('sterile-compounding-refresher: ceu 0.3 is exactly 3 h', () => {
    const n = read('sterile-compounding-refresher.md').note as CeNote;
    assert.equal(n.hours, 3);
    assert.deepEqual(n.topics, ['sterile-compounding', 'compounding']);
    assert.deepEqual(n.tags, ['cspt']);
  });

  it('diabetes-pharmacotherapy: 6 h pharmacist CE', () => {
    const n = read('diabetes-pharmacotherapy.md').note as CeNote;
    assert.deepEqual([n.hours, n.audience, n.valid], [6, 'pharmacist', true]);
  });

  it('store-in-service: in-service category; pharmacy-lw is an unknown topic, law suggested at its column', () => {
    const { note, problems } = read('store-in-service.md');
    assert.equal((note as CeNote).category, 'in-service');
    assert.equal((note as CeNote).valid, true);
    assert.equal(problems.length, 1);
    assert.deepEqual(
      { line: problems[0].line, column: problems[0].column, length: problems[0].length, code: problems[0].code, replacement: problems[0].replacement, severity: problems[0].severity },
      { line: 5, column: 9, length: 11, code: 'unknown-topic', replacement: 'law', severity: 'warning' },
    );
    assert.match(problems[0].message, /"law"/);
    // Plain words: no "topic keys" (a programmer's term) in what a technician reads.
    assert.equal(problems[0].message, 'Unknown topic "pharmacy-lw": did you mean "law"? Only topics from the list count toward a required topic such as pharmacy law.');
  });

  it('immunization-basics: planned, not completed', () => {
    const n = read('immunization-basics.md').note as CeNote;
    assert.deepEqual([n.status, n.completed, n.hours], ['planned', undefined, 1.5]);
  });

  it('bad-hours: negative hours and 2026-04-31 are errors; the note is invalid with 0 h', () => {
    const { note, problems } = read('bad-hours.md');
    const n = note as CeNote;
    assert.deepEqual([n.kind, n.valid, n.hours], ['ce', false, 0]);
    assert.deepEqual(codes(problems), ['error:bad-value', 'error:bad-value']);
    assert.deepEqual(problems.map((p) => [p.line, p.column]), [[3, 11], [4, 12]]);
    assert.match(problems[1].message, /April 2026 has 30 days/);
  });

  it('broken-yaml: a broken note with a YAML error on a line of the frontmatter; its title still shows', () => {
    const { note, problems } = read('broken-yaml.md');
    assert.equal(note.kind, 'broken');
    assert.equal(note.title, 'Opioid Stewardship');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'yaml-syntax');
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length], [3, 11, 2]);
  });

  it('top-200-drugs: a study note titled by its heading, no problem', () => {
    const { note, problems } = read('top-200-drugs.md');
    assert.equal(note.kind, 'study');
    assert.equal(note.title, 'Top 200 Drugs: Cardiovascular');
    assert.equal(excerptOf('top-200-drugs.md'), 'Study card, not a CE activity: no frontmatter.');
    assert.deepEqual(problems, []);
  });
});

describe('parseNote: title', () => {
  it('uses title, else the first # heading, else the file name', () => {
    assert.equal(parse(fm('title: From key', 'ce_hours: 1')).note.title, 'From key');
    assert.equal(parse('---\nce_hours: 1\n---\n## Not this\n# From heading #\n').note.title, 'From heading');
    assert.equal(parse('---\nce_hours: 1\n---\nNo heading\n', 'a/b/My Course.md').note.title, 'My Course');
    assert.equal(parse('', 'x/.hidden').note.title, '.hidden');
  });

  it('ignores headings inside code fences and takes numbers or dates as written', () => {
    assert.equal(parse('```\n# code\n```\n# Real\n').note.title, 'Real');
    assert.equal(parse(fm('title: 2025', 'ce_hours: 1')).note.title, '2025');
    assert.equal(parse(fm('title: 2025-01-01', 'ce_hours: 1')).note.title, '2025-01-01');
  });
});

describe('parseNote: hours', () => {
  it('accepts a number or a numeric string', () => {
    assert.equal(ce(fm('ce_hours: 1.5')).note.hours, 1.5);
    assert.equal(ce(fm('ce_hours: "2"')).note.hours, 2);
    assert.equal(ce(fm('ce_hours: 0')).note.hours, 0);
  });

  it('converts CEUs to contact hours without float noise (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), (hundredths) => {
        const ceu = hundredths / 100;
        const { note, problems } = ce(fm(`ceu: ${ceu}`));
        assert.equal(note.hours, hundredths / 10);
        assert.deepEqual(problems, []);
      }),
      { numRuns: 300 },
    );
  });

  it('warns when ce_hours and ceu disagree, offering the hours implied by ceu', () => {
    const { note, problems } = ce(fm('ce_hours: 2', 'ceu: 0.15'));
    assert.equal(note.hours, 2);
    assert.equal(note.valid, true);
    assert.deepEqual(codes(problems), ['warning:ceu-mismatch']);
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].replacement], [2, 11, '1.5']);
    assert.deepEqual(ce(fm('ce_hours: 1.5', 'ceu: 0.15')).problems, []);
  });

  it('rejects negative, non-numeric and infinite hours as errors at the value', () => {
    for (const [line, message] of [
      ['ce_hours: -1', /negative/],
      ['ce_hours: two', /number of contact hours/],
      ['ce_hours: "2 hours"', /"2 hours"/],
      ['ce_hours: .inf', /number/],
      ['ce_hours: [1, 2]', /a list|number/],
      ['ceu: -0.1', /negative/],
    ] as const) {
      const { note, problems } = ce(fm('title: T', line, 'completed: 2025-01-01'));
      assert.equal(note.valid, false, line);
      assert.equal(note.hours, 0, line);
      assert.equal(problems[0].code, 'bad-value', line);
      assert.equal(problems[0].line, 3, line);
      assert.match(problems[0].message, message, line);
    }
  });

  it('an empty hours value is fine for a planned activity, an error once completed', () => {
    const planned = ce(fm('ce_hours:', 'status: planned'));
    assert.deepEqual([planned.note.valid, planned.note.hours, planned.problems.length], [true, 0, 0]);
    const done = ce(fm('ce_hours:', 'completed: 2025-03-01'));
    assert.equal(done.note.valid, false);
    assert.match(done.problems[0].message, /empty/);
  });
});

describe('parseNote: what a note with an error still shows', () => {
  it('keeps hours 0 (nothing counts it) but carries the hours as written and its errors in file order', () => {
    const { note, problems } = parseNote(fs.readFileSync(path.join(FIXTURE, 'notes', 'bad-hours.md'), 'utf8'), 'notes/bad-hours.md');
    const n = note as CeNote;
    assert.deepEqual([n.valid, n.hours, n.writtenHours], [false, 0, -2]);
    assert.deepEqual(n.errors, problems.map((p) => p.message));
    assert.match(n.errors?.[1] ?? '', /^completed: 2026-04-31 is not a real date/);
  });

  it('reads written hours from ce_hours, else ceu in contact hours; none when no number is written', () => {
    const hours = (line: string) => ce(fm('title: T', line, 'completed: 2025-02-30')).note.writtenHours;
    assert.equal(hours('ce_hours: 1.5'), 1.5);
    assert.equal(hours('ceu: 0.3'), 3);
    assert.equal(hours('ce_hours: "2"'), 2);
    assert.equal(hours('ce_hours: two'), undefined);
    assert.equal(hours('ce_hours: 0x10'), undefined);
    assert.equal(hours('ce_hours:'), undefined);
  });

  it('a valid note carries neither', () => {
    const { note } = ce(fm('title: T', 'ce_hours: 1', 'completed: 2025-02-03'));
    assert.equal(note.valid, true);
    assert.ok(!('writtenHours' in note) && !('errors' in note));
  });

  it('sums up errors beyond the third in one line', () => {
    const { note } = ce(fm('title: T', 'ce_hours: -1', 'completed: 2025-02-30', 'status: done', 'format: online', 'audience: tech'));
    assert.equal(note.valid, false);
    assert.equal(note.errors?.length, 3, JSON.stringify(note.errors));
    assert.match(note.errors?.[2] ?? '', /^\.\.\.and \d+ more errors\.$/);
  });
});

describe('parseNote: study notes', () => {
  it('no frontmatter, empty file, BOM only, or frontmatter without hours: a study note and no problem', () => {
    for (const text of ['Just text', '', '\ufeff', fm('title: Reading list', 'tags: [study]', 'topics: [law]'), '---\n---\n']) {
      const { note, problems } = parse(text);
      assert.equal(note.kind, 'study', JSON.stringify(text));
      assert.deepEqual(problems, []);
    }
    const study = parse(fm('title: Reading list', 'tags: a, b', 'topics: [Patient Safety, oncology]')).note;
    assert.deepEqual(study.tags, ['a', 'b']);
    assert.deepEqual(study.topics, ['patient-safety', 'oncology']);
  });

  it('does not check a study note\'s values: its frontmatter is the user\'s own', () => {
    const { problems } = parse(fm('status: draft', 'completed: someday', 'format: whatever', 'date: 2025-01-01'));
    assert.deepEqual(problems, []);
  });

  it('does warn about a misspelt hours key, which silently made it a study note', () => {
    const { note, problems } = parse(fm('title: T', 'ce_hour: 2'));
    assert.equal(note.kind, 'study');
    assert.deepEqual(codes(problems), ['warning:unknown-key']);
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length, problems[0].replacement], [3, 1, 7, 'ce_hours']);
    assert.match(problems[0].message, /study note/);
    assert.equal(parse(fm('hours: 2')).problems[0].replacement, 'ce_hours');
    assert.equal(parse(fm('ceus: 0.2')).problems[0].replacement, 'ceu');
    // Other near-misses in a study note are the user's own keys (Obsidian's legacy `tag`, for one).
    assert.deepEqual(parse(fm('tag: x', 'titel: y', 'topic: law')).problems, []);
  });
});

describe('parseNote: topics', () => {
  it('takes a list, one string or a comma-separated string, normalized and deduplicated', () => {
    assert.deepEqual(ce(fm('ce_hours: 1', 'topics: [law, Patient Safety, law]')).note.topics, ['law', 'patient-safety']);
    assert.deepEqual(ce(fm('ce_hours: 1', 'topics: law')).note.topics, ['law']);
    assert.deepEqual(ce(fm('ce_hours: 1', 'topics: law, patient_safety')).note.topics, ['law', 'patient-safety']);
    assert.deepEqual(ce(fm('ce_hours: 1')).note.topics, []);
  });

  it('warns at each unknown item with the nearest key as replacement', () => {
    const { note, problems } = ce(fm('ce_hours: 1', 'topics:', '  - law', '  - pateint-safety', '  - oncology'));
    assert.deepEqual(note.topics, ['law', 'pateint-safety', 'oncology']);
    assert.equal(note.valid, true);
    assert.deepEqual(codes(problems), ['warning:unknown-topic', 'warning:unknown-topic']);
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length, problems[0].replacement], [5, 5, 14, 'patient-safety']);
    assert.equal(problems[1].line, 6);
    assert.equal(problems[1].replacement, undefined);
  });

  it('points at the right part of a comma-separated string', () => {
    const { problems } = ce(fm('ce_hours: 1', 'topics: "law, compundng"'));
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length, problems[0].replacement], [3, 15, 9, 'compounding']);
  });

  it('adds the UAN topic', () => {
    assert.deepEqual(ce(fm('ce_hours: 1', 'topics: [general]', 'uan: 0145-0000-25-101-H05-T')).note.topics, ['general', 'patient-safety']);
  });

  it('rejects a mapping as topics or a list inside the list', () => {
    const map = ce(fm('ce_hours: 1', 'topics: {a: 1}'));
    assert.equal(map.note.valid, false);
    const nested = ce(fm('ce_hours: 1', 'topics: [law, [x]]'));
    assert.equal(nested.note.valid, false);
    assert.deepEqual(nested.note.topics, ['law']);
  });
});

describe('parseNote: UAN', () => {
  it('gives format and audience when those keys are absent', () => {
    const n = ce(fm('ce_hours: 1', 'uan: 0145-0000-24-101-L07-P')).note;
    assert.deepEqual([n.format, n.audience, n.uanText], ['live', 'pharmacist', '0145-0000-24-101-L07-P']);
  });

  it('defaults to home-study and technician without UAN or keys, and for a blended UAN', () => {
    const n = ce(fm('ce_hours: 1')).note;
    assert.deepEqual([n.format, n.audience, n.category], ['home-study', 'technician', 'ce']);
    assert.equal(ce(fm('ce_hours: 1', 'uan: 0145-0000-24-101-B07-T')).note.format, 'home-study');
  });

  it('warns about a tolerated variant with the normalized form as replacement', () => {
    const { note, problems } = ce(fm('ce_hours: 1', 'uan: 202-0000-21-278-H04-P'));
    assert.equal(note.uan?.normalized, '0202-0000-21-278-H04-P');
    assert.deepEqual(codes(problems), ['warning:uan-variant']);
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length, problems[0].replacement], [3, 6, 21, '0202-0000-21-278-H04-P']);
    assert.equal(ce(fm('ce_hours: 1', 'uan: 0202000013105l04p')).problems[0].replacement, '0202-0000-13-105-L04-P');
  });

  it('warns about a malformed UAN; the note still counts by its hours', () => {
    const { note, problems } = ce(fm('ce_hours: 2', 'uan: 0145-00-24-101-H07-T', 'completed: 2025-01-01'));
    assert.deepEqual([note.valid, note.hours, note.uan, note.uanText], [true, 2, undefined, '0145-00-24-101-H07-T']);
    assert.deepEqual(codes(problems), ['warning:uan-malformed']);
  });

  it('warns when format or audience contradict the UAN; the written key wins', () => {
    const { note, problems } = ce(fm('ce_hours: 1', 'uan: 0145-0000-24-101-L07-P', 'format: home-study', 'audience: technician'));
    assert.deepEqual([note.format, note.audience], ['home-study', 'technician']);
    assert.deepEqual(codes(problems), ['warning:uan-mismatch', 'warning:uan-mismatch']);
    assert.deepEqual(problems.map((p) => [p.line, p.replacement]), [[4, 'live'], [5, 'pharmacist']]);
  });
});

describe('parseNote: dates and status', () => {
  it('reads completed quoted or not, and a date with a time as the date written', () => {
    assert.equal(ce(fm('ce_hours: 1', 'completed: 2025-06-10')).note.completed, '2025-06-10');
    assert.equal(ce(fm('ce_hours: 1', "completed: '2025-06-10'")).note.completed, '2025-06-10');
    assert.equal(ce(fm('ce_hours: 1', 'completed: 2025-06-10T22:30:00-05:00')).note.completed, '2025-06-10');
  });

  it('never shifts a date, whatever the time zone (property over zones and dates)', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Kolkata', 'UTC']) {
        process.env.TZ = zone;
        fc.assert(
          fc.property(fc.date({ min: new Date(Date.UTC(1960, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }), (d) => {
            const date = d.toISOString().slice(0, 10);
            assert.equal(ce(fm('ce_hours: 1', `completed: ${date}`)).note.completed, date);
            assert.equal(ce(fm('ce_hours: 1', `completed: "${date}"`)).note.completed, date);
          }),
          { numRuns: 50 },
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('rejects impossible or unreadable dates as errors (YAML would roll 2026-04-31 over to May 1)', () => {
    for (const value of ['2026-04-31', '2025-02-29', '"2026-13-01"', 'last week', '2026/01/10', '20260110', '0026-01-10', '[2026-01-10]']) {
      const { note, problems } = ce(fm('ce_hours: 1', `completed: ${value}`));
      assert.equal(note.valid, false, value);
      assert.equal(note.completed, undefined, value);
      assert.equal(note.status, 'completed', value);
      assert.deepEqual(codes(problems), ['error:bad-value'], value);
      assert.equal(problems[0].line, 3);
    }
    assert.equal(ce(fm('ce_hours: 1', 'completed: 2024-02-29')).note.valid, true);
  });

  it('reads a date the same, with the same problem at the same place, unquoted (a YAML date) or quoted', () => {
    // Unquoted real dates are read by the plain scanner; impossible ones and years below 1000 go through js-yaml.
    for (const date of ['2026-01-15', '2024-02-29', '1949-12-31', '1950-01-01', '2099-12-31', '2100-01-01', '1000-01-01', '0999-12-31', '0026-01-10', '2026-04-31', '2025-02-29', '2026-00-10', '2026-01-00']) {
      const plain = ce(fm('ce_hours: 1', `completed: ${date}`));
      const quoted = ce(fm('ce_hours: 1', `completed: "${date}"`));
      assert.deepEqual([plain.note.completed, plain.note.valid], [quoted.note.completed, quoted.note.valid], date);
      assert.deepEqual(
        plain.problems.map((p) => [p.line, p.column, p.message]),
        quoted.problems.map((p) => [p.line, p.column, p.message]),
        date,
      );
    }
    assert.equal(ce(fm('ce_hours: 1', 'completed: 2099-12-31')).note.completed, '2099-12-31');
    assert.match(ce(fm('ce_hours: 1', 'completed: 1949-12-31')).problems[0].message, /unlikely year/);
    assert.match(ce(fm('ce_hours: 1', 'completed: 2025-02-29')).problems[0].message, /February 2025 has 28 days/);
  });

  it('status: planned by default, completed when dated; unknown values are errors listing the allowed ones', () => {
    assert.equal(ce(fm('ce_hours: 1')).note.status, 'planned');
    assert.equal(ce(fm('ce_hours: 1', 'completed: 2025-01-01')).note.status, 'completed');
    assert.equal(ce(fm('ce_hours: 1', 'status: In Progress')).note.status, 'in-progress');
    const bad = ce(fm('ce_hours: 1', 'status: done'));
    assert.equal(bad.note.valid, false);
    assert.match(bad.problems[0].message, /planned, in-progress, completed/);
    assert.equal(ce(fm('ce_hours: 1', 'status: complete')).problems[0].replacement, 'completed');
  });

  it('status completed without a date is an error: the credit needs its day', () => {
    const { note, problems } = ce(fm('ce_hours: 1', 'status: completed'));
    assert.deepEqual([note.valid, note.status], [false, 'completed']);
    assert.deepEqual([problems[0].code, problems[0].line, problems[0].column], ['bad-value', 3, 9]);
  });

  it('a planned status with a completed date is kept, with a warning offering completed', () => {
    const { note, problems } = ce(fm('ce_hours: 1', 'status: planned', 'completed: 2025-01-01'));
    assert.deepEqual([note.status, note.completed, note.valid], ['planned', '2025-01-01', true]);
    assert.deepEqual(codes(problems), ['warning:bad-value']);
    assert.equal(problems[0].replacement, 'completed');
  });
});

describe('parseNote: other keys', () => {
  it('format, audience and category: lenient spelling, errors listing allowed values', () => {
    const n = ce(fm('ce_hours: 1', 'format: Home Study', 'audience: Pharmacist', 'category: in_service')).note;
    assert.deepEqual([n.format, n.audience, n.category, n.valid], ['home-study', 'pharmacist', 'in-service', true]);
    for (const [line, allowed, fix] of [
      ['format: webinar', /live, home-study/, undefined],
      ['audience: tech', /technician, pharmacist/, 'technician'],
      ['category: conference', /ce, college, in-service, volunteering/, undefined],
      ['format: 3', /live, home-study/, undefined],
    ] as const) {
      const { note, problems } = ce(fm('ce_hours: 1', line));
      assert.equal(note.valid, false, line);
      assert.match(problems[0].message, allowed, line);
      assert.equal(problems[0].replacement, fix, line);
      assert.deepEqual([problems[0].line, problems[0].column], [3, line.indexOf(':') + 3], line);
    }
  });

  it('credentials: a list or one id; empty is a warning; absent means all', () => {
    assert.deepEqual(ce(fm('ce_hours: 1', 'credentials: [ptcb-cpht, tx]')).note.credentials, ['ptcb-cpht', 'tx']);
    assert.deepEqual(ce(fm('ce_hours: 1', 'credentials: tx')).note.credentials, ['tx']);
    assert.equal(ce(fm('ce_hours: 1')).note.credentials, undefined);
    const empty = ce(fm('ce_hours: 1', 'credentials: []'));
    assert.deepEqual(empty.note.credentials, []);
    assert.deepEqual(codes(empty.problems), ['warning:bad-value']);
    const bad = ce(fm('ce_hours: 1', 'credentials:', '  - tx', '  - {id: x}'));
    assert.equal(bad.note.valid, false);
    assert.equal(bad.problems[0].line, 5);
  });

  it('certificate, provider, tags, cpe_monitor', () => {
    const n = ce(fm('ce_hours: 1', 'certificate: ../c.pdf', 'provider: 3M', 'tags: [a, 2025]', 'cpe_monitor: yes')).note;
    assert.deepEqual([n.certificate, n.provider, n.tags, n.cpeMonitor], ['../c.pdf', '3M', ['a', '2025'], true]);
    assert.equal(ce(fm('ce_hours: 1', 'cpe_monitor: false')).note.cpeMonitor, false);
    for (const line of ['certificate: [a]', 'provider: {a: 1}', 'cpe_monitor: maybe', 'tags: {a: 1}']) {
      const { note, problems } = ce(fm('ce_hours: 1', line));
      assert.equal(note.valid, false, line);
      assert.equal(problems[0].code, 'bad-value', line);
    }
  });

  it('flags keys that look like typos of known keys, and leaves the user\'s own keys alone', () => {
    const { problems, note } = ce(fm('ce_hours: 1', 'complete: 2025-01-01', 'Title: X', 'tpoics: [law]', 'url: https://x', 'state: TX', 'author: Me', 'notes: x'));
    assert.equal(note.valid, true);
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.replacement]), [
      ['unknown-key', 3, 'completed'],
      ['unknown-key', 4, 'title'],
      ['unknown-key', 5, 'topics'],
    ]);
    const dated = ce(fm('ce_hours: 1', 'date: 2025-01-01'));
    assert.equal(dated.problems[0].replacement, 'completed');
    assert.match(dated.problems[0].message, /planned/);
  });

  it('keyLines and frontmatter lines', () => {
    const { note } = ce('---\ntitle: T\nce_hours: 1\ntopics:\n  - law\ncompleted: 2025-01-01\n---\nbody');
    assert.deepEqual(note.keyLines, { title: 2, ce_hours: 3, topics: 4, completed: 6 });
    assert.deepEqual(note.frontmatter, { startLine: 1, endLine: 7 });
    assert.equal(parse('no frontmatter').note.frontmatter, undefined);
  });
});

describe('parseNote: hostile and unusual input', () => {
  it('a YAML syntax error makes a broken note with the error at its file line', () => {
    const { note, problems } = parse('---\ntitle: T\nce_hours: 1\ntopics: [law\n---\nbody');
    assert.equal(note.kind, 'broken');
    assert.equal(problems[0].code, 'yaml-syntax');
    assert.equal(problems[0].severity, 'error');
    assert.deepEqual([problems[0].line, problems[0].column], [4, 9]);
  });

  it('a JavaScript frontmatter is refused and never runs', () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__noteJsRan;
    for (const lang of ['js', 'javascript', 'coffee']) {
      const { note, problems } = parse(`---${lang}\n{ ce_hours: (globalThis.__noteJsRan = true, 20) }\n---\nbody`);
      assert.equal(note.kind, 'broken');
      assert.deepEqual(codes(problems), ['error:unsafe-engine']);
    }
    assert.equal(g.__noteJsRan, undefined);
    // The refused block is never shown as text either; the body after it still gives title and excerpt.
    const refused = '---js\n{ ce_hours: 20 }\n---\n# Real title\n\nBody para.';
    const { note } = parse(refused);
    assert.deepEqual([note.title, noteExcerpt(refused), note.frontmatter?.endLine], ['Real title', 'Body para.', 3]);
  });

  it('a binary file named .md is a broken note, not a crash', () => {
    const { note, problems } = parse('PK\u0003\u0004\u0000\u0000garbage', 'notes/archive.md');
    assert.equal(note.kind, 'broken');
    assert.equal(note.title, 'archive');
    assert.deepEqual(codes(problems), ['error:unreadable']);
    assert.match(problems[0].message, /not a text file/);
  });

  it('a BOM and CRLF line endings keep lines and columns right', () => {
    const text = '\ufeff---\r\ntitle: T\r\nce_hours: -1\r\ncompleted: 2025-01-01\r\n---\r\n# H\r\n\r\nFirst para.\r\n';
    const { note, problems } = parse(text);
    assert.equal(note.kind, 'ce');
    assert.deepEqual(note.keyLines, { title: 2, ce_hours: 3, completed: 4 });
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length], [3, 11, 2]);
    assert.equal(noteExcerpt(text), 'First para.');
  });

  it('a YAML error after a BOM and CRLF lines is still on the right line', () => {
    const { note, problems } = parse('\ufeff---\r\ntitle: T\r\nce_hours: 1\r\nbad: [x\r\nnext: 1\r\n---\r\nbody');
    assert.equal(note.kind, 'broken');
    assert.deepEqual([problems[0].line, problems[0].column], [4, 6]);
    // The parser places this one at the colon of the over-indented key.
    const indent = parse('\ufeff---\r\ntitle: T\r\n  oops: 1\r\n---\r\n').problems[0];
    assert.deepEqual([indent.line, indent.column], [3, 7]);
  });

  it('accepts an explicit ---yaml opening line, or --- and a space pasted from a web page', () => {
    assert.equal(ce('---yaml\nce_hours: 2\n---\n').note.hours, 2);
    // An anchor sends the block to js-yaml, which must see a plain opening line too.
    for (const opening of ['---yaml', '---\u00a0', '--- ', '---yaml\r']) {
      const { note, problems } = ce(`${opening}\nce_hours: 2\nextra: &a 1\n---\n`);
      assert.deepEqual([note.hours, problems.length], [2, 0], JSON.stringify(opening));
    }
    // Errors keep their lines.
    const broken = parse('---\u00a0\ntitle: T\nce_hours: [2\n---\n');
    assert.deepEqual([broken.note.kind, broken.problems[0].line], ['broken', 3]);
  });

  it('thousands of unknown topics or bad list items report 5 problems of each kind, then one summary', () => {
    const topics = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const { note, problems } = ce(fm('ce_hours: 1', `topics: [${topics.join(', ')}]`, `tags: [${topics.slice(0, 150).map(() => '{a: 1}').join(', ')}]`));
    assert.equal(note.topics.length, 300);
    assert.equal(problems.filter((p) => p.code === 'unknown-topic').length, 5);
    assert.equal(problems.filter((p) => p.code === 'bad-value').length, 5);
    assert.deepEqual(problems.filter((p) => p.code === undefined).map((p) => p.message), ['...and 295 more unknown topics in this note.', '...and 145 more wrong values in this note.']);
    assert.equal(note.valid, false);
  });

  it('caps misspelt-key warnings at 5 and one summary', () => {
    // 200 spellings of `credentials` in mixed case: each one a warning before the cap.
    const keys = Array.from({ length: 200 }, (_, n) => [...'credentials'].map((c, i) => ((n >> i) & 1 ? c.toUpperCase() : c)).join(''));
    const { problems } = ce(fm('ce_hours: 1', ...keys.slice(1).map((k) => `${k}: x`)));
    assert.equal(problems.filter((p) => p.code === 'unknown-key').length, 5);
    assert.deepEqual(problems.filter((p) => p.code === undefined).map((p) => [p.message, p.line]), [['...and 194 more unknown keys in this note.', 8]]);
  });

  it('deeply nested YAML is a broken note, not a crash', () => {
    const { note, problems } = parse('---\na: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n---\n');
    assert.equal(note.kind, 'broken');
    assert.equal(problems[0].code, 'yaml-syntax');
  });

  it('a 5 MB note is read within a generous bound (speed itself is measured by npm run bench)', () => {
    const body = '# Big\n\n' + 'Lorem ipsum dolor sit amet. '.repeat(190_000);
    for (const text of [fm('ce_hours: 1', 'completed: 2025-01-01') + body, '---\n' + body, 'x'.repeat(5_000_000), '---\ntitle: unclosed\n' + body]) {
      const start = process.hrtime.bigint();
      parse(text);
      const excerpt = noteExcerpt(text);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.ok(ms < 1000, `${ms} ms`);
      assert.ok(excerpt.length <= 310);
    }
  });

  it('never throws, and every problem points inside the file (property)', () => {
    const piece = fc.constantFrom('---', '---js', '\n', '\r\n', 'ce_hours: ', 'ceu: ', 'title: ', 'topics: ', '- ', '[', ']', '{', '"', "'", ':', '#', 'completed: ', '2026-02-30', 'uan: ', '0145-0000-24-101-H07-T', 'status: ', 'x', '1.5', '\ufeff', '\u0000', ' ', '  - law', '## Key points', '```');
    const keys = ['title', 'ce_hours', 'ceu', 'topics', 'uan', 'completed', 'status', 'format', 'audience', 'category', 'credentials', 'certificate', 'provider', 'tags', 'cpe_monitor', 'ce_hour', 'Title', 'date', 'x'];
    const values = ['', '1', '-1', '0.3', '"2"', 'abc', '[law, x]', '[', '{a: 1}', '2026-04-31', '2025-01-01', '"2025-01-01"', 'true', 'planned', 'completed', 'live', 'Home Study', 'pharmacist', 'in-service', '0145-0000-24-101-H07-T', '202-0000-21-278-H04-P', '~', '|', '"a\\"b"', 'law, pateint-safety', '[[a]]', '- x', '&a 1', '*a'];
    const line = fc.oneof(
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...values)).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(fc.constantFrom(...keys), fc.array(fc.constantFrom(...values), { maxLength: 3 })).map(([k, items]) => [`${k}:`, ...items.map((i) => `  - ${i}`)].join('\n')),
      fc.constantFrom('# c', '', '  x', '- y', '\t', 'k: v # c'),
    );
    const structured = fc
      .tuple(fc.constantFrom('---', '\ufeff---', '---yaml', '---js'), fc.array(line, { maxLength: 8 }), fc.constantFrom('---', '----', ''), fc.constantFrom('', '# H\n\nPara.', '## Key points\n- a\n'), fc.boolean())
      .map(([open, lines, close, body, crlf]) => {
        const t = `${open}\n${lines.join('\n')}\n${close}\n${body}`;
        return crlf ? t.replace(/\n/g, '\r\n') : t;
      });
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), structured);
    fc.assert(
      fc.property(text, (t) => {
        const { note, problems } = parseNote(t, 'p.md');
        const lines = (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t).split('\n').map((l) => l.replace(/\r$/, ''));
        assert.ok(['ce', 'study', 'broken'].includes(note.kind));
        for (const p of problems) {
          assert.ok(p.line >= 1 && p.line <= lines.length, `line ${p.line} of ${lines.length}`);
          const lineText = lines[p.line - 1];
          assert.ok(p.column >= 1 && p.column <= lineText.length + 1, `column ${p.column} on "${lineText}"`);
          assert.ok(!p.length || p.column - 1 + p.length <= lineText.length, `length ${p.length} on "${lineText}"`);
          assert.equal(p.file, 'p.md');
          assert.ok(p.message.length > 0 && !p.message.includes('undefined'), p.message);
        }
        if (note.kind === 'ce') {
          assert.equal(note.valid, !problems.some((p) => p.severity === 'error'));
          assert.ok(Number.isFinite(note.hours) && note.hours >= 0);
          if (!note.valid) assert.equal(note.hours, 0);
        }
      }),
      { numRuns: 4000 },
    );
  });
});

describe('parseNote: notes written by New CE Note', () => {
  it('parse as valid CE notes with exactly the fields given and no problem (property)', () => {
    const fields = fc.record({
      title: fc.string({ minLength: 1, maxLength: 60 }).filter((t) => t.trim() !== '' && !/[\r\n]/.test(t)),
      hours: fc.integer({ min: 1, max: 4000 }).map((n) => n / 100),
      topics: fc.uniqueArray(fc.constantFrom(...TOPICS.map((t) => t.key)), { maxLength: 3 }),
      completed: fc.option(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
      format: fc.option(fc.constantFrom('live' as const, 'home-study' as const), { nil: undefined }),
      provider: fc.option(fc.string({ maxLength: 30 }).filter((t) => !/[\r\n]/.test(t)), { nil: undefined }),
    });
    fc.assert(
      fc.property(fields, fc.constantFrom('\n', '\r\n'), (f, eol) => {
        const { note, problems } = ce(noteTemplate(f, eol));
        assert.deepEqual(problems, []);
        assert.equal(note.title, f.title.trim());
        assert.equal(note.hours, f.hours);
        assert.deepEqual(note.topics, f.topics);
        assert.equal(note.completed, f.completed);
        assert.equal(note.status, f.completed ? 'completed' : 'planned');
        assert.equal(note.format, f.format ?? 'home-study');
        assert.equal(note.provider, f.provider?.trim() || undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('summarizeBody (excerpt)', () => {
  it('prefers the Key points section, up to the next heading of its level', () => {
    const s = summarizeBody('# T\n\nIntro para.\n\n## Key Points\n- one\n- two\n### Sub\n- three\n## Next\nafter');
    assert.equal(s.heading, 'T');
    assert.equal(s.excerpt, '- one\n- two\n### Sub\n- three');
  });

  it('else the first paragraph, skipping headings, comments and code', () => {
    const s = summarizeBody('# T\n<!-- hidden\nstill -->\n```\ncode\n```\nFirst line\nsecond line.\n\nOther paragraph.');
    assert.equal(s.excerpt, 'First line second line.');
  });

  it('shortens long text at a word boundary with an ellipsis', () => {
    const long = summarizeBody(('word '.repeat(100)).trim());
    assert.ok(long.excerpt.length <= 301);
    assert.ok(long.excerpt.endsWith('word…'));
    const points = summarizeBody('## Key points\n' + '- a fairly long point about law\n'.repeat(30));
    assert.ok(points.excerpt.length <= 402);
    assert.ok(points.excerpt.endsWith('\n…'));
  });

  it('skips a Key points section that holds only empty bullets (a fresh template)', () => {
    assert.equal(summarizeBody('# T\n\n## Key points\n\n- \n\n## Notes\n\n').excerpt, '');
    assert.equal(summarizeBody('# T\nIntro.\n\n## Key points\n- \n1.\n').excerpt, 'Intro.');
  });

  it('is empty for an empty body', () => {
    assert.deepEqual(summarizeBody(''), { heading: undefined, excerpt: '' });
  });
});
