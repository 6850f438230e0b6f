import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { noteExcerpt, parseNote } from '../../src/core/notes/note';
import type { CeNote } from '../../src/core/types';
import { ce, codes, fm, parse } from './note-helpers';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/workspace');

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
