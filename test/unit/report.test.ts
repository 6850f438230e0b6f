import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildReport, formatProblemLines, formatReport, hasErrors, sortProblems, terminalSafe, type ReportInput } from '../../src/core/outputs/report';
import type { CeNote, CredentialProgress, ParsedNote, Problem, RuleSet } from '../../src/core/types';
import { builtInRuleSets } from '../../src/core/rules/rules';

// Progress objects are built by hand, as the evaluator would return them, so these tests cover the report
// alone: what keys it has, how it rounds, and what the readable text says.
const RULES: RuleSet = {
  id: 'ptcb-cpht',
  name: 'PTCB CPhT',
  source: 'https://ptcb.example/rules',
  asOf: '2026-11-01',
  cycleMonths: 24,
  totalHours: 20,
  requirements: [],
  limits: [],
};

function progress(over: Partial<CredentialProgress> = {}): CredentialProgress {
  return {
    credential: { id: 'ptcb-cpht', label: 'PTCB CPhT', ruleSetId: 'ptcb-cpht', cycle: { start: '2025-04-01', end: '2027-03-31' } },
    ruleSet: RULES,
    cycle: { start: '2025-04-01', end: '2027-03-31', daysLeft: 126, daysTotal: 730, elapsed: 0.8273972602 },
    hours: { earned: 0.1 + 0.2 + 10.7, required: 20, remaining: 9 },
    met: false,
    state: 'at-risk',
    pacePerMonth: 2.1234,
    behindPace: true,
    requirements: [
      { id: 'law', label: 'Pharmacy law', required: 1, earned: 1, remaining: 0, met: true, countsTowardTotal: true, notes: ['notes/law.md'] },
      { id: 'patient-safety', label: 'Patient safety', required: 1, earned: 0, remaining: 1, met: false, countsTowardTotal: true, notes: [] },
    ],
    limits: [
      { id: 'pharmacist', label: 'Pharmacist CE', maxHours: 5, matched: 6, applied: 5, notes: ['notes/rx.md'] },
      { id: 'college', label: 'College courses', maxHours: 10, matched: 0, applied: 0, notes: [] },
      { id: 'in-service', label: 'In-service training', maxHours: 0, matched: 2, applied: 0, notes: ['notes/store.md'] },
    ],
    countedNotes: ['notes/law.md', 'notes/rx.md'],
    verdicts: [
      { path: 'notes/law.md', counted: true },
      { path: 'notes/rx.md', counted: true },
      { path: 'notes/plan.md', counted: false, reason: 'planned, not completed' },
      { path: 'notes/store.md', counted: false, reason: 'in-service training is not accepted' },
    ],
    ...over,
  };
}

const base = { path: 'x.md', title: 't', topics: [], tags: [], excerpt: '', keyLines: {} };
function ceNote(path: string, status: CeNote['status']): CeNote {
  return { ...base, path, kind: 'ce', hours: 1, status, format: 'home-study', audience: 'technician', category: 'ce', valid: true };
}
const NOTES: ParsedNote[] = [
  ceNote('notes/law.md', 'completed'),
  ceNote('notes/plan.md', 'planned'),
  ceNote('notes/doing.md', 'in-progress'),
  { ...base, path: 'study/card.md', kind: 'study' },
  { ...base, path: 'notes/broken.md', kind: 'broken', reason: 'YAML' },
];

function problem(file: string, line: number, severity: Problem['severity'], message = 'm', column = 1): Problem {
  return { file, line, column, severity, message };
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  return { asOf: '2026-11-25', progress: [progress()], problems: [], notes: NOTES, configFromFile: true, ...over };
}

describe('report: the JSON object', () => {
  it('has the keys the issue requires for each credential, with hours rounded to hundredths', () => {
    const report = buildReport(input());
    const [c] = report.credentials;
    assert.equal(c.id, 'ptcb-cpht');
    assert.equal(c.name, 'PTCB CPhT');
    assert.deepEqual(c.cycle, { start: '2025-04-01', end: '2027-03-31', daysLeft: 126, daysTotal: 730, elapsed: 0.8274 });
    // 0.1 + 0.2 + 10.7 is 11.000000000000002 in binary floating point: the report says 11.
    assert.deepEqual(c.hours, { earned: 11, required: 20, remaining: 9 });
    assert.equal(c.met, false);
    assert.equal(c.pacePerMonth, 2.12);
    assert.deepEqual(
      c.requirements.map(({ id, label, earned, required, met }) => ({ id, label, earned, required, met })),
      [
        { id: 'law', label: 'Pharmacy law', earned: 1, required: 1, met: true },
        { id: 'patient-safety', label: 'Patient safety', earned: 0, required: 1, met: false },
      ],
    );
    assert.deepEqual(c.notes, ['notes/law.md', 'notes/rx.md']);
    assert.deepEqual(c.notCounted, [
      { path: 'notes/plan.md', reason: 'planned, not completed' },
      { path: 'notes/store.md', reason: 'in-service training is not accepted' },
    ]);
    assert.deepEqual(c.ruleSet, { id: 'ptcb-cpht', name: 'PTCB CPhT', source: 'https://ptcb.example/rules', asOf: '2026-11-01', verify: false, caveats: [] });
  });

  it('counts notes by kind and status', () => {
    assert.deepEqual(buildReport(input()).notes, { total: 5, ce: 3, study: 1, broken: 1, planned: 1, inProgress: 1 });
  });

  it('sorts problems by file, line and column, and counts them by severity', () => {
    const report = buildReport(
      input({
        problems: [problem('b.md', 3, 'warning'), problem('a.md', 9, 'error'), problem('b.md', 1, 'info'), problem('a.md', 2, 'error', 'x', 5), problem('a.md', 2, 'warning', 'y', 1)],
      }),
    );
    assert.deepEqual(
      report.problems.map((p) => `${p.file}:${p.line}:${p.column}`),
      ['a.md:2:1', 'a.md:2:5', 'a.md:9:1', 'b.md:1:1', 'b.md:3:1'],
    );
    assert.deepEqual(report.summary, { errors: 2, warnings: 2, infos: 1 });
    assert.ok(report.problems.every((p) => ['file', 'line', 'column', 'severity', 'message'].every((k) => k in p)));
  });

  it('keeps problem codes and survives a JSON round trip unchanged', () => {
    const report = buildReport(input({ problems: [{ ...problem('a.md', 1, 'warning'), code: 'unknown-topic', replacement: 'law' }] }));
    assert.equal(report.problems[0].code, 'unknown-topic');
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });

  it('reports no credentials and no problems as empty lists, not missing keys', () => {
    const report = buildReport(input({ progress: [], notes: [] }));
    assert.deepEqual(report.credentials, []);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.summary, { errors: 0, warnings: 0, infos: 0 });
  });
});

describe('report: readable text', () => {
  const text = formatReport(buildReport(input({ folder: 'my-notes' })));

  it('shows the credential, its cycle, days left, hours, pace and each requirement with a mark', () => {
    assert.match(text, /Pharmacy CE report for my-notes · as of 2026-11-25/);
    assert.match(text, /PTCB CPhT .*at risk/);
    assert.match(text, /Cycle +2025-04-01 – 2027-03-31 · 126 days left/);
    assert.match(text, /11 \/ 20 h · 9 h to go · needs 2\.12 h\/month \(behind pace\)/);
    assert.match(text, /✓ Pharmacy law {4}1 \/ 1 h/);
    assert.match(text, /✗ Patient safety {2}0 \/ 1 h/);
  });

  it('aligns requirement figures in one column', () => {
    const lines = text.split('\n').filter((l) => /^ {2}[✓✗] /.test(l));
    assert.equal(lines.length, 2);
    assert.equal(new Set(lines.map((l) => l.search(/\d+ \/ \d+ h/))).size, 1);
  });

  it('explains limits that applied, skips those with no matching notes, and lists notes not counted', () => {
    assert.match(text, /Limits +Pharmacist CE: 5 of 6 h count \(at most 5 h\)/);
    assert.match(text, /In-service training: 2 h not accepted/);
    assert.doesNotMatch(text, /College courses/);
    assert.match(text, /Not counted notes\/plan\.md — planned, not completed/);
  });

  it('summarizes notes and problems', () => {
    const withProblems = formatReport(buildReport(input({ problems: [problem('a.md', 1, 'error'), problem('a.md', 2, 'warning'), problem('b.md', 1, 'warning')] })));
    assert.match(withProblems, /Notes: 5 files \(3 CE, 1 study, 1 planned, 1 in progress, 1 with unreadable frontmatter\)/);
    assert.match(withProblems, /Problems: 1 error, 2 warnings — run `pharmacy-ce check`/);
  });

  it('lists errors under the counts, since a note with an error does not count, and only errors', () => {
    const problems = [problem('a.md', 4, 'error', 'ce_hours cannot be negative', 11), problem('b.md', 2, 'warning', 'unknown topic')];
    const out = formatReport(buildReport(input({ problems })));
    assert.match(out, /^ {2}✗ a\.md:4:11 ce_hours cannot be negative$/m);
    assert.doesNotMatch(out, /unknown topic/);
    const many = Array.from({ length: 8 }, (_, i) => problem(`n${i}.md`, 1, 'error'));
    const capped = formatReport(buildReport(input({ problems: many })), { maxErrors: 3 });
    assert.equal((capped.match(/^ {2}✗ n\d\.md/gm) ?? []).length, 3);
    assert.match(capped, /… and 5 more errors/);
  });

  it('has no colour codes unless asked, and uses them when asked', () => {
    assert.doesNotMatch(text, /\x1b\[/);
    const colored = formatReport(buildReport(input()), { color: true });
    assert.match(colored, /\x1b\[32m✓\x1b\[39m/);
    assert.match(colored, /\x1b\[31m✗\x1b\[39m/);
    // Stripping the codes gives the plain text back: colour adds nothing else.
    assert.equal(colored.replace(/\x1b\[\d+m/g, ''), formatReport(buildReport(input())));
  });

  it('says when a cycle has ended, and gives no pace for a met credential', () => {
    const ended = formatReport(buildReport(input({ progress: [progress({ cycle: { start: '2023-01-01', end: '2024-12-31', daysLeft: -3, daysTotal: 730, elapsed: 1 }, state: 'unmet' })] })));
    assert.match(ended, /ended 3 days ago/);
    assert.match(ended, /✗ not met/);
    assert.doesNotMatch(ended, /h\/month/);
    const met = formatReport(buildReport(input({ progress: [progress({ met: true, state: 'met', hours: { earned: 21, required: 20, remaining: 0 }, pacePerMonth: 0, behindPace: false })] })));
    assert.match(met, /✓ met/);
    assert.doesNotMatch(met, /to go|h\/month/);
  });

  it('marks rule sets to verify with the body that sets them and says when the default credential is shown', () => {
    const verify = formatReport(buildReport(input({ configFromFile: false, progress: [progress({ ruleSet: { ...RULES, source: builtInRuleSets()[0].source, verify: true } })] })));
    assert.match(verify, /· verify with PTCB/);
    // The same id with a source of the user's own is the user's rule set: no body is named.
    const own = formatReport(buildReport(input({ progress: [progress({ ruleSet: { ...RULES, verify: true } })] })));
    assert.match(own, /· verify with the body that sets these rules/);
    assert.doesNotMatch(verify, /board/);
    assert.match(verify, /No \.pharmacy-ce\.json here/);
    const broken = formatReport(buildReport(input({ configFromFile: false, problems: [problem('.pharmacy-ce.json', 3, 'error')] })));
    assert.match(broken, /\.pharmacy-ce\.json has errors: showing the default PTCB CPhT two-year cycle until they are fixed/);
    assert.doesNotMatch(broken, /No \.pharmacy-ce\.json here/);
  });

  it('limits the not-counted list and says how many more there are', () => {
    const verdicts = Array.from({ length: 9 }, (_, i) => ({ path: `n${i}.md`, counted: false, reason: 'outside the cycle' }));
    const many = formatReport(buildReport(input({ progress: [progress({ verdicts })] })), { maxNotCounted: 3 });
    assert.equal((many.match(/outside the cycle/g) ?? []).length, 3);
    assert.match(many, /… and 6 more \(--json lists them all\)/);
  });
});

describe('report: check lines and terminal safety', () => {
  it('prints file:line:column: severity: message, one line per problem', () => {
    const lines = formatProblemLines(buildReport(input({ problems: [problem('a.md', 3, 'error', 'YAML error\n\n 3 | ce_hours: [2\n----^', 7)] })).problems);
    assert.equal(lines, 'a.md:3:7: error: YAML error 3 | ce_hours: [2 ----^');
  });

  it('neutralizes escape sequences and bidi controls that a note could smuggle into a terminal', () => {
    assert.equal(terminalSafe('ok\x1b[2J\x07\u009b\u202etxt\tend'), 'ok?[2J???txt\tend');
    const report = buildReport(input({ problems: [problem('evil\x1b]0;pwned\x07.md', 1, 'warning', 'Unknown topic "\x1b[31mred"')] }));
    const out = formatProblemLines(report.problems) + formatReport(report, { color: false });
    assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('no untrusted string can put a control character into the output (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (file, message) => {
        const report = buildReport(input({ problems: [problem(file, 1, 'error', message)], folder: file }));
        const out = formatProblemLines(report.problems) + formatReport(report);
        // Only the newlines the formatter itself writes, and tabs, survive.
        return !/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(out) && formatProblemLines(report.problems).split('\n').length === 1;
      }),
    );
  });

  it('hasErrors is true only with an error', () => {
    assert.equal(hasErrors([problem('a', 1, 'warning'), problem('a', 1, 'info')]), false);
    assert.equal(hasErrors([problem('a', 1, 'warning'), problem('a', 2, 'error')]), true);
  });

  it('sortProblems is stable for problems at the same position', () => {
    const sorted = sortProblems([problem('a', 1, 'error', 'first'), problem('a', 1, 'error', 'second')]);
    assert.deepEqual(sorted.map((p) => p.message), ['first', 'second']);
  });
});
