// The review panel's pure parts: the webview message check, interval wording, the session's queue, grades and
// undo, and the markup (card text through markdown-it with raw HTML off, everything else escaped).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NEW_SCHEDULE } from '../../src/core/study/schedule';
import type { CardSchedule, Rating, StudyCard } from '../../src/core/study/types';
import { renderCardMarkdown } from '../../src/features/dashboard/render';
import { parseReviewMessage } from '../../src/features/review/messages';
import { renderCard, renderSummary, type ReviewRenderContext } from '../../src/features/review/render';
import { ReviewSession, historyByCard, type Showing } from '../../src/features/review/session';
import { intervalWords, nothingToReviewWords } from '../../src/features/review/wording';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function card(id: string, over: Partial<StudyCard> = {}): StudyCard {
  return { id, type: 'qa', line: 3, front: `Q ${id}`, back: `A ${id}`, file: 'notes/a.md', schedule: NEW_SCHEDULE, recall: 0, ...over };
}

describe('review: parseReviewMessage', () => {
  it('accepts the five known messages with their fields', () => {
    assert.deepEqual(parseReviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseReviewMessage({ type: 'undo', extra: 1 }), { type: 'undo' });
    assert.deepEqual(parseReviewMessage({ type: 'finish' }), { type: 'finish' });
    assert.deepEqual(parseReviewMessage({ type: 'grade', seq: 4, rating: 3 }), { type: 'grade', seq: 4, rating: 3 });
    assert.deepEqual(parseReviewMessage({ type: 'openNote', seq: 0 }), { type: 'openNote', seq: 0 });
  });
  it('refuses anything else: unknown types, ratings out of range or not numbers, bad seq, non-objects', () => {
    for (const raw of [
      null, undefined, 'grade', 3, [], [{ type: 'ready' }], {}, { type: 'delete' }, { type: 'openNote', path: 'x.md' },
      { type: 'grade', seq: 1, rating: 0 }, { type: 'grade', seq: 1, rating: 5 }, { type: 'grade', seq: 1, rating: '3' },
      { type: 'grade', seq: 1, rating: 2.5 }, { type: 'grade', rating: 3 }, { type: 'grade', seq: -1, rating: 3 },
      { type: 'grade', seq: 1.5, rating: 3 }, { type: 'grade', seq: Number.NaN, rating: 3 }, { type: 'grade', seq: 2 ** 60, rating: 3 },
      { type: 'openNote', seq: '1' }, { type: 'toString' }, { type: '__proto__' },
    ]) {
      assert.equal(parseReviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});

describe('review: nothingToReviewWords', () => {
  it('names the new cards the daily limit holds back, which the status bar still counts', () => {
    // Seen: status bar "4 new cards", a click said "Nothing to review right now. The next card is due in 1 day."
    assert.equal(nothingToReviewWords({ cards: 30, newLeft: 4, nextDue: DAY, now: 0 }),
      'Nothing to review right now: you have seen today\'s new cards. The 4 new cards left come tomorrow (how many a day is the "New Cards Per Day" setting).');
    assert.match(nothingToReviewWords({ cards: 30, newLeft: 1, now: 0 }), /The 1 new card left comes tomorrow/);
  });

  it('otherwise says when the next card is due, or that there are no cards yet', () => {
    assert.equal(nothingToReviewWords({ cards: 30, newLeft: 0, nextDue: 2 * DAY, now: 0 }), 'Nothing to review right now. The next card is due in 2 days.');
    assert.match(nothingToReviewWords({ cards: 0, newLeft: 0, now: 0 }), /^No cards to review here yet\./);
  });
});

describe('review: intervalWords', () => {
  it('says minutes, hours, days, months and years the way a person would', () => {
    assert.equal(intervalWords(0), '1 min');
    assert.equal(intervalWords(1 * MIN), '1 min');
    assert.equal(intervalWords(10 * MIN), '10 min');
    assert.equal(intervalWords(59 * MIN), '59 min');
    assert.equal(intervalWords(60 * MIN), '1 hour');
    assert.equal(intervalWords(5 * HOUR), '5 hours');
    assert.equal(intervalWords(23 * HOUR), '23 hours');
    assert.equal(intervalWords(DAY), '1 day');
    assert.equal(intervalWords(2 * DAY), '2 days');
    assert.equal(intervalWords(2 * DAY + 3 * HOUR), '2 days');
    assert.equal(intervalWords(30 * DAY), '30 days');
    assert.equal(intervalWords(45 * DAY), '1 month');
    assert.equal(intervalWords(100 * DAY), '3 months');
    assert.equal(intervalWords(365 * DAY), '1 year');
    assert.equal(intervalWords(548 * DAY), '1.5 years');
  });
  it('says nothing for a wait it cannot know', () => {
    assert.equal(intervalWords(Number.NaN), '');
    assert.equal(intervalWords(Number.POSITIVE_INFINITY), '');
  });
});

describe('review: ReviewSession', () => {
  const options = { mode: 'review' as const, schedule: { retention: 0.9 } };

  it('shows the queue in order, one seq per showing, and refuses a grade naming another showing', () => {
    const session = new ReviewSession([card('a'), card('b')], new Map(), options);
    const first = session.current(1000)!;
    assert.equal(first.card.id, 'a');
    assert.equal(session.current(2000), first, 'the same showing until it is graded');
    assert.deepEqual([first.position, first.total], [1, 2]);
    assert.equal(session.grade(first.seq + 1, 4, 3000), undefined);
    const grade = session.grade(first.seq, 4, 3000)!;
    assert.deepEqual([grade.card.id, grade.rating, grade.at], ['a', 4, 3000]);
    assert.equal(session.grade(first.seq, 4, 3001), undefined, 'a second press on the same showing grades nothing');
    const second = session.current(4000)!;
    assert.equal(second.card.id, 'b');
    assert.notEqual(second.seq, first.seq);
    assert.deepEqual([second.position, second.total], [2, 2]);
    session.grade(second.seq, 1, 5000);
    session.grade(session.current(6000)!.seq, 4, 6000);
    assert.equal(session.current(7000), undefined);
    // Three grades, two cards: the summary said "42 cards reviewed" of a folder of 30 cards.
    assert.deepEqual([session.reviewed, session.again], [2, 1]);
  });

  it('brings a card back in the same session when its next review is within 20 minutes (Again on a new card: 1 min), not after Easy', () => {
    const session = new ReviewSession([card('a'), card('b')], new Map(), options);
    const first = session.current(0)!;
    assert.equal(intervalWords(first.previews[1].due! - first.at), '1 min', 'FSRS: Again on a new card is 1 min');
    assert.equal(session.grade(first.seq, 1, 0)!.requeued, true);
    assert.equal(session.grade(session.current(0)!.seq, 4, 0)!.requeued, false);
    const again = session.current(2 * MIN)!;
    assert.deepEqual([again.card.id, again.position, again.total], ['a', 3, 3]);
    // Its buttons now count from its first grade: no longer a new card's intervals.
    assert.notEqual(again.previews[4].due! - again.at, first.previews[4].due! - first.at);
    // Undo of the grade that requeued it takes the copy out of the queue too.
    session.grade(again.seq, 4, 2 * MIN);
    session.undo();
    session.undo();
    assert.equal(session.current(3 * MIN)!.card.id, 'b');
    session.undo();
    assert.equal(session.current(3 * MIN)!.card.id, 'a');
    assert.equal(session.reviewed, 0);
  });

  it('a practice exam never brings a card back', () => {
    const session = new ReviewSession([card('a')], new Map(), { ...options, mode: 'practice' });
    assert.equal(session.grade(session.current(0)!.seq, 1, 0)!.requeued, false);
    assert.equal(session.current(0), undefined);
  });

  it('undo puts the last graded card back in front and forgets its grade', () => {
    const history = new Map();
    const session = new ReviewSession([card('a'), card('b')], history, options);
    session.grade(session.current(1)!.seq, 4, 1);
    assert.deepEqual(history.get('a'), [{ at: 1, rating: 4 }]);
    assert.equal(session.undo()?.card.id, 'a');
    assert.deepEqual(history.get('a'), []);
    assert.equal(session.reviewed, 0);
    assert.equal(session.current(2)!.card.id, 'a');
    assert.equal(session.undo(), undefined, 'nothing left to undo');
  });

  it('finish ends the session at once', () => {
    const session = new ReviewSession([card('a'), card('b')], new Map(), options);
    session.finish();
    assert.equal(session.current(1), undefined);
  });

  it('scores a practice exam by domain: Hard, Good and Easy are right, Again is wrong', () => {
    const cards = [card('a', { exam: 'ptce', domain: 'medications' }), card('b', { exam: 'ptce', domain: 'order-entry' }), card('c', { exam: 'ptce', domain: 'medications' })];
    const session = new ReviewSession(cards, new Map(), { ...options, mode: 'practice' });
    for (const rating of [2, 1, 1] as Rating[]) session.grade(session.current(0)!.seq, rating, 0);
    assert.equal(session.current(0), undefined, 'each card once, even when graded Again');
    assert.deepEqual(session.scores(), {
      domains: [
        { exam: 'ptce', domain: 'medications', correct: 1, total: 2 },
        { exam: 'ptce', domain: 'order-entry', correct: 0, total: 1 },
      ],
      correct: 1,
      total: 3,
    });
  });

  it('history: each card\'s grades oldest first', () => {
    const history = historyByCard([
      { card: 'a', at: 50, rating: 3 },
      { card: 'b', at: 200, rating: 1 },
      { card: 'a', at: 10, rating: 1 },
      { card: 'c', at: 150, rating: 3 },
    ]);
    assert.deepEqual(history.get('a'), [{ at: 10, rating: 1 }, { at: 50, rating: 3 }]);
  });
});

describe('review: markup', () => {
  const ctx: ReviewRenderContext = {
    markdown: (text) => renderCardMarkdown(text),
    examName: (id) => (id === 'ptce' ? 'PTCE' : id),
    domainName: (_exam, id) => (id === 'medications' ? 'Medications' : id),
    formatMoment: (ms) => new Date(ms).toISOString(),
  };
  const schedule = (due: number | null): CardSchedule => ({ ...NEW_SCHEDULE, due });
  const showing = (c: StudyCard, at = 0): Showing => ({
    seq: 7, card: c, position: 2, total: 9, at,
    previews: { 1: schedule(at + MIN), 2: schedule(at + 6 * MIN), 3: schedule(at + 10 * MIN), 4: schedule(at + 8 * DAY) },
  });

  it('renders the card text as Markdown with raw HTML shown as text, and escapes the file name', () => {
    const html = renderCard(showing(card('x', { front: 'What is **<script>alert(1)</script>**?', back: '<img src=x onerror=alert(1)> [link](javascript:alert(1))', file: 'notes/<b>.md', exam: 'ptce', domain: 'medications' })), 'review', ctx);
    assert.ok(html.includes('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>'), html);
    assert.ok(!/<script|<img|javascript:|onerror=alert/.test(html.replace(/&lt;[^&]*&gt;/g, '')), html);
    assert.ok(html.includes('Open in note: notes/&lt;b&gt;.md, line 3'));
    assert.ok(html.includes('PTCE · Medications'));
    assert.ok(html.includes('Card 2 of 9'));
  });

  it('puts each grade\'s next interval on its button, in words and in its label for screen readers', () => {
    const html = renderCard(showing(card('x')), 'review', ctx);
    for (const [rating, name, wait] of [[1, 'Again', '1 min'], [2, 'Hard', '6 min'], [3, 'Good', '10 min'], [4, 'Easy', '8 days']] as const) {
      assert.ok(html.includes(`data-rating="${rating}" aria-keyshortcuts="${rating}" aria-describedby="answer" aria-label="${name}, next review in ${wait}"`), `${name}: ${html}`);
      assert.ok(html.includes(`<span class="interval">${wait}</span>`));
    }
    assert.match(html, /<section class="back" id="answer" tabindex="-1" aria-label="Answer" hidden>/);
    assert.match(html, /<div class="grades" id="grades" role="group" aria-label="How well did you remember\?" hidden>/);
  });

  it('keeps what the markup hides hidden: no rule of review.css gives a hidden element a display', () => {
    // `.grades { display: grid }` beat the browser's own `[hidden] { display: none }`: the grade buttons showed
    // (and took Tab) before the answer, doing nothing when pressed.
    const css = readFileSync(path.resolve(__dirname, '../../../media/review.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const hiddenWins = /\[hidden\]\s*\{[^}]*display:\s*none\s*!important/.test(css);
    const html = renderCard(showing(card('x')), 'review', ctx);
    for (const [, classes] of html.matchAll(/<\w+ class="([^"]+)"[^>]*\shidden>/g)) {
      for (const name of classes.split(' ')) {
        const sets = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].some((m) => new RegExp(`\\.${name}(?![\\w-])`).test(m[1]) && /(^|;)\s*display\s*:/.test(m[2]));
        assert.ok(hiddenWins || !sets, `.${name} is hidden in the markup but review.css gives it a display`);
      }
    }
  });

  it('summarizes a review: cards reviewed, again, and when the next card is due', () => {
    const html = renderSummary({ mode: 'review', reviewed: 5, again: 1, nextDue: 2 * DAY, now: 0 }, ctx);
    assert.ok(html.includes('Review finished'));
    assert.ok(html.includes('<li>5 cards reviewed</li>') && html.includes('<li>1 card to see again (Again)</li>'), html);
    assert.ok(html.includes('Next card due in 2 days (1970-01-03T00:00:00.000Z).'), html);
  });

  it('summarizes a practice exam with the score per domain and overall', () => {
    const html = renderSummary({
      mode: 'practice', reviewed: 3, again: 2, now: 0,
      scores: { domains: [{ exam: 'ptce', domain: 'medications', correct: 1, total: 2 }, { exam: 'ptce', domain: '<x>', correct: 0, total: 1 }], correct: 1, total: 3 },
    }, ctx);
    assert.ok(html.includes('Practice exam finished'));
    assert.ok(html.includes('Score: 1 of 3 (33%)'));
    assert.ok(html.includes('<tr><th scope="row">Medications</th><td>1 of 2</td><td>50%</td></tr>'), html);
    assert.ok(html.includes('<th scope="row">&lt;x&gt;</th>'), 'a domain id from a note is escaped');
  });
});
