// A hostile pass on the one reader: notes built to make the reader and the edit see different values.
import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/note';
import { applyEdits, completeNote, markCompletedEdits } from '../../src/core/notes/edit';
import { readFrontmatter } from '../../src/core/notes/frontmatter';
import type { YamlNode } from '../../src/core/notes/yaml-tree';

describe('note reader, hostile notes', () => {
  it('a line starting with --- inside the block is an error at that line, not the silent end of the block', () => {
    // gray-matter stops at the first "\n---"; the fence does not. Before the fix the keys after it vanished.
    for (const line of ['---x: 1', '----: note', '--- x', '-----']) {
      const text = `---\nce_hours: 2\nstatus: planned\n${line}\nce_hours_note: 1\ncompleted: 2026-04-31\n---\nbody\n`;
      const { note, problems } = parseNote(text, 'n.md');
      assert.equal(note.kind, 'broken', line);
      assert.equal(problems.length, 1, line);
      assert.deepEqual([problems[0].line, problems[0].column, problems[0].severity], [4, 1, 'error'], line);
      const edit = completeNote(text, '2026-11-25');
      assert.equal(edit.ok, false, `${line}: the edit wrote ${edit.ok ? JSON.stringify(edit.text) : ''}`);
    }
  });

  it('a sexagesimal hours value after a ---x key line is not silently dropped', () => {
    const { note, problems } = parseNote('---\ntitle: A\n---x: 1\nce_hours: 1:30\n---\n', 'n.md');
    assert.notEqual(note.kind, 'study');
    assert.ok(problems.some((p) => p.severity === 'error'));
  });

  it('a lone carriage return inside the block is an error on its line, not a problem placed past a line end', () => {
    // js-yaml breaks lines at a lone CR, as the editor does; the reader's lines and columns count only LF.
    const text = '---\ntitle: A\rce_hours: 1:30\nstatus: planned\n---\n';
    const { problems } = parseNote(text, 'n.md');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /carriage return/);
    const editorLines = text.split(/\r\n|\r|\n/);
    const p = problems[0];
    assert.ok(p.column - 1 + (p.length ?? 0) <= editorLines[p.line - 1].length, `${p.line}:${p.column} is past its line in the editor`);
  });
});

describe('note reader, a "? key" without a value', () => {
  it('a colon at the end of a comment after "? key" does not pair the next key with it', () => {
    // Before the fix ce_hours became the value of x and 1:30 a key: a CE note read as a study note, silently.
    const { note, problems } = parseNote('---\ntitle: A\n? x # why:\nce_hours: 1:30\nstatus: planned\n---\n', 'n.md');
    assert.equal(note.kind, 'ce');
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column]),
      [[4, 11]],
    );
  });

  it('the edit then sees the same status the reader does', () => {
    const text = '---\n? x # c:\nstatus: planned\nce_hours: 2\n---\n';
    const { note } = parseNote(text, 'n.md');
    assert.equal(note.kind === 'ce' && note.status, 'planned');
    const edit = completeNote(text, '2026-11-25');
    assert.deepEqual(edit, { ok: true, text: '---\n? x # c:\nstatus: completed\ncompleted: 2026-11-25\nce_hours: 2\n---\n' });
  });
});

describe('note reader, a closing line far down a huge note', () => {
  it('is not looked for past the first 64 KB: the block is unclosed, said so, and the edit refuses', () => {
    // Before, every line of a 5 MB note was walked to find the close (over 50 ms; measured in the report).
    const text = `---\nce_hours: 1\nstatus: planned\n${'\n'.repeat(5 * 1024 * 1024)}---\nbody\n`;
    const { note, problems } = parseNote(text, 'n.md');
    assert.equal(note.kind, 'broken');
    assert.match(problems[0].message, /no closing "---" line in its first 64 KB/);
    assert.equal(completeNote(text, '2026-11-25').ok, false);
  });

  it('a Markdown file opening with a rule and with no key lines is still a plain note', () => {
    const text = `---\nSome prose.\n${'More prose.\n'.repeat(10000)}---\n`;
    assert.equal(parseNote(text, 'n.md').note.kind, 'study');
  });
});

describe('markCompletedEdits after a block scalar that keeps its trailing blank lines', () => {
  for (const [name, text] of [
    ['ceu: |+', '---\nceu: |+\n  0.3\n\ntitle: A\n---\n'],
    ['a list ending in >+', '---\ntitle: A\nnotes:\n  - >+\n    x\n\n\n---\n'],
  ]) {
    it(`${name}: the value keeps its blank lines (the lines go after them)`, () => {
      const edits = markCompletedEdits(text, '2026-11-25');
      assert.ok(edits.ok);
      const out = applyEdits(text, edits.edits);
      const values = (t: string) => {
        const read = readFrontmatter(t);
        assert.equal(read.kind, 'read');
        const all: Record<string, string> = {};
        const walk = (node: YamlNode | null, at: string): void => {
          if (!node) return;
          if (node.kind === 'scalar') all[at] = node.value;
          node.items.forEach((item, i) => walk(item, `${at}/${i}`));
        };
        if (read.kind === 'read') walk(read.fm.root ?? null, '');
        return all;
      };
      const before = values(text);
      const after = values(out);
      const changed = Object.values(before).filter((v) => !Object.values(after).includes(v));
      assert.deepEqual(changed, [], `values changed by the edit: ${JSON.stringify(out)}`);
    });
  }
});

describe('the edit and the reader agree on a file with NUL bytes', () => {
  it('the reader refuses it as not text, so the edit refuses it too and changes nothing', () => {
    const text = '---\nce_hours: 1\nstatus: planned\n---\nbody\0\0\n';
    assert.equal(parseNote(text, 'n.md').note.kind, 'broken');
    const edit = completeNote(text, '2026-11-25');
    assert.equal(edit.ok, false);
    assert.match(edit.ok ? '' : edit.error, /NUL/);
  });
});
