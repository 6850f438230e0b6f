// How the index tells a change from none without hashing texts, and how its evaluation memo keeps results
// identical to a fresh evaluation across credentials, dates and config edits.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateAll } from '../../src/core/rules/evaluate';
import { FolderIndex } from '../../src/core/index/folder-index';

const AS_OF = '2026-11-25';
const CONFIG = JSON.stringify({
  credentials: [
    { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
    { id: 'tx', ruleSet: 'tx-technician', cycleEnd: '2026-12-31' },
  ],
});

function note(hours: number, extra = '', body = 'Body.\n'): string {
  return `---\ntitle: Course\nce_hours: ${hours}\ncompleted: 2026-01-15\n${extra}---\n${body}`;
}

function fresh(config = CONFIG): FolderIndex {
  const ws = new FolderIndex();
  ws.setConfig(config, AS_OF);
  return ws;
}

describe('FolderIndex: change detection by parse result', () => {
  it('reports no change, and keeps its version, for the same text', () => {
    const ws = fresh();
    assert.equal(ws.setNote('a.md', note(2)), true);
    const version = ws.version;
    assert.equal(ws.setNote('a.md', note(2)), false);
    assert.equal(ws.version, version);
  });

  it('reports no change for an edit that leaves the parsed note and its problems alike', () => {
    const body = '# Course\n\n## Key points\n- one\n\n## Notes\n\nLong notes.\n';
    const ws = fresh();
    ws.setNote('a.md', note(2, '', body));
    const version = ws.version;
    // The body only gives a title when the frontmatter has none; the index keeps no excerpt.
    assert.equal(ws.setNote('a.md', note(2, '', body + 'More notes at the end.\n')), false);
    assert.equal(ws.setNote('a.md', note(2, '', body.replace('- one', '- one, edited'))), false);
    assert.equal(ws.version, version);
  });

  it('reports a change of the title (from the frontmatter or the heading), a problem or a key line', () => {
    const ws = fresh();
    ws.setNote('a.md', note(2));
    for (const [what, text] of [
      ['heading title', note(2, '', '# Heading\n').replace('title: Course\n', '')],
      ['other heading title', note(2, '', '# Other heading\n').replace('title: Course\n', '')],
      ['title', note(2, '', 'Other body.\n').replace('title: Course', 'title: Course 2')],
      ['problem', note(2, 'topics: [pharmacy-lw]\n', 'Other body.\n').replace('title: Course', 'title: Course 2')],
      ['key line', note(2, 'topics: [pharmacy-lw]\n', 'Other body.\n').replace('title: Course', 'title: Course 2').replace('---\n', '---\n# comment\n')],
    ]) {
      const version = ws.version;
      assert.equal(ws.setNote('a.md', text), true, what);
      assert.ok(ws.version > version, what);
    }
  });

  it('re-adds a deleted note with the same text', () => {
    const ws = fresh();
    ws.setNote('a.md', note(2));
    ws.deleteNote('a.md');
    assert.equal(ws.setNote('a.md', note(2)), true);
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 2);
  });
});

describe('FolderIndex: evaluation memo', () => {
  const variants = [
    note(1),
    note(2, 'topics: [law]\n'),
    note(3, 'audience: pharmacist\n'),
    note(6, 'audience: pharmacist\ncategory: college\n'),
    note(2, 'category: in-service\n'),
    note(1, 'credentials: [tx]\n'),
    note(1, 'topics: [human-trafficking]\n'),
    note(2, 'status: planned\n'),
    note(-1),
    '# study\n',
  ].map((text, i) => text.replace('2026-01-15', `2026-0${1 + (i % 9)}-1${i % 10}`));
  const dates = ['2026-01-01', '2026-05-15', AS_OF, '2027-06-30'];
  const configs = [CONFIG, CONFIG.replace('2027-03-31', '2026-06-30'), JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] })];
  const step = fc.oneof(
    fc.record({ kind: fc.constant('note' as const), path: fc.constantFrom('a.md', 'b.md', 'c/d.md', 'e.md'), variant: fc.nat(variants.length - 1) }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom('a.md', 'b.md') }),
    fc.record({ kind: fc.constant('config' as const), config: fc.nat(configs.length - 1) }),
    fc.record({ kind: fc.constant('date' as const), date: fc.nat(dates.length - 1) }),
  );

  it('matches a fresh evaluation of the same notes after any series of edits, dates and configs (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const ws = fresh();
        for (const s of steps) {
          if (s.kind === 'note') ws.setNote(s.path, variants[s.variant]);
          else if (s.kind === 'delete') ws.deleteNote(s.path);
          else if (s.kind === 'config') ws.setConfig(configs[s.config], AS_OF);
          // The memo is filled at this step's date first, then read at every other one.
          const first = s.kind === 'date' ? dates[s.date] : AS_OF;
          for (const date of [first, ...dates]) assert.deepEqual(ws.evaluate(date), evaluateAll(ws.config, ws.notes(), date), date);
        }
      }),
    );
  });

  it('stays right with more credentials and dates than a note keeps classifications for', () => {
    const credentials = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, ruleSet: i % 2 ? 'ptcb-cpht' : 'tx-technician', cycleEnd: `2027-0${1 + (i % 9)}-28` }));
    const ws = fresh(JSON.stringify({ credentials }));
    variants.forEach((text, i) => ws.setNote(`n${i}.md`, text));
    for (const date of [...dates, ...dates]) {
      assert.deepEqual(ws.evaluate(date), evaluateAll(ws.config, ws.notes(), date), date);
    }
  });
});
