import assert from 'node:assert/strict';
import {
  NO_DOMAIN, NO_EXAM, cardDueWords, cardLabel, countCards, countsWords, domainRow, dueToday, examRow, noExamRow, shownExam,
  studyGroups, studyStatusLines, studyStatusText,
} from '../../src/ui/study-text';
import { NOW, card, exam, reviewed, schedule, summary } from './study-fixtures';

const date = (d: string) => d;

describe('Study view: grouping the cards', () => {
  const cards = [
    card('q1', { file: 'notes/b.md', line: 9, exam: 'ptce', domain: 'medications' }),
    card('q2', { file: 'notes/b.md', line: 3, exam: 'ptce', domain: 'medications' }),
    card('q3', { file: 'notes/a.md', line: 5, exam: 'ptce', domain: 'patient-safety-qa' }),
    card('q4', { file: 'notes/c.md', line: 2, exam: 'ptce' }),
    card('q5', { file: 'notes/c.md', line: 4, exam: 'ptce', domain: 'no-such-domain' }),
    card('q6', { file: 'notes/z.md', line: 1 }),
    card('q7', { file: 'notes/y.md', line: 1, exam: 'not-an-exam' }),
  ];

  it('puts exam -> every domain of the plan -> note -> card, in plan, path and line order', () => {
    const groups = studyGroups(cards, summary());
    assert.deepEqual(groups.map((g) => g.id), ['ptce', NO_EXAM]);
    const ptce = groups[0];
    assert.deepEqual(ptce.domains.map((d) => d.id), ['medications', 'federal-requirements', 'patient-safety-qa', 'order-entry', NO_DOMAIN]);
    assert.deepEqual(ptce.domains[0].notes.map((n) => [n.path, n.cards.map((c) => c.line)]), [['notes/b.md', [3, 9]]]);
    assert.deepEqual(ptce.domains[1].notes, [], 'a domain without cards is listed, empty');
    assert.equal(ptce.domains[0].readiness?.weight, 35, 'the model\'s figures ride along');
  });

  it('puts cards of an exam without a known domain under "No domain set", and cards without a known exam under "No exam set"', () => {
    const groups = studyGroups(cards, summary());
    const noDomain = groups[0].domains.find((d) => d.id === NO_DOMAIN);
    assert.deepEqual(noDomain?.notes.flatMap((n) => n.cards.map((c) => c.id)), ['q4', 'q5']);
    assert.deepEqual(groups[1].notes.map((n) => n.path), ['notes/y.md', 'notes/z.md']);
    assert.equal(groups[1].readiness, undefined);
  });

  it('leaves out "No domain set" and "No exam set" when every card has both', () => {
    const groups = studyGroups(cards.slice(0, 3), summary());
    assert.deepEqual(groups.map((g) => g.id), ['ptce']);
    assert.ok(!groups[0].domains.some((d) => d.id === NO_DOMAIN));
  });
});

describe('Study view: counts and words', () => {
  it('counts due (reviewed and due by now), new (never reviewed) and readiness (mean recall, new cards 0)', () => {
    const counts = countCards([
      card('a'),
      card('b', { schedule: reviewed(-1), recall: 0.8 }),
      card('c', { schedule: reviewed(0), recall: 0.9 }),
      card('d', { schedule: reviewed(2), recall: 0.7 }),
    ], NOW);
    assert.deepEqual({ ...counts, readiness: counts.readiness.toFixed(3) }, { cards: 4, new: 1, due: 2, readiness: '0.600' });
    assert.deepEqual(countCards([], NOW), { cards: 0, new: 0, due: 0, readiness: 0 });
  });

  it('says readiness first, then due, new and total', () => {
    assert.equal(countsWords({ cards: 40, new: 5, due: 3, readiness: 0.424 }), '42% ready · 3 due · 5 new · 40 cards');
    assert.equal(countsWords({ cards: 1, new: 1, due: 0 }), '0 due · 1 new · 1 card');
  });

  it('says "1 new card a day", not "1 new cards a day", before an exam date', () => {
    assert.match(examRow(exam({ examDate: '2027-03-15', newPerDay: 1 }), date).tooltip.join('\n'), /Exam on 2027-03-15: about 1 new card a day to see/);
  });

  it('explains readiness, the outline\'s source and date, and marks what is not verified on an exam row', () => {
    const row = examRow(exam({ verify: 'the weights are from secondary sources', examDate: '2027-03-15', newPerDay: 4 }), date);
    assert.equal(row.label, 'PTCE');
    assert.equal(row.description, '42% ready · 1 due · 1 new · 3 cards · not verified');
    const tooltip = row.tooltip.join('\n');
    assert.match(tooltip, /Readiness 42%: how likely you are to remember this exam's cards today/);
    assert.match(tooltip, /A card you have not reviewed yet counts as 0/);
    assert.match(tooltip, /Exam on 2027-03-15: about 4 new cards a day/);
    assert.match(tooltip, /Outline: https:\/\/ptcb\.org\/\S+, as of 2026-11-30\./);
    assert.equal(row.unverified, 'Not verified: the weights are from secondary sources');
    assert.ok(!examRow(exam(), date).description.includes('not verified'));
  });

  it('names a domain with its weight, says when it has no cards, and carries the plan\'s verify note', () => {
    const x = exam();
    const plan = { id: 'ptce', name: 'PTCE', questionCount: 90, source: '', asOf: '2026-11-30', builtIn: true, domains: [{ id: 'federal-requirements', name: 'Federal Requirements', weight: 18.75, verify: 'check 2.6' }] };
    const empty = domainRow(x.domains[1], x, plan, date);
    assert.equal(empty.label, 'Federal Requirements (18.75%)');
    assert.equal(empty.description, 'no cards yet · not verified');
    assert.match(empty.tooltip.join(' '), /Federal Requirements is 18\.75% of PTCE\. No cards yet/);
    assert.match(empty.tooltip.join(' '), /Outline: https:\/\/ptcb\.org\/\S+, as of 2026-11-30\./);
    const meds = domainRow(x.domains[0], x, plan, date);
    assert.equal(meds.description, '45% ready · 1 due · 1 new · 2 cards');
    assert.equal(meds.unverified, undefined);
  });

  it('tells how to set an exam on the "No exam set" row', () => {
    const row = noExamRow({ cards: 2, new: 2, due: 0, readiness: 0 });
    assert.equal(row.label, 'No exam set');
    assert.match(row.tooltip[0], /"exam: ptce"/);
  });

  it('shows a card\'s front as one short line of plain text', () => {
    assert.equal(cardLabel('**Q:** What is the *brand* name of `lisinopril`?'), 'Q: What is the brand name of lisinopril?');
    assert.equal(cardLabel('See [the label](https://x.example/a_b) for\n  the   dose'), 'See the label for the dose');
    assert.equal(cardLabel('Metformin is a [...] drug'), 'Metformin is a [...] drug');
    assert.equal(cardLabel('snake_case_word stays'), 'snake_case_word stays');
    const long = cardLabel('word '.repeat(40));
    assert.ok(long.length <= 60 && long.endsWith('…'), long);
  });

  it('says when a card is next due', () => {
    assert.equal(cardDueWords(card('a'), NOW), 'new');
    assert.equal(cardDueWords(card('b', { schedule: reviewed(-2) }), NOW), 'due');
    assert.equal(cardDueWords(card('c', { schedule: reviewed(1) }), NOW), 'due tomorrow');
    assert.equal(cardDueWords(card('d', { schedule: reviewed(5) }), NOW), 'due in 5 days');
    assert.equal(cardDueWords(card('e', { schedule: schedule({ state: 'learning', due: NOW + 60_000, reps: 1 }) }), NOW), 'due');
  });
});

describe('cards status bar', () => {
  it('counts the cards due by the end of today, as the study model does', () => {
    const s = summary({ due: 1 });
    assert.equal(dueToday(s), 1);
    assert.equal(studyStatusText(dueToday(s), s.new), '$(book) 1 card due');
    assert.equal(studyStatusText(12, 3), '$(book) 12 cards due');
    assert.equal(studyStatusText(0, 3), '$(book) 3 new cards', 'nothing due: the new cards a review would show');
    assert.equal(studyStatusText(0, 1), '$(book) 1 new card');
    assert.equal(studyStatusText(0, 0), '$(book) No cards due');
  });

  it('speaks of the configured exam, else the first', () => {
    const other = exam({ id: 'excpt', name: 'ExCPT', readiness: 0.1 });
    const s = summary({ exams: [exam(), other] });
    assert.equal(shownExam(s, 'excpt')?.id, 'excpt');
    assert.equal(shownExam(s, undefined)?.id, 'ptce');
    assert.equal(shownExam(s, 'cspt')?.id, 'ptce');
    assert.deepEqual(studyStatusLines(s, shownExam(s, 'excpt')), ['1 due today, 2 new, 5 cards in all.', 'ExCPT: 10% ready.']);
  });
});
