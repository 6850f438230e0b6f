// Every surface tells one story about a credential: the report (JSON and text), the dashboard model and its
// HTML, the Progress tree's row and the status bar are checked against each other on random notes and rule
// sets. fast-check (already a dev dependency, used across these tests) gives the random cases and shrinks
// a failure to a small one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildFolderModel } from '../../src/core/outputs/dashboard-model';
import { buildReport, formatReport } from '../../src/core/outputs/report';
import { evaluateAll } from '../../src/core/rules/evaluate';
import { credentialStanding } from '../../src/core/rules/standing';
import { parseUan } from '../../src/core/notes/uan';
import { renderDashboard } from '../../src/features/dashboard/render';
import { badgeCredential, credentialRow, credentialSummary, deadlineWords, paceWords, stateIconId, statusBarText } from '../../src/ui/credential-text';
import type { CeNote, Credential, Requirement, ResolvedConfig, RuleSet } from '../../src/core/types';

const TOPICS = ['law', 'patient-safety', 'general', 'human-trafficking', 'health-equity'];
const UAN = parseUan('0669-0000-23-022-H04-T').uan;

const requirementArb = fc.record({
  topic: fc.constantFrom(...TOPICS),
  minHours: fc.integer({ min: 0, max: 4 }),
  countsTowardTotal: fc.constantFrom<Requirement['countsTowardTotal']>(undefined, false, 'acpe'),
  windowMonths: fc.constantFrom<number | undefined>(undefined, 12, 48),
});

const ruleSetArb = fc.record({
  totalHours: fc.integer({ min: 0, max: 12 }),
  requirements: fc.array(requirementArb, { maxLength: 3 }),
  applicationDeadline: fc.constantFrom<RuleSet['applicationDeadline']>(undefined, 'first-of-end-month'),
  pharmacistCap: fc.constantFrom<number | undefined>(undefined, 0, 2),
});

const noteArb = fc.record({
  hours: fc.integer({ min: 0, max: 16 }).map((q) => q / 4),
  topics: fc.subarray(TOPICS, { maxLength: 2 }),
  day: fc.integer({ min: 0, max: 1500 }),
  status: fc.constantFrom<CeNote['status']>('completed', 'completed', 'completed', 'planned'),
  audience: fc.constantFrom<CeNote['audience']>('technician', 'pharmacist'),
  acpe: fc.boolean(),
});

/** A day counted from 2023-01-01. */
function dayOf(n: number): string {
  return new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
}

describe('every surface agrees on each credential (property)', () => {
  it('report JSON and text, dashboard model and HTML, tree row and status bar give the same state and words', () => {
    fc.assert(
      fc.property(ruleSetArb, fc.array(noteArb, { maxLength: 12 }), fc.integer({ min: 700, max: 1600 }), fc.integer({ min: 0, max: 20 }), (rs, rawNotes, asOfDay, endMonth) => {
        const asOf = dayOf(asOfDay);
        const ruleSet: RuleSet = {
          id: 'r', name: 'Rules', source: 's', asOf: '2026-11-30', cycleMonths: 24, totalHours: rs.totalHours,
          requirements: rs.requirements.map((r, i) => ({ id: `q${i}`, label: `Req ${i}`, ...r })),
          limits: rs.pharmacistCap === undefined ? [] : [{ id: 'p', label: 'Pharmacist CE', audience: 'pharmacist', maxHours: rs.pharmacistCap }],
          ...(rs.applicationDeadline ? { applicationDeadline: rs.applicationDeadline } : {}),
        };
        const end = new Date(Date.UTC(2025, 6 + endMonth + 1, 0)).toISOString().slice(0, 10);
        const start = new Date(Date.UTC(2023, 6 + endMonth + 1, 1)).toISOString().slice(0, 10);
        const credential: Credential = { id: 'c', label: 'Cred', ruleSetId: 'r', cycle: { start, end } };
        const config: ResolvedConfig = { credentials: [credential], ruleSets: { r: ruleSet }, include: [], exclude: [], fromFile: true, studyPlans: {}, study: {}, careerPrograms: {}, profile: {} };
        const notes: CeNote[] = rawNotes.map((n, i) => ({
          kind: 'ce', path: `n${i}.md`, title: `n${i}`, topics: n.topics, tags: [], keyLines: {}, hours: n.hours, status: n.status,
          completed: dayOf(n.day), format: 'home-study', audience: n.audience, category: 'ce', valid: true, ...(n.acpe ? { uan: UAN } : {}),
        }));
        const progress = evaluateAll(config, notes, asOf);
        const report = buildReport({ asOf, progress, problems: [], notes, configFromFile: true });
        const text = formatReport(report);
        const folder = buildFolderModel(
          { key: 'k', name: 'F', workspace: { notes: () => notes, problems: () => [], missingCertificates: () => [], config }, progress, hasConfigFile: true },
          asOf,
          { cpeMonitorReminderDays: 35 },
        );
        const html = renderDashboard({ asOf, folders: [folder] }, { formatDate: (d) => d, ready: true, trusted: false });

        const p = progress[0];
        const json = report.credentials[0];
        const card = folder.credentials[0];
        const row = credentialRow(p);
        assert.ok(credentialSummary(p).includes(`(${deadlineWords(p)}).`), 'the tooltip counts its days like the row');
        const bar = statusBarText(p);
        const standing = credentialStanding(p);

        // One state everywhere.
        assert.equal(json.state, p.state);
        assert.equal(card.state, p.state);
        assert.equal(row.state, p.state);
        assert.equal(standing.state, p.state);
        assert.equal(credentialStanding(json).state, p.state, 'the JSON alone decides the same');
        assert.equal(row.icon, stateIconId(p.state));
        assert.equal(json.met, p.state === 'met');
        // One text everywhere.
        assert.equal(card.stateText, standing.text);
        assert.equal(row.stateText, standing.text);
        assert.ok(text.includes(standing.text.toLowerCase()), `report text says "${standing.text}"`);
        const cardHtml = /<article class="card[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
        assert.ok(cardHtml.includes(`<p class="state">${standing.text}`), 'dashboard state text');
        assert.ok(cardHtml.includes(`>${card.percent}%</text>`), 'dashboard ring');
        // 100% only when met.
        assert.equal(card.percent === 100, p.met);
        assert.equal(/Hours {7}█{20} /.test(text), p.met, 'the report bar is full only when met');

        // The total met with a requirement missing reads as what is missing, on every surface.
        const missing = p.requirements.filter((r) => !r.met).length;
        if (p.hours.remaining <= 0 && missing > 0 && p.cycle.daysLeft >= 0) {
          const words = missing === 1 ? '1 requirement missing' : `${missing} requirements missing`;
          assert.equal(p.state, 'at-risk');
          assert.equal(standing.text, words);
          assert.ok(row.description.includes(words), row.description);
          assert.ok(bar.includes(words), bar);
          assert.ok(card.percent < 100);
        }
        // The application deadline, where the rule set has one, is in the JSON and drives "days left".
        if (ruleSet.applicationDeadline) {
          assert.equal(json.cycle.applyBy, `${end.slice(0, 7)}-01`);
          if (p.cycle.daysLeft >= 0) assert.match(bar, /to apply|deadline passed/);
        } else {
          assert.equal('applyBy' in json.cycle, false);
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it('the case from the issue: 23.75 of 20 h, no patient-safety note, is "1 requirement missing" and not 100%', () => {
    const ruleSet: RuleSet = {
      id: 'ptcb', name: 'PTCB CPhT', shortName: 'CPhT', source: 's', asOf: '2026-11-30', cycleMonths: 24, totalHours: 20, applicationDeadline: 'first-of-end-month',
      requirements: [{ id: 'law', label: 'Pharmacy law', topic: 'law', minHours: 1 }, { id: 'ps', label: 'Patient safety', topic: 'patient-safety', minHours: 1 }],
      limits: [],
    };
    const credential: Credential = { id: 'ptcb-cpht', label: 'PTCB CPhT', ruleSetId: 'ptcb', cycle: { start: '2025-07-01', end: '2027-06-30' } };
    const notes: CeNote[] = [
      { kind: 'ce', path: 'a.md', title: 'a', topics: ['law'], tags: [], keyLines: {}, hours: 2, status: 'completed', completed: '2026-01-05', format: 'home-study', audience: 'technician', category: 'ce', valid: true },
      { kind: 'ce', path: 'b.md', title: 'b', topics: ['general'], tags: [], keyLines: {}, hours: 21.75, status: 'completed', completed: '2026-02-05', format: 'home-study', audience: 'technician', category: 'ce', valid: true },
    ];
    const config: ResolvedConfig = { credentials: [credential], ruleSets: { ptcb: ruleSet }, include: [], exclude: [], fromFile: true, studyPlans: {}, study: {}, careerPrograms: {}, profile: {} };
    const [p] = evaluateAll(config, notes, '2026-11-30');
    assert.deepEqual([p.hours.earned, p.met, p.state], [23.75, false, 'at-risk']);
    assert.deepEqual(credentialStanding(p), { state: 'at-risk', missing: 1, percent: 95, text: '1 requirement missing' });
    assert.equal(statusBarText(p), '$(mortar-board) CPhT 23.75/20 h, 1 requirement missing, 183 d to apply');
    assert.equal(credentialRow(p).description, '1 requirement missing · 183 days left to apply');
    // The tooltip counts its days to the same deadline as the row, and the hours still needed are the missing hour.
    assert.equal(credentialSummary(p), '1 requirement missing: 23.75 of 20 h (183 days left to apply).');
    assert.match(paceWords(p), /^1 h still needed, about 0\.17 h a month to finish on time\.$/);
    // The badge does not pass over a credential whose only shortfall is a requirement.
    assert.deepEqual(badgeCredential([p]), { progress: p, hours: 1 });
    const text = formatReport(buildReport({ asOf: '2026-11-30', progress: [p], problems: [], notes, configFromFile: true }));
    assert.match(text, /PTCB CPhT \(ptcb-cpht · ptcb\)  1 requirement missing\n/);
    assert.match(text, /Hours {7}█{19}░ 23.75 \/ 20 h/, 'the bar is not full');
  });
});
