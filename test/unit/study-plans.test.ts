import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/rules/config';
import { BUILT_IN_STUDY_PLAN_IDS, STUDY_PLANS_AS_OF, builtInStudyPlans, weightTotal } from '../../src/core/study/plans';
import { MAX_STUDY_DOMAINS, MAX_STUDY_PLANS, STUDY_CONFIG_KEYS } from '../../src/core/study/study-config';
import type { Problem } from '../../src/core/types';

const parse = (text: string) => parseConfig(text, { asOf: '2026-11-30' });
const lines = (...l: string[]) => l.join('\n');
/** [line, column, severity, code] of each problem, in file order. */
const where = (problems: readonly Problem[]) => problems.map((p) => [p.line, p.column, p.severity, p.code]);
/** 1-based [line, column] of the first `needle` on `line` of `text`. */
function pos(text: string, line: number, needle: string, nth = 1): [number, number] {
  const row = text.split('\n')[line - 1];
  let at = -1;
  for (let i = 0; i < nth; i++) at = row.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} on line ${line}`);
  return [line, at + 1];
}
const CREDENTIAL = '"credentials": [{ "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" }],';

describe('builtInStudyPlans', () => {
  const plans = builtInStudyPlans();
  const all = Object.values(plans);

  it('has the contract ids, in order, each keyed by its own id', () => {
    assert.deepEqual(Object.keys(plans), [...BUILT_IN_STUDY_PLAN_IDS]);
    for (const [id, plan] of Object.entries(plans)) assert.equal(plan.id, id);
  });

  it("every plan's weights sum to 100, every domain id is unique within its plan, every id is kebab-case", () => {
    for (const plan of all) {
      assert.equal(weightTotal(plan.domains), 100, plan.id);
      assert.equal(new Set(plan.domains.map((d) => d.id)).size, plan.domains.length, plan.id);
      for (const id of [plan.id, ...plan.domains.map((d) => d.id)]) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
      for (const d of plan.domains) assert.ok(d.weight > 0 && d.name.length > 0, `${plan.id}/${d.id}`);
    }
  });

  it('each names its source, the date the facts were checked, a question count, and is built in', () => {
    for (const plan of all) {
      assert.ok(plan.source.length > 20, plan.id);
      assert.equal(plan.asOf, STUDY_PLANS_AS_OF);
      assert.equal(plan.asOf, '2026-11-30');
      assert.equal(plan.builtIn, true);
      assert.ok(Number.isInteger(plan.questionCount) && plan.questionCount > 0, plan.id);
    }
  });

  it('PTCE 2026 and 2020: the contract domain ids and weights, 90 questions', () => {
    const weights = (id: string) => plans[id].domains.map((d) => [d.id, d.weight]);
    assert.deepEqual(weights('ptce'), [
      ['medications', 35],
      ['federal-requirements', 18.75],
      ['patient-safety-qa', 23.75],
      ['order-entry', 22.5],
    ]);
    assert.deepEqual(weights('ptce-2020'), [
      ['medications', 40],
      ['federal-requirements', 12.5],
      ['patient-safety-qa', 26.25],
      ['order-entry', 21.25],
    ]);
    assert.equal(plans.ptce.questionCount, 90);
    assert.equal(plans['ptce-2020'].questionCount, 90);
    assert.match(plans.ptce.source, /PTCE-Content-Outline\.pdf/);
    // DSCSA is what 2026 added to federal requirements.
    assert.ok(plans.ptce.domains[1].areas?.some((a) => a.includes('DSCSA')));
  });

  it('ExCPT: five domains 15/15/13/43/14 and 100 scored questions; CSPT 17/22/53/8', () => {
    assert.deepEqual(plans.excpt.domains.map((d) => d.weight), [15, 15, 13, 43, 14]);
    assert.equal(plans.excpt.questionCount, 100);
    assert.deepEqual(plans.cspt.domains.map((d) => d.weight), [17, 22, 53, 8]);
  });

  it('says what to verify wherever the facts grade a weight or an outline secondary or unverified', () => {
    // Secondary sources for the whole outline, disputed or missing question counts.
    assert.deepEqual(
      all.filter((p) => p.verify).map((p) => p.id),
      ['ptce', 'excpt', 'cspt', 'ptcb-medication-history', 'ptcb-cs-diversion-prevention', 'ptcb-hazardous-drug-management', 'ptcb-mtm'],
    );
    const flagged = all.flatMap((p) => p.domains.filter((d) => d.verify).map((d) => `${p.id}/${d.id}`));
    for (const id of ['cspt/sterile-compounding', 'cspt/handling-storage', 'ptcb-regulatory-compliance/patient-safety-qa']) assert.ok(flagged.includes(id), id);
    assert.match(plans.cspt.domains[2].verify ?? '', /53%/);
    assert.match(plans['ptcb-regulatory-compliance'].domains[2].verify ?? '', /100 minus/);
  });

  it('leaves out the certificates without published weights', () => {
    for (const id of ['ptcb-tpv', 'ptcb-immunization-administration', 'ptcb-supply-chain-inventory']) assert.equal(plans[id], undefined);
  });

  it('is a fresh object each call, with no prototype', () => {
    const a = builtInStudyPlans();
    a.ptce.domains.pop();
    assert.equal(builtInStudyPlans().ptce.domains.length, 4);
    assert.equal(Object.getPrototypeOf(a), null);
    assert.equal(a.constructor, undefined);
  });
});

describe('.pharmacy-ce.json study settings', () => {
  it('no study keys: the built-in plans and no exam', () => {
    const { config, problems } = parse(`{ ${CREDENTIAL.slice(0, -1)} }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(config.studyPlans), [...BUILT_IN_STUDY_PLAN_IDS]);
    assert.deepEqual(config.study, {});
  });

  it('reads the exam and its date', () => {
    const { config, problems } = parse(`{ ${CREDENTIAL} "study": { "exam": "cspt", "examDate": "2027-03-15" } }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.study, { exam: 'cspt', examDate: '2027-03-15' });
  });

  it('a user plan is added, and one with a built-in id replaces it', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "studyPlans": [',
      '    { "id": "school-final", "name": "School final", "questionCount": 50, "source": "Syllabus", "asOf": "2026-09-01",',
      '      "domains": [ { "id": "math", "name": "Math", "weight": 33.33 }, { "id": "law", "name": "Law", "weight": 66.67, "areas": ["DEA"] } ] },',
      '    { "id": "ptce", "name": "My PTCE", "questionCount": 90, "source": "ptcb.org", "asOf": "2026-11-01", "verify": "weights from memory",',
      '      "domains": [ { "id": "medications", "name": "Medications", "weight": 100 } ] }',
      '  ],',
      '  "study": { "exam": "school-final" }',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.studyPlans['school-final'], {
      id: 'school-final',
      name: 'School final',
      questionCount: 50,
      source: 'Syllabus',
      asOf: '2026-09-01',
      builtIn: false,
      domains: [
        { id: 'math', name: 'Math', weight: 33.33 },
        { id: 'law', name: 'Law', weight: 66.67, areas: ['DEA'] },
      ],
    });
    assert.equal(config.studyPlans.ptce.name, 'My PTCE');
    assert.equal(config.studyPlans.ptce.verify, 'weights from memory');
    assert.equal(config.studyPlans.ptce.builtIn, false);
    assert.equal(config.studyPlans.excpt.builtIn, true);
    assert.deepEqual(config.study, { exam: 'school-final' });
  });

  it('weights that do not sum to 100 (beyond 0.01): an error at the domains list; the built-in plan of that id stays', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "studyPlans": [',
      '    { "id": "ptce", "name": "PTCE", "questionCount": 90, "source": "x", "asOf": "2026-11-01",',
      '      "domains": [ { "id": "a", "name": "A", "weight": 50 }, { "id": "b", "name": "B", "weight": 49.98 } ] },',
      '    { "id": "ok", "name": "OK", "questionCount": 90, "source": "x", "asOf": "2026-11-01",',
      '      "domains": [ { "id": "a", "name": "A", "weight": 50 }, { "id": "b", "name": "B", "weight": 49.995 } ] }',
      '  ]',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 4, '"ptce"'), 'info', 'config-value'],
      [...pos(text, 5, '['), 'error', 'config-value'],
    ]);
    assert.match(problems[1].message, /add up to 99\.98, not 100/);
    assert.match(problems[0].message, /built-in PTCE plan is used/);
    assert.equal(config.studyPlans.ptce.builtIn, true);
    assert.equal(config.studyPlans.ok.domains.length, 2);
  });

  it('a plan of more than 100 domains is an error at its domains (the built-in plan of that id stays); past 100 plans, the rest are ignored', () => {
    const domains = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `d${i}`, name: `D${i}`, weight: 100 / n })));
    const plan = (id: string, n: number) => `{ "id": "${id}", "name": "P", "questionCount": 90, "source": "x", "asOf": "2026-11-01", "domains": ${domains(n)} }`;
    const text = lines('{', `  ${CREDENTIAL}`, '  "studyPlans": [', `    ${plan('ptce', MAX_STUDY_DOMAINS + 1)},`, `    ${plan('ok', MAX_STUDY_DOMAINS)}`, '  ]', '}');
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 4, '"ptce"'), 'info', 'config-value'],
      [...pos(text, 4, '[{'), 'error', 'config-value'],
    ]);
    assert.match(problems[1].message, /at most 100 domains; this one has 101/);
    assert.equal(config.studyPlans.ptce.builtIn, true);
    assert.equal(config.studyPlans.ok.domains.length, MAX_STUDY_DOMAINS);

    const many = Array.from({ length: MAX_STUDY_PLANS + 2 }, (_, i) => `    ${plan(`p${i}`, 1)}`);
    const manyText = lines('{', `  ${CREDENTIAL}`, '  "studyPlans": [', many.join(',\n'), '  ]', '}');
    const read = parse(manyText);
    assert.deepEqual(where(read.problems), [[...pos(manyText, 4 + MAX_STUDY_PLANS, '{'), 'error', 'config-value']]);
    assert.match(read.problems[0].message, /At most 100 study plans are read/);
    assert.equal(Object.hasOwn(read.config.studyPlans, `p${MAX_STUDY_PLANS - 1}`), true);
    assert.equal(Object.hasOwn(read.config.studyPlans, `p${MAX_STUDY_PLANS}`), false);
  });

  it('missing fields, wrong types, duplicate ids: each at its line and column; the plan is left out', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "studyPlans": [',
      '    { "id": "x", "name": "X", "questionCount": 0, "source": "s", "asOf": "2026-13-01",',
      '      "domains": [ { "id": "a", "name": "A", "weight": "50" }, { "id": "a", "name": "A", "weight": 100 } ] },',
      '    { "name": "No id", "questionCount": 10, "source": "s", "asOf": "2026-01-01", "domains": [] },',
      '    { "id": "y", "name": "Y", "questionCount": 10, "source": "s", "asOf": "2026-01-01", "domains": [ { "id": "a", "name": "A", "weight": 100 } ] },',
      '    { "id": "y", "name": "Y2", "questionCount": 10, "source": "s", "asOf": "2026-01-01", "domains": [ { "id": "a", "name": "A", "weight": 100 } ] }',
      '  ]',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 4, '0,'), 'error', 'config-value'],
      [...pos(text, 4, '"2026-13-01"'), 'error', 'config-value'],
      [...pos(text, 5, '"50"'), 'error', 'config-value'],
      [...pos(text, 6, '{'), 'error', 'config-value'], // no id
      [...pos(text, 6, '[]'), 'error', 'config-value'], // no domains
      [...pos(text, 8, '"y"'), 'error', 'config-value'],
    ]);
    assert.match(problems[0].message, /at least 1/);
    assert.match(problems[1].message, /not a real date/);
    assert.match(problems[2].message, /must be a number/);
    assert.match(problems[5].message, /Duplicate study plan id "y"/);
    assert.equal(config.studyPlans.x, undefined);
    assert.equal(config.studyPlans.y.name, 'Y');
  });

  it('unknown keys are warnings with the nearest key, in plans, domains and "study"', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "studyPlan": [],',
      '  "studyPlans": [ { "id": "z", "name": "Z", "questionCount": 5, "source": "s", "asOf": "2026-01-01", "soruce": "t",',
      '    "domains": [ { "id": "a", "name": "A", "wieght": 1, "weight": 100 } ] } ],',
      '  "study": { "exam": "z", "examdate": "2027-01-01" }',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 3, '"studyPlan"'), 'warning', 'unknown-key'],
      [...pos(text, 4, '"soruce"'), 'warning', 'unknown-key'],
      [...pos(text, 5, '"wieght"'), 'warning', 'unknown-key'],
      [...pos(text, 6, '"examdate"'), 'warning', 'unknown-key'],
    ]);
    assert.deepEqual(
      problems.map((p) => p.replacement),
      ['"studyPlans"', '"source"', '"weight"', '"examDate"'],
    );
    assert.equal(config.studyPlans.z.source, 's');
    assert.deepEqual(config.study, { exam: 'z' });
  });

  it('an exam id with the current outline\'s year means the current plan, not the retired one nearest in spelling', () => {
    // "ptce-2026" suggested "ptce-2020": following it would study the old outline.
    const { problems } = parse(lines('{', `  ${CREDENTIAL}`, '  "study": { "exam": "ptce-2026" }', '}'));
    assert.match(problems[0].message, /Unknown exam "ptce-2026": did you mean "ptce"\?/);
    assert.equal(problems[0].replacement, '"ptce"');
  });

  it('an unknown exam: a warning with the nearest plan id (a quick fix), and no exam', () => {
    const text = lines('{', `  ${CREDENTIAL}`, '  "study": { "exam": "ptec", "examDate": "2027-02-30" }', '}');
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 3, '"ptec"'), 'warning', 'unknown-exam'],
      [...pos(text, 3, '"2027-02-30"'), 'error', 'config-value'],
    ]);
    assert.match(problems[0].message, /Unknown exam "ptec": did you mean "ptce"\?/);
    assert.equal(problems[0].replacement, '"ptce"');
    assert.equal(problems[0].length, 6);
    assert.deepEqual(config.study, {});
  });

  it('"study" or "studyPlans" of the wrong type: an error, nothing read from it', () => {
    const text = `{ ${CREDENTIAL} "study": "ptce", "studyPlans": {} }`;
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 1, '"ptce"'), 'error', 'config-value'],
      [...pos(text, 1, '{', 3), 'error', 'config-value'],
    ]);
    assert.deepEqual(config.study, {});
    assert.deepEqual(Object.keys(config.studyPlans), [...BUILT_IN_STUDY_PLAN_IDS]);
  });

  it('an exam naming a plan of the file that has errors: a warning saying so, and no exam', () => {
    const text = lines(
      '{',
      `  ${CREDENTIAL}`,
      '  "studyPlans": [ { "id": "mine", "name": "Mine", "questionCount": 10, "source": "s", "asOf": "2026-01-01", "domains": [ { "id": "a", "name": "A", "weight": 90 } ] } ],',
      '  "study": { "exam": "mine" }',
      '}',
    );
    const { config, problems } = parse(text);
    assert.deepEqual(where(problems), [
      [...pos(text, 3, '[', 2), 'error', 'config-value'],
      [...pos(text, 4, '"mine"'), 'warning', 'unknown-exam'],
    ]);
    assert.match(problems[1].message, /"mine" has errors/);
    assert.deepEqual(config.study, {});
  });

  it('keeps the study settings when the credentials fall back to the default', () => {
    const { config } = parse('{ "credentials": [], "study": { "exam": "excpt" } }');
    assert.equal(config.fromFile, false);
    assert.deepEqual(config.study, { exam: 'excpt' });
  });

  it('never throws on hostile study values; plans read add up to 100 and the exam is a known plan (property)', () => {
    const id = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'ptce', 'cspt', '', ' ', 'x'.repeat(3000)), fc.string({ maxLength: 8 }));
    const anything = fc.oneof(fc.constant(null), fc.boolean(), fc.double(), id, fc.array(fc.string(), { maxLength: 3 }));
    const mostly = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anything });
    const domain = fc.record({ id: mostly(id), name: mostly(fc.string()), weight: mostly(fc.oneof(fc.constantFrom(0, 25, 50, 100, 100.005, -1, 1e308), fc.double())), areas: mostly(fc.array(fc.string())) }, { requiredKeys: [] });
    const plan = fc.record(
      {
        id: mostly(id),
        name: mostly(fc.string()),
        questionCount: mostly(fc.constantFrom(0, 1, 90, 1.5, 5000)),
        source: mostly(fc.string()),
        asOf: mostly(fc.constantFrom('2026-11-30', '2026-02-30', 'soon')),
        verify: mostly(fc.string()),
        domains: mostly(fc.array(domain, { maxLength: 4 })),
      },
      { requiredKeys: [] },
    );
    const study = fc.record({ exam: mostly(id), examDate: mostly(fc.constantFrom('2027-03-15', '2027-02-30', '')) }, { requiredKeys: [] });
    fc.assert(
      fc.property(mostly(fc.array(plan, { maxLength: 4 })), mostly(study), (studyPlans, studySettings) => {
        const text = JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }], studyPlans, study: studySettings }, null, 1);
        const { config, problems } = parse(text);
        const lineCount = text.split('\n').length;
        for (const p of problems) assert.ok(p.line >= 1 && p.line <= lineCount && p.column >= 1, JSON.stringify(p));
        for (const [key, value] of Object.entries(config.studyPlans)) {
          assert.equal(value.id, key);
          assert.ok(Math.abs(weightTotal(value.domains) - 100) <= 0.01, key);
        }
        if (config.study.exam !== undefined) assert.ok(Object.hasOwn(config.studyPlans, config.study.exam));
      }),
      { numRuns: 300 },
    );
  });

  it('the JSON schema describes the same study keys the reader reads', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../media/pharmacy-ce.schema.json'), 'utf8'));
    const keysOf = (s: { properties: object }) => Object.keys(s.properties).sort();
    assert.deepEqual(keysOf(schema.definitions.studyPlan), [...STUDY_CONFIG_KEYS.studyPlan].sort());
    assert.deepEqual(keysOf(schema.definitions.studyDomain), [...STUDY_CONFIG_KEYS.studyDomain].sort());
    assert.deepEqual(keysOf(schema.properties.study), [...STUDY_CONFIG_KEYS.study].sort());
  });
});
