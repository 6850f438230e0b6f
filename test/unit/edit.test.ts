import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNote } from '../../src/core/notes/note';
import { frontmatterContextAt, keyValueOnLine, wordAt } from '../../src/core/notes/cursor';
import { applyEdits, completeNote, markCompletedEdits, renameKeyEdit, setFrontmatterValues } from '../../src/core/notes/edit';

function complete(text: string, date = '2026-11-25'): string {
  const result = markCompletedEdits(text, date);
  assert.ok(result.ok, result.ok ? '' : result.error);
  const out = applyEdits(text, result.edits);
  const whole = completeNote(text, date);
  assert.deepEqual(whole, { ok: true, text: out });
  return out;
}

function refused(text: string, reason: RegExp): void {
  const result = completeNote(text, '2026-11-25');
  assert.equal(result.ok, false, text);
  assert.match(result.ok ? '' : result.error, reason);
}

describe('markCompletedEdits', () => {
  it('replaces existing values only', () => {
    const text = '---\ntitle: A\nce_hours: 1\nstatus: planned\ncompleted: 2020-01-01\n---\nbody\n';
    assert.equal(complete(text), '---\ntitle: A\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\n---\nbody\n');
  });

  it('inserts missing keys right after ce_hours, in order', () => {
    const text = '---\ntitle: A\nce_hours: 1.5\ntopics: [immunizations]\n---\nTo do.\n';
    assert.equal(complete(text), '---\ntitle: A\nce_hours: 1.5\nstatus: completed\ncompleted: 2026-11-25\ntopics: [immunizations]\n---\nTo do.\n');
  });

  it('inserts after ceu when there is no ce_hours, and after a block value under it', () => {
    const text = '---\nceu:\n  0.3\ntitle: A\n---\n';
    assert.equal(complete(text), '---\nceu:\n  0.3\nstatus: completed\ncompleted: 2026-11-25\ntitle: A\n---\n');
  });

  it('inserts before the closing fence when there are no hours', () => {
    const text = '---\ntitle: A\n---\nx';
    assert.equal(complete(text), '---\ntitle: A\nstatus: completed\ncompleted: 2026-11-25\n---\nx');
  });

  it('keeps CRLF line endings and a BOM byte for byte', () => {
    const text = '\uFEFF---\r\ntitle: A\r\nce_hours: 2\r\nstatus: planned\r\n---\r\nbody line\r\n';
    const out = complete(text);
    assert.equal(out, '\uFEFF---\r\ntitle: A\r\nce_hours: 2\r\nstatus: completed\r\ncompleted: 2026-11-25\r\n---\r\nbody line\r\n');
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF introduced');
  });

  it('keeps trailing comments and spacing', () => {
    const text = '---\nce_hours: 1\nstatus:   planned   # decide later\ncompleted: # not yet\n---\n';
    assert.equal(complete(text), '---\nce_hours: 1\nstatus:   completed   # decide later\ncompleted: 2026-11-25 # not yet\n---\n');
  });

  it('keeps the quoting style of quoted values', () => {
    const text = `---\nce_hours: 1\nstatus: 'planned'\ncompleted: "2026-02-01"\n---\n`;
    assert.equal(complete(text), `---\nce_hours: 1\nstatus: 'completed'\ncompleted: "2026-11-25"\n---\n`);
  });

  it('leaves flow-style values, comments and other keys untouched', () => {
    const text = '---\n# from the webinar\ntitle: "A: B"\nce_hours: 2\ntopics: [law, patient-safety] # two\nmeta: {a: 1, status: x}\n---\n';
    assert.equal(
      complete(text),
      '---\n# from the webinar\ntitle: "A: B"\nce_hours: 2\nstatus: completed\ncompleted: 2026-11-25\ntopics: [law, patient-safety] # two\nmeta: {a: 1, status: x}\n---\n',
    );
  });

  it('does not touch indented keys of nested maps', () => {
    const text = '---\nce_hours: 1\nextra:\n  status: planned\n  completed: 2020-01-01\n---\n';
    assert.equal(complete(text), '---\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\nextra:\n  status: planned\n  completed: 2020-01-01\n---\n');
  });

  it('does not touch `completed:` in the body', () => {
    const text = '---\nce_hours: 1\n---\nstatus: planned\ncompleted: 2020-01-01\n';
    assert.equal(complete(text), '---\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\n---\nstatus: planned\ncompleted: 2020-01-01\n');
  });

  it('gives a clear error when there is no frontmatter', () => {
    const result = markCompletedEdits('# Just notes\ncompleted: 2020-01-01\n', '2026-11-25');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /no frontmatter/);
    assert.equal(markCompletedEdits('---\ntitle: never closed\n', '2026-11-25').ok, false);
  });

  it('produces no edit when the note already says so', () => {
    const result = markCompletedEdits('---\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\n---\n', '2026-11-25');
    assert.deepEqual(result, { ok: true, edits: [] });
  });

  it('refuses a list under status rather than rewrite it', () => {
    refused('---\nce_hours: 1\nstatus:\n  - planned\ntitle: A\n---\n', /list or mapping/);
    refused('---\nce_hours: 1\nstatus: [planned]\n---\n', /list or mapping/);
  });

  it('makes every readable fixture CE note parse as completed on the date, with no new problem', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'notes');
    let checked = 0;
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const before = parseNote(text, name);
      if (before.note.kind !== 'ce') continue;
      const after = parseNote(complete(text, '2026-11-24'), name);
      assert.equal(after.note.kind, 'ce', name);
      if (after.note.kind !== 'ce') continue;
      assert.equal(after.note.status, 'completed', name);
      assert.equal(after.note.completed, '2026-11-24', name);
      // The edit fixes nothing and breaks nothing else: same problem codes, except the bad date it replaced.
      const codes = (r: typeof before) => r.problems.filter((p) => !(p.code === 'bad-value' && /completed/.test(p.message))).map((p) => p.code).sort();
      assert.deepEqual(codes(after), codes(before), name);
      checked++;
    }
    assert.ok(checked >= 6, `checked ${checked} fixture notes`);
  });

  it('changes nothing but the status and completed lines (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('title: X', '# c', 'topics: [law]', 'uan: 0145-0000-25-101-H03-T', 'tags:', '  - a', 'provider: "P: Q"', ''),
      fc.string({ maxLength: 20 }).map((s) => `note: ${JSON.stringify(s)}`),
    );
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), eol, fc.string({ maxLength: 40 }), (lines, nl, body) => {
        const text = ['---', 'ce_hours: 1', ...lines, '---', body.replace(/[\r\n]/g, ' ')].join(nl);
        // A repeated key or a stray item is a YAML error: the note is broken, and the edit refuses it.
        if (parseNote(text, 'n.md').note.kind === 'broken') return assert.equal(completeNote(text, '2026-11-25').ok, false);
        const out = complete(text);
        const outLines = out.split(nl);
        const kept = outLines.filter((l) => l !== 'status: completed' && l !== 'completed: 2026-11-25');
        assert.deepEqual(kept, text.split(nl));
      }),
    );
  });
});

describe('setFrontmatterValues / renameKeyEdit', () => {
  it('sets ce_hours for a ceu mismatch fix', () => {
    const text = '---\nceu: 0.3\nce_hours: 2 # typo?\n---\n';
    const r = setFrontmatterValues(text, [['ce_hours', '3']]);
    assert.ok(r.ok);
    assert.equal(applyEdits(text, r.edits), '---\nceu: 0.3\nce_hours: 3 # typo?\n---\n');
  });

  it('renames a key and keeps the rest of the line', () => {
    const text = '---\ntitle: A\n# c\nce_hour: 2 # x\n---\nce_hour: body\n';
    const edit = renameKeyEdit(text, 3, 'ce_hours');
    assert.deepEqual(edit, { start: 17, end: 24, newText: 'ce_hours' });
    assert.equal(applyEdits(text, [edit!]), '---\ntitle: A\n# c\nce_hours: 2 # x\n---\nce_hour: body\n');
    assert.equal(renameKeyEdit(text, 5, 'ce_hours'), undefined, 'not in the body');
    assert.equal(renameKeyEdit('---\nce_hour: 1\nce_hours: 2\n---\n', 1, 'ce_hours'), undefined, 'not into a duplicate');
  });
});

describe('frontmatterContextAt', () => {
  const text = ['---', 'title: A', 'ce_hours: 1', 'topics: [law, pat', 'status: ', 'credentials:', '  - cp', 'sta', '---', 'topics: [x'].join('\n');

  it('finds inline list values with what is already listed', () => {
    const ctx = frontmatterContextAt(text, 3, 17);
    assert.deepEqual(ctx, { kind: 'value', key: 'topics', prefix: 'pat', start: 14, inList: true, listed: ['law', 'pat'] });
  });

  it('finds a scalar value after the colon', () => {
    assert.deepEqual(frontmatterContextAt(text, 4, 8), { kind: 'value', key: 'status', prefix: '', start: 8, inList: false, listed: [] });
  });

  it('finds the owner key of a `- ` item', () => {
    const ctx = frontmatterContextAt(text, 6, 6);
    assert.equal(ctx?.kind, 'value');
    assert.equal(ctx?.kind === 'value' && ctx.key, 'credentials');
    assert.equal(ctx?.kind === 'value' && ctx.prefix, 'cp');
  });

  it('finds a key being typed, with the keys already present', () => {
    const ctx = frontmatterContextAt(text, 7, 3);
    assert.equal(ctx?.kind, 'key');
    assert.ok(ctx?.kind === 'key' && ctx.existingKeys.includes('ce_hours') && ctx.prefix === 'sta');
  });

  it('is undefined outside the frontmatter', () => {
    assert.equal(frontmatterContextAt(text, 0, 0), undefined);
    assert.equal(frontmatterContextAt(text, 8, 1), undefined);
    assert.equal(frontmatterContextAt(text, 9, 9), undefined);
    assert.equal(frontmatterContextAt('no: frontmatter\n', 0, 3), undefined);
  });

  it('works on CRLF text the same as on LF text', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    for (const [line, character] of [[3, 17], [4, 8], [6, 6], [7, 3]]) {
      assert.deepEqual(frontmatterContextAt(crlf, line, character), frontmatterContextAt(text, line, character));
    }
  });

  it('does not offer values for a comment line or offer keys on an indented line', () => {
    const t = '---\n# topics: [\n  nested: x\n---\n';
    assert.equal(frontmatterContextAt(t, 1, 10), undefined);
    assert.equal(frontmatterContextAt(t, 2, 0), undefined);
  });

  it('reads a key value span for hover', () => {
    assert.deepEqual(keyValueOnLine('uan: "0145-0000-25-101-H03-T" # x', 'uan'), { value: '0145-0000-25-101-H03-T', start: 5, end: 29 });
    assert.equal(keyValueOnLine('  uan: 1', 'uan'), undefined);
  });
});

describe('completeNote: only the located values, or a refusal', () => {
  it('refuses a note closed with ----- and never touches the body (a body line "completed: garbing steps")', () => {
    refused('---\nce_hours: 1\n-----\ncompleted: garbing steps\n', /cannot be read.*"-----" is not one/);
  });

  it('keeps a wrapped quoted value whole, also one wrapped onto a column-0 line', () => {
    const text = "---\nce_hours: 1\nsummary: 'Reviewed the policy.\n  completed: the quiz'\n---\nbody\n";
    assert.equal(complete(text), "---\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\nsummary: 'Reviewed the policy.\n  completed: the quiz'\n---\nbody\n");
    // js-yaml (gray-matter's parser) reads the column-0 line as part of the quoted value, as the edit must.
    const column0 = "---\nce_hours: 1\nsummary: 'Reviewed the policy.\ncompleted: the quiz'\n---\nbody\n";
    assert.equal(complete(column0), "---\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\nsummary: 'Reviewed the policy.\ncompleted: the quiz'\n---\nbody\n");
  });

  it('refuses status with an anchor, an alias, a tag, a block scalar or an explicit ? key', () => {
    refused('---\nce_hours: 1\nstatus: &s planned\nother: *s\n---\n', /anchor/);
    refused('---\nce_hours: 1\nx: &s planned\nstatus: *s\n---\n', /refers to another value/);
    refused('---\nce_hours: 1\nstatus: !!str planned\n---\n', /tag/);
    refused('---\nce_hours: 1\nstatus: |\n  planned\n---\n', /block/);
    refused('---\nce_hours: 1\n? status\n: planned\n---\n', /explicit key/);
    refused('---\nce_hours: 1\nstatus: "in\n  progress"\n---\n', /several lines/);
  });

  it('replaces exactly the value the parser read: before a comment, with escapes, after an anchored key elsewhere', () => {
    assert.equal(complete('---\nce_hours: 1\nstatus: planned   # later\n---\n'), '---\nce_hours: 1\nstatus: completed   # later\ncompleted: 2026-11-25\n---\n');
    assert.equal(complete('---\nce_hours: 1\nstatus: "plan\\"ned\\t" # q\ncompleted: \'2020-01-01\'\n---\n'), '---\nce_hours: 1\nstatus: "completed" # q\ncompleted: \'2026-11-25\'\n---\n');
    assert.equal(complete('---\nx: &a 1\ny: *a\nce_hours: 1\r\nstatus:    planned\n---\n'), '---\nx: &a 1\ny: *a\nce_hours: 1\r\nstatus:    completed\ncompleted: 2026-11-25\n---\n');
  });

  it('edits an indented mapping with its indentation', () => {
    assert.equal(complete('---\n  ce_hours: 1\n  status: planned\n---\n'), '---\n  ce_hours: 1\n  status: completed\n  completed: 2026-11-25\n---\n');
  });

  it('works on a note closed with ..., and inserts after the last entry when there are no hours', () => {
    assert.equal(complete('---\nce_hours: 1\n...\nbody\n'), '---\nce_hours: 1\nstatus: completed\ncompleted: 2026-11-25\n...\nbody\n');
    assert.equal(complete('---\ntitle: A\ntags:\n  - a\n# end\n---\n'), '---\ntitle: A\ntags:\n  - a\nstatus: completed\ncompleted: 2026-11-25\n# end\n---\n');
  });

  it('refuses a CR-only file, a broken block, and a block that is not key: value lines', () => {
    refused('---\rce_hours: 1\r---\r', /cannot be read/);
    refused('---\nce_hours: [1\n---\n', /cannot be read/);
    refused('---\n- a\n---\n', /cannot be read|not a list/);
  });

  it('re-quotes a single-line quoted value in its own style', () => {
    assert.equal(complete("---\nce_hours: 1\nstatus: 'in-progress'\ncompleted: \"2020-01-01\"\n---\n"), "---\nce_hours: 1\nstatus: 'completed'\ncompleted: \"2026-11-25\"\n---\n");
  });
});

describe('wordAt and the completion word: linear on long lines', () => {
  it('finds the word under the cursor and the word being typed on a 40,000-character line', () => {
    const long = `topics: [${'a'.repeat(40_000)} x`;
    assert.deepEqual(wordAt('topics: [law, patient-safety]', 16), { word: 'patient-safety', start: 14, end: 28 });
    const ctx = frontmatterContextAt(`---\n${long}\n---\n`, 1, long.length - 2);
    assert.equal(ctx?.kind === 'value' && ctx.prefix.length, 40_000);
  });
});

describe('the editor features use the reader\'s fence rule', () => {
  it('a block closed with ... has a context; one "closed" with ----- has none (the reader calls it unclosed)', () => {
    assert.equal(frontmatterContextAt('---\nstatus: \n...\nbody\n', 1, 8)?.kind, 'value');
    assert.equal(frontmatterContextAt('---\nstatus: \n-----\nbody\n', 1, 8), undefined);
    assert.equal(frontmatterContextAt('---yaml\nstatus: \n---\n', 1, 8)?.kind, 'value');
  });
});
