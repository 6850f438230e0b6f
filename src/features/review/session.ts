// One review or practice session: the queue the panel holds, the grades given and their undo, and the tallies
// of the summary. It works on the cards and their past reviews handed to it and never waits for the log, so
// the next card is ready the moment a grade is given. No `vscode` import: unit-tested in plain Node.
import { previewRatings, type ScheduleOptions } from '../../core/study/schedule';
import type { CardSchedule, Rating, StudyCard } from '../../core/study/types';

export type SessionMode = 'review' | 'practice';

/** A past review of one card. */
export interface PastReview {
  at: number;
  rating: Rating;
}

export interface SessionOptions {
  mode: SessionMode;
  schedule: ScheduleOptions;
}

/** A card being shown: which showing it is (`seq`), and what each grade would make of it. */
export interface Showing {
  seq: number;
  card: StudyCard;
  /** 1-based place in the session and the cards known so far (cards graded + still queued). */
  position: number;
  total: number;
  previews: Record<Rating, CardSchedule>;
  /** When the previews were worked out (the intervals on the buttons count from here). */
  at: number;
}

export interface Grade {
  seq: number;
  card: StudyCard;
  rating: Rating;
  at: number;
  /** The card's schedule after this grade. */
  schedule: CardSchedule;
  /** Put back at the end of the queue: due again within the session (a learning step). */
  requeued: boolean;
}

export interface DomainScore {
  exam?: string;
  domain?: string;
  correct: number;
  total: number;
}

/**
 * A card graded Again or Hard that falls due again within this many minutes comes back in the same session,
 * as Anki's learn-ahead limit (20 minutes by default) does; later ones wait for a later review.
 */
const LEARN_AHEAD_MS = 20 * 60_000;

export class ReviewSession {
  private readonly queue: StudyCard[];
  private readonly grades: Grade[] = [];
  private seq = 0;
  private showing: Showing | undefined;

  constructor(
    cards: readonly StudyCard[],
    private readonly history: Map<string, PastReview[]>,
    private readonly options: SessionOptions,
  ) {
    this.queue = [...cards];
  }

  get mode(): SessionMode {
    return this.options.mode;
  }

  /** The card to show now (worked out once per showing), or undefined when the session is over. */
  current(now: number): Showing | undefined {
    if (this.showing) return this.showing;
    const card = this.queue[0];
    if (!card) return undefined;
    this.showing = {
      seq: ++this.seq,
      card,
      position: this.grades.length + 1,
      total: this.grades.length + this.queue.length,
      previews: previewRatings(this.history.get(card.id) ?? [], now, this.options.schedule),
      at: now,
    };
    return this.showing;
  }

  /** Grades the card shown as `seq`; undefined (nothing done) when another card is shown or none is. */
  grade(seq: number, rating: Rating, now: number): Grade | undefined {
    const showing = this.showing;
    if (!showing || showing.seq !== seq) return undefined;
    const schedule = previewRatings(this.history.get(showing.card.id) ?? [], now, this.options.schedule)[rating];
    const requeued = this.options.mode === 'review' && schedule.due !== null && schedule.due - now <= LEARN_AHEAD_MS;
    this.queue.shift();
    if (requeued) this.queue.push(showing.card);
    this.pastOf(showing.card.id).push({ at: now, rating });
    const grade: Grade = { seq, card: showing.card, rating, at: now, schedule, requeued };
    this.grades.push(grade);
    this.showing = undefined;
    return grade;
  }

  /** The last grade, if any (what an undo would take back). */
  lastGrade(): Grade | undefined {
    return this.grades[this.grades.length - 1];
  }

  /** Takes back the last grade: its card is shown again next. Undefined when nothing was graded. */
  undo(): Grade | undefined {
    const grade = this.grades.pop();
    if (!grade) return undefined;
    // Undo goes last-in first-out, so a requeued copy is still the last card queued.
    if (grade.requeued) this.queue.pop();
    this.queue.unshift(grade.card);
    this.pastOf(grade.card.id).pop();
    this.showing = undefined;
    return grade;
  }

  /** Ends the session early: nothing more is shown. */
  finish(): void {
    this.queue.length = 0;
    this.showing = undefined;
  }

  /** Cards graded at least once: a card seen again in the session (a learning step) counts once. */
  get reviewed(): number {
    return new Set(this.grades.map((g) => g.card.id)).size;
  }

  /** Cards graded Again at least once in the session. */
  get again(): number {
    return new Set(this.grades.filter((g) => g.rating === 1).map((g) => g.card.id)).size;
  }

  /** The earliest next due of the cards graded (their latest grade counts). */
  nextDue(): number | undefined {
    const latest = new Map<string, CardSchedule>();
    for (const g of this.grades) latest.set(g.card.id, g.schedule);
    let next: number | undefined;
    for (const s of latest.values()) if (s.due !== null && (next === undefined || s.due < next)) next = s.due;
    return next;
  }

  /** Practice score: a card graded Hard, Good or Easy counts as answered right; Again as wrong. By domain, in order of first appearance. */
  scores(): { domains: DomainScore[]; correct: number; total: number } {
    const byDomain = new Map<string, DomainScore>();
    for (const g of this.grades) {
      const key = `${g.card.exam ?? ''}\u0000${g.card.domain ?? ''}`;
      let score = byDomain.get(key);
      if (!score) byDomain.set(key, (score = { exam: g.card.exam, domain: g.card.domain, correct: 0, total: 0 }));
      score.total++;
      if (g.rating > 1) score.correct++;
    }
    const domains = [...byDomain.values()];
    return { domains, correct: domains.reduce((n, d) => n + d.correct, 0), total: this.grades.length };
  }

  private pastOf(card: string): PastReview[] {
    let past = this.history.get(card);
    if (!past) this.history.set(card, (past = []));
    return past;
  }
}

/** Each card's past reviews from the log's entries, oldest first. */
export function historyByCard(entries: readonly { card: string; at: number; rating: Rating }[]): Map<string, PastReview[]> {
  const history = new Map<string, PastReview[]>();
  for (const e of entries) {
    let past = history.get(e.card);
    if (!past) history.set(e.card, (past = []));
    past.push({ at: e.at, rating: e.rating });
  }
  for (const past of history.values()) past.sort((a, b) => a.at - b.at);
  return history;
}
