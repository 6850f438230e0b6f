// How long until a card comes back, in plain words for the grade buttons and the summary ("10 min",
// "2 days"). No `vscode` import (strings through @vscode/l10n, loaded with VS Code's bundle), so it is unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { plural } from '../../core/common/plural';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A wait of `ms` milliseconds, rounded to the unit a person would use: minutes under an hour (at least 1),
 * hours under a day, days under a month, months under a year, then years with one decimal.
 */
export function intervalWords(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (ms < HOUR - MINUTE / 2) return l10n.t('{0} min', Math.max(1, Math.round(ms / MINUTE)));
  if (ms < DAY - HOUR / 2) {
    const hours = Math.round(ms / HOUR);
    return plural(hours, l10n.t('{0} hour', hours), l10n.t('{0} hours', hours));
  }
  const days = Math.round(ms / DAY);
  if (days < 31) return plural(days, l10n.t('{0} day', days), l10n.t('{0} days', days));
  if (days < 365) {
    const months = Math.round(days / 30.44);
    return plural(months, l10n.t('{0} month', months), l10n.t('{0} months', months));
  }
  const years = Math.round((days / 365.25) * 10) / 10;
  return plural(years, l10n.t('{0} year', years), l10n.t('{0} years', years));
}

/** Why a review has no card to show, from what is left in its scope. */
export interface NothingToReview {
  /** Cards in the scope at all. */
  cards: number;
  /** Never-reviewed cards in the scope, held back by the daily limit of new cards. */
  newLeft: number;
  /** When the first scheduled card of the scope is due (ms), if any is. */
  nextDue?: number;
  now: number;
}

/**
 * The sentence a review shows when it cannot start. New cards held back by the daily limit are named first:
 * the status bar counts them, so "nothing to review" alone would contradict it.
 */
export function nothingToReviewWords(s: NothingToReview): string {
  if (s.cards === 0) return l10n.t('No cards to review here yet. Write a card in a note (for example a "**Q:** … **A:** …" quote, or "term :: definition"), then start a review.');
  if (s.newLeft > 0) {
    return plural(s.newLeft,
      l10n.t("Nothing to review right now: you have seen today's new cards. The 1 new card left comes tomorrow (how many a day is the \"New Cards Per Day\" setting)."),
      l10n.t("Nothing to review right now: you have seen today's new cards. The {0} new cards left come tomorrow (how many a day is the \"New Cards Per Day\" setting).", s.newLeft));
  }
  if (s.nextDue === undefined || s.nextDue <= s.now) return l10n.t("Nothing to review right now: you have seen today's new cards. More come tomorrow.");
  return l10n.t('Nothing to review right now. The next card is due in {0}.', intervalWords(s.nextDue - s.now));
}
