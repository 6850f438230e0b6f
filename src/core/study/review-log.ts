// CONTRACT STUB (lead, session 5): the helper owning the review log replaces this file.
import type { Rating, ReviewLogRead } from './types';

/** Reads `.pharmacy-ce/reviews.jsonl`: every well-formed line, and a problem at each malformed one. */
export function parseReviewLog(text: string): ReviewLogRead {
  void text;
  return { entries: [], problems: [] };
}

/** One log line, with its newline: `{"card":"…","at":"<ISO time>","rating":n}\n`. */
export function formatReviewLine(review: { card: string; at: number; rating: Rating }): string {
  return `${JSON.stringify({ card: review.card, at: new Date(review.at).toISOString(), rating: review.rating })}\n`;
}
