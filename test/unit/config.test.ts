import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, defaultCycleEnd, parseConfig } from '../../src/core/rules/config';
import { BUILT_IN_RULE_SET_IDS } from '../../src/core/rules/rules';
import { AS_OF, lines, only, parse, where } from './config-helpers';

describe('parseConfig', () => {
  it('reads the fixture config: ids, labels and cycles', () => {
    const text = readFileSync(join(__dirname, '../../../test/fixtures/workspace/.pharmacy-ce.json'), 'utf8');
    const { config, problems } = parse(text);
    assert.deepEqual(problems, []);
    assert.equal(config.fromFile, true);
    assert.deepEqual(config.credentials, [
      { id: 'ptcb-cpht', label: 'PTCB CPhT', ruleSetId: 'ptcb-cpht', cycle: { start: '2025-04-01', end: '2027-03-31' } },
      { id: 'tx', label: 'Texas registration', ruleSetId: 'tx-technician', cycle: { start: '2025-01-01', end: '2026-12-31' } },
    ]);
    assert.deepEqual(config.include, []);
    assert.deepEqual(config.exclude, ['templates/**']);
    assert.deepEqual(Object.keys(config.ruleSets).sort(), [...BUILT_IN_RULE_SET_IDS].sort());
  });

  describe('without a file', () => {
    it('applies one PTCB CPhT credential in the two-year window starting in an even year, with an info problem', () => {
      const { config, problems } = parse(undefined);
      assert.equal(config.fromFile, false);
      assert.deepEqual(config.credentials, [{ id: 'ptcb-cpht', label: 'PTCB CPhT', ruleSetId: 'ptcb-cpht', cycle: { start: '2026-01-01', end: '2027-12-31' } }]);
      assert.equal(problems.length, 1);
      const [p] = problems;
      assert.deepEqual([p.file, p.line, p.column, p.severity, p.code], [CONFIG_FILE, 1, 1, 'info', 'config-missing']);
      assert.match(p.message, /Pharmacy CE: Set Up Credentials/);
      assert.match(p.message, /2026-01-01\.\.2027-12-31/);
    });

    it('places the window by the even year', () => {
      assert.equal(defaultCycleEnd('2026-01-01'), '2027-12-31');
      assert.equal(defaultCycleEnd('2027-12-31'), '2027-12-31');
      assert.equal(defaultCycleEnd('2028-01-01'), '2029-12-31');
      assert.deepEqual(parse(undefined, '2027-06-30').config.credentials[0].cycle, { start: '2026-01-01', end: '2027-12-31' });
    });

    it('uses the file name given for problems', () => {
      assert.equal(parseConfig(undefined, { asOf: AS_OF, file: 'sub/.pharmacy-ce.json' }).problems[0].file, 'sub/.pharmacy-ce.json');
    });
  });

  describe('credentials', () => {
    it('default the id to the rule set id and the label to its name; cycleStart wins over cycleMonths', () => {
      const { config } = parse('{"credentials": [{"ruleSet": "ptcb-cspt", "cycleEnd": "2026-06-30", "cycleStart": "2025-06-15"}, {"id": "adv", "ruleSet": "ptcb-cpht-adv", "cycleEnd": "2027-03-31"}]}');
      assert.deepEqual(config.credentials, [
        { id: 'ptcb-cspt', label: 'PTCB CSPT', ruleSetId: 'ptcb-cspt', cycle: { start: '2025-06-15', end: '2026-06-30' } },
        { id: 'adv', label: 'PTCB CPhT-Adv', ruleSetId: 'ptcb-cpht-adv', cycle: { start: '2025-04-01', end: '2027-03-31' } },
      ]);
    });

    it('handles month ends: a cycle ending 2027-02-28 starts 2025-03-01, one ending 2028-02-29 starts 2026-03-01', () => {
      const { config } = parse('{"credentials": [{"ruleSet": "ptcb-cpht", "cycleEnd": "2027-02-28"}, {"id": "b", "ruleSet": "ptcb-cpht", "cycleEnd": "2028-02-29"}, {"id": "c", "ruleSet": "ptcb-cspt", "cycleEnd": "2026-04-30"}]}');
      assert.deepEqual(config.credentials.map((c) => c.cycle.start), ['2025-03-01', '2026-03-01', '2025-05-01']);
    });

    it('keep the good credentials of a partly broken file', () => {
      const text = lines(
        '{',
        '  "credentials": [',
        '    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" },',
        '    { "id": "tx", "ruleSet": "tx-technician", "cycleEnd": "2026/12/31" }',
        '  ]',
        '}',
      );
      const { config, problems } = parse(text);
      assert.equal(config.fromFile, true);
      assert.deepEqual(config.credentials.map((c) => c.id), ['ptcb-cpht']);
      const p = only(problems);
      assert.deepEqual([p.line, p.column, p.length, p.code], [4, 59, 12, 'config-value']);
      assert.match(p.message, /YYYY-MM-DD/);
    });
  });

  describe('errors, each at its line and column', () => {
    it('invalid JSON: the syntax error, and the default applies', () => {
      const text = lines('{', '  "credentials": [', '    { "ruleSet": "ptcb-cpht" "cycleEnd": "2027-03-31" }', '  ]', '}');
      const { config, problems } = parse(text);
      assert.equal(config.fromFile, false);
      assert.deepEqual(config.credentials.map((c) => c.cycle), [{ start: '2026-01-01', end: '2027-12-31' }]);
      assert.deepEqual(where(problems), [
        [1, 1, 'info', 'config-value'],
        [3, 30, 'error', 'config-syntax'],
      ]);
      assert.match(problems[1].message, /comma/);
      assert.match(problems[0].message, /default PTCB CPhT credential applies/);
    });

    it('an unclosed file, an empty file, a file that is not an object', () => {
      assert.deepEqual(where(parse('{\n  "credentials": [\n').problems).slice(1)[0].slice(2), ['error', 'config-syntax']);
      const empty = parse('   \n');
      assert.equal(empty.config.fromFile, false);
      assert.match(only(empty.problems).message, /empty/);
      const array = parse('\n[ { "ruleSet": "ptcb-cpht" } ]');
      const p = only(array.problems);
      assert.deepEqual([p.line, p.column, p.code], [2, 1, 'config-value']);
    });

    it('an unknown rule set, with the nearest id suggested as a quick-fix replacement', () => {
      const text = lines('{', '  "credentials": [', '    { "ruleSet": "ptcb-cpth", "cycleEnd": "2027-03-31" }', '  ]', '}');
      const p = only(parse(text).problems);
      assert.deepEqual([p.line, p.column, p.length, p.code, p.replacement], [3, 18, 11, 'config-unknown-rule-set', '"ptcb-cpht"']);
      assert.match(p.message, /did you mean "ptcb-cpht"/);
      assert.match(only(parse('{"credentials": [{"ruleSet": "texas", "cycleEnd": "2027-03-31"}]}').problems).message, /did you mean "tx-technician"/);
      assert.equal(only(parse('{"credentials": [{"ruleSet": "zzzzzzzz", "cycleEnd": "2027-03-31"}]}').problems).replacement, undefined);
    });

    it('a bad date: wrong form, and a day that does not exist', () => {
      const text = lines('{"credentials": [', '  {"ruleSet": "ptcb-cpht", "cycleEnd": "03/31/2027"},', '  {"id": "b", "ruleSet": "ptcb-cpht", "cycleEnd": "2027-02-30"}', ']}');
      const { problems } = parse(text);
      assert.deepEqual(where(problems.filter((p) => p.severity === 'error')), [
        [2, 40, 'error', 'config-value'],
        [3, 51, 'error', 'config-value'],
      ]);
      assert.match(problems.find((p) => p.line === 3)?.message ?? '', /not a real date/);
    });

    it('cycleStart after cycleEnd', () => {
      const text = lines('{"credentials": [', '  {"ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31",', '   "cycleStart": "2027-04-01"}', ']}');
      const p = only(parse(text).problems);
      assert.deepEqual([p.line, p.column], [3, 18]);
      assert.match(p.message, /after cycleEnd/);
    });

    it('duplicate credential ids, explicit or defaulted (the second is left out)', () => {
      const text = lines(
        '{"credentials": [',
        '  {"ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31"},',
        '  {"ruleSet": "ptcb-cpht", "cycleEnd": "2029-03-31"},',
        '  {"id": "x", "ruleSet": "nha-excpt", "cycleEnd": "2027-03-31"},',
        '  {"id": "x", "ruleSet": "tx-technician", "cycleEnd": "2027-03-31"}',
        ']}',
      );
      const { config, problems } = parse(text);
      assert.deepEqual(config.credentials.map((c) => [c.id, c.cycle.end]), [['ptcb-cpht', '2027-03-31'], ['x', '2027-03-31']]);
      assert.deepEqual(where(problems), [
        [3, 15, 'error', 'config-value'],
        [5, 10, 'error', 'config-value'],
      ]);
      assert.match(problems[0].message, /Duplicate credential id "ptcb-cpht"/);
    });

    it('wrong types', () => {
      const text = lines(
        '{"credentials": [',
        '  {"ruleSet": 7, "cycleEnd": "2027-03-31"},',
        '  {"ruleSet": "ptcb-cpht", "cycleEnd": 20270331},',
        '  "ptcb-cpht",',
        '  {"id": "x", "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31", "label": true}',
        '],',
        '"include": "**/*.md"}',
      );
      const { config, problems } = parse(text);
      assert.deepEqual(where(problems), [
        [1, 1, 'info', 'config-value'],
        [2, 15, 'error', 'config-value'],
        [3, 40, 'error', 'config-value'],
        [4, 3, 'error', 'config-value'],
        [5, 74, 'error', 'config-value'],
        [7, 12, 'error', 'config-value'],
      ]);
      assert.match(problems[1].message, /"ruleSet" must be a string/);
      assert.match(problems[5].message, /"include" must be a list/);
      assert.equal(config.fromFile, false);
      assert.deepEqual(config.include, []);
      assert.equal(parse('{"credentials": {"ruleSet": "ptcb-cpht"}}').problems.filter((p) => p.severity === 'error').length, 1);
    });

    it('missing credential fields point at the object', () => {
      const text = lines('{"credentials": [', '  {"cycleEnd": "2027-03-31"},', '  {"ruleSet": "ptcb-cpht"}', ']}');
      const { problems } = parse(text);
      assert.deepEqual(where(problems.filter((p) => p.severity === 'error')), [
        [2, 3, 'error', 'config-value'],
        [3, 3, 'error', 'config-value'],
      ]);
      assert.equal(problems.find((p) => p.line === 2)?.length, 1);
    });

    it('unknown keys are warnings, with a suggestion', () => {
      const text = lines('{"credentials": [', '  {"ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31", "cycleEnds": "x"}', '],', '"exclud": []}');
      const { config, problems } = parse(text);
      assert.equal(config.fromFile, true);
      assert.deepEqual(where(problems), [
        [2, 54, 'warning', 'unknown-key'],
        [4, 1, 'warning', 'unknown-key'],
      ]);
      assert.equal(problems[1].replacement, '"exclude"');
      assert.deepEqual(parse('{"$schema": "./media/pharmacy-ce.schema.json", "credentials": [{"ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31"}]}').problems, []);
    });

    it('no credentials at all: a warning, and the default applies', () => {
      const { config, problems } = parse('{"exclude": ["drafts/**"]}');
      assert.equal(config.fromFile, false);
      assert.deepEqual(config.exclude, ['drafts/**']);
      assert.equal(config.credentials[0].ruleSetId, 'ptcb-cpht');
      assert.deepEqual(where(problems), [
        [1, 1, 'warning', 'config-value'],
        [1, 1, 'info', 'config-value'],
      ]);
    });

    it('counts columns after a BOM as an editor shows them, and lines across CRLF', () => {
      const text = '\uFEFF{\r\n  "credentials": [\r\n    { "ruleSet": "nope", "cycleEnd": "2027-03-31" }\r\n  ]\r\n}\r\n';
      const p = only(parse(text).problems);
      assert.deepEqual([p.line, p.column, p.length], [3, 18, 6]);
    });

    it('survives absurd nesting with an error instead of a stack overflow', () => {
      for (const text of ['{"credentials":' + '['.repeat(100_000), '{"credentials":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}']) {
        const { config, problems } = parse(text);
        assert.equal(config.fromFile, false);
        assert.ok(problems.some((p) => p.severity === 'error' && p.code === 'config-syntax'));
      }
    });

    it('accepts comments and trailing commas', () => {
      const text = lines('{', '  // my CPhT', '  "credentials": [ { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31", }, ],', '}');
      const { config, problems } = parse(text);
      assert.deepEqual(problems, []);
      assert.equal(config.credentials.length, 1);
    });
  });
});
