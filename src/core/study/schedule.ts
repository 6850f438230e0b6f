// A card's schedule is the replay of its review-log lines through ts-fsrs (FSRS-6) with the default parameters,
// except the desired retention (a setting), and no fuzz: the same log must always give the same schedule.
//
// Why not `scheduler.next(card, date, grade)` per line: each call builds a scheduler object, copies the card
// two to six times, turns a seed into a string (used only by fuzz), and, for a card in review, works out all
// four grades' outcomes to return one. Replaying 100,000 lines that way took ~700 ms. The replay below calls
// the same ts-fsrs functions `next` ends in (next_state for difficulty and stability, next_interval,
// forgetting_curve, BasicLearningStepsStrategy for the learning steps) on one mutable record per card, and
// only for the grade given. A unit test replays random logs both ways and compares every card.
import { BasicLearningStepsStrategy, FSRS, State, default_w, forgetting_curve, type FSRSParameters } from 'ts-fsrs';
import type { CardSchedule, CardState, Rating, ReviewEntry } from './types';

export interface ScheduleOptions {
  /** Desired retention, 0.7 to 0.99 (FSRS default 0.9). */
  retention: number;
}

export const NEW_SCHEDULE: CardSchedule = Object.freeze({ state: 'new', due: null, stability: 0, difficulty: 0, reps: 0, lapses: 0 }) as CardSchedule;

const MINUTE = 60_000;
const DAY = 86_400_000;

type Review = Pick<ReviewEntry, 'at' | 'rating'>;

/** Every card's schedule after replaying the log (entries in any order; each card's sorted by time). */
export function replayReviews(entries: readonly ReviewEntry[], options: ScheduleOptions): Map<string, CardSchedule> {
  // One pass over the log in time order, one record per card: no list of reviews per card is built.
  const scheduler = schedulerFor(options);
  const memories = new Map<string, Memory>();
  for (const entry of byTime(entries)) {
    let memory = memories.get(entry.card);
    if (!memory) memories.set(entry.card, (memory = newMemory()));
    reviewOnce(scheduler, memory, entry.at, entry.rating);
  }
  const schedules = new Map<string, CardSchedule>();
  for (const [card, memory] of memories) schedules.set(card, scheduleOf(memory));
  return schedules;
}

/** One card's schedule from its own reviews (any order). */
export function replayCard(entries: readonly Review[], options: ScheduleOptions): CardSchedule {
  return scheduleOf(replay(schedulerFor(options), entries));
}

/** What each grade given `now` would make of a card with these reviews (for the review buttons). */
export function previewRatings(entries: readonly Review[], now: number, options: ScheduleOptions): Record<Rating, CardSchedule> {
  const scheduler = schedulerFor(options);
  const memory = replay(scheduler, entries);
  const after = (rating: Rating) => {
    const copy = { ...memory };
    review(scheduler, copy, now, rating);
    return scheduleOf(copy);
  };
  return { 1: after(1), 2: after(2), 3: after(3), 4: after(4) };
}

/**
 * Predicted recall (0 to 1) of a card at `now`; 0 for a new card. Elapsed time in fractional days (ts-fsrs'
 * get_retrievability rounds down to whole days, which would call a card failed a minute ago fully recalled).
 */
export function recallAt(schedule: CardSchedule, now: number): number {
  if (schedule.state === 'new' || schedule.lastReview === undefined || schedule.stability <= 0) return 0;
  return forgetting_curve(default_w, Math.max(0, (now - schedule.lastReview) / DAY), schedule.stability);
}

/** The ts-fsrs scheduler for these options, and the learning steps it was asked for (see learningSteps). */
interface Scheduler {
  fsrs: FSRS;
  steps: Map<number, Steps>;
}

function schedulerFor(options: ScheduleOptions): Scheduler {
  return { fsrs: new ReplayFSRS({ request_retention: options.retention, enable_fuzz: false }), steps: new Map() };
}

/**
 * ts-fsrs' FSRS with its parameters in a plain frozen object. FSRS keeps them behind a Proxy, so that setting
 * one later recomputes what derives from it; a replay never sets one, and reading every weight through the
 * Proxy took ~40% of the replay's time.
 */
class ReplayFSRS extends FSRS {
  constructor(parameters: Partial<FSRSParameters>) {
    super(parameters);
    this.param = Object.freeze({ ...this.param, w: Object.freeze([...this.param.w]) }) as FSRSParameters;
  }
}

/** What ts-fsrs keeps of a card between reviews (its Card, with times as numbers), and the last review's time. */
interface Memory {
  state: State;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  lastReview: number | undefined;
  /** Grades given at lastReview, bit r for grade r (see reviewOnce). */
  gradesAtLast: number;
}

function newMemory(): Memory {
  return { state: State.New, due: 0, stability: 0, difficulty: 0, reps: 0, lapses: 0, learningSteps: 0, lastReview: undefined, gradesAtLast: 0 };
}

/** Replays one card's reviews in time order (the order of the log for equal times). */
function replay(scheduler: Scheduler, entries: readonly Review[]): Memory {
  const memory = newMemory();
  for (const { at, rating } of byTime(entries)) reviewOnce(scheduler, memory, at, rating);
  return memory;
}

/** Reviews in time order; the log's order for equal times (the sort is stable). */
function byTime<T extends Review>(entries: readonly T[]): readonly T[] {
  for (let i = 1; i < entries.length; i++) if (entries[i].at < entries[i - 1].at) return [...entries].sort((a, b) => a.at - b.at);
  return entries;
}

/**
 * A review, unless the same grade was already given at the same instant: that is one review written twice, as
 * when two machines' logs are concatenated (git's union merge). Reviews come in time order.
 */
function reviewOnce(scheduler: Scheduler, memory: Memory, at: number, rating: Rating): void {
  const bit = 1 << rating;
  if (at === memory.lastReview) {
    if (memory.gradesAtLast & bit) return;
    memory.gradesAtLast |= bit;
  } else {
    memory.gradesAtLast = bit;
  }
  review(scheduler, memory, at, rating);
}

/** One review, as ts-fsrs' BasicScheduler (`next`) makes it, applied to `memory` in place. */
function review(scheduler: Scheduler, memory: Memory, at: number, rating: Rating): void {
  const before = memory.state;
  // Whole UTC calendar days since the last review: ts-fsrs' dateDiffInDays, on numbers.
  const elapsed = before !== State.New && memory.lastReview !== undefined ? Math.floor(at / DAY) - Math.floor(memory.lastReview / DAY) : 0;
  const step = memory.learningSteps;
  memory.reps += 1;
  memory.lastReview = at;
  const current = memory; // next_state reads its difficulty and stability, and returns a new pair
  if (before !== State.Review) {
    setMemory(memory, scheduler.fsrs.next_state(current, elapsed, rating));
    applyLearningSteps(scheduler, memory, at, rating, before, step, before === State.New ? State.Learning : before, elapsed);
    return;
  }
  const retrievability = scheduler.fsrs.forgetting_curve(elapsed, memory.stability);
  if (rating === 1) {
    setMemory(memory, scheduler.fsrs.next_state(current, elapsed, 1, retrievability));
    applyLearningSteps(scheduler, memory, at, rating, before, step, State.Relearning, elapsed);
    memory.lapses += 1;
    return;
  }
  // Hard, Good and Easy intervals are kept apart (hard <= good < easy), so a grade's interval needs the others'.
  const hard = scheduler.fsrs.next_state(current, elapsed, 2, retrievability);
  const good = scheduler.fsrs.next_state(current, elapsed, 3, retrievability);
  const goodInterval = scheduler.fsrs.next_interval(good.stability, elapsed);
  const hardDays = Math.min(scheduler.fsrs.next_interval(hard.stability, elapsed), goodInterval);
  const goodDays = Math.max(goodInterval, hardDays + 1);
  let days: number;
  if (rating === 2) {
    setMemory(memory, hard);
    days = hardDays;
  } else if (rating === 3) {
    setMemory(memory, good);
    days = goodDays;
  } else {
    const easy = scheduler.fsrs.next_state(current, elapsed, 4, retrievability);
    setMemory(memory, easy);
    days = Math.max(scheduler.fsrs.next_interval(easy.stability, elapsed), goodDays + 1);
  }
  memory.learningSteps = 0;
  memory.due = at + days * DAY;
}

function setMemory(memory: Memory, next: { difficulty: number; stability: number }): void {
  memory.difficulty = next.difficulty;
  memory.stability = next.stability;
}

/** ts-fsrs' BasicScheduler.applyLearningSteps: a learning step (minutes), or the card graduates to review. */
function applyLearningSteps(scheduler: Scheduler, memory: Memory, at: number, rating: Rating, before: State, step: number, learningState: State, elapsed: number): void {
  const strategy = learningSteps(scheduler, before, step)[rating];
  const minutes = Math.max(0, strategy?.scheduled_minutes ?? 0);
  const nextStep = Math.max(0, strategy?.next_step ?? 0);
  if (minutes > 0 && minutes < 1440) {
    memory.learningSteps = nextStep;
    memory.state = learningState;
    memory.due = at + Math.round(minutes) * MINUTE;
    return;
  }
  memory.state = State.Review;
  if (minutes >= 1440) {
    memory.learningSteps = nextStep;
    memory.due = at + Math.round(minutes) * MINUTE;
  } else {
    memory.learningSteps = 0;
    memory.due = at + scheduler.fsrs.next_interval(memory.stability, elapsed) * DAY;
  }
}

type Steps = ReturnType<typeof BasicLearningStepsStrategy>;

/**
 * ts-fsrs' learning steps for a state and step. BasicLearningStepsStrategy parses the step strings ('1m', '10m')
 * on every call; the answer depends only on the parameters, the state and the step, so each scheduler keeps it.
 */
function learningSteps(scheduler: Scheduler, state: State, step: number): Steps {
  const key = state * 1000 + step;
  let steps = scheduler.steps.get(key);
  if (!steps) {
    steps = BasicLearningStepsStrategy(scheduler.fsrs.parameters, state, step);
    scheduler.steps.set(key, steps);
  }
  return steps;
}

const STATES: Record<State, CardState> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };

function scheduleOf(memory: Memory): CardSchedule {
  if (memory.reps === 0) return NEW_SCHEDULE;
  return {
    state: STATES[memory.state],
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    reps: memory.reps,
    lapses: memory.lapses,
    lastReview: memory.lastReview,
  };
}
