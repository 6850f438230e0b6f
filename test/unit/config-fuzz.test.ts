// Fuzz: `.pharmacy-ce.json` is untrusted (a shared notes repository brings its own, read even in an untrusted
// workspace). Whatever the text, parseConfig returns, quickly, a well-formed config and problems that point
// inside the text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCalendarDate, isDateInRange } from '../../src/core/common/dates';
import { globProblem } from '../../src/core/common/globs';
import { parseConfig } from '../../src/core/rules/config';
import type { ConfigParseResult } from '../../src/core/types';

const AS_OF = '2026-11-25';
/** Per input; the target is 50 ms, the bound is generous so a slow CI machine does not fail it. */
const TIME_BOUND_MS = 1000;

const hostileId = fc.oneof(
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'ptcb-cpht', 'tx-technician', 'mine', '', ' '),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('x'.repeat(5000), 'ptcb-cpht'.repeat(40)),
);
const oddDate = fc.oneof(
  fc.constantFrom('0001-01-01', '0000-01-01', '9999-12-31', '2026-02-30', '2027-03-31', '1900-01-01', '2199-12-31', '2200-01-01', '1899-12-31'),
  fc.constantFrom('+002026-01-01', '2026-1-1', '20260101', 'not a date', '', '2026-04-31T00:00:00Z'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const glob = fc.oneof(
  fc.constantFrom('+(a|aa)', '+(ab|abab)', '+(*|?)', '*(+(a))', '*a*a*a*b', '**/a/**/b/**/c', '**/*.md', '{a,b}/**', '{1..99999999}'),
  fc.constantFrom('[[:constructor:]]', '!(x)', '\\', '[', '**/**/**/x', '!drafts/**', '', 'a'.repeat(600)),
  fc.string({ unit: fc.constantFrom('*', '?', 'a', '/', '(', ')', '|', '+', '@', '!', '{', '}', ',', '[', ']', '.'), maxLength: 30 }),
);
const oddNumber = fc.oneof(fc.constantFrom(-1, 0, 0.5, 1, 24, 120, 121, 1e308, -1e308, 2 ** 53), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** Any JSON value, for a key that expects something else. */
const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    hostileId,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileId, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value that is usually of the right kind, sometimes anything. */
const mostly = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anyJson });

const requirement = fc.record(
  {
    id: mostly(hostileId),
    label: mostly(fc.string()),
    topic: mostly(fc.oneof(fc.constantFrom('law', 'patient-safety', 'compounding', 'lw'), hostileId)),
    format: mostly(fc.constantFrom('live', 'home-study', 'hom-study')),
    audience: mostly(fc.constantFrom('technician', 'pharmacist', 'tech')),
    category: mostly(fc.constantFrom('ce', 'college', 'in-service', 'volunteering', 'colege')),
    minHours: mostly(oddNumber),
    maxHours: mostly(oddNumber),
    countsTowardTotal: mostly(fc.boolean()),
  },
  { requiredKeys: [] },
);
const ruleSet = fc.record(
  {
    id: mostly(hostileId),
    name: mostly(fc.string()),
    shortName: mostly(fc.string()),
    source: mostly(fc.string()),
    asOf: mostly(oddDate),
    cycleMonths: mostly(oddNumber),
    totalHours: mostly(oddNumber),
    requirements: mostly(fc.array(requirement, { maxLength: 4 })),
    limits: mostly(fc.array(requirement, { maxLength: 3 })),
    caveats: mostly(fc.array(fc.string(), { maxLength: 2 })),
    verify: mostly(fc.boolean()),
    hasOwnProperty: anyJson,
  },
  { requiredKeys: [] },
);
const credential = fc.record(
  { id: mostly(hostileId), ruleSet: mostly(hostileId), cycleEnd: mostly(oddDate), cycleStart: mostly(oddDate), label: mostly(fc.string()), cycleEnds: anyJson },
  { requiredKeys: [] },
);
const config = fc.record(
  {
    $schema: mostly(fc.string()),
    credentials: mostly(fc.array(credential, { maxLength: 5 })),
    ruleSets: mostly(fc.array(ruleSet, { maxLength: 4 })),
    include: mostly(fc.array(glob, { maxLength: 4 })),
    exclude: mostly(fc.array(glob, { maxLength: 4 })),
    credential: anyJson,
    constructor: anyJson,
  },
  { requiredKeys: [] },
);

/** The config as text: JSON with some indentation, sometimes with JSONC comments and trailing commas, a BOM or CR line ends. */
const configText = fc
  .tuple(config, fc.constantFrom(0, 1, 2, '\t'), fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([value, indent, jsonc, eol, bom]) => {
    let text = JSON.stringify(value, null, indent);
    if (jsonc) text = text.replace(/,\n/g, ', // note\n').replace(/\n(\s*)\}/g, ',\n$1/* end */ }');
    text = text.replace(/\n/g, eol);
    return (bom ? '\uFEFF' : '') + text;
  });

/** Texts that are not a config at all: cut short, deeply nested, noise. */
const brokenText = fc.oneof(
  fc.tuple(configText, fc.nat()).map(([text, n]) => text.slice(0, n % (text.length + 1))),
  fc.integer({ min: 1, max: 50_000 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `{"credentials":${'['.repeat(n)}${']'.repeat(n)}}`),
  fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '/', '*', '\n', '\r', ' ', 'a', '1', '\\') }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function lineLengths(text: string): number[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Parses with a time bound, and checks everything a caller relies on. */
function check(text: string): ConfigParseResult {
  const started = performance.now();
  const result = parseConfig(text, { asOf: AS_OF });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < TIME_BOUND_MS, `${Math.round(elapsed)} ms for ${text.length} characters: ${text.slice(0, 200)}`);

  const lengths = lineLengths(text);
  for (const p of result.problems) {
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lengths.length, `line ${p.line} of ${lengths.length}: ${p.message}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 1 && p.column <= lengths[p.line - 1] + 1, `column ${p.column} on line ${p.line}: ${p.message}`);
    assert.ok(['error', 'warning', 'info'].includes(p.severity));
    assert.ok(typeof p.message === 'string' && p.message.length > 0 && p.message.length < 2000, p.message.slice(0, 200));
    if (p.length !== undefined) assert.ok(Number.isInteger(p.length) && p.length > 0);
  }

  const { config } = result;
  assert.ok(config.credentials.length > 0, 'a credential always applies');
  assert.equal(config.fromFile, !result.problems.some((p) => p.severity === 'info' && /default .* applies/.test(p.message)));
  const ids = new Set<string>();
  for (const c of config.credentials) {
    assert.ok(typeof c.id === 'string' && !ids.has(c.id), `credential id ${c.id}`);
    ids.add(c.id);
    assert.ok(Object.hasOwn(config.ruleSets, c.ruleSetId), `rule set ${c.ruleSetId}`);
    const rules = config.ruleSets[c.ruleSetId];
    assert.equal(rules.id, c.ruleSetId);
    assert.ok(Number.isInteger(rules.cycleMonths) && rules.cycleMonths >= 1 && rules.cycleMonths <= 120);
    assert.ok(Number.isFinite(rules.totalHours) && rules.totalHours >= 0);
    for (const date of [c.cycle.start, c.cycle.end]) assert.ok(isCalendarDate(date), date);
    assert.ok(isDateInRange(c.cycle.end), c.cycle.end);
    assert.ok(c.cycle.start <= c.cycle.end, `${c.cycle.start}..${c.cycle.end}`);
    assert.ok(typeof c.label === 'string' && c.label.trim() !== '');
  }
  for (const rules of Object.values(config.ruleSets)) {
    for (const r of rules.requirements) assert.ok(typeof r.id === 'string' && Number.isFinite(r.minHours) && r.minHours >= 0);
    for (const l of rules.limits) assert.ok(typeof l.id === 'string' && Number.isFinite(l.maxHours) && l.maxHours >= 0);
  }
  for (const g of [...config.include, ...config.exclude]) assert.equal(globProblem(g), undefined, g);
  return result;
}

describe('parseConfig fuzz (untrusted .pharmacy-ce.json)', function () {
  this.timeout(120_000);

  it('structured configs with hostile ids, odd dates, numbers and globs (property)', () => {
    fc.assert(fc.property(configText, (text) => void check(text)), { numRuns: 800 });
  });

  it('broken texts: cut short, nested, noise (property)', () => {
    fc.assert(fc.property(brokenText, (text) => void check(text)), { numRuns: 300 });
  });

  it('huge inputs: thousands of credentials, rule sets, requirements, unknown keys and references', () => {
    const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
    const rs = (id: string, extra: object = {}) => ({ id, name: id, source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 20, ...extra });
    const inputs = [
      { credentials: many(2000, (i) => ({ ruleSet: `unknown-rules-${i}`, cycleEnd: '2027-03-31' })), ruleSets: many(1000, (i) => rs(`known-rules-${i}`)) },
      { credentials: many(2000, (i) => ({ id: 'same', ruleSet: i % 2 ? 'ptcb-cpht' : 'constructor', cycleEnd: '0001-01-01' })) },
      { ruleSets: [rs('big', { requirements: many(2000, (i) => ({ id: `r${i % 10}`, minHours: 1, topic: `topic-${i}` })) })], credentials: [{ ruleSet: 'big', cycleEnd: '2027-03-31' }] },
      { ...Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`unknown-key-${i}-${'k'.repeat(i % 200)}`, i])), credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] },
      { credentials: [{ ruleSet: 'p'.repeat(100_000), cycleEnd: '2027-03-31' }], include: many(2000, () => '*a*a*a*b'), exclude: many(2000, (i) => `+(a|aa)/${i}/**`) },
    ];
    for (const value of inputs) {
      const text = JSON.stringify(value, null, 1);
      const { problems } = check(text);
      assert.ok(problems.length > 0);
    }
  });
});
