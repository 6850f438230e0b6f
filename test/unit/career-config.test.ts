// The career part of .pharmacy-ce.json (issue #14): careerPrograms (added, or replacing a built-in by id) and
// profile, each problem at its line and column; a broken replacement keeps the built-in program.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/core/rules/config';
import { CAREER_CONFIG_KEYS, MAX_CAREER_PROGRAMS } from '../../src/core/career/career-config';
import { builtInPrograms, isBuiltInProgram } from '../../src/core/career/programs';
import type { Problem } from '../../src/core/types';

const parse = (text: string) => parseConfig(text, { asOf: '2026-11-30' });
const lines = (...l: string[]) => l.join('\n');
const where = (problems: readonly Problem[]) => problems.map((p) => [p.line, p.column, p.severity, p.code]);
/** 1-based column of `needle` on 1-based `line` of `text`. */
const col = (text: string, line: number, needle: string) => text.split('\n')[line - 1].indexOf(needle) + 1;
const CREDENTIAL = '"credentials": [{ "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" }],';

describe('.pharmacy-ce.json career settings', () => {
  it('no career keys: the built-in programs and no profile', () => {
    const { config, problems } = parse(`{ ${CREDENTIAL.slice(0, -1)} }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(config.careerPrograms).sort(), Object.keys(builtInPrograms()).sort());
    assert.deepEqual(config.profile, {});
  });

  it('reads the profile, a new program and a replacement that keeps what it does not give', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "profile": { "name": "Jordan Lee", "headline": "Pharmacy technician, CPhT" },',
      '  "careerPrograms": [',
      '    { "id": "state-iv-course", "name": "State IV admixture course", "kind": "training", "issuer": "State board", "recognizedFor": ["ptcb-cspt"] },',
      '    { "id": "ptcb-mtm", "verify": "I checked the eligibility with PTCB by phone" }',
      '  ]',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.profile, { name: 'Jordan Lee', headline: 'Pharmacy technician, CPhT' });
    assert.deepEqual(config.careerPrograms['state-iv-course'], {
      id: 'state-iv-course',
      name: 'State IV admixture course',
      kind: 'training',
      issuer: 'State board',
      source: '.pharmacy-ce.json',
      asOf: '',
      recognizedFor: ['ptcb-cspt'],
      builtIn: false,
    });
    const mtm = config.careerPrograms['ptcb-mtm'];
    assert.equal(mtm.name, builtInPrograms()['ptcb-mtm'].name);
    assert.equal(mtm.verify, 'I checked the eligibility with PTCB by phone');
    assert.equal(mtm.builtIn, false);
    assert.equal(config.careerPrograms['ptcb-cpht'].builtIn, true);
  });

  it('a broken replacement keeps the built-in and says so; a broken new program is left out', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "careerPrograms": [',
      '    { "id": "ptcb-cspt", "name": "CSPT", "kind": "certficate" },',
      '    { "id": "mine", "renewalMonths": 0 },',
      '    { "name": "No id" }',
      '  ]',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [4, col(text, 4, '"ptcb-cspt"'), 'info', 'config-value'],
      [4, col(text, 4, '"certficate"'), 'error', 'config-value'],
      [5, 5, 'error', 'config-value'],
      [5, col(text, 5, '0 }'), 'error', 'config-value'],
      [6, 5, 'error', 'config-value'],
    ]);
    assert.equal(problems[1].replacement, '"certificate"');
    assert.equal(config.careerPrograms['ptcb-cspt'].builtIn, true);
    assert.equal(config.careerPrograms.mine, undefined);
  });

  it('recognizedFor names an unknown program: a warning at the id with the nearest; duplicates are errors', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "careerPrograms": [',
      '    { "id": "a", "name": "A", "recognizedFor": ["ptcb-csp"] },',
      '    { "id": "a", "name": "A again" }',
      '  ]',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [4, col(text, 4, '"ptcb-csp"'), 'warning', 'unknown-program'],
      [5, col(text, 5, '"a"'), 'error', 'config-value'],
    ]);
    assert.equal(problems[0].replacement, '"ptcb-cspt"');
    assert.equal(config.careerPrograms.a.name, 'A');
  });

  it('a wrong profile: not an object, or a field that is not text, is left out at its place', () => {
    const one = `{ ${CREDENTIAL} "profile": "Jordan" }`;
    assert.deepEqual(where(parse(one).problems), [[1, col(one, 1, '"Jordan"'), 'error', 'config-value']]);
    const text = `{ ${CREDENTIAL} "profile": { "name": 7, "headline": "Tech", "email": "x" } }`;
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [1, col(text, 1, '7,'), 'error', 'config-value'],
      [1, col(text, 1, '"email"'), 'warning', 'unknown-key'],
    ]);
    assert.deepEqual(config.profile, { headline: 'Tech' });
  });

  it('reads at most MAX_CAREER_PROGRAMS programs', () => {
    const many = Array.from({ length: MAX_CAREER_PROGRAMS + 5 }, (_, i) => `{ "id": "p${i}", "name": "P" }`).join(',');
    const { config, problems } = parse(`{ ${CREDENTIAL} "careerPrograms": [${many}] }`);
    assert.equal(problems.length, 1);
    assert.ok(config.careerPrograms[`p${MAX_CAREER_PROGRAMS - 1}`] && !config.careerPrograms[`p${MAX_CAREER_PROGRAMS}`]);
  });

  it('the JSON schema describes the same career keys the reader reads', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../media/pharmacy-ce.schema.json'), 'utf8'));
    const keysOf = (s: { properties: object }) => Object.keys(s.properties).sort();
    assert.deepEqual(keysOf(schema.definitions.careerProgram), [...CAREER_CONFIG_KEYS.program].sort());
    assert.deepEqual(keysOf(schema.properties.profile), [...CAREER_CONFIG_KEYS.profile].sort());
  });
});

describe('isBuiltInProgram', () => {
  it('says the same as a lookup in the built-in catalogue, for every id in it and for others', () => {
    const catalogue = builtInPrograms();
    for (const id of [...Object.keys(catalogue), 'ptcb-made-up', 'ptcb-cpht-training-x', '', 'toString', '__proto__']) {
      assert.equal(isBuiltInProgram(id), Object.hasOwn(catalogue, id), id);
    }
  });
});
