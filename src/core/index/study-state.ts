// The study side of a folder's index: the review log's text, what it reads as, the schedules replayed from it
// and the study model, each kept until what it depends on changes. FolderIndex owns one and delegates to it.
import { localToday } from '../common/dates';
import { lineStarts } from '../common/lines';
import { buildStudyModel, type StudyModel, type StudyModelInput } from '../study/model';
import { parseReviewLog } from '../study/review-log';
import { replayReviews, type ScheduleOptions } from '../study/schedule';
import type { CardSchedule, ReviewEntry, ReviewLogRead } from '../study/types';
import type { Problem } from '../types';

/**
 * How long a study model stays current as time passes. Learning steps are whole minutes (1 and 10 by default),
 * so a card is seen due at most a minute late, and recall moves by far less than a percent in a minute; the
 * views, which all ask for the model on every change, share one build instead of one each.
 */
export const STUDY_MODEL_GRANULARITY_MS = 60_000;

/** What the model is built from besides the schedules (FolderIndex's notes and config). */
export type StudyInputs = Omit<StudyModelInput, 'schedules' | 'now' | 'today'>;

const NO_LOG: ReviewLogRead = Object.freeze({ entries: Object.freeze([]) as unknown as ReviewEntry[], problems: Object.freeze([]) as unknown as Problem[] });

export class StudyState {
  private text: string | undefined;
  /** Problems reading the file (too large, a link, unreadable), from whoever read it. */
  private readProblems: readonly Problem[] = [];
  private read: ReviewLogRead = NO_LOG;
  /** Line breaks in `text`, worked out on the first append (where the appended lines start). */
  private lineBreaks: number | undefined;
  /** The log's entries by card, built when first needed. */
  private byCard: Map<string, ReviewEntry[]> | undefined;
  private replayed: { retention: number; schedules: Map<string, CardSchedule> } | undefined;
  private built: { version: number; retention: number; period: number; now: number; model: StudyModel } | undefined;
  private problemsOnly: { version: number; problems: readonly Problem[] } | undefined;

  /**
   * Sets the log's text (undefined: no log) and the problems met reading it. False when both are the same. A
   * text that only adds whole lines to the one before (the review panel appends one line a grade) reads and
   * replays just those lines and the cards they name.
   */
  setLog(text: string | undefined, readProblems: readonly Problem[] = []): boolean {
    // A handful of problems at most: comparing their text is enough.
    const sameProblems = JSON.stringify(readProblems) === JSON.stringify(this.readProblems);
    if (text === this.text && sameProblems) return false;
    this.readProblems = readProblems;
    const before = this.text;
    this.text = text;
    if (text === before) return true;
    if (text !== undefined && before !== undefined && before.length > 0 && text.length > before.length && before.endsWith('\n') && text.startsWith(before)) {
      this.append(before, text.slice(before.length));
    } else {
      this.read = text === undefined ? NO_LOG : parseReviewLog(text);
      this.lineBreaks = undefined;
      this.byCard = undefined;
      this.replayed = undefined;
    }
    this.built = undefined;
    return true;
  }

  private append(before: string, added: string): void {
    this.lineBreaks ??= lineStarts(before).length - 1;
    const read = parseReviewLog(added, this.lineBreaks + 1);
    this.lineBreaks += lineStarts(added).length - 1;
    this.read = { entries: [...this.read.entries, ...read.entries], problems: [...this.read.problems, ...read.problems] };
    if (this.byCard) for (const entry of read.entries) addTo(this.byCard, entry);
    if (!this.replayed || read.entries.length === 0) return;
    const byCard = this.entriesByCard();
    const cards = new Set(read.entries.map((e) => e.card));
    const affected = [...cards].flatMap((card) => byCard.get(card) ?? []);
    const schedules = new Map(this.replayed.schedules); // a copy: a model already handed out keeps its own
    for (const [card, schedule] of replayReviews(affected, { retention: this.replayed.retention })) schedules.set(card, schedule);
    this.replayed = { retention: this.replayed.retention, schedules };
  }

  /** Problems reading the log, then its malformed lines, each at its line. */
  problems(): readonly Problem[] {
    return this.readProblems.length === 0 ? this.read.problems : [...this.readProblems, ...this.read.problems];
  }

  /** The log's reviews of one card, in log order (for the review buttons' previews). */
  reviewsOf(card: string): readonly ReviewEntry[] {
    return this.entriesByCard().get(card) ?? [];
  }

  /** Every reviewed card's schedule with these options. */
  schedules(options: ScheduleOptions): ReadonlyMap<string, CardSchedule> {
    if (this.replayed?.retention !== options.retention) {
      this.replayed = { retention: options.retention, schedules: replayReviews(this.read.entries, options) };
    }
    return this.replayed.schedules;
  }

  /**
   * The study model at `now`. Kept while `version` (notes and config), the log and the retention stay the same
   * and `now` stays in the same STUDY_MODEL_GRANULARITY_MS period: within it, the model of the period's first call.
   */
  model(inputs: StudyInputs, version: number, now: number, options: ScheduleOptions): StudyModel {
    const period = Math.floor(now / STUDY_MODEL_GRANULARITY_MS);
    const built = this.built;
    if (built && built.version === version && built.retention === options.retention && built.period === period) return built.model;
    // `today` is the local calendar day: what "today" is for the person studying.
    const model = buildStudyModel({ ...inputs, schedules: this.schedules(options), now, today: localToday(new Date(now)) });
    this.built = { version, retention: options.retention, period, now, model };
    return model;
  }

  /**
   * The model's problems (unknown exam or domain ids, duplicate cards): they depend on the notes, not on the
   * time or the reviews. The last model's when it is current; else from a model built without replaying the
   * log (`check` and `report` need no schedules), at the last time asked.
   */
  modelProblems(inputs: StudyInputs, version: number): readonly Problem[] {
    if (this.built?.version === version) return this.built.model.problems;
    if (this.problemsOnly?.version !== version) {
      const now = this.built?.now ?? 0;
      const model = buildStudyModel({ ...inputs, schedules: new Map(), now, today: localToday(new Date(now)) });
      this.problemsOnly = { version, problems: model.problems };
    }
    return this.problemsOnly.problems;
  }

  private entriesByCard(): Map<string, ReviewEntry[]> {
    if (!this.byCard) {
      this.byCard = new Map();
      for (const entry of this.read.entries) addTo(this.byCard, entry);
    }
    return this.byCard;
  }
}

function addTo(byCard: Map<string, ReviewEntry[]>, entry: ReviewEntry): void {
  const list = byCard.get(entry.card);
  if (list) list.push(entry);
  else byCard.set(entry.card, [entry]);
}

