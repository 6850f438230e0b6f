import assert from 'node:assert/strict';
import { State, createEmptyCard, fsrs, type Card as FsrsCard, type Grade } from 'ts-fsrs';
import { NEW_SCHEDULE, previewRatings, recallAt, replayCard, replayReviews } from '../../src/core/study/schedule';
import type { CardSchedule, CardState, Rating, ReviewEntry } from '../../src/core/study/types';
import { random } from '../bench/common';

const START = Date.parse('2026-01-01T09:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const STATE_NAMES: Record<State, CardState> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };

/**
 * A log of `cards` cards studied the way people do: mostly near the due time, sometimes early or late, sometimes
 * twice in a minute, with every grade. Lines of all cards interleave in time order, as a real log's do.
 */
function randomLog(seed: number, cards: number, reviewsPerCard: number, retention: number, mostlyGood = false): ReviewEntry[] {
  const next = random(seed);
  const scheduler = fsrs({ request_retention: retention, enable_fuzz: false });
  const entries: Omit<ReviewEntry, 'line'>[] = [];
  for (let c = 0; c < cards; c++) {
    let card = createEmptyCard(new Date(START));
    let at = START + Math.floor(next() * 40 * DAY);
    for (let i = 0; i < reviewsPerCard; i++) {
      // Every grade alike reaches every path; mostly Good is how people grade (and keeps intervals under the cap).
      const roll = next();
      const rating = (mostlyGood ? (roll < 0.1 ? 1 : roll < 0.15 ? 2 : roll < 0.95 ? 3 : 4) : 1 + Math.floor(roll * 4)) as Rating;
      entries.push({ card: `card-${c}`, at, rating });
      card = scheduler.next(card, new Date(at), rating as Grade).card;
      const when = next();
      const due = card.due.getTime();
      at = when < 0.1 ? at + Math.floor(next() * MINUTE) : when < 0.3 ? due - Math.floor(next() * (due - at)) : due + Math.floor(next() * 20 * DAY);
    }
  }
  return entries.sort((a, b) => a.at - b.at).map((e, i) => ({ ...e, line: i + 1 }));
}

/** ts-fsrs' own result: `next` for each of a card's reviews in order, from an empty card. */
function tsFsrsReplay(entries: readonly Pick<ReviewEntry, 'at' | 'rating'>[], retention: number): FsrsCard {
  const scheduler = fsrs({ request_retention: retention, enable_fuzz: false });
  let card = createEmptyCard(new Date(entries[0]?.at ?? START));
  for (const { at, rating } of entries) card = scheduler.next(card, new Date(at), rating as Grade).card;
  return card;
}

function asSchedule(card: FsrsCard): CardSchedule {
  return {
    state: STATE_NAMES[card.state],
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review?.getTime(),
  };
}

describe('Schedule: the replay is ts-fsrs own result', () => {
  for (const retention of [0.9, 0.8, 0.97]) {
    it(`equals ts-fsrs next, card by card, on a random log (retention ${retention})`, () => {
      const log = randomLog(Math.round(retention * 1000), 300, 15, retention);
      const schedules = replayReviews(log, { retention });
      assert.equal(schedules.size, 300);
      const states = new Set<CardState>();
      for (let c = 0; c < 300; c++) {
        const own = log.filter((e) => e.card === `card-${c}`);
        const expected = asSchedule(tsFsrsReplay(own, retention));
        assert.deepEqual(schedules.get(`card-${c}`), expected, `card-${c}`);
        // And part way through its history, so cards stopped in every state are compared.
        const part = own.slice(0, 1 + (c % own.length));
        const partExpected = asSchedule(tsFsrsReplay(part, retention));
        assert.deepEqual(replayCard(part, { retention }), partExpected, `card-${c}, first ${part.length} reviews`);
        states.add(expected.state).add(partExpected.state);
      }
      // The log went through every state, so each of the scheduler's paths was compared.
      assert.deepEqual([...states].sort(), ['learning', 'relearning', 'review']);
    });
  }

  it('sorts each card by time whatever the log order; equal times keep the log order', () => {
    const log = randomLog(7, 40, 8, 0.9);
    const shuffled = [...log].reverse();
    assert.deepEqual(replayReviews(shuffled, { retention: 0.9 }), replayReviews(log, { retention: 0.9 }));
    // Two grades at one instant: the one written first counts first.
    const again = { at: START, rating: 1 as const };
    const easy = { at: START, rating: 4 as const };
    assert.deepEqual(replayCard([again, easy], { retention: 0.9 }), asSchedule(tsFsrsReplay([again, easy], 0.9)));
    assert.deepEqual(replayCard([easy, again], { retention: 0.9 }), asSchedule(tsFsrsReplay([easy, again], 0.9)));
    assert.notDeepEqual(replayCard([again, easy], { retention: 0.9 }), replayCard([easy, again], { retention: 0.9 }));
  });

  it('counts an exact duplicate line once (two machines logs concatenated), but not the same grade at another time', () => {
    const log = randomLog(11, 20, 6, 0.9);
    const twice = [...log, ...log.map((e) => ({ ...e, line: e.line + log.length }))];
    assert.deepEqual(replayReviews(twice, { retention: 0.9 }), replayReviews(log, { retention: 0.9 }));
    const once = replayCard([{ at: START, rating: 3 }], { retention: 0.9 });
    const again = replayCard(
      [
        { at: START, rating: 3 },
        { at: START + 1, rating: 3 },
      ],
      { retention: 0.9 },
    );
    assert.equal(once.reps, 1);
    assert.equal(again.reps, 2);
  });

  it('a card without reviews is new: no due time, nothing recalled', () => {
    assert.deepEqual(replayCard([], { retention: 0.9 }), NEW_SCHEDULE);
    assert.equal(recallAt(NEW_SCHEDULE, START), 0);
  });

  it('states and due times of a first review (the figures ts-fsrs documents)', () => {
    const first = (rating: Rating) => replayCard([{ at: START, rating }], { retention: 0.9 });
    assert.deepEqual([first(1).state, first(1).due], ['learning', START + MINUTE]);
    assert.deepEqual([first(2).state, first(2).due], ['learning', START + 6 * MINUTE]);
    assert.deepEqual([first(3).state, first(3).due], ['learning', START + 10 * MINUTE]);
    assert.deepEqual([first(4).state, first(4).due], ['review', START + 8 * DAY]);
    const good = (times: number) => {
      const reviews: { at: number; rating: Rating }[] = [];
      let at = START;
      for (let i = 0; i < times; i++) {
        reviews.push({ at, rating: 3 });
        at = replayCard(reviews, { retention: 0.9 }).due as number;
      }
      return replayCard(reviews, { retention: 0.9 });
    };
    assert.equal(good(2).state, 'review');
    assert.equal(good(2).due, START + 10 * MINUTE + 2 * DAY);
    const lapsed = replayCard([{ at: START, rating: 4 }, { at: START + 8 * DAY, rating: 1 }], { retention: 0.9 });
    assert.deepEqual([lapsed.state, lapsed.lapses, lapsed.due], ['relearning', 1, START + 8 * DAY + 10 * MINUTE]);
  });

  it('a higher desired retention gives shorter intervals', () => {
    const reviews = [
      { at: START, rating: 3 as const },
      { at: START + 10 * MINUTE, rating: 3 as const },
      { at: START + 3 * DAY, rating: 3 as const },
    ];
    const interval = (retention: number) => (replayCard(reviews, { retention }).due as number) - (START + 3 * DAY);
    assert.ok(interval(0.95) < interval(0.9) && interval(0.9) < interval(0.8));
  });
});

describe('Schedule: recall', () => {
  it('is about the desired retention when a card in review falls due, and 1 just after a review', () => {
    for (const retention of [0.8, 0.9, 0.95]) {
      const schedules = replayReviews(randomLog(3, 200, 10, retention, true), { retention });
      let checked = 0;
      for (const schedule of schedules.values()) {
        // Intervals are whole days and Hard <= Good < Easy is enforced: on a short interval either moves recall at
        // due. And no interval passes 100 years (ts-fsrs' maximum), however stable the card.
        const interval = (schedule.due as number) - (schedule.lastReview as number);
        if (schedule.state !== 'review' || interval < 20 * DAY || interval >= 36500 * DAY) continue;
        assert.ok(Math.abs(recallAt(schedule, schedule.due as number) - retention) < 0.03, `${retention}: ${recallAt(schedule, schedule.due as number)}`);
        assert.equal(recallAt(schedule, schedule.lastReview as number), 1);
        assert.ok(recallAt(schedule, (schedule.due as number) + 30 * DAY) < recallAt(schedule, schedule.due as number));
        checked++;
      }
      assert.ok(checked > 50);
    }
  });

  it('falls within the first day (a card failed a minute ago is not fully recalled)', () => {
    const failed = replayCard([{ at: START, rating: 1 }], { retention: 0.9 });
    assert.ok(recallAt(failed, START + 12 * 3600_000) < 1);
  });
});

describe('Schedule: previews for the review buttons', () => {
  it('equals ts-fsrs repeat for each grade, in every state', () => {
    const log = randomLog(5, 60, 6, 0.9);
    for (let c = 0; c < 60; c++) {
      const own = log.filter((e) => e.card === `card-${c}`);
      const card = tsFsrsReplay(own, 0.9);
      const now = card.due.getTime() + (c % 3) * DAY;
      const expected = fsrs({ request_retention: 0.9, enable_fuzz: false }).repeat(card, new Date(now));
      const preview = previewRatings(own, now, { retention: 0.9 });
      for (const rating of [1, 2, 3, 4] as const) assert.deepEqual(preview[rating], asSchedule(expected[rating].card), `card-${c} grade ${rating}`);
    }
  });

  it('of a new card: Again, Hard and Good keep it learning, Easy sends it to review', () => {
    const preview = previewRatings([], START, { retention: 0.9 });
    assert.deepEqual(
      ([1, 2, 3, 4] as const).map((r) => [preview[r].state, ((preview[r].due as number) - START) / MINUTE]),
      [
        ['learning', 1],
        ['learning', 6],
        ['learning', 10],
        ['review', 8 * 24 * 60],
      ],
    );
  });
});
