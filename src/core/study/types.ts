// The study model's data: cards read from notes, exam plans, the review log and what the schedule makes of
// them. Shared by the core, the extension and the CLI; no editor or Node imports here.
import type { CalendarDate, Problem } from '../types';

export type CardType = 'qa' | 'term' | 'cloze';

/** One card as written in a note. */
export interface Card {
  /**
   * Stable id: from the card's type and its question side (the question from `**Q:**` up to `**A:**`, the term,
   * or the cloze text and number) with whitespace collapsed (cyrb53, 11 base-36 characters: study/cards.ts). The answer, the rest of the note and the note's path are not part of
   * it, so editing an answer or moving the note keeps the card's history; changing the question makes a new card.
   */
  id: string;
  type: CardType;
  /** 1-based line of the card's first line in the file. */
  line: number;
  /** Markdown shown first: the question, the term, or the cloze text with this card's deletions as `[...]` (or `[hint]`). */
  front: string;
  /** Markdown shown after: the answer, the definition, or the cloze text with every deletion revealed. */
  back: string;
  /** Cloze cards: the text as written (with every `{{cN::…}}`), and this card's number N (for the Anki export). */
  cloze?: { text: string; number: number };
}

/** A frontmatter value of the study keys (`exam`, `domain`), with where it is written, for problems. */
export interface StudyKeyValue {
  value: string;
  line: number;
  column: number;
  length: number;
}

/** What one note brings to study: its cards, and the exam and domain it says it belongs to. */
export interface NoteStudy {
  cards: Card[];
  exam?: StudyKeyValue;
  domain?: StudyKeyValue;
}

// ---- Plans ---------------------------------------------------------------------------------------------

export interface StudyDomain {
  /** Stable id, e.g. `medications`. */
  id: string;
  name: string;
  /** Percent of the exam (weights of a plan sum to 100). */
  weight: number;
  /** Short knowledge-area titles, for hovers and the dashboard. */
  areas?: string[];
  /** Set when this domain's weight or content is unverified: what to check. */
  verify?: string;
}

export interface StudyPlan {
  /** Plan id: `ptce`, `ptce-2020`, `excpt`, `cspt`, `ptcb-<certificate>`, or the user's. */
  id: string;
  name: string;
  /** Questions on the exam (the practice exam's default size). */
  questionCount: number;
  domains: StudyDomain[];
  /** Where the outline comes from (a URL or document name). */
  source: string;
  asOf: CalendarDate;
  /** Set when the plan as a whole is unverified: what to check. */
  verify?: string;
  builtIn: boolean;
}

/** The `study` object of `.pharmacy-ce.json`: the exam the user prepares for and when. */
export interface StudySettings {
  exam?: string;
  examDate?: CalendarDate;
}

// ---- Reviews -------------------------------------------------------------------------------------------

export const REVIEW_LOG_FILE = '.pharmacy-ce/reviews.jsonl';

/** FSRS grades: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** One line of the review log. */
export interface ReviewEntry {
  card: string;
  /** Milliseconds since the epoch (the line's ISO time). */
  at: number;
  rating: Rating;
  /** 1-based line in the log. */
  line: number;
}

export interface ReviewLogRead {
  entries: ReviewEntry[];
  /** Malformed lines, each at its line in `.pharmacy-ce/reviews.jsonl`: skipped, never rewritten. */
  problems: Problem[];
}

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/** A card's schedule after replaying its reviews. */
export interface CardSchedule {
  state: CardState;
  /** When the card is next due (ms since the epoch); null for a card never reviewed. */
  due: number | null;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  /** Last review (ms since the epoch), if any. */
  lastReview?: number;
}

// ---- The model the views show ----------------------------------------------------------------------------

/** A card with where it is and where it stands today. */
export interface StudyCard extends Card {
  /** Folder-relative path of the note. */
  file: string;
  /** Plan and domain ids it belongs to (from its note), when known. */
  exam?: string;
  domain?: string;
  schedule: CardSchedule;
  /** Predicted recall now, 0 to 1 (0 for a new card). */
  recall: number;
}

export interface DomainReadiness {
  id: string;
  name: string;
  weight: number;
  cards: number;
  new: number;
  due: number;
  /** Mean predicted recall of the domain's cards now (new cards count as 0); 0 without cards. */
  readiness: number;
}

export interface ExamReadiness {
  id: string;
  name: string;
  /** Domains' readiness weighted by their exam weights, 0 to 1. */
  readiness: number;
  domains: DomainReadiness[];
  cards: number;
  new: number;
  due: number;
  examDate?: CalendarDate;
  /** With an exam date: new cards a day needed to see every card before it. */
  newPerDay?: number;
  source: string;
  asOf: CalendarDate;
  verify?: string;
}

export interface StudySummary {
  total: number;
  /** Cards never reviewed. */
  new: number;
  /** Reviewed cards due by the end of today (local time; for the CLI, the end of the --as-of day). */
  due: number;
  /** Exams with cards, and the configured exam even without any. */
  exams: ExamReadiness[];
  /** Reviewed cards falling due on each of the next 30 days (index 0 = today, including overdue). */
  forecast: number[];
}
