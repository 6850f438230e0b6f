import assert from 'node:assert/strict';
import { FORECAST_DAYS, buildStudyModel, type StudyModelInput } from '../../src/core/study/model';
import { studyNextSteps } from '../../src/core/study/next-steps';
import { builtInStudyPlans } from '../../src/core/study/plans';
import { localDayStart, studyDaysLeft } from '../../src/core/study/local-days';
import { parseNote } from '../../src/core/notes/note';
import { replayReviews } from '../../src/core/study/schedule';
import type { CardSchedule } from '../../src/core/study/types';
import type { ParsedNote } from '../../src/core/types';
import { NEW, key, local, qa, reviewed, studyNote } from './study-helpers';

const plans = builtInStudyPlans();
const NOW = local(11, 30, 23, 59);
const TODAY = '2026-11-30';

function model(notes: ParsedNote[], schedules: [string, CardSchedule][] = [], input: Partial<StudyModelInput> = {}) {
  return buildStudyModel({
    notes,
    plans,
    settings: { exam: 'ptce' },
    schedules: new Map(schedules),
    now: NOW,
    today: TODAY,
    recall: (s) => s.stability,
    ...input,
  });
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≈ ${expected}`);

describe('buildStudyModel', () => {
  // Medications: recall 0.8, 0.6 and a new card -> (0.8 + 0.6 + 0) / 3. Federal: 0.9. Safety: no cards -> 0.
  // Order entry: 0.5. PTCE readiness = (35 * 1.4/3 + 18.75 * 0.9 + 23.75 * 0 + 22.5 * 0.5) / 100 = 0.4445833...
  const notes = [
    studyNote('b/federal.md', [qa('F1', 9)], { domain: key('federal-requirements', 3, 9) }),
    studyNote('a/meds.md', [qa('M3', 20), qa('M1', 8), qa('M2', 12)], { exam: key('ptce', 2), domain: key('medications', 3, 9) }),
    studyNote('c/order.md', [qa('O1', 5)], { domain: key('order-entry', 2, 9) }),
  ];
  const schedules: [string, CardSchedule][] = [
    ['qa:M1', reviewed(local(11, 29), 0.8)],
    ['qa:M2', reviewed(local(12, 3), 0.6)],
    ['qa:F1', reviewed(local(11, 30, 8), 0.9)],
    ['qa:O1', reviewed(local(12, 1, 8), 0.5)],
  ];

  it('readiness: mean recall per domain (new = 0, no cards = 0), the exam weighted by the domain weights', () => {
    const { summary, problems } = model(notes, schedules);
    assert.deepEqual(problems, []);
    const [ptce] = summary.exams;
    assert.equal(summary.exams.length, 1);
    assert.deepEqual(
      ptce.domains.map((d) => [d.id, d.weight, d.cards, d.new, d.due]),
      [
        ['medications', 35, 3, 1, 1],
        ['federal-requirements', 18.75, 1, 0, 1],
        ['patient-safety-qa', 23.75, 0, 0, 0],
        ['order-entry', 22.5, 1, 0, 0],
      ],
    );
    close(ptce.domains[0].readiness, 1.4 / 3);
    close(ptce.domains[1].readiness, 0.9);
    assert.equal(ptce.domains[2].readiness, 0);
    close(ptce.domains[3].readiness, 0.5);
    close(ptce.readiness, (35 * (1.4 / 3) + 18.75 * 0.9 + 22.5 * 0.5) / 100);
    close(ptce.readiness, 0.4445833333333333);
    assert.deepEqual([ptce.cards, ptce.new, ptce.due], [5, 1, 2]);
    assert.deepEqual([ptce.source, ptce.asOf, typeof ptce.verify], [plans.ptce.source, '2026-11-30', 'string']);
  });

  it('lists cards in note path then line order, each with its place, schedule and recall', () => {
    const { cards } = model(notes, schedules);
    assert.deepEqual(
      cards.map((c) => [c.file, c.line, c.id, c.exam, c.domain, c.recall]),
      [
        ['a/meds.md', 8, 'qa:M1', 'ptce', 'medications', 0.8],
        ['a/meds.md', 12, 'qa:M2', 'ptce', 'medications', 0.6],
        ['a/meds.md', 20, 'qa:M3', 'ptce', 'medications', 0],
        ['b/federal.md', 9, 'qa:F1', 'ptce', 'federal-requirements', 0.9],
        ['c/order.md', 5, 'qa:O1', 'ptce', 'order-entry', 0.5],
      ],
    );
    assert.equal(cards[2].schedule.state, 'new');
    assert.equal(cards[0].front, 'M1');
    assert.equal(cards[0].back, 'answer to M1');
    assert.equal(cards[0].type, 'qa');
  });

  it('keeps a cloze card\'s text and number', () => {
    const cloze = { id: 'cloze:x:2', type: 'cloze' as const, line: 4, front: 'a [...]', back: 'a b', cloze: { text: '{{c1::a}} {{c2::b}}', number: 2 } };
    assert.deepEqual(model([studyNote('z.md', [cloze])]).cards[0].cloze, { text: '{{c1::a}} {{c2::b}}', number: 2 });
    assert.equal('cloze' in model(notes).cards[0], false);
  });

  it('due = reviewed cards due by the end of today, new = never reviewed; forecast by local day from today (overdue in day 0)', () => {
    const { summary } = model(notes, [
      ...schedules,
      ['qa:M3', reviewed(local(12, 29, 9))], // day 29, the last of the forecast
    ]);
    assert.deepEqual([summary.total, summary.new, summary.due], [5, 0, 2]);
    const expected = new Array<number>(FORECAST_DAYS).fill(0);
    expected[0] = 2; // M1 overdue since yesterday, F1 due this morning
    expected[1] = 1; // O1 tomorrow
    expected[3] = 1; // M2
    expected[29] = 1; // M3
    assert.deepEqual(summary.forecast, expected);
    // Due later today: due today already (a review takes it), and in today's forecast.
    const later = model(notes, [['qa:M1', reviewed(local(11, 30, 23, 59) - 30_000)]], { now: local(11, 30, 9, 0) });
    assert.deepEqual([later.summary.due, later.summary.forecast[0]], [1, 1]);
    // In the last second of the day (after 23:59:59, the CLI's end of the --as-of day): tomorrow's.
    const lastSecond = model(notes, [['qa:M1', reviewed(local(11, 30, 23, 59) + 59_500)]], { now: local(11, 30, 9, 0) });
    assert.equal(lastSecond.summary.due, 0);
    // Beyond the 30 days: in no day of the forecast.
    assert.equal(model(notes, [['qa:M1', reviewed(local(12, 30, 9))]]).summary.forecast.reduce((a, b) => a + b), 0);
  });

  it('a note without an exam takes the configured one; with neither, its cards belong to no exam', () => {
    const loose = [studyNote('x.md', [qa('X', 4)])];
    assert.equal(model(loose).cards[0].exam, 'ptce');
    const none = model(loose, [], { settings: {} });
    assert.equal(none.cards[0].exam, undefined);
    assert.deepEqual(none.summary.exams, []);
    assert.deepEqual([none.summary.total, none.summary.new], [1, 1]);
  });

  it('lists the exams with cards, and the configured one even without any, configured first', () => {
    const other = [studyNote('cspt.md', [qa('C', 4)], { exam: key('cspt', 2), domain: key('facilities-equipment', 3, 9) })];
    const { summary } = model(other);
    assert.deepEqual(
      summary.exams.map((e) => [e.id, e.cards]),
      [
        ['ptce', 0],
        ['cspt', 1],
      ],
    );
    assert.equal(summary.exams[0].readiness, 0);
    assert.ok(summary.exams[0].domains.every((d) => d.cards === 0 && d.readiness === 0));
  });

  it('an unknown exam or domain in a note: a warning at its line and column with the nearest id as a quick fix', () => {
    const typos = [
      studyNote('typo-exam.md', [qa('T1', 6)], { exam: key('ptec', 2), domain: key('medications', 3, 9) }),
      studyNote('typo-domain.md', [qa('T2', 6)], { exam: key('ptce', 2), domain: key('federal-requirement', 3, 9) }),
      studyNote('no-exam.md', [qa('T3', 6)], { domain: key('medications', 2, 9) }),
    ];
    const { cards, problems } = model(typos);
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.column, p.length, p.severity, p.code, p.replacement]),
      [
        ['typo-domain.md', 3, 9, 19, 'warning', 'unknown-domain', 'federal-requirements'],
        ['typo-exam.md', 2, 7, 4, 'warning', 'unknown-exam', 'ptce'],
      ],
    );
    assert.match(problems[1].message, /Unknown exam "ptec": did you mean "ptce"\?/);
    assert.match(problems[0].message, /The PTCE has no domain "federal-requirement": did you mean "federal-requirements"\?/);
    // The unknown exam's cards belong to no exam; the unknown domain's to the exam only.
    assert.deepEqual(
      cards.map((c) => [c.file, c.exam, c.domain]),
      [
        ['no-exam.md', 'ptce', 'medications'],
        ['typo-domain.md', 'ptce', undefined],
        ['typo-exam.md', undefined, undefined],
      ],
    );
    // Without a configured exam, a domain alone cannot be placed.
    const alone = model([typos[2]], [], { settings: {} }).problems;
    assert.deepEqual(
      alone.map((p) => [p.file, p.line, p.column, p.code]),
      [['no-exam.md', 2, 9, 'unknown-domain']],
    );
    assert.match(alone[0].message, /belongs to no exam/);
  });

  it('the same card in two places: a warning at the later one; counted once', () => {
    const { cards, summary, problems } = model(
      [studyNote('b.md', [qa('Same', 4), qa('Same', 9)]), studyNote('a.md', [qa('Same', 7)], { domain: key('medications', 2, 9) })],
      [['qa:Same', reviewed(local(11, 1), 0.5)]],
    );
    assert.equal(cards.length, 3);
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.code]),
      [
        ['b.md', 4, 'duplicate-card'],
        ['b.md', 9, 'duplicate-card'],
      ],
    );
    for (const p of problems) assert.match(p.message, /same as the one in a\.md \(line 7\): the two share one review history/);
    const sameNote = model([studyNote('c.md', [qa('Twice', 3), qa('Twice', 8)])]).problems;
    assert.deepEqual(sameNote.map((p) => [p.file, p.line]), [['c.md', 8]]);
    assert.match(sameNote[0].message, /same as the one at line 3/);
    assert.deepEqual([summary.total, summary.due, summary.exams[0].cards, summary.exams[0].domains[0].cards], [1, 1, 1, 1]);
  });

  it('with an exam date: new cards a day = new cards / days left, rounded up; nothing once the date is today or past', () => {
    const many = [studyNote('m.md', Array.from({ length: 25 }, (_, i) => qa(`N${i}`, i + 1)))];
    const at = (examDate: string) => model(many, [], { settings: { exam: 'ptce', examDate } }).summary.exams[0];
    // 2026-12-10 is 10 days away: Nov 30 to Dec 9 are study days, the exam day is not.
    assert.equal(studyDaysLeft(TODAY, '2026-12-10'), 10);
    assert.deepEqual([at('2026-12-10').examDate, at('2026-12-10').newPerDay], ['2026-12-10', 3]);
    assert.equal(at('2026-12-01').newPerDay, 25);
    assert.equal(at('2026-11-30').newPerDay, undefined);
    assert.equal(at('2026-11-01').newPerDay, undefined);
    assert.equal(at('2026-11-01').examDate, '2026-11-01');
    assert.equal(model(many).summary.exams[0].newPerDay, undefined);
  });

  it('uses recallAt from the schedule by default (0 for a new card)', () => {
    const { cards } = buildStudyModel({ notes: [studyNote('n.md', [qa('Q', 1)])], plans, settings: {}, schedules: new Map([['qa:Q', NEW]]), now: NOW, today: TODAY });
    assert.equal(cards[0].recall, 0);
  });

  it('on parsed notes with the real schedule: an Easy card at its due date is at about 90% recall (the desired retention)', () => {
    const text = ['---', 'exam: ptce', 'domain: medicatons', '---', '', 'Lipitor :: atorvastatin', '', 'Zocor :: simvastatin', ''].join('\n');
    const parsed = parseNote(text, 'study/statins.md').note;
    const fixed = parseNote(text.replace('medicatons', 'medications'), 'study/statins.md').note;
    const [lipitor] = fixed.study?.cards ?? [];
    const reviewedAt = Date.UTC(2026, 10, 1, 9);
    const schedules = replayReviews([{ card: lipitor.id, at: reviewedAt, rating: 4, line: 1 }], { retention: 0.9 });
    const due = schedules.get(lipitor.id)?.due as number;
    const at = { schedules, now: due, today: TODAY, settings: {}, recall: undefined };

    const typo = model([parsed], [], at);
    assert.deepEqual(
      typo.problems.map((p) => [p.line, p.column, p.code, p.replacement]),
      [[3, 9, 'unknown-domain', 'medications']],
    );
    const { summary, cards } = model([fixed], [], at);
    // FSRS schedules a card for when recall falls to the desired retention; the due time is whole days, so a little above.
    assert.ok(cards[0].recall >= 0.9 && cards[0].recall < 0.905, String(cards[0].recall));
    const r = cards[0].recall;
    assert.equal(cards[1].recall, 0);
    // Medications: (r + 0) / 2; the PTCE: 35% of that.
    const [ptce] = summary.exams;
    close(ptce.domains[0].readiness, r / 2);
    close(ptce.readiness, (0.35 * r) / 2);
    assert.deepEqual([summary.due, summary.new], [1, 1]);
  });

  it('builds 10,000 cards fast enough to measure (timing printed, not asserted)', () => {
    const domains = plans.ptce.domains.map((d) => d.id);
    const big = Array.from({ length: 2000 }, (_, n) =>
      studyNote(`notes/${n}.md`, Array.from({ length: 5 }, (_, i) => qa(`n${n} q${i}`, i * 4 + 5)), { domain: key(domains[n % 4], 2, 9) }),
    );
    const sched = new Map<string, CardSchedule>();
    for (let n = 0; n < 2000; n += 2) for (let i = 0; i < 5; i++) sched.set(`qa:n${n} q${i}`, reviewed(local(11, 20) + n * 3_600_000, 0.7));
    const { summary } = buildStudyModel({ notes: big, plans, settings: { exam: 'ptce' }, schedules: sched, now: NOW, today: TODAY });
    assert.equal(summary.total, 10_000);
    assert.equal(summary.new, 5_000);
  });
});

describe('local days', () => {
  it('starts each day at local midnight, whatever the daylight-saving change', () => {
    assert.equal(localDayStart('2026-11-30'), new Date(2026, 10, 30).getTime());
    assert.equal(localDayStart('2026-11-30', 2), new Date(2026, 11, 2).getTime());
    assert.equal(localDayStart('2026-03-07', 1), new Date(2026, 2, 8).getTime());
    assert.equal(new Date(localDayStart('0050-06-01')).getFullYear(), 50);
  });
});

describe('studyNextSteps', () => {
  const base = () =>
    model(
      [
        studyNote('a.md', [qa('M1', 3)], { domain: key('medications', 2, 9) }),
        studyNote('b.md', [qa('O1', 3)], { domain: key('order-entry', 2, 9) }),
      ],
      [['qa:M1', reviewed(local(11, 29))]],
      { settings: { exam: 'ptce', examDate: '2026-12-10' } },
    ).summary;

  it('due cards, new cards a day, then the domains with no cards, largest weight first', () => {
    assert.deepEqual(
      studyNextSteps(base(), TODAY).map((s) => [s.kind, s.text]),
      [
        ['due', '1 card is due today: start a review.'],
        ['new-per-day', 'To see the 1 new PTCE card before your exam on 2026-12-10, study 1 new card a day.'],
        ['no-cards', 'Patient Safety and Quality Assurance is 23.75% of the PTCE and has no cards.'],
        ['no-cards', 'Federal Requirements is 18.75% of the PTCE and has no cards.'],
      ],
    );
  });

  it('an exam date today or passed comes first', () => {
    const summary = base();
    summary.exams[0].examDate = '2026-11-30';
    assert.deepEqual(studyNextSteps(summary, TODAY)[0], { kind: 'exam-today', exam: 'ptce', text: 'Your PTCE exam is today. Good luck!' });
    summary.exams[0].examDate = '2026-11-01';
    assert.match(studyNextSteps(summary, TODAY)[0].text, /Your PTCE exam date \(2026-11-01\) has passed/);
  });

  it('names at most three empty domains of an exam and counts the rest', () => {
    const summary = model([], [], { settings: { exam: 'ptcb-hazardous-drug-management' } }).summary;
    const steps = studyNextSteps(summary, TODAY);
    assert.deepEqual(
      steps.map((s) => s.domain ?? s.text),
      ['engineering-controls', 'administrative', 'facility-cleaning', '3 more PTCB Hazardous Drug Management domains have no cards.'],
    );
  });
});
