// Readers for the values career notes add to the note format: a word of a vocabulary (`setting`, `event`,
// a certificate's `status`), a list of them (`responsibilities`) and a bounded number (`hours_per_week`), on
// top of the note's value reader, so each wrong value is a problem at its line and column.
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
    values.warn(key, 'unknown-career-word', `${key} must be one ${what}: ${words.join(', ')} (found ${values.describeValue(key)}).`);
    return undefined;
  }
  const found = wordOf(text, words);
  if (found.word) return found.word;
  const near = found.near ? `: did you mean "${found.near}"?` : '.';
  values.warn(key, 'unknown-career-word', `Unknown ${what} "${quoteExcerpt(text.trim())}"${near} Use one of ${words.join(', ')}.`, found.near);
  return undefined;
}

/** A list of vocabulary words, each once; unknown ones are warned at their place with the nearest and left out. */
export function readWords(values: NoteValues, key: string, words: readonly string[], what: string): string[] {
  const out = new Set<string>();
  values.forEachItem(key, `a list, e.g. ${key}: [${words.slice(0, 2).join(', ')}]`, `Each item of ${key} must be one ${what}`, (text, span) => {
    if (text.trim() === '') return;
    const found = wordOf(text, words);
    if (found.word) {
      out.add(found.word);
      return;
    }
    // A hostile list of thousands of unknown words must not cost thousands of suggestions.
    const near = values.problems.shown('unknown-career-word') ? found.near : undefined;
    const meant = near ? `: did you mean "${near}"?` : '.';
    values.problems.push(span(), 'warning', 'unknown-career-word', `Unknown ${what} "${quoteExcerpt(text.trim())}"${meant} It is left out until it is one of the list.`, near);
  });
  return [...out];
}

/** A plain number within min..max (quoted is fine); else an error saying what is expected. */
export function readNumber(values: NoteValues, key: string, min: number, max: number, expected: string): number | undefined {
  const text = values.text(key)?.trim();
  if (!values.has(key) || text === '') return undefined;
  const n = text !== undefined && NUMBER.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n) || n < min || n > max) {
    values.error(key, `${key} must be ${expected} (found ${values.describeValue(key)}).`);
    return undefined;
  }
  return n;
}
