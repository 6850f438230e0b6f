import { strict as assert } from 'node:assert';
import matter from 'gray-matter';
import { findFence } from '../../src/core/notes/fence';
import { FRONTMATTER_LIMIT, MAX_BLANK_RUN, MAX_NESTING, readFrontmatter } from '../../src/core/notes/frontmatter';
import { parseNote } from '../../src/core/notes/note';
import type { CeNote, Problem } from '../../src/core/types';

const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\nBody text.\n`;
const read = (text: string) => parseNote(text, 'n.md');
const only = (problems: Problem[]) => problems.map((p) => [p.severity, p.code, p.line, p.column]);

describe('fence: one rule for the reader, the edits and the editor', () => {
  it('closes at a line that is exactly --- or ..., trailing spaces allowed', () => {
    for (const close of ['---', '...', '---  ', '...\t', '---\r']) {
      const f = findFence(`---\na: 1\n${close}\nbody`);
      assert.equal(f?.closeLine, 2, JSON.stringify(close));
    }
  });

  it('does not close at ----, -----, --- x or a longer line', () => {
    for (const close of ['----', '-----', '--- x', '....', ' ---']) assert.equal(findFence(`---\na: 1\n${close}\nbody`)?.closeLine, -1, close);
  });

  it('opens with ---, ---yaml or --- and spaces, not ---- ; a BOM is skipped', () => {
    assert.equal(findFence('---yaml\na: 1\n---\n')?.language, 'yaml');
    assert.equal(findFence('\ufeff---  \na: 1\n---\n')?.start, 1);
    assert.equal(findFence('----\na: 1\n---\n'), undefined);
    assert.equal(findFence('# x\n---\n'), undefined);
  });

  it('a note closed with ----- is not a CE note: it is reported as unclosed, saying why', () => {
    const { note, problems } = read('---\nce_hours: 1\ncompleted: 2025-01-01\n-----\ncompleted: garbing steps\n');
    assert.equal(note.kind, 'broken');
    assert.match(problems[0].message, /no closing "---" line \("-----" is not one/);
  });

  it('a note closed with ... is read like one closed with ---', () => {
    const { note, problems } = read('---\nce_hours: 1\ncompleted: 2025-01-01\n...\n# T\n');
    assert.deepEqual([note.kind, note.title, problems], ['ce', 'T', []]);
  });
});

describe('frontmatter: only YAML, never code', () => {
  for (const lang of ['js', 'javascript', 'coffee', 'json', 'toml', ' js ', 'JS', 'anything']) {
    it(`refuses ---${lang} and never evaluates it`, () => {
      const g = globalThis as Record<string, unknown>;
      delete g.__pharmacyCePwned;
      const text = `---${lang}\n{ title: (globalThis.__pharmacyCePwned = 'ran', 'x'), ce_hours: 2 }\n---\nbody`;
      const { note, problems } = read(text);
      assert.deepEqual([note.kind, problems[0].code, problems[0].line], ['broken', 'unsafe-engine', 1]);
      assert.equal(g.__pharmacyCePwned, undefined);
    });
  }

  it('never fills gray-matter\'s content-keyed cache', () => {
    read(fm('title: A', 'ce_hours: 1'));
    assert.equal(Object.keys((matter as unknown as { cache: object }).cache).length, 0);
  });

  it('gives each call its own values (nothing shared between notes)', () => {
    const a = readFrontmatter(fm('topics: [law]'));
    const b = readFrontmatter(fm('topics: [law]'));
    assert.ok(a.kind === 'read' && b.kind === 'read');
    assert.notEqual(a.fm.root, b.fm.root);
  });
});

describe('frontmatter: bounded work and short messages', () => {
  it('refuses a block over the size cap, at line 1, without parsing it', () => {
    const { note, problems } = read('---\n' + 'k: v\n'.repeat(FRONTMATTER_LIMIT / 5 + 10) + '---\nbody');
    assert.equal(note.kind, 'broken');
    assert.match(problems[0].message, /larger than 4 KB/);
  });

  it('refuses a long run of blank lines (gray-matter\'s comment regex is quadratic on them)', () => {
    const { problems } = read(`---\nce_hours: 1\n${'  \n'.repeat(MAX_BLANK_RUN + 1)}---\n`);
    assert.deepEqual(only(problems), [['error', 'yaml-syntax', 3, 1]]);
    assert.match(problems[0].message, /blank lines in a row/);
    assert.equal(read(`---\nce_hours: 1\n${'\n'.repeat(MAX_BLANK_RUN)}---\n`).note.kind, 'ce');
  });

  it('refuses flow collections nested too deep, at the bracket', () => {
    const { problems } = read(`---\na: ${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}\n---\n`);
    assert.deepEqual(only(problems), [['error', 'yaml-syntax', 2, 4 + MAX_NESTING]]);
  });

  it('a file with CR-only line ends is refused with a short message, not the whole file quoted', () => {
    const text = ['---', 'title: T', 'ce_hours: 1', ...Array.from({ length: 2000 }, (_, i) => `k${i}: v`), '---', 'body'].join('\r');
    const { note, problems } = read(text);
    assert.equal(note.kind, 'broken');
    assert.equal(problems.length, 1);
    assert.ok(problems[0].message.length < 200, problems[0].message);
    assert.match(problems[0].message, /carriage return/);
  });

  it('quotes at most a short excerpt of a long wrong value, whatever the key', () => {
    const long = 'x'.repeat(3000);
    for (const line of [`ce_hours: ${long}`, `uan: ${long}`, `topics: ${long}`, `status: ${long}`, `completed: ${long}`, `${long}: 1`, `cpe_monitor: ${long}`]) {
      const { problems } = read(fm('ce_hours: 1', line).replace('ce_hours: 1\nce_hours', 'ce_hours'));
      assert.ok(problems.length > 0 || line.startsWith('x'), line.slice(0, 12));
      for (const p of problems) assert.ok(p.message.length < 300, p.message.slice(0, 100));
    }
  });

  it('a repeated key is a YAML error at the repeat', () => {
    const { note, problems } = read(fm('ce_hours: 1', 'title: A', 'ce_hours: 2'));
    assert.equal(note.kind, 'broken');
    assert.deepEqual(only(problems), [['error', 'yaml-syntax', 4, 1]]);
    assert.match(problems[0].message, /"ce_hours" is given twice/);
  });

  it('an unclosed [ is pointed at where it opened', () => {
    const { problems } = read(fm('title: A', 'topics: [law', 'completed: 2026-01-10'));
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].length], [3, 9, 4]);
    assert.match(problems[0].message, /never closed with "\]"/);
  });
});

describe('frontmatter: keys and values paired as js-yaml read them', () => {
  it('reads a flow mapping block, a ? key without a value, and an anchored list on its own line', () => {
    assert.deepEqual([read('---\n{title: T, ce_hours: 2}\n---\n').note.title, read('---\n{title: T, ce_hours: 2}\n---\n').note.kind], ['T', 'ce']);
    const explicit = read('---\n? title\nce_hours: 2\nstatus: planned\n---\n');
    assert.deepEqual([explicit.note.kind, explicit.note.keyLines.status, explicit.problems.length], ['ce', 4, 0]);
    const listed = read('---\nce_hours: 1\ntopics:\n  &t [law]\ncategory: *t\n---\n');
    assert.deepEqual([listed.note.topics, listed.problems.map((p) => p.message)], [['law'], ['category must be one of ce, college, in-service, volunteering (found "[law]").']]);
  });
});

describe('values as the note format says, not as YAML 1.1 guesses', () => {
  const hours = (value: string) => read(fm(`ce_hours: ${value}`, 'completed: 2025-01-01'));

  it('1:30 is an error with a hint, not 90 hours (and the quick fix value is 1.5)', () => {
    const { note, problems } = hours('1:30');
    assert.deepEqual([(note as CeNote).valid, (note as CeNote).hours], [false, 0]);
    assert.deepEqual(only(problems), [['error', 'bad-value', 2, 11]]);
    assert.match(problems[0].message, /write 1\.5 for 90 minutes/);
    assert.equal(problems[0].replacement, '1.5');
  });

  it('0x10, 010, 1_000, 1e3, .inf and 0o17 are errors, never counted', () => {
    for (const value of ['0x10', '010', '1_000', '1e3', '.inf', '0o17', '+.5e1', '1,5']) {
      const { note, problems } = hours(value);
      assert.equal((note as CeNote).valid, false, value);
      assert.deepEqual(only(problems), [['error', 'bad-value', 2, 11]], value);
    }
    assert.match(hours('010').problems[0].message, /write 10 without the leading zero/);
  });

  it('hours are at most 1,000 (over 100 a warning); the same bound for ceu in hours', () => {
    assert.deepEqual(only(hours('1001').problems), [['error', 'bad-value', 2, 11]]);
    assert.deepEqual(only(hours('150').problems), [['warning', 'bad-value', 2, 11]]);
    assert.equal((hours('150').note as CeNote).hours, 150);
    assert.equal((hours('1000').note as CeNote).valid, true);
    assert.deepEqual(only(read(fm('ceu: 100.1', 'completed: 2025-01-01')).problems), [['error', 'bad-value', 2, 6]]);
    assert.deepEqual([(hours('0.25').note as CeNote).hours, (hours('"1.50"').note as CeNote).hours, (hours('2.').note as CeNote).hours], [0.25, 1.5, 2]);
  });

  it('a date that does not exist is an error however it is written (line break, anchor, tag)', () => {
    for (const lines of [['completed:', '  2026-04-31'], ['completed: &d 2026-04-31'], ['completed: !!timestamp 2026-04-31'], ['completed: !!str 2026-04-31'], ['x: &d 2026-04-31', 'completed: *d']]) {
      const { note, problems } = read(fm('ce_hours: 1', ...lines));
      assert.equal((note as CeNote).completed, undefined, lines.join('|'));
      assert.ok(problems.some((p) => /April 2026 has 30 days/.test(p.message)), lines.join('|'));
    }
  });

  it('scalars keep their spelling: 1.50, a UAN variant, a title of digits, yes/no for cpe_monitor', () => {
    const { note } = read(fm('title: 007', 'ce_hours: 1.50', 'uan: 0145000024101H07T', 'cpe_monitor: Yes'));
    const n = note as CeNote;
    assert.deepEqual([n.title, n.hours, n.uanText, n.cpeMonitor], ['007', 1.5, '0145000024101H07T', true]);
  });
});
