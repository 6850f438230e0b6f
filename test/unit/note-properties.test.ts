// Properties of the one reader and its edits on generated notes in many YAML styles.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { completeNote, markCompletedEdits } from '../../src/core/notes/edit';
import { readFrontmatter } from '../../src/core/notes/frontmatter';
import { parseNote } from '../../src/core/notes/note';

const DATE = '2026-11-25';

/** A note's frontmatter entries in one of many styles, `indent` before each top-level key. */
function noteArbitrary(): fc.Arbitrary<string> {
  const status = fc.constantFrom('status: planned', "status: 'in-progress'", 'status: "planned"', 'status:', 'status: # later', 'status: &s planned', 'status: !!str planned', 'status: |\n  planned', '? status\n: planned', 'status: [planned]', 'status:\n  - planned', 'status: planned # c', 'status: completed');
  const completed = fc.constantFrom('completed: 2025-01-01', 'completed: "2025-01-01"', "completed: '2026-04-31'", 'completed:', 'completed: # not yet', 'completed:\n  2025-01-01', 'completed: &d 2025-01-01', 'completed: !!timestamp 2025-01-01');
  const other = fc.constantFrom(
    'title: Law update',
    'title: "A: B # not a comment"',
    "title: 'It''s'",
    'ce_hours: 1.5',
    'ceu: 0.2',
    'topics: [law, patient-safety]',
    'topics:\n  - law\n  - compounding',
    'tags: {a: 1}',
    '# a comment',
    '',
    'x: &a 1',
    'y: *a',
    "summary: 'Reviewed the policy.\n  completed: the quiz'",
    "summary: 'Reviewed the policy.\ncompleted: the quiz'",
    'notes: >\n  status: folded\n  text',
    'extra: value',
    '? explicit\n: key',
    'meta:\n  status: nested\n  completed: 2020-01-01',
  );
  const entry = fc.oneof({ arbitrary: other, weight: 3 }, { arbitrary: status, weight: 1 }, { arbitrary: completed, weight: 1 });
  return fc
    .record({
      bom: fc.boolean(),
      opening: fc.constantFrom('---', '---yaml', '---  '),
      entries: fc.array(entry, { maxLength: 8 }),
      indent: fc.constantFrom('', '', '  '),
      closing: fc.constantFrom('---', '---', '...', '-----', '--- x', '---  '),
      body: fc.constantFrom('', 'completed: garbing steps\n', '# Title\nstatus: planned\n', 'Body.'),
      crlf: fc.boolean(),
    })
    .map(({ bom, opening, entries, indent, closing, body, crlf }) => {
      const lines = entries.join('\n').split('\n').map((l) => (l === '' ? l : indent + l));
      const text = `${opening}\n${[...lines, closing].join('\n')}\n${body}`;
      return (bom ? '\ufeff' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
    });
}

/** The scalar text of a top-level key after the edit, read by the reader's own parse. */
function valueOf(text: string, key: string): string | undefined {
  const read = readFrontmatter(text);
  if (read.kind !== 'read' || read.fm.error) return undefined;
  const node = read.fm.entries.get(key)?.value;
  return node?.kind === 'scalar' ? node.value : undefined;
}

describe('completeNote (property): byte-exact outside the two values and reads back, or refuses', function () {
  this.timeout(60_000);
  it('holds for notes in many YAML styles', () => {
    let done = 0;
    let runs = 0;
    fc.assert(
      fc.property(noteArbitrary(), (text) => {
        runs++;
        const result = completeNote(text, DATE);
        if (!result.ok) {
          assert.ok(result.error.length > 0 && result.error.length < 300, result.error);
          return;
        }
        done++;
        assert.equal(valueOf(result.text, 'status'), 'completed', result.text);
        assert.equal(valueOf(result.text, 'completed'), DATE, result.text);
        // Every edit replaces the located value of status or completed, or inserts whole new lines of them.
        const edits = markCompletedEdits(text, DATE);
        assert.ok(edits.ok);
        const read = readFrontmatter(text);
        assert.ok(read.kind === 'read');
        const fm = read.fm;
        for (const e of edits.edits) {
          const at = (key: string) => fm.entries.get(key);
          const located = ['status', 'completed'].some((key) => {
            const entry = at(key);
            if (!entry) return false;
            const node = entry.value;
            if (node && node.start !== node.end) return e.start === fm.base + node.start && e.end === fm.base + node.end;
            return e.start === e.end && e.start === fm.base + fm.source.indexOf(':', entry.key.end) + 1 && /^ \S+$/.test(e.newText);
          });
          const inserted = e.start === e.end && (text[e.start - 1] === '\n') && /^( *(status: completed|completed: \d{4}-\d\d-\d\d)\r?\n)+$/.test(e.newText);
          assert.ok(located || inserted, `edit ${JSON.stringify(e)} on ${JSON.stringify(text)}`);
        }
        // The body is untouched.
        assert.ok(result.text.endsWith(text.slice(fm.fence.bodyStart)));
      }),
      { numRuns: 1500 },
    );
    // Worth something only if the edit was made often, and refused often too.
    assert.ok(done > runs / 5 && done < runs, `completed ${done} of ${runs}`);
  });
});

describe('the reader (fuzz): never throws, stays inside the file, reads any frontmatter in bounded time', function () {
  this.timeout(60_000);
  it('holds for random frontmatter text', () => {
    const unit = fc.constantFrom(...'ab01 -:#,[]{}\'"\\!&*|>%@?~_\t\n\r'.split(''), '---', '...', '\n  - ', ': ', 'ce_hours: ', 'completed: 2026-04-31', '\u00a0', '\ufeff', 'é');
    const block = fc.oneof(fc.string({ unit, maxLength: 300 }), fc.string({ unit, minLength: 3000, maxLength: 5000 }));
    fc.assert(
      fc.property(block, fc.constantFrom('---', '...', '-----'), (inner, close) => {
        const text = `---\n${inner}\n${close}\nbody`;
        const start = process.hrtime.bigint();
        const { note, problems } = parseNote(text, 'f.md');
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        // A generous bound (the target is 50 ms; speed is measured by npm run bench and test/bench/worst-note.ts).
        assert.ok(ms < 1000, `${ms} ms`);
        assert.ok(!problems.some((p) => p.code === 'unreadable'), JSON.stringify(problems));
        const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
        for (const p of problems) {
          assert.ok(p.line >= 1 && p.line <= lines.length, `line ${p.line}`);
          assert.ok(p.column >= 1 && p.column + (p.length ?? 0) <= lines[p.line - 1].length + 1, `column ${p.column}+${p.length} on ${JSON.stringify(lines[p.line - 1])}`);
        }
        assert.ok(['ce', 'study', 'broken'].includes(note.kind));
      }),
      { numRuns: 1000 },
    );
  });
});
