// Configs written to hang or crash the reader: each case here once took seconds to minutes or threw.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/rules/config';
import { nearestId } from '../../src/core/rules/rules';
import { nearestWord, typoDistance } from '../../src/core/common/typo';

const AS_OF = '2026-11-25';

function ruleSet(id: string): object {
  return { id, name: `Rule set ${id}`, source: 'https://example.org', asOf: '2026-01-01', cycleMonths: 24, totalHours: 20 };
}

/** Optimal string alignment distance by the full table, capped at max + 1: what typoDistance must equal. */
function referenceDistance(a: string, b: string, max: number): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return Math.min(d[a.length][b.length], max + 1);
}

describe('typoDistance', () => {
  it('counts edits, a swap of neighbours as one, and caps at max + 1', () => {
    assert.equal(typoDistance('completed', 'compelted', 3), 1);
    assert.equal(typoDistance('kitten', 'sitting', 5), 3);
    assert.equal(typoDistance('kitten', 'sitting', 2), 3);
    assert.equal(typoDistance('', 'law', 3), 3);
    assert.equal(typoDistance('abc', 'abc', 0), 0);
    assert.equal(typoDistance('a', 'abcdef', 2), 3);
  });

  it('equals the full-table distance, capped (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 14 }), (a, b, max) => {
        assert.equal(typoDistance(a, b, max), referenceDistance(a, b, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('nearestWord gives the nearest choice within max edits, the first of equals', () => {
    assert.equal(nearestWord('compelted', ['completed', 'competed'], 2), 'completed');
    assert.equal(nearestWord('lw', ['law', 'lr'], 1), 'law');
    assert.equal(nearestWord('abcdef', ['law'], 2), undefined);
  });

  it('compares two 100,000-character strings in a band, not a full table', function () {
    this.timeout(5_000);
    const a = 'x'.repeat(100_000);
    assert.equal(typoDistance(a, a, 2), 0);
    assert.equal(typoDistance(a, `${a.slice(2)}yz`, 2), 2);
  });
});

describe('nearestId: bounded', () => {
  it('still finds ids by distance, by containment (nearest length first) and by name', () => {
    const ids = ['ptcb-cpht', 'ptcb-cpht-adv', 'tx-technician', 'nha-excpt'];
    assert.equal(nearestId('ptcb-cpth', ids), 'ptcb-cpht');
    assert.equal(nearestId('cpht', ids), 'ptcb-cpht');
    assert.equal(nearestId('texas', ids, { 'tx-technician': 'Texas pharmacy technician registration' }), 'tx-technician');
    assert.equal(nearestId('x'.repeat(101), ids), undefined);
  });

  it('never reads a name through the prototype', () => {
    assert.equal(nearestId('constructor', ['constructor-x', 'toString']), 'constructor-x');
    assert.equal(nearestId('function', ['constructor', 'toString']), undefined);
  });
});

describe('parseConfig: unknown rule-set references', () => {
  it('suggests for the first 20 unknown references and lists at most 20 known ids', () => {
    const text = JSON.stringify({
      ruleSets: Array.from({ length: 30 }, (_, i) => ruleSet(`board-${i}`)),
      credentials: Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, ruleSet: `bord-${i}`, cycleEnd: '2027-03-31' })),
    });
    const unknown = parseConfig(text, { asOf: AS_OF }).problems.filter((p) => p.code === 'config-unknown-rule-set');
    assert.equal(unknown.length, 25);
    assert.deepEqual(
      unknown.slice(0, 20).map((p) => p.replacement),
      Array.from({ length: 20 }, (_, i) => JSON.stringify(`board-${i}`)),
    );
    for (const p of unknown.slice(20)) {
      assert.equal(p.replacement, undefined);
      assert.match(p.message, /Known: ptcb-cpht, .* and \d+ more\. This credential is left out\.$/);
    }
  });

  it('reads 10,000 unknown references against 2,000 rule sets well within the test timeout', function () {
    this.timeout(10_000);
    const text = JSON.stringify({
      ruleSets: Array.from({ length: 2000 }, (_, i) => ruleSet(`state-board-rules-${i}`)),
      credentials: Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, ruleSet: `state-bord-rules-${i}`, cycleEnd: '2027-03-31' })),
    });
    const { problems } = parseConfig(text, { asOf: AS_OF });
    assert.equal(problems.filter((p) => p.code === 'config-unknown-rule-set').length, 10_000);
  });

  it('reads 2,000 requirements with duplicate ids and a 50,000-character topic', function () {
    this.timeout(10_000);
    const requirements = Array.from({ length: 2000 }, (_, i) => ({ id: `r${i % 1000}`, minHours: 1, topic: i === 0 ? 'l'.repeat(50_000) : 'law' }));
    const text = JSON.stringify({ ruleSets: [{ ...ruleSet('mine'), requirements }], credentials: [{ ruleSet: 'mine', cycleEnd: '2027-03-31' }] });
    const { problems } = parseConfig(text, { asOf: AS_OF });
    assert.equal(problems.filter((p) => p.message.startsWith('Duplicate requirements id')).length, 1000);
    assert.equal(problems.filter((p) => p.code === 'unknown-topic').length, 1);
  });
});

describe('parseConfig: ids that are names of Object.prototype', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('reports an unknown rule set named like a prototype property at its line, and keeps the other credentials', () => {
    for (const name of NAMES) {
      const text = `{\n  "credentials": [\n    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" },\n    { "ruleSet": ${JSON.stringify(name)}, "cycleEnd": "2027-03-31" }\n  ]\n}`;
      const { config, problems } = parseConfig(text, { asOf: AS_OF });
      const unknown = problems.filter((p) => p.code === 'config-unknown-rule-set');
      assert.deepEqual(
        unknown.map((p) => [p.line, p.column]),
        [[4, 18]],
        name,
      );
      assert.match(unknown[0].message, new RegExp(`Unknown rule set "${name}"`));
      assert.deepEqual(config.credentials.map((c) => c.ruleSetId), ['ptcb-cpht'], name);
      assert.equal(config.fromFile, true);
    }
  });

  it('reads such names as ordinary ids of rule sets, requirements, limits and credentials', () => {
    for (const name of NAMES) {
      const text = JSON.stringify({
        ruleSets: [
          {
            ...ruleSet(name),
            requirements: [{ id: name, minHours: 1 }, { id: 'law', minHours: 1, topic: 'law' }],
            limits: [{ id: name, maxHours: 2, category: 'college' }],
          },
        ],
        credentials: [{ id: name, ruleSet: name, cycleEnd: '2027-03-31' }],
      });
      const { config, problems } = parseConfig(text, { asOf: AS_OF });
      assert.deepEqual(problems, [], name);
      assert.deepEqual(config.credentials.map((c) => [c.id, c.ruleSetId]), [[name, name]]);
      const rules = config.ruleSets[name];
      assert.deepEqual([rules.id, rules.requirements.map((r) => r.id), rules.limits.map((l) => l.id)], [name, [name, 'law'], [name]]);
      assert.ok(Object.keys(config.ruleSets).includes(name), name);
    }
  });

  it('reports a duplicate rule set, requirement or limit id named like a prototype property', () => {
    const text = JSON.stringify({
      ruleSets: [ruleSet('toString'), ruleSet('toString'), { ...ruleSet('other'), requirements: [{ id: 'constructor', minHours: 1 }, { id: 'constructor', minHours: 2 }] }],
      credentials: [{ ruleSet: 'toString', cycleEnd: '2027-03-31' }, { ruleSet: 'toString', cycleEnd: '2027-03-31' }],
    });
    const messages = parseConfig(text, { asOf: AS_OF }).problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.startsWith('Duplicate requirements id "constructor"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('Duplicate rule set id "toString"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('Duplicate credential id "toString"')), messages.join('\n'));
  });
});

describe('parseConfig: dates outside 1900-2199', () => {
  it('reports each at its line, leaves the credential or rule set out, and never throws', () => {
    const text = [
      '{',
      '  "ruleSets": [{ "id": "old", "name": "Old", "source": "s", "asOf": "0001-01-01", "cycleMonths": 120, "totalHours": 1 }],',
      '  "credentials": [',
      '    { "ruleSet": "ptcb-cpht", "cycleEnd": "0001-01-01" },',
      '    { "ruleSet": "tx-technician", "cycleEnd": "2200-01-01" },',
      '    { "ruleSet": "nha-excpt", "cycleEnd": "2027-03-31", "cycleStart": "1899-12-31" },',
      '    { "ruleSet": "ptcb-cspt", "cycleEnd": "1900-01-01" }',
      '  ]',
      '}',
    ].join('\n');
    const { config, problems } = parseConfig(text, { asOf: AS_OF });
    const outside = problems.filter((p) => /outside the years 1900-2199/.test(p.message));
    assert.deepEqual(
      outside.map((p) => [p.line, p.column, p.severity]),
      [
        [2, 69, 'error'],
        [4, 43, 'error'],
        [5, 47, 'error'],
        [6, 71, 'error'],
      ],
    );
    // The earliest cycle end allowed still gives a cycle start YYYY-MM-DD can write.
    assert.deepEqual(config.credentials.map((c) => [c.ruleSetId, c.cycle.start, c.cycle.end]), [['ptcb-cspt', '1899-01-02', '1900-01-01']]);
  });
});

describe('parseConfig: long values in messages', () => {
  it('quotes at most 60 characters of a value, an id or a key', () => {
    const long = 'x'.repeat(5000);
    const text = JSON.stringify({
      [long]: 1,
      ruleSets: [{ ...ruleSet('mine'), requirements: [{ id: 'r', minHours: 1, topic: long, format: long }] }],
      credentials: [{ ruleSet: long, cycleEnd: long, label: 5 }],
    });
    const { problems } = parseConfig(text, { asOf: AS_OF });
    assert.ok(problems.length >= 5, JSON.stringify(problems).slice(0, 500));
    for (const p of problems) {
      assert.ok(p.message.length < 400, p.message.slice(0, 200));
      if (p.message.includes('xxxx')) assert.ok(p.message.includes(`${'x'.repeat(60)}…`), p.message);
    }
  });
});
