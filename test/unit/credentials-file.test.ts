import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits, parse, type ParseError } from 'jsonc-parser/lib/esm/main';
import { credentialsFileEdits, newCredentialsFile } from '../../src/features/commands/credentials-file';

const edit = (text: string, chosen: { ruleSet: string; cycleEnd: string }[]) => applyEdits(text, credentialsFileEdits(text, chosen));

describe('Set Up Credentials file edits', () => {
  it('creates a pretty-printed file', () => {
    const text = newCredentialsFile([{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]);
    assert.equal(text, '{\n  "credentials": [\n    {\n      "ruleSet": "ptcb-cpht",\n      "cycleEnd": "2027-03-31"\n    }\n  ]\n}\n');
  });

  it('updates a chosen entry in place and keeps comments, ids, labels and other keys', () => {
    const text = [
      '{',
      '  // my credentials',
      '  "credentials": [',
      '    { "ruleSet": "ptcb-cpht", "cycleEnd": "2025-03-31" }, // CPhT',
      '    { "id": "tx", "ruleSet": "tx-technician", "cycleEnd": "2026-12-31", "label": "Texas registration" }',
      '  ],',
      '  "exclude": ["templates/**"]',
      '}',
      '',
    ].join('\n');
    const out = edit(text, [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { ruleSet: 'tx-technician', cycleEnd: '2028-12-31' },
    ]);
    assert.equal(out, text.replace('2025-03-31', '2027-03-31').replace('2026-12-31', '2028-12-31'));
  });

  it('removes entries not chosen and appends new ones', () => {
    const text = '{\n  "credentials": [\n    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" },\n    { "ruleSet": "nha-excpt", "cycleEnd": "2026-01-31" }\n  ],\n  "exclude": []\n}\n';
    const out = edit(text, [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { ruleSet: 'ca-technician', cycleEnd: '2027-06-30' },
    ]);
    const data = parse(out);
    assert.deepEqual(data.credentials, [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { ruleSet: 'ca-technician', cycleEnd: '2027-06-30' },
    ]);
    assert.deepEqual(data.exclude, []);
    assert.equal(
      out,
      '{\n  "credentials": [\n    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" },\n    { "ruleSet": "ca-technician", "cycleEnd": "2027-06-30" }\n  ],\n  "exclude": []\n}\n',
    );
  });

  it('removes a middle entry with its own comment and keeps the others byte for byte', () => {
    const text = '{\n  "credentials": [\n    { "ruleSet": "a", "cycleEnd": "2027-01-31" }, // A\n    { "ruleSet": "b", "cycleEnd": "2027-01-31" }, // B\n    { "ruleSet": "c", "cycleEnd": "2027-01-31" } // C\n  ]\n}\n';
    const out = edit(text, [
      { ruleSet: 'a', cycleEnd: '2027-01-31' },
      { ruleSet: 'c', cycleEnd: '2027-01-31' },
    ]);
    assert.equal(out, '{\n  "credentials": [\n    { "ruleSet": "a", "cycleEnd": "2027-01-31" }, // A\n    { "ruleSet": "c", "cycleEnd": "2027-01-31" } // C\n  ]\n}\n');
  });

  it('adds a credentials list to a file without one, and keeps CRLF', () => {
    const text = '{\r\n  "exclude": ["x/**"]\r\n}\r\n';
    const out = edit(text, [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]);
    assert.deepEqual(parse(out), { exclude: ['x/**'], credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] });
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('makes no edit when nothing changes, and refuses a file that is not an object', () => {
    const text = '{ "credentials": [ { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" } ] }';
    assert.deepEqual(credentialsFileEdits(text, [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]), []);
    assert.throws(() => credentialsFileEdits('[1, 2]', []), /not a JSON object/);
  });
  describe('changes only the bytes it must in a hand-formatted file', () => {
    it('adds a missing cycleEnd to a one-line and a multi-line entry (tabs, odd spacing, comments, CRLF)', () => {
      const text = [
        '{',
        '\t// My credentials',
        '\t"credentials" :[',
        '\t\t{"id":"cpht",   "ruleSet":"ptcb-cpht"},   // no date yet',
        '\t\t{',
        '\t\t\t"ruleSet" : "tx-technician", // Texas',
        '\t\t\t"label":"TX"   // shown in the tree',
        '\t\t}',
        '\t],',
        '\t"exclude" : [ "templates/**" ,"drafts/**" ]',
        '}',
        '',
      ].join('\r\n');
      const out = edit(text, [
        { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
        { ruleSet: 'tx-technician', cycleEnd: '2028-12-31' },
      ]);
      assert.equal(out, text
        .replace('"ruleSet":"ptcb-cpht"}', '"ruleSet":"ptcb-cpht", "cycleEnd": "2027-03-31"}')
        .replace('\t\t\t"label":"TX"   // shown in the tree\r\n', '\t\t\t"label":"TX",   // shown in the tree\r\n\t\t\t"cycleEnd": "2028-12-31"\r\n'));
    });

    it('replaces a cycleEnd of any type and keeps the spacing around it', () => {
      const text = '{"credentials":[{"ruleSet":"a","cycleEnd" :  20270131 , "label" : "A"}],"exclude":[ ]}';
      const out = edit(text, [{ ruleSet: 'a', cycleEnd: '2027-01-31' }]);
      assert.equal(out, text.replace('20270131', '"2027-01-31"'));
    });

    it('adds a credentials list after the last key, on its line or on new lines in the file\'s indent', () => {
      const oneLine = '{ "exclude" : [ "x/**" ] , "include":["**/*.md"] }';
      assert.equal(
        edit(oneLine, [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]),
        '{ "exclude" : [ "x/**" ] , "include":["**/*.md"], "credentials": [{ "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" }] }',
      );
      const lines = '{\n    /* keep */ "exclude": [ "x/**" ] // drafts\n}\n';
      assert.equal(
        edit(lines, [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]),
        '{\n    /* keep */ "exclude": [ "x/**" ], // drafts\n    "credentials": [\n        {\n            "ruleSet": "ptcb-cpht",\n            "cycleEnd": "2027-03-31"\n        }\n    ]\n}\n',
      );
    });

    it('removes the last entry of a one-line list without touching the spaces around the others', () => {
      const text = '{ "credentials": [  { "ruleSet": "a", "cycleEnd": "2027-01-31" },  { "ruleSet": "b", "cycleEnd": "2027-01-31" }  ] }';
      assert.equal(edit(text, [{ ruleSet: 'a', cycleEnd: '2027-01-31' }]), '{ "credentials": [  { "ruleSet": "a", "cycleEnd": "2027-01-31" }  ] }');
      const only = '{ "credentials": [ /* old */ { "ruleSet": "b", "cycleEnd": "2027-01-31" } ] }';
      assert.equal(edit(only, []), '{ "credentials": [ /* old */  ] }');
    });

    it('fills an empty list and keeps the comment in it', () => {
      const text = '{\n\t"credentials": [\n\t\t// add yours here\n\t],\n\t"exclude":[]\n}\n';
      assert.equal(
        edit(text, [{ ruleSet: 'a', cycleEnd: '2027-01-31' }]),
        '{\n\t"credentials": [\n\t\t// add yours here\n\t\t{\n\t\t\t"ruleSet": "a",\n\t\t\t"cycleEnd": "2027-01-31"\n\t\t}\n\t],\n\t"exclude":[]\n}\n',
      );
      assert.equal(edit('{ "credentials": [] }', [{ ruleSet: 'a', cycleEnd: '2027-01-31' }]), '{ "credentials": [\n  {\n    "ruleSet": "a",\n    "cycleEnd": "2027-01-31"\n  }\n] }');
    });

    it('on any layout keeps the other keys byte for byte and gives the chosen credentials (property)', () => {
      const gap = fc.constantFrom('', ' ', '  ', '\t', '\n', '\r\n', '\n\t\t', ' // c\n', '/* c */', '\n  // c\n  ');
      const ids = ['a', 'b', 'c', 'd'];
      const entry = fc.record({ ruleSet: fc.constantFrom(...ids), id: fc.option(fc.constantFrom('x', 'y')), cycleEnd: fc.option(fc.constant('2026-01-31')) });
      const layout = fc.record({
        entries: fc.uniqueArray(entry, { selector: (e) => e.ruleSet, maxLength: 4 }),
        chosen: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }),
        gaps: fc.array(gap, { minLength: 80, maxLength: 80 }),
        withList: fc.boolean(),
      });
      fc.assert(fc.property(layout, ({ entries, chosen, gaps, withList }) => {
        let n = 0;
        const g = () => gaps[n++ % gaps.length];
        const property = (k: string, v: string) => `"${k}"${g()}:${g()}"${v}"`;
        const entryText = (e: typeof entries[number]) => {
          const props = [property('ruleSet', e.ruleSet)];
          if (e.id !== null) props.push(property('id', e.id));
          if (e.cycleEnd !== null) props.push(property('cycleEnd', e.cycleEnd));
          return `{${g()}${props.join(`${g()},${g()}`)}${g()}}`;
        };
        const exclude = `"exclude"${g()}:${g()}[${g()}"x/**"${g()}]`;
        const list = `"credentials"${g()}:${g()}[${g()}${entries.map(entryText).join(`${g()},${g()}`)}${g()}]`;
        const text = `// head\n{${g()}${withList ? `${list}${g()},${g()}` : ''}${exclude}${g()}}\n`;
        const wanted = chosen.map((ruleSet) => ({ ruleSet, cycleEnd: '2027-12-31' }));
        const out = edit(text, wanted);
        const errors: ParseError[] = [];
        const data = parse(out, errors, { allowTrailingComma: true });
        assert.deepEqual(errors, [], out);
        assert.ok(out.startsWith('// head\n') && out.includes(exclude), out);
        const before = new Map(entries.map((e) => [e.ruleSet, e]));
        const expected = [
          ...entries.filter((e) => chosen.includes(e.ruleSet)).map((e) => ({ ruleSet: e.ruleSet, ...(e.id !== null ? { id: e.id } : {}), cycleEnd: '2027-12-31' })),
          ...chosen.filter((id) => !before.has(id)).map((ruleSet) => ({ ruleSet, cycleEnd: '2027-12-31' })),
        ];
        assert.deepEqual(data.credentials, withList ? expected : wanted, out);
      }), { numRuns: 500 });
    });

    it('gives one edit covering only the changed bytes', () => {
      const text = '{\n  "credentials": [ {"ruleSet": "a", "cycleEnd": "2026-01-31"} ],\n  "exclude":[ "b" ]\n}\n';
      const edits = credentialsFileEdits(text, [{ ruleSet: 'a', cycleEnd: '2027-01-31' }]);
      assert.deepEqual(edits, [{ offset: text.indexOf('2026') + 3, length: 1, content: '7' }]);
    });
  });
});
