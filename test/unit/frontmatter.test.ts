import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import matter from 'gray-matter';
import { FRONTMATTER_LIMIT, splitNote } from '../../src/core/notes/frontmatter';

/** What gray-matter (js-yaml's safe loader) makes of a note: its data, or 'error'. */
function reference(text: string): unknown {
  try {
    const data: unknown = matter(text, { language: 'yaml' }).data;
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) return 'error';
    return data;
  } catch {
    return 'error';
  }
}

function ours(text: string): unknown {
  const fm = splitNote(text).frontmatter;
  assert.ok(fm, 'frontmatter expected');
  return fm.error ? 'error' : fm.data;
}

describe('frontmatter: splitting', () => {
  it('finds the fences, the body and the line of every top-level key', () => {
    const text = '---\ntitle: A\n# a comment\nce_hours: 2\ntopics:\n  - law\n  - patient-safety\n---\n# Heading\nBody';
    const parts = splitNote(text);
    const fm = parts.frontmatter!;
    assert.equal(fm.startLine, 1);
    assert.equal(fm.endLine, 8);
    assert.equal(parts.bodyLine, 9);
    assert.equal(parts.body, '# Heading\nBody');
    assert.deepEqual([...fm.keys.keys()], ['title', 'ce_hours', 'topics']);
    assert.deepEqual([...fm.keys.values()].map((k) => k.key.line), [2, 4, 5]);
    assert.deepEqual(fm.data, { title: 'A', ce_hours: 2, topics: ['law', 'patient-safety'] });
    const items = fm.keys.get('topics')!.items;
    assert.deepEqual(items.map((i) => [i.line, i.column, i.length, i.text]), [
      [6, 5, 3, 'law'],
      [7, 5, 14, 'patient-safety'],
    ]);
  });

  it('records value spans: plain, quoted (quotes included), flow list items, comments excluded', () => {
    const fm = splitNote('---\nce_hours: 1.5   # contact hours\ntitle: "Quoted: yes"\ntopics: [law, "patient-safety" ]\n---\n').frontmatter!;
    const hours = fm.keys.get('ce_hours')!.value!;
    assert.deepEqual([hours.line, hours.column, hours.length, hours.text], [2, 11, 3, '1.5']);
    const title = fm.keys.get('title')!.value!;
    assert.deepEqual([title.column, title.length, title.text], [8, 13, 'Quoted: yes']);
    const items = fm.keys.get('topics')!.items;
    assert.deepEqual(items.map((i) => [i.column, i.length, i.text]), [
      [10, 3, 'law'],
      [15, 16, 'patient-safety'],
    ]);
  });

  it('treats a text without a leading --- as having no frontmatter', () => {
    const parts = splitNote('# Title\n---\nnot: frontmatter\n---\n');
    assert.equal(parts.frontmatter, undefined);
    assert.equal(parts.bodyLine, 1);
  });

  it('an empty block is empty data, with the closing fence on line 2', () => {
    const fm = splitNote('---\n---\nbody').frontmatter!;
    assert.deepEqual(fm.data, {});
    assert.equal(fm.endLine, 2);
  });

  it('keeps line numbers right with CRLF line endings', () => {
    const parts = splitNote('---\r\ntitle: A\r\nce_hours: 2\r\n---\r\nBody\r\n');
    assert.deepEqual(parts.frontmatter!.data, { title: 'A', ce_hours: 2 });
    assert.equal(parts.frontmatter!.keys.get('ce_hours')!.key.line, 3);
    assert.equal(parts.frontmatter!.endLine, 4);
    assert.equal(parts.body, 'Body\r\n');
  });

  it('reports an unclosed block when key lines follow the opening ---', () => {
    const fm = splitNote('---\ntitle: A\nce_hours: 2\n\nBody').frontmatter!;
    assert.equal(fm.error?.code, 'yaml-syntax');
    assert.match(fm.error!.message, /closing/);
  });

  it('a lone --- followed by prose is a horizontal rule, not frontmatter', () => {
    assert.equal(splitNote('---\nJust a thought.\n').frontmatter, undefined);
  });

  it('places a YAML error at its file line and column', () => {
    const fm = splitNote('---\ntitle: A\ntopics: [law\ncompleted: 2026-01-10\n---\n').frontmatter!;
    assert.equal(fm.error?.code, 'yaml-syntax');
    // js-yaml gives up on line 4; the unclosed "[" that caused it is on line 3.
    assert.deepEqual([fm.error?.line, fm.error?.column, fm.error?.length], [3, 9, 4]);
    assert.match(fm.error!.message, /never closed with "\]"/);
    const map = splitNote('---\nk: {a: 1\nj: 2\n---\n').frontmatter!;
    assert.deepEqual([map.error?.line, map.error?.column], [2, 4]);
    const dup = splitNote('---\na: 1\nb: 2\na: 3\n---\n').frontmatter!;
    assert.equal(dup.error?.line, 4);
    assert.match(dup.error!.message, /duplicated/);
    // js-yaml reports this one at column -12 (found by fuzzing): it must stay on the line.
    const emptyDup = splitNote('---\ncpe_monitor: \ncpe_monitor:\n---\n').frontmatter!;
    assert.deepEqual([emptyDup.error?.line, emptyDup.error?.column], [3, 1]);
    const indent = splitNote('---\ntitle: a\n  b: c\n---\n').frontmatter!;
    assert.deepEqual([indent.error?.line, indent.error?.column], [3, 4]);
  });

  it('refuses a frontmatter that is not a mapping', () => {
    assert.equal(splitNote('---\n- a\n- b\n---\n').frontmatter!.error?.code, 'yaml-syntax');
    assert.equal(splitNote('---\njust text\n---\n').frontmatter!.error?.code, 'yaml-syntax');
  });

  it('refuses an oversized frontmatter without parsing it', () => {
    const big = '---\n' + 'k: v\n'.repeat(FRONTMATTER_LIMIT / 5 + 10) + '---\nbody';
    const fm = splitNote(big).frontmatter!;
    assert.match(fm.error!.message, /larger than/);
  });
});

describe('frontmatter: only YAML, never code', () => {
  for (const lang of ['js', 'javascript', 'coffee', 'json', 'toml', ' js ', 'JS']) {
    it(`refuses ---${lang} and never evaluates it`, () => {
      const g = globalThis as Record<string, unknown>;
      delete g.__pharmacyCePwned;
      const text = `---${lang}\n{ title: (globalThis.__pharmacyCePwned = 'ran', 'x'), ce_hours: 2 }\n---\nbody`;
      const fm = splitNote(text).frontmatter!;
      assert.equal(fm.error?.code, 'unsafe-engine');
      assert.equal(fm.error?.line, 1);
      assert.equal(g.__pharmacyCePwned, undefined);
    });
  }

  it('gray-matter itself is never left able to run a code engine through our options', () => {
    // Defence in depth: even if the language check were bypassed, the engines we pass refuse.
    const g = globalThis as Record<string, unknown>;
    delete g.__pharmacyCePwned;
    const text = '---yml\ntitle: plain\n---\n';
    assert.deepEqual(splitNote(text).frontmatter!.data, { title: 'plain' });
    assert.equal(g.__pharmacyCePwned, undefined);
  });

  it('does not share mutable results between calls (no content-keyed cache)', () => {
    const text = '---\ntitle: A\nlist: [a]\n---\n';
    const first = splitNote(text).frontmatter!.data!;
    (first.list as string[]).push('mutated');
    first.title = 'changed';
    assert.deepEqual(splitNote(text).frontmatter!.data, { title: 'A', list: ['a'] });
    // Our own calls never go through gray-matter's global cache.
    assert.equal(Object.keys((matter as unknown as { cache: object }).cache).length, 0);
  });
});

describe('frontmatter: the plain-YAML reader agrees with js-yaml', () => {
  const tricky = [
    '', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off',
    '0', '-0', '00', '010', '08', '0x1F', '0o17', '0b11', '1_000', '1e3', '1E3', '1.5', '-1.5', '0.30', '.5', '1.', '+1',
    '-', '--', '-x', '2026-04-31', '2026-4-3', '2026-13-01', '0026-01-01', '2026-01-10T10:00:00Z', '2026-01-10 10:00:00',
    '2026-01-10t10:00:00-05:00', '0145-0000-25-101-H03-T', '202-0000-21-278-H04-P', '0202000013105L04P', '3M', '2nd',
    '12:30', '1:20:30', '190:20:30.15', '.inf', '.NaN', '-.inf', '..', '../x.pdf', './a', '.x', '._5', 'a: b', 'a:b',
    'a #b', 'a#b', 'a:', '"q"', "'s'", '"a\\"b"', '"a\\nb"', "'it''s'", '"unterminated', "'x' y", '"x" # c', '"x"y',
    '[a, b]', '[]', '[ ]', '[a, [b]]', '["a, b", c]', "[a, 'b']", '[a,]', '[ , a]', '[a b, c]', '[a: 1]', '[1, 2.5, ~]',
    '[true, null, 2026-01-01]', '[a] # c', '[a]x', '{a: 1}', '{}', '|', '>', '|-', '&x a', '*x', '!tag x', '!!str 1',
    '%x', '@x', '`x`', 'Power-Pak C.E.', 'C# basics', 'Ω unicode', '\u00a0nbsp', 'x\ty', '\tx', 'é', '(paren)',
    '<797>', '<<', '$5', '=', 'a [b]', 'a {b}', 'a, b', '?x', '? x', '- x', ',x', 'Infinity', 'NaN', "Don't", 'a  ',
    '123456789012345678', '9007199254740993', '1.0000000000000001', 'x\u0085y', 'x\u2028y', '\ufeffx', 'a\rb',
  ];
  const keys = ['title', 'ce_hours', 'a', 'b_c', 'x-y', 'Key', '__proto__', 'true', 'null', '2025', 'my key', '"q"', "'s'", 'a:b', 'k', '?', '<<', '-k', 'k '];
  const value = fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: fc.constantFrom(...'ab0129 -:#,[]{}\'"\\.!&*|>%@?~_/\tTZe'.split('')), maxLength: 8 }));
  const comment = fc.constantFrom('', ' # note', '  #x', '#x');
  const keyLine = fc.tuple(fc.constantFrom(...keys), fc.constantFrom(':', ': ', ':  ', ' : '), value, comment).map(([k, sep, v, c]) => `${k}${sep}${v}${v === '' ? '' : c}`);
  const blockList = fc
    .tuple(fc.constantFrom(...keys), fc.array(fc.tuple(fc.constantFrom('', '  ', '    ', ' '), value), { minLength: 0, maxLength: 3 }))
    .map(([k, items]) => [`${k}:`, ...items.map(([indent, v]) => `${indent}- ${v}`)].join('\n'));
  const odd = fc.constantFrom('# comment', '', '   ', '  # indented comment', '  continued', '- stray', '? complex', '...', '%YAML 1.2', '\tk: v', 'k: |\n  block\n  text', 'k: >\n  folded', 'a: &anc 1\nb: *anc', 'k:\n  nested: 1', '-');
  const line = fc.oneof({ arbitrary: keyLine, weight: 6 }, { arbitrary: blockList, weight: 2 }, { arbitrary: odd, weight: 1 });
  const note = fc.tuple(fc.array(line, { maxLength: 6 }), fc.boolean()).map(([lines, crlf]) => {
    const text = `---\n${lines.join('\n')}\n---\nbody\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

  it('reads every generated block exactly as js-yaml does (or defers to it)', () => {
    let plain = 0;
    let total = 0;
    fc.assert(
      fc.property(note, (text) => {
        total++;
        const fm = splitNote(text).frontmatter;
        if (!fm) return; // the generator can produce `----` first lines: no frontmatter for either reader
        if (fm.parsedBy === 'plain') plain++;
        assert.deepStrictEqual(ours(text), reference(text), text);
      }),
      { numRuns: 4000 },
    );
    // The comparison is only worth something if the plain reader actually ran on a good share of inputs.
    assert.ok(plain > total / 10, `plain reader used on ${plain} of ${total}`);
  });

  it('uses the plain reader for a typical CE note', () => {
    const text =
      '---\n# from the certificate\ntitle: "Look-Alike, Sound-Alike Drugs"\nce_hours: 1.5\ntopics: [patient-safety, law]\n' +
      'uan: 0204-0000-26-012-L05-T\nprovider: Power-Pak C.E.\ncompleted: 2026-02-01\ncertificate: ../certificates/lasa.pdf\n' +
      'tags:\n  - cpht\n  - renewal\ncpe_monitor: true\n---\nBody';
    const fm = splitNote(text).frontmatter!;
    assert.equal(fm.parsedBy, 'plain');
    assert.deepStrictEqual(fm.data, reference(text));
  });

  it('defers anything unusual to js-yaml', () => {
    const unusual = ['---\nk: |\n  a\n---\n', '---\nk: &a 1\nj: *a\n---\n', '---\nk: "esc\\"aped"\n---\n', '---\nk: 0x1F\n---\n'];
    // Spaces JavaScript trims but YAML keeps as text.
    for (const space of ['\u00a0', '\u2003', '\u3000', '\u202f', '\u2028']) unusual.push(`---\nk:\n-  ${space}x\nj: a${space}\n---\n`);
    for (const text of unusual) {
      const fm = splitNote(text).frontmatter!;
      assert.equal(fm.parsedBy, 'yaml', text);
      assert.deepStrictEqual(ours(text), reference(text));
    }
  });
});
