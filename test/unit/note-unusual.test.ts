// The note reader on hostile and unusual input: syntax errors, other engines, odd bytes and sizes.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { noteExcerpt, parseNote } from '../../src/core/notes/note';
import { ce, codes, fm, parse } from './note-helpers';

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
