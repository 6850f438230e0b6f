// The credentials file: user rule sets, properties over generated files, and the JSON schema the editor uses.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { CONFIG_KEYS, parseConfig } from '../../src/core/rules/config';
import { BUILT_IN_RULE_SET_IDS } from '../../src/core/rules/rules';
import { TOPICS } from '../../src/core/notes/topics';
import { AS_OF, lines, only, parse, where } from './config-helpers';

describe('parseConfig', () => {
  describe('user rule sets', () => {
    const boardX = lines(
      '{',
      '  "credentials": [ { "id": "tx", "ruleSet": "board-x", "cycleEnd": "2026-12-31", "label": "My state" } ],',
      '  "ruleSets": [ { "id": "board-x", "name": "Board X", "source": "https://example.org", "asOf": "2026-01-01",',
      '                  "cycleMonths": 24, "totalHours": 20,',
      '                  "requirements": [ { "id": "state-law", "label": "State law", "topic": "state-law", "minHours": 1 },',
      '                                    { "id": "live", "label": "Live CE", "format": "live", "minHours": 4 },',
      '                                    { "id": "trafficking", "label": "Human trafficking", "topic": "human-trafficking", "minHours": 1, "countsTowardTotal": false } ],',
      '                  "limits": [ { "id": "in-service", "label": "In-service", "category": "in-service", "maxHours": 5 } ] } ],',
      '  "include": ["**/*.md"],',
      '  "exclude": ["templates/**"]',
      '}',
    );

    it("reads the issue's example", () => {
      const { config, problems } = parse(boardX);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.credentials, [{ id: 'tx', label: 'My state', ruleSetId: 'board-x', cycle: { start: '2025-01-01', end: '2026-12-31' } }]);
      assert.deepEqual(config.ruleSets['board-x'], {
        id: 'board-x',
        name: 'Board X',
        source: 'https://example.org',
        asOf: '2026-01-01',
        cycleMonths: 24,
        totalHours: 20,
        requirements: [
          { id: 'state-law', label: 'State law', topic: 'state-law', minHours: 1 },
          { id: 'live', label: 'Live CE', format: 'live', minHours: 4 },
          { id: 'trafficking', label: 'Human trafficking', topic: 'human-trafficking', minHours: 1, countsTowardTotal: false },
        ],
        limits: [{ id: 'in-service', label: 'In-service', category: 'in-service', maxHours: 5 }],
      });
      assert.deepEqual([config.include, config.exclude], [['**/*.md'], ['templates/**']]);
    });

    it('replace a built-in rule set with the same id', () => {
      const text = JSON.stringify({
        credentials: [{ ruleSet: 'tx-technician', cycleEnd: '2026-12-31' }],
        ruleSets: [{ id: 'tx-technician', name: 'Texas (mine)', source: 'me', asOf: '2026-06-01', cycleMonths: 12, totalHours: 10 }],
      });
      const { config, problems } = parse(text);
      assert.deepEqual(problems, []);
      const rs = config.ruleSets['tx-technician'];
      assert.deepEqual([rs.name, rs.totalHours, rs.builtIn, rs.requirements], ['Texas (mine)', 10, undefined, []]);
      assert.deepEqual(config.credentials[0], { id: 'tx-technician', label: 'Texas (mine)', ruleSetId: 'tx-technician', cycle: { start: '2026-01-01', end: '2026-12-31' } });
      assert.equal(config.ruleSets['ptcb-cpht'].builtIn, true);
    });

    it('with missing fields or bad values are left out, and so are credentials using them', () => {
      const text = lines(
        '{"credentials": [{"ruleSet": "tx-technician", "cycleEnd": "2026-12-31"}],',
        ' "ruleSets": [',
        '  {"id": "tx-technician", "name": "Texas", "asOf": "2026-01-01", "cycleMonths": 24, "totalHours": -20,',
        '   "requirements": [{"id": "law", "topic": "state-law"}],',
        '   "limits": [{"id": "x", "maxHours": 1}, {"id": "y", "audience": "pharmacists", "maxHours": 2}]}',
        ']}',
      );
      const { config, problems } = parse(text);
      assert.equal(config.fromFile, false);
      assert.equal(config.ruleSets['tx-technician'].builtIn, true, 'the broken override is not used');
      assert.deepEqual(where(problems), [
        [1, 1, 'info', 'config-value'],
        [1, 30, 'error', 'config-value'], // the credential: its rule set has errors
        [3, 3, 'error', 'config-value'], // missing "source"
        [3, 99, 'error', 'config-value'], // negative totalHours
        [4, 21, 'error', 'config-value'], // requirement without minHours
        [5, 15, 'error', 'config-value'], // limit without audience or category
        [5, 67, 'error', 'config-value'], // bad audience
      ]);
      assert.match(problems[3].message, /must not be negative/);
      assert.match(problems[1].message, /has errors/);
      assert.equal(problems[6].replacement, '"pharmacist"');
    });

    it('with an unknown topic get a warning but still work', () => {
      const text = JSON.stringify({
        credentials: [{ ruleSet: 'mine', cycleEnd: '2026-12-31' }],
        ruleSets: [{ id: 'mine', name: 'Mine', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 2, requirements: [{ id: 'l', topic: 'pharmacy-law', minHours: 1 }] }],
      });
      const { config, problems } = parse(text);
      assert.equal(config.fromFile, true);
      const p = only(problems, 'warning');
      assert.equal(p.code, 'unknown-topic');
      assert.equal(config.ruleSets.mine.requirements[0].label, 'l');
    });

    it('read windowMonths, countsTowardTotal "acpe" and applicationDeadline; bad values are errors at their place', () => {
      const good = JSON.stringify({
        credentials: [{ ruleSet: 'mine', cycleEnd: '2026-12-31' }],
        ruleSets: [{
          id: 'mine', name: 'Mine', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 2, applicationDeadline: 'first-of-end-month',
          requirements: [{ id: 'he', topic: 'health-equity', minHours: 2, windowMonths: 48 }, { id: 'ht', topic: 'human-trafficking', minHours: 1, countsTowardTotal: 'acpe' }],
        }],
      });
      const { config, problems } = parse(good);
      assert.deepEqual(problems, []);
      const rs = config.ruleSets.mine;
      assert.equal(rs.applicationDeadline, 'first-of-end-month');
      assert.deepEqual(rs.requirements.map((r) => [r.windowMonths, r.countsTowardTotal]), [[48, undefined], [undefined, 'acpe']]);
      assert.equal('windowMonths' in rs.requirements[1], false, 'an absent field stays absent');
      const bad = lines(
        '{"credentials": [{"ruleSet": "mine", "cycleEnd": "2026-12-31"}],',
        ' "ruleSets": [{"id": "mine", "name": "M", "source": "s", "asOf": "2026-01-01", "cycleMonths": 24, "totalHours": 2, "applicationDeadline": "june",',
        '   "requirements": [{"id": "a", "minHours": 1, "windowMonths": 0}, {"id": "b", "minHours": 1, "windowMonths": 2.5}, {"id": "c", "minHours": 1, "countsTowardTotal": "ACPE!"}]}]}',
      );
      const broken = parse(bad).problems.filter((p) => p.severity === 'error');
      assert.deepEqual(broken.map((p) => [p.line, p.message.split(' ')[0]]), [
        [1, 'The'],
        [2, '"applicationDeadline"'],
        [3, '"windowMonths"'],
        [3, '"windowMonths"'],
        [3, '"countsTowardTotal"'],
      ]);
    });

    it('duplicate rule set and requirement ids', () => {
      const base = { name: 'R', source: 's', asOf: '2026-01-01', cycleMonths: 12, totalHours: 1 };
      const text = JSON.stringify({
        credentials: [{ ruleSet: 'a', cycleEnd: '2026-12-31' }],
        ruleSets: [
          { id: 'a', ...base },
          { id: 'a', ...base, totalHours: 2 },
          { id: 'b', ...base, requirements: [{ id: 'r', minHours: 1 }, { id: 'r', minHours: 2 }] },
        ],
      });
      const { config, problems } = parse(text);
      assert.equal(config.ruleSets.a.totalHours, 1);
      assert.equal(config.ruleSets.b, undefined);
      assert.deepEqual(problems.map((p) => p.message.slice(0, 25)), ['Duplicate rule set id "a"', 'Duplicate requirements id']);
    });
  });

  it('passes the CSPT hours option to the built-in rule set', () => {
    const { config } = parseConfig('{"credentials": [{"ruleSet": "ptcb-cspt", "cycleEnd": "2026-12-31"}]}', { asOf: AS_OF, ruleSetOptions: { csptSterileHours: 4 } });
    assert.equal(config.ruleSets['ptcb-cspt'].requirements[0].minHours, 4);
  });

  describe('properties', () => {
    const lineCount = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
    const check = (text: string) => {
      const { config, problems } = parse(text);
      assert.ok(config.credentials.length >= 1, 'a credential always applies');
      for (const c of config.credentials) assert.ok(config.ruleSets[c.ruleSetId], `rule set of ${c.id}`);
      for (const p of problems) {
        assert.ok(p.line >= 1 && p.line <= lineCount(text), `line ${p.line}`);
        assert.ok(p.column >= 1, `column ${p.column}`);
      }
    };

    it('never throws and always places problems inside the file, whatever the text', () => {
      fc.assert(fc.property(fc.string({ maxLength: 200 }), check));
    });

    it('never throws on any JSON value, and on configs with shuffled pieces', () => {
      fc.assert(fc.property(fc.json({ maxDepth: 4 }), check));
      const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.constantFrom('2027-03-31', '2027-02-30', 'ptcb-cpht', 'board-x'));
      const credential = fc.dictionary(fc.constantFrom('id', 'ruleSet', 'cycleEnd', 'cycleStart', 'label', 'zzz'), value);
      const ruleSet = fc.dictionary(fc.constantFrom(...CONFIG_KEYS.ruleSet), fc.oneof(value, fc.array(fc.dictionary(fc.constantFrom('id', 'minHours', 'maxHours', 'topic', 'audience', 'category'), value))));
      const config = fc.record({ credentials: fc.array(credential, { maxLength: 4 }), ruleSets: fc.array(ruleSet, { maxLength: 3 }) }, { requiredKeys: [] });
      fc.assert(fc.property(config, fc.boolean(), (c, pretty) => check(JSON.stringify(c, null, pretty ? 2 : undefined))));
    });

    it('a valid credential always gets the cycle from cycleEnd minus the rule set months, plus a day', () => {
      const end = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      fc.assert(
        fc.property(end, fc.constantFrom(...BUILT_IN_RULE_SET_IDS), (cycleEnd, ruleSet) => {
          const { config, problems } = parse(JSON.stringify({ credentials: [{ ruleSet, cycleEnd }] }));
          assert.deepEqual(problems, []);
          const { start, end: e } = config.credentials[0].cycle;
          const months = config.ruleSets[ruleSet].cycleMonths;
          assert.equal(e, cycleEnd);
          const days = (Date.parse(e) - Date.parse(start)) / 86_400_000 + 1;
          assert.ok(days >= months * 28 && days <= months * 31 + 1, `${start}..${e}: ${days} days`);
          // The day before the start is cycleEnd minus the months (clamped to the month's end), or that
          // month's last day when cycleEnd is a month end.
          const before = new Date(Date.parse(start) - 86_400_000).toISOString().slice(0, 10);
          const [y, m, d] = cycleEnd.split('-').map(Number);
          const lastOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
          const index = y * 12 + m - 1 - months;
          const [by, bm] = [Math.floor(index / 12), (index % 12) + 1];
          const day = d === lastOf(y, m) ? lastOf(by, bm) : Math.min(d, lastOf(by, bm));
          assert.equal(before, `${by}-${String(bm).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        }),
      );
    });
  });
});

describe('media/pharmacy-ce.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../../media/pharmacy-ce.schema.json'), 'utf8'));
  type S = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('is draft-07 and describes the same keys the parser reads', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const keysOf = (s: S) => Object.keys(s.properties).sort();
    assert.deepEqual(keysOf(schema), [...CONFIG_KEYS.root].sort());
    assert.deepEqual(keysOf(schema.definitions.credential), [...CONFIG_KEYS.credential].sort());
    assert.deepEqual(keysOf(schema.definitions.ruleSet), [...CONFIG_KEYS.ruleSet].sort());
    assert.deepEqual(keysOf(schema.definitions.requirement), [...CONFIG_KEYS.requirement].sort());
    assert.deepEqual(keysOf(schema.definitions.limit), [...CONFIG_KEYS.limit].sort());
  });

  it('has no "$ref" with sibling keywords (draft-07 ignores them, and VS Code loses the hover)', () => {
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (node && typeof node === 'object') {
        if ('$ref' in node) assert.deepEqual(Object.keys(node), ['$ref'], at);
        for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
      }
    };
    walk(schema, '$');
  });

  it('has a description on every property, for hovers', () => {
    const objects = [schema, schema.definitions.credential, schema.definitions.ruleSet, schema.definitions.requirement, schema.definitions.limit];
    for (const o of objects) {
      for (const [key, value] of Object.entries<S>(o.properties)) assert.ok(value.description, `no description for ${key}`);
    }
  });

  // Ajv comes with @vscode/vsce (not a dependency of ours): loaded at run time so the bundle never needs it.
  it('is a valid draft-07 schema that accepts the shipped configs and rejects broken ones (with Ajv)', function () {
    let Ajv: new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
    try {
      Ajv = createRequire(__filename)('ajv');
    } catch {
      this.skip();
    }
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const root = join(__dirname, '../../..');
    for (const file of ['test/fixtures/workspace/.pharmacy-ce.json', 'sample-notes/.pharmacy-ce.json']) {
      if (!existsSync(join(root, file))) continue;
      const ok = validate(JSON.parse(readFileSync(join(root, file), 'utf8')));
      assert.ok(ok, `${file}: ${JSON.stringify(validate.errors)}`);
    }
    const example = {
      credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }, { id: 'tx', ruleSet: 'board-x', cycleEnd: '2026-12-31', label: 'My state' }],
      ruleSets: [
        {
          id: 'board-x', name: 'Board X', source: 'https://example.org', asOf: '2026-01-01', cycleMonths: 24, totalHours: 20,
          requirements: [
            { id: 'live', label: 'Live CE', format: 'live', minHours: 4 },
            { id: 't', label: 'T', topic: 'human-trafficking', minHours: 1, countsTowardTotal: false },
            { id: 'ht', label: 'HT', topic: 'human-trafficking', minHours: 1, countsTowardTotal: 'acpe' },
            { id: 'he', label: 'HE', topic: 'health-equity', minHours: 2, windowMonths: 48 },
          ],
          limits: [{ id: 'in-service', label: 'In-service', category: 'in-service', maxHours: 5 }],
          applicationDeadline: 'first-of-end-month',
        },
      ],
      include: ['**/*.md'],
      exclude: ['templates/**'],
    };
    assert.ok(validate(example), JSON.stringify(validate.errors));
    const broken: unknown[] = [
      { credentials: [{ ruleSet: 'ptcb-cpht' }] },
      { credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '03/31/2027' }] },
      { credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31', extra: 1 }] },
      { credentials: 'ptcb-cpht' },
      { ruleSets: [{ id: 'x', name: 'X', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: -1 }] },
      { ruleSets: [{ id: 'x', name: 'X', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 1, limits: [{ id: 'l', maxHours: 1 }] }] },
      { ruleSets: [{ id: 'x', name: 'X', cycleMonths: 24, totalHours: 1 }] },
      { credential: [] },
      { ruleSets: [{ id: 'x', name: 'X', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 1, requirements: [{ id: 'r', minHours: 1, windowMonths: 0 }] }] },
      { ruleSets: [{ id: 'x', name: 'X', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 1, requirements: [{ id: 'r', minHours: 1, windowMonths: 1.5 }] }] },
      { ruleSets: [{ id: 'x', name: 'X', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 1, requirements: [{ id: 'r', minHours: 1, countsTowardTotal: 'yes' }] }] },
      { ruleSets: [{ id: 'x', name: 'X', source: 's', asOf: '2026-01-01', cycleMonths: 24, totalHours: 1, applicationDeadline: 'june' }] },
    ];
    for (const config of broken) {
      assert.equal(validate(config), false, JSON.stringify(config));
      // The parser agrees with the schema: what the editor underlines, the extension reports too.
      assert.ok(parse(JSON.stringify(config)).problems.some((p) => p.severity !== 'info'), JSON.stringify(config));
    }
    assert.deepEqual(parse(JSON.stringify(example)).problems, []);
  });

  it('offers the built-in rule set ids and the topic keys, and snippets for a credential', () => {
    const ruleSet = schema.definitions.credential.properties.ruleSet;
    assert.deepEqual(ruleSet.anyOf[0].enum, [...BUILT_IN_RULE_SET_IDS]);
    assert.equal(ruleSet.anyOf[0].enumDescriptions.length, BUILT_IN_RULE_SET_IDS.length);
    assert.deepEqual(schema.definitions.requirement.properties.topic.anyOf[0].enum, TOPICS.map((t) => t.key));
    assert.ok(schema.definitions.credential.defaultSnippets.length > 0);
    assert.match(JSON.stringify(schema.definitions.credential.defaultSnippets[0].body), /ptcb-cpht/);
    const date = schema.definitions.credential.properties.cycleEnd;
    assert.ok(new RegExp(date.pattern).test('2027-03-31'));
    assert.ok(!new RegExp(date.pattern).test('3/31/2027'));
  });
});
