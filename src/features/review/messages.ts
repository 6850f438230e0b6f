// Checks what the review webview sends: only the known message types, with whole numbers in range. The
// webview never names a file or a card: it names the showing (`seq`) the host gave it.
import type { ReviewRating, ReviewWebviewMessage } from '../../protocol/review';

function seqOf(raw: Record<string, unknown>): number | undefined {
  const seq = raw.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined;
}

function ratingOf(raw: Record<string, unknown>): ReviewRating | undefined {
  const rating = raw.rating;
  return rating === 1 || rating === 2 || rating === 3 || rating === 4 ? rating : undefined;
}

/** The message as a ReviewWebviewMessage, or undefined when it is not one of the known shapes. */
export function parseReviewMessage(raw: unknown): ReviewWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'undo':
    case 'finish':
      return { type: m.type };
    case 'grade': {
      const seq = seqOf(m);
      const rating = ratingOf(m);
      return seq !== undefined && rating !== undefined ? { type: 'grade', seq, rating } : undefined;
    }
    case 'openNote': {
      const seq = seqOf(m);
      return seq !== undefined ? { type: 'openNote', seq } : undefined;
    }
    default:
      return undefined;
  }
}
