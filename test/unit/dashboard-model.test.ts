import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/rules/config';
import { appliedHours, buildFolderModel, NO_TOPIC, OTHER_TOPICS, type ActionItem, type DashboardFolderInput, type FolderModel } from '../../src/core/outputs/dashboard-model';
import { addDays } from '../../src/core/common/dates';
import { evaluateAll } from '../../src/core/rules/evaluate';
import type { BrokenNote, CeNote, ParsedNote, Problem, StudyNote } from '../../src/core/types';

// Notes as the parser produces them, so these tests check the dashboard, not the parser.
function ce(path: string, over: Partial<CeNote> = {}): CeNote {
  return {
    kind: 'ce', path, title: path, topics: [], tags: [], keyLines: {}, hours: 1, status: 'completed',
    completed: '2026-01-15', format: 'home-study', audience: 'technician', category: 'ce', valid: true, ...over,
  };
}

const uan = (normalized: string) => ({
  normalized, provider: '0145', joint: false, year: '26', sequence: '101', formatLetter: 'H' as const, format: 'home-study' as const,
  topicCode: '04', audienceLetter: 'T' as const, audience: 'technician' as const, variants: [],
});

const FIXTURE_CONFIG = JSON.stringify({
  credentials: [
    { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
    { id: 'tx', ruleSet: 'tx-technician', cycleEnd: '2026-12-31', label: 'Texas registration' },
  ],
  exclude: ['templates/**'],
});
const AS_OF = '2026-11-25';

/** The notes of test/fixtures/workspace as the parser reads them. */
function fixtureNotes(): ParsedNote[] {
  const study: StudyNote = { kind: 'study', path: 'notes/top-200-drugs.md', title: 'Top 200 Drugs: Cardiovascular', topics: [], tags: [], keyLines: {} };
  const broken: BrokenNote = { kind: 'broken', path: 'notes/broken-yaml.md', title: 'broken-yaml', topics: [], tags: [], keyLines: {}, reason: 'yaml' };
  return [
    ce('notes/bad-hours.md', { title: 'Oncology Overview', hours: 0, valid: false, completed: undefined }),
    broken,
    ce('notes/diabetes-pharmacotherapy.md', { title: 'Diabetes Pharmacotherapy (pharmacist CE)', hours: 6, topics: ['disease-state'], audience: 'pharmacist', completed: '2025-09-01' }),
    ce('notes/federal-law-update.md', { title: 'Federal Pharmacy Law Update 2025', hours: 1, topics: ['law'], completed: '2025-06-10', uan: uan('0145-0000-25-101-H03-T'), cpeMonitor: true, certificate: '../certificates/law-2025.pdf' }),
    ce('notes/immunization-basics.md', { title: 'Immunization Basics for Technicians', hours: 1.5, topics: ['immunizations'], status: 'planned', completed: undefined }),
    ce('notes/look-alike-sound-alike.md', { title: 'Look-Alike, Sound-Alike Drugs', hours: 2, topics: ['patient-safety'], format: 'live', completed: '2026-02-01', uan: uan('0204-0000-26-012-L05-T') }),
    ce('notes/sterile-compounding-refresher.md', { title: 'USP <797> Sterile Compounding Refresher', hours: 3, topics: ['sterile-compounding', 'compounding'], completed: '2026-05-20', certificate: '../certificates/usp797-missing.pdf' }),
    ce('notes/store-in-service.md', { title: 'Store In-Service on the New Robot', hours: 2, topics: ['pharmacy-lw'], category: 'in-service', completed: '2026-03-15' }),
    study,
  ];
}

function fixtureProblems(): Problem[] {
  return [
    { file: 'notes/bad-hours.md', line: 3, column: 11, severity: 'error', message: 'negative hours' },
    { file: 'notes/bad-hours.md', line: 4, column: 12, severity: 'error', message: 'bad date' },
    { file: 'notes/broken-yaml.md', line: 3, column: 1, severity: 'error', message: 'yaml' },
    { file: 'notes/sterile-compounding-refresher.md', line: 8, column: 1, severity: 'warning', message: 'certificate missing', code: 'certificate-missing' },
    { file: 'notes/store-in-service.md', line: 5, column: 9, severity: 'warning', message: 'unknown topic', code: 'unknown-topic' },
  ];
}

function folder(notes: ParsedNote[], options: { problems?: Problem[]; missing?: string[]; config?: string | undefined; hasConfigFile?: boolean; asOf?: string } = {}): DashboardFolderInput {
  const asOf = options.asOf ?? AS_OF;
  const config = parseConfig('config' in options ? options.config : FIXTURE_CONFIG, { asOf }).config;
  return {
    key: 'file:///work/fixture',
    name: 'fixture',
    workspace: { notes: () => notes, problems: () => options.problems ?? [], missingCertificates: () => options.missing ?? [], config },
    progress: evaluateAll(config, notes, asOf),
    hasConfigFile: options.hasConfigFile ?? true,
  };
}

function fixtureModel(): FolderModel {
  const input = folder(fixtureNotes(), { problems: fixtureProblems(), missing: ['notes/sterile-compounding-refresher.md'] });
  return buildFolderModel(input, AS_OF, { cpeMonitorReminderDays: 45 });
}

describe('dashboard model', () => {
  describe('credential cards (fixture workspace)', () => {
    it('shows the CPhT figures the fixture expects: 11 / 20 h, law and patient safety met', () => {
      const cpht = fixtureModel().credentials.find((c) => c.id === 'ptcb-cpht');
      assert.ok(cpht);
      assert.equal(cpht.earned, 11);
      assert.equal(cpht.required, 20);
      assert.equal(cpht.remaining, 9);
      assert.equal(cpht.met, false);
      assert.deepEqual(cpht.cycle.start, '2025-04-01');
      assert.deepEqual(cpht.cycle.end, '2027-03-31');
      assert.equal(cpht.cycle.daysLeft, 126);
      const byId = Object.fromEntries(cpht.requirements.map((r) => [r.id, r]));
      assert.deepEqual([byId.law.earned, byId.law.required, byId.law.met], [1, 1, true]);
      assert.deepEqual([byId['patient-safety'].earned, byId['patient-safety'].required, byId['patient-safety'].met], [2, 1, true]);
      assert.ok(cpht.source.includes('ptcb'));
      assert.equal(cpht.ruleAsOf.length, 10);
    });

    it('shows the limit that cut the pharmacist CE and the refused in-service', () => {
      const cpht = fixtureModel().credentials.find((c) => c.id === 'ptcb-cpht');
      assert.ok(cpht);
      const pharmacist = cpht.limits.find((l) => l.id === 'pharmacist');
      assert.deepEqual(pharmacist && [pharmacist.matched, pharmacist.applied], [6, 5]);
      const inService = cpht.limits.find((l) => l.id === 'in-service');
      assert.deepEqual(inService && [inService.matched, inService.applied], [2, 0]);
      const notCounted = new Map(cpht.notCounted.map((n) => [n.path, n.reason]));
      assert.match(notCounted.get('notes/store-in-service.md') ?? '', /not accepted/);
      assert.match(notCounted.get('notes/diabetes-pharmacotherapy.md') ?? '', /only 5 of 6 h/);
      assert.match(notCounted.get('notes/immunization-basics.md') ?? '', /planned/);
      assert.ok(!notCounted.has('notes/federal-law-update.md'));
    });

    it('splits counted hours (after limits) by topic and by format, summing to the total', () => {
      const cpht = fixtureModel().credentials.find((c) => c.id === 'ptcb-cpht');
      assert.ok(cpht);
      assert.deepEqual(cpht.byFormat, { live: 2, 'home-study': 9 });
      const topics = Object.fromEntries(cpht.byTopic.map((t) => [t.topic, t.hours]));
      // The 3 h refresher names two topics and adds to both; the pharmacist course adds its 5 counted hours.
      assert.deepEqual(topics, { 'disease-state': 5, 'sterile-compounding': 3, compounding: 3, 'patient-safety': 2, law: 1 });
      assert.equal(cpht.byTopic[0].topic, 'disease-state');
      assert.equal(cpht.byTopic.find((t) => t.topic === 'law')?.label, 'Pharmacy law');
    });

    it('draws a cumulative timeline from 0 at the cycle start to the earned hours today', () => {
      const cpht = fixtureModel().credentials.find((c) => c.id === 'ptcb-cpht');
      assert.ok(cpht);
      assert.deepEqual(cpht.timeline, [
        { date: '2025-04-01', hours: 0 },
        { date: '2025-06-10', hours: 1 },
        { date: '2025-09-01', hours: 6 },
        { date: '2026-02-01', hours: 8 },
        { date: '2026-05-20', hours: 11 },
        { date: AS_OF, hours: 11 },
      ]);
    });

    it('ends the timeline at the cycle end once the cycle is over, and never past it', () => {
      const notes = [ce('a.md', { hours: 4, completed: '2025-05-01' })];
      const asOf = '2027-06-01';
      const model = buildFolderModel(folder(notes, { asOf }), asOf, { cpeMonitorReminderDays: 45 });
      const cpht = model.credentials.find((c) => c.id === 'ptcb-cpht');
      assert.deepEqual(cpht?.timeline.at(-1), { date: '2027-03-31', hours: 4 });
      assert.ok(cpht && cpht.cycle.daysLeft < 0);
    });

    it('keeps timeline, topics and formats equal to the evaluation for any set of notes (limits filled earliest first)', () => {
      const notes = [
        ce('p1.md', { hours: 4, audience: 'pharmacist', completed: '2025-05-01' }),
        ce('p2.md', { hours: 4, audience: 'pharmacist', completed: '2025-06-01', topics: ['law'] }),
        ce('c1.md', { hours: 8, category: 'college', completed: '2025-07-01' }),
        ce('c2.md', { hours: 6, category: 'college', audience: 'pharmacist', completed: '2025-08-01', format: 'live' }),
      ];
      const input = folder(notes);
      const model = buildFolderModel(input, AS_OF, { cpeMonitorReminderDays: 45 });
      for (const [i, card] of model.credentials.entries()) {
        const earned = input.progress[i].hours.earned;
        assert.equal(card.timeline.at(-1)?.hours, earned, card.id);
        assert.equal(card.byFormat.live + card.byFormat['home-study'], earned, card.id);
        const applied = appliedHours(input.progress[i], new Map(notes.map((n) => [n.path, n])));
        assert.equal(applied.reduce((s, a) => s + a.hours, 0), earned, card.id);
      }
      const cpht = model.credentials.find((c) => c.id === 'ptcb-cpht');
      // p1 takes 4 of the 5 pharmacist hours, p2 the last 1, c2 (pharmacist and college) none.
      assert.deepEqual(cpht?.timeline.map((p) => p.hours), [0, 4, 5, 13, 13]);
      assert.equal(cpht?.byTopic.find((t) => t.topic === 'law')?.hours, 1);
      assert.equal(cpht?.byTopic.find((t) => t.topic === NO_TOPIC)?.hours, 12);
    });
  });

  it('agrees with the evaluation for random notes: timeline end, formats and limits (property)', () => {
    const note = fc.record({
      hours: fc.constantFrom(0.5, 1, 2, 3, 4.5, 6),
      day: fc.integer({ min: -200, max: 800 }),
      audience: fc.constantFrom('technician' as const, 'pharmacist' as const),
      category: fc.constantFrom('ce' as const, 'college' as const, 'in-service' as const),
      format: fc.constantFrom('live' as const, 'home-study' as const),
      topics: fc.subarray(['law', 'patient-safety', 'state-law', 'human-trafficking', 'general']),
      planned: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 25 }), (specs) => {
        const notes = specs.map((n, i) =>
          ce(`n${i}.md`, { hours: n.hours, audience: n.audience, category: n.category, format: n.format, topics: n.topics, completed: n.planned ? undefined : addDays('2025-01-01', n.day), status: n.planned ? 'planned' : 'completed' }),
        );
        const input = folder(notes);
        const model = buildFolderModel(input, AS_OF, { cpeMonitorReminderDays: 45 });
        model.credentials.forEach((card, i) => {
          const p = input.progress[i];
          assert.equal(card.timeline.at(-1)?.hours, p.hours.earned, `${card.id} timeline`);
          assert.equal(Math.round((card.byFormat.live + card.byFormat['home-study']) * 100) / 100, p.hours.earned, `${card.id} formats`);
          for (let k = 1; k < card.timeline.length; k++) {
            assert.ok(card.timeline[k].hours >= card.timeline[k - 1].hours && card.timeline[k].date > card.timeline[k - 1].date, `${card.id} timeline is a rising step line`);
          }
          assert.ok(card.timeline.every((pt) => pt.date >= p.cycle.start && pt.date <= p.cycle.end), `${card.id} timeline inside the cycle`);
        });
      }),
      { numRuns: 300 },
    );
  });

  describe('action list', () => {
    it('lists what is missing, most urgent deadline first, then errors and missing certificates', () => {
      const actions = fixtureModel().actions;
      const kinds = actions.map((a) => a.kind);
      // Texas ends 2026-12-31, before the CPhT's 2027-03-31: its items come first.
      const dated = actions.filter((a): a is Extract<ActionItem, { deadline: string }> => 'deadline' in a);
      assert.deepEqual(dated.map((a) => a.deadline), [...dated.map((a) => a.deadline)].sort());
      assert.equal(dated[0].kind === 'requirement' || dated[0].kind === 'total' ? dated[0].credentialId : '', 'tx');
      const cphtTotal = actions.find((a) => a.kind === 'total' && a.credentialId === 'ptcb-cpht');
      // The hours are due by PTCB's deadline to apply (the first of the expiry month), not the cycle's last day.
      assert.deepEqual(cphtTotal && cphtTotal.kind === 'total' && [cphtTotal.hours, cphtTotal.deadline, cphtTotal.daysLeft], [9, '2027-03-01', 96]);
      assert.ok(!actions.some((a) => a.kind === 'requirement' && a.credentialId === 'ptcb-cpht'), 'CPhT law and patient safety are met');
      assert.ok(kinds.indexOf('errors') > kinds.lastIndexOf('total'));
      assert.ok(kinds.indexOf('certificate-missing') > kinds.indexOf('errors'));
      assert.ok(!kinds.includes('set-up'));
      const errors = actions.find((a) => a.kind === 'errors');
      assert.deepEqual(errors && errors.kind === 'errors' && errors.notes.map((n) => n.path), ['notes/bad-hours.md', 'notes/broken-yaml.md']);
      const certs = actions.find((a) => a.kind === 'certificate-missing');
      assert.deepEqual(certs && certs.kind === 'certificate-missing' && certs.notes, [{ path: 'notes/sterile-compounding-refresher.md', title: 'USP <797> Sterile Compounding Refresher' }]);
    });

    it('puts "set up your credentials" first when the folder has no config file', () => {
      const model = buildFolderModel(folder([ce('a.md')], { config: undefined, hasConfigFile: false }), AS_OF, { cpeMonitorReminderDays: 45 });
      assert.equal(model.actions[0].kind, 'set-up');
      assert.equal(model.hasConfigFile, false);
    });

    it('says a requirement is missing with the hours and the deadline', () => {
      const notes = [ce('law.md', { hours: 1, topics: ['law'], completed: '2025-06-01' })];
      const model = buildFolderModel(folder(notes), AS_OF, { cpeMonitorReminderDays: 45 });
      const ps = model.actions.find((a) => a.kind === 'requirement' && a.credentialId === 'ptcb-cpht' && a.requirement === 'Patient safety');
      assert.ok(ps && ps.kind === 'requirement');
      assert.equal(ps.hours, 1);
      assert.equal(ps.deadline, '2027-03-01');
      assert.equal(ps.credential, 'PTCB CPhT');
    });
  });

  describe('CPE Monitor reminder', () => {
    const completedDaysAgo = (days: number) => addDays(AS_OF, -days);
    const acpe = (path: string, days: number, over: Partial<CeNote> = {}) =>
      ce(path, { completed: completedDaysAgo(days), uan: uan('0145-0000-26-101-H04-T'), topics: ['general'], ...over });

    function reminder(notes: CeNote[], reminderDays = 45) {
      const model = buildFolderModel(folder(notes), AS_OF, { cpeMonitorReminderDays: reminderDays });
      return { inWindow: model.actions.find((a) => a.kind === 'cpe-monitor'), closed: model.actions.find((a) => a.kind === 'cpe-monitor-closed') };
    }

    it('reminds for ACPE notes completed more than 45 and at most 60 days ago without cpe_monitor: true', () => {
      const { inWindow } = reminder([
        acpe('d45.md', 45),
        acpe('d46.md', 46),
        acpe('d60.md', 60),
        acpe('d50-seen.md', 50, { cpeMonitor: true }),
        ce('d50-no-uan.md', { completed: completedDaysAgo(50) }),
        acpe('d50-invalid.md', 50, { valid: false }),
      ]);
      assert.ok(inWindow && inWindow.kind === 'cpe-monitor');
      assert.deepEqual(inWindow.notes.map((n) => n.path), ['d60.md', 'd46.md']);
      // The oldest note's window closes first: 60 days after its completion, today.
      assert.equal(inWindow.deadline, AS_OF);
      assert.equal(inWindow.daysLeft, 0);
      assert.equal(inWindow.reminderDays, 45);
    });

    it('follows the reminder-days setting', () => {
      const { inWindow } = reminder([acpe('d31.md', 31), acpe('d30.md', 30)], 30);
      assert.deepEqual(inWindow && inWindow.kind === 'cpe-monitor' && inWindow.notes.map((n) => n.path), ['d31.md']);
      assert.equal(reminder([acpe('d31.md', 31)], 45).inWindow, undefined);
    });

    it('flags counted ACPE credit past the window separately, and sorts the open window by its deadline', () => {
      const { inWindow, closed } = reminder([acpe('d61.md', 61), acpe('d55.md', 55)]);
      assert.deepEqual(closed && closed.kind === 'cpe-monitor-closed' && closed.notes.map((n) => n.path), ['d61.md']);
      assert.ok(inWindow && inWindow.kind === 'cpe-monitor' && inWindow.deadline === addDays(completedDaysAgo(55), 60));
      const model = buildFolderModel(folder([acpe('d55.md', 55), ce('law.md', { hours: 1, topics: ['law'], completed: '2025-06-01' })]), AS_OF, { cpeMonitorReminderDays: 45 });
      const kinds = model.actions.map((a) => a.kind);
      // Its window closes in 5 days, long before either credential's cycle ends.
      assert.equal(kinds[0], 'cpe-monitor');
    });
  });

  describe('recent notes and study overview', () => {
    it('shows a note with an error with its hours as written and its errors, flagged and not counted', () => {
      const bad = ce('bad.md', { hours: 0, valid: false, writtenHours: -2, errors: ['ce_hours cannot be negative (found -2).'], completed: '2026-11-20' });
      const recent = buildFolderModel(folder([...fixtureNotes(), bad]), AS_OF, { cpeMonitorReminderDays: 45 }).recentNotes[0];
      assert.deepEqual([recent.path, recent.hours, recent.errors, recent.counted, recent.hasErrors], ['bad.md', -2, ['ce_hours cannot be negative (found -2).'], false, true]);
      assert.equal(fixtureModel().recentNotes[0].errors, undefined);
    });

    it('lists completed CE notes newest first with hours, topics and the excerpt', () => {
      const recent = fixtureModel().recentNotes;
      assert.deepEqual(recent.map((n) => n.path), [
        'notes/sterile-compounding-refresher.md',
        'notes/store-in-service.md',
        'notes/look-alike-sound-alike.md',
        'notes/diabetes-pharmacotherapy.md',
        'notes/federal-law-update.md',
      ]);
      const lasa = recent[2];
      assert.equal(lasa.hours, 2);
      assert.deepEqual(lasa.topicLabels, ['Patient safety']);
      // The index keeps no excerpts: they come from the caller, which reads the notes it shows.
      assert.equal(lasa.excerpt, '');
      const excerpts = new Map([['notes/look-alike-sound-alike.md', 'Tall-man lettering.']]);
      const input = { ...folder(fixtureNotes(), { problems: fixtureProblems() }), excerpt: (path: string) => excerpts.get(path) };
      const withExcerpts = buildFolderModel(input, AS_OF, { cpeMonitorReminderDays: 45 }).recentNotes;
      assert.deepEqual(withExcerpts.map((n) => n.excerpt), ['', '', 'Tall-man lettering.', '', '']);
      assert.equal(lasa.uan, '0204-0000-26-012-L05-T');
      assert.equal(lasa.counted, true);
      assert.equal(recent[1].counted, true, 'Texas accepts up to 5 h of in-service, PTCB none');
      assert.ok(!recent.some((n) => n.path === 'notes/immunization-basics.md'), 'planned notes are not recent');
    });

    it('limits the number of recent notes', () => {
      const notes = Array.from({ length: 12 }, (_, i) => ce(`n${i}.md`, { completed: addDays('2026-01-01', i) }));
      const model = buildFolderModel(folder(notes), AS_OF, { cpeMonitorReminderDays: 45, recentNotes: 3 });
      assert.deepEqual(model.recentNotes.map((n) => n.path), ['n11.md', 'n10.md', 'n9.md']);
    });

    it('counts notes per topic, notes completed this month, and note kinds', () => {
      const notes: ParsedNote[] = [
        ...fixtureNotes(),
        ce('this-month.md', { completed: '2026-11-02', topics: ['law'] }),
        ce('last-month.md', { completed: '2026-10-31', topics: ['law', 'law'] }),
      ];
      const study = buildFolderModel(folder(notes), AS_OF, { cpeMonitorReminderDays: 45 }).study;
      assert.equal(study.completedThisMonth, 1);
      assert.equal(study.ceNotes, 9);
      assert.equal(study.studyNotes, 1);
      assert.equal(study.broken, 1);
      assert.equal(study.planned, 1);
      assert.deepEqual(study.notesPerTopic[0], { topic: 'law', label: 'Pharmacy law', count: 3 });
    });

    it('charts unknown topics (typos) together as Other topics, naming the words as written beside it', () => {
      const notes = [...fixtureNotes(), ce('typo.md', { topics: ['hazardus-drugs', 'law'], completed: '2026-02-02' }), ce('typo2.md', { topics: ['hazardus-drugs'], completed: '2026-02-03' })];
      const model = buildFolderModel(folder(notes), AS_OF, { cpeMonitorReminderDays: 45 });
      const tx = model.credentials.find((c) => c.id === 'tx');
      assert.ok(tx);
      assert.ok(!tx.byTopic.some((t) => t.topic === 'hazardus-drugs' || t.topic === 'pharmacy-lw'), 'no raw topic charted');
      // store-in-service (pharmacy-lw, 2 h) and the two typo notes (1 h each), once each.
      assert.deepEqual(tx.byTopic.find((t) => t.topic === OTHER_TOPICS), { topic: OTHER_TOPICS, label: 'Other topics', hours: 4, unknown: ['hazardus-drugs', 'pharmacy-lw'] });
      assert.equal(tx.byTopic.find((t) => t.topic === 'law')?.hours, 2);
      const other = model.study.notesPerTopic.find((t) => t.topic === OTHER_TOPICS);
      assert.deepEqual(other, { topic: OTHER_TOPICS, label: 'Other topics', count: 3, unknown: ['hazardus-drugs', 'pharmacy-lw'] });
    });

    it('counts problems by severity', () => {
      assert.deepEqual(fixtureModel().problems, { errors: 3, warnings: 2 });
    });
  });
});
