// Readers for the values career notes add to the note format: a word of a vocabulary (`setting`, `event`,
// a certificate's `status`), a list of them (`responsibilities`) and a bounded number (`hours_per_week`), on
// top of the note's value reader, so each wrong value is a problem at its line and column.
import * as l10n from '@vscode/l10n';
import { quoteExcerpt } from '../notes/problems';
import { NUMBER, wordOf } from '../notes/value-text';
import type { NoteValues } from '../notes/values';

/**
 * One word of a vocabulary (`Long Term Care` is long-term-care). An unknown one is a warning with the nearest
 * word as its fix, and undefined. `what` says what the words are, for the message.
 */
export function readWord<T extends string>(values: NoteValues, key: string, words: readonly T[], what: string): T | undefined {
  const text = values.text(key);
  if (!values.has(key) || text?.trim() === '') return undefined;
  if (text === undefined) {
    values.warn(key, 'unknown-career-word', l10n.t('{0} must be one {1}: {2} (found {3}).', key, what, words.join(', '), values.describeValue(key)));
    return undefined;
  }
  const found = wordOf(text, words);
  if (found.word) return found.word;
  const message = found.near
    ? l10n.t('Unknown {0} "{1}": did you mean "{2}"? Use one of {3}.', what, quoteExcerpt(text.trim()), found.near, words.join(', '))
    : l10n.t('Unknown {0} "{1}". Use one of {2}.', what, quoteExcerpt(text.trim()), words.join(', '));
  values.warn(key, 'unknown-career-word', message, found.near);
  return undefined;
}

/** A list of vocabulary words, each once; unknown ones are warned at their place with the nearest and left out. */
export function readWords(values: NoteValues, key: string, words: readonly string[], what: string): string[] {
  const out = new Set<string>();
  values.forEachItem(key, l10n.t('a list, e.g. {0}', `${key}: [${words.slice(0, 2).join(', ')}]`), l10n.t('Each item of {0} must be one {1}', key, what), (text, span) => {
    if (text.trim() === '') return;
    const found = wordOf(text, words);
    if (found.word) {
      out.add(found.word);
      return;
    }
    // A hostile list of thousands of unknown words must not cost thousands of suggestions.
    const near = values.problems.shown('unknown-career-word') ? found.near : undefined;
    const message = near
      ? l10n.t('Unknown {0} "{1}": did you mean "{2}"? It is left out until it is one of the list.', what, quoteExcerpt(text.trim()), near)
      : l10n.t('Unknown {0} "{1}". It is left out until it is one of the list.', what, quoteExcerpt(text.trim()));
    values.problems.push(span(), 'warning', 'unknown-career-word', message, near);
  });
  return [...out];
}

/** A plain number within min..max (quoted is fine); else an error saying what is expected. */
export function readNumber(values: NoteValues, key: string, min: number, max: number, expected: string): number | undefined {
  const text = values.text(key)?.trim();
  if (!values.has(key) || text === '') return undefined;
  const n = text !== undefined && NUMBER.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n) || n < min || n > max) {
    values.error(key, l10n.t('{0} must be {1} (found {2}).', key, expected, values.describeValue(key)));

    return undefined;
  }
  return n;
}
