// The note reader: dates and status, the other keys, the notes New CE Note writes, and the body's excerpt.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { summarizeBody } from '../../src/core/notes/excerpt';
import { noteTemplate } from '../../src/core/notes/note-template';
import { TOPICS } from '../../src/core/notes/topics';
import { ce, codes, fm, parse } from './note-helpers';

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
