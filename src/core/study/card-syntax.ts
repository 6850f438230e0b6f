// How cards are written, as markdown-it sees them: one plugin with two inline rules (a cloze `{{cN::text}}` or
// `{{cN::text::hint}}`, and a term separator ` :: `) and the question-and-answer recognizer over the token
// stream. The card reader (cards.ts) and VS Code's Markdown preview (src/features/preview) both use these, so
// what shows as a card in the preview is what is studied. Inline rules only run where markdown-it reads inline
// text: never in code (fenced, indented, inline) or a link's address, so those never hold a card.
import * as l10n from '@vscode/l10n';
import MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** Token types the plugin adds (their offsets index the inline token's `content`, the text as written). */
export const CLOZE = 'pce_cloze';
export const CLOZE_ERROR = 'pce_cloze_error';
export const TERM_SEPARATOR = 'pce_term_separator';

export interface ClozeMeta {
  start: number;
  end: number;
  number: number;
  text: string;
  hint?: string;
}

export interface ClozeErrorMeta {
  start: number;
  end: number;
  message: string;
}

/** Adds the card rules to a markdown-it instance (the card reader's or VS Code's). Keeps no state of its own. */
export function cardSyntax(md: MarkdownIt): void {
  md.inline.ruler.after('text', CLOZE, cloze);
  md.inline.ruler.after(CLOZE, TERM_SEPARATOR, termSeparator);
}

/**
 * The parser the card reader uses: CommonMark plus tables and strikethrough, raw HTML off, and the card rules.
 * Inline text is only parsed where a card marker is (most of a note's paragraphs hold none, and inline parsing
 * is most of markdown-it's time); the others keep no inline tokens, which no card needs.
 */
export function createCardParser(): MarkdownIt {
  const md = new MarkdownIt({ html: false });
  md.use(cardSyntax);
  md.core.ruler.at('inline', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'inline' && mayHoldCard(token.content)) state.md.inline.parse(token.content, state.md, state.env, token.children ?? (token.children = []));
    }
  });
  return md;
}

/** What every card or half-written card holds: a term's or cloze's `::`, a cloze's `{{c`, a question's markers. */
export const CARD_MARKERS: readonly string[] = ['::', '{{c', '**Q:**', '**A:**'];

/** Whether text may hold a card or a part of one: the cheap test before markdown-it reads it. */
export function mayHoldCard(text: string): boolean {
  return CARD_MARKERS.some((marker) => text.includes(marker));
}

const CLOZE_HEAD = /^\{\{c(\d*)(::)?/;

function cloze(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x7b /* { */ || !src.startsWith('{{c', pos)) return false;
  // `{{c` then a number or `::`: meant as a cloze. Other braces (`{{count}}`, a template) are plain text.
  const head = CLOZE_HEAD.exec(src.slice(pos, pos + 16));
  if (!head || (!head[1] && !head[2])) return false;
  const found = readCloze(state, pos, state.posMax, head);
  if (silent) {
    state.pos += 'message' in found ? 2 : found.end - pos;
    return true;
  }
  if ('message' in found) {
    // Left as text, with a marker the reader turns into a warning at this place.
    const error = state.push(CLOZE_ERROR, '', 0);
    error.meta = found satisfies ClozeErrorMeta;
    state.pending += '{{';
    state.pos += 2;
    return true;
  }
  const token = state.push(CLOZE, '', 0);
  token.content = found.text;
  token.meta = found;
  state.pos = found.end;
  return true;
}

/** The highest cloze number read: each number is a card holding the whole paragraph, so numbers are bounded. */
export const MAX_CLOZE_NUMBER = 50;

/** The cloze starting at `pos`, or why it is not one (with the span to mark). */
function readCloze(state: StateInline, pos: number, max: number, head: RegExpExecArray): ClozeMeta | ClozeErrorMeta {
  const { src } = state;
  const afterHead = pos + head[0].length;
  const lineEnd = Math.min(max, nextIn(state, '\n', pos));
  if (!head[1]) return { start: pos, end: afterHead, message: l10n.t('A cloze needs its number after the c: {0}.', clozeExample('1')) };
  if (!head[2]) return { start: pos, end: afterHead, message: l10n.t('A cloze needs "::" after its number: {0}.', clozeExample(head[1])) };
  const close = nextIn(state, '}}', afterHead);
  if (close === src.length || close + 2 > max) return { start: pos, end: lineEnd, message: l10n.t('This cloze is never closed: end it with "}}".') };
  const end = close + 2;
  const number = Number(head[1]);
  // Anki reads nested clozes since 2.1.56; one level is enough for notes, and a half-read nesting would be wrong.
  if (nextIn(state, '{{', afterHead) < close) return { start: pos, end: Math.min(end, lineEnd), message: l10n.t('A cloze inside another cloze is not read: write them side by side.') };
  if (number < 1 || number > MAX_CLOZE_NUMBER) return { start: pos, end: Math.min(end, lineEnd), message: l10n.t('Cloze numbers go from 1 to {0}: {1}.', MAX_CLOZE_NUMBER, clozeExample('1')) };
  const inner = src.slice(afterHead, close);
  const split = inner.indexOf('::');
  const text = split === -1 ? inner : inner.slice(0, split);
  const hint = split === -1 ? undefined : inner.slice(split + 2).trim();
  if (text.trim() === '') return { start: pos, end: Math.min(end, lineEnd), message: l10n.t('This cloze hides nothing: put the hidden text after "::".') };

  return hint ? { start: pos, end, number, text, hint } : { start: pos, end, number, text };
}

/**
 * A cloze as a message's example, `{{c1::hidden text}}`: an argument of the message, since l10n's `{0}`
 * placeholders would read the cloze's own braces.
 */
function clozeExample(number: string): string {
  return `{{c${number}::${l10n.t('hidden text')}}}`;
}

/** StateInline with the last answer of each nextIn search: the parse's own state, dropped with it. */

type SearchedState = StateInline & { pceNext?: Record<string, { from: number; at: number }> };

/**
 * The next `needle` at or after `from` in the inline text (its length when there is none). The last answer is
 * kept on the parse's state and reused while it still holds: a paragraph of ten thousand unclosed clozes would
 * otherwise be searched to its end ten thousand times (minutes for a 1 MB note).
 */
function nextIn(state: SearchedState, needle: string, from: number): number {
  const searches = (state.pceNext ??= {});
  const last = searches[needle];
  if (last && last.from <= from && from <= last.at) return last.at;
  const found = state.src.indexOf(needle, from);
  const at = found === -1 ? state.src.length : found;
  searches[needle] = { from, at };
  return at;
}

/** ` :: ` between spaces (or at an end): a term's separator. `a::b`, `:::` and URLs are left as text. */
function termSeparator(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x3a /* : */ || src.charCodeAt(pos + 1) !== 0x3a) return false;
  const before = pos === 0 ? 0x20 : src.charCodeAt(pos - 1);
  const after = pos + 2 >= state.posMax ? 0x20 : src.charCodeAt(pos + 2);
  if (!isBlank(before) || !isBlank(after)) return false;
  if (!silent) {
    const token = state.push(TERM_SEPARATOR, '', 0);
    token.content = '::';
    token.meta = { start: pos };
  }
  state.pos += 2;
  return true;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a;


// ---- Question and answer -----------------------------------------------------------------------------

export interface QaCardTokens {
  /** Index of the blockquote's closing token. */
  close: number;
  /** Index of the inline token of the paragraph starting with `**Q:**`. */
  question: number;
  /** Where `**A:**` starts: the inline token holding it and the line of that paragraph it starts on (0-based). */
  answer?: { inline: number; line: number; child: number };
}

/**
 * The question-and-answer card opened by the blockquote at `tokens[open]`: its first paragraph starts with
 * `**Q:**` and a later paragraph, or a later line of a paragraph, starts with `**A:**`. Undefined when the
 * blockquote is not a question.
 */
export function qaCardAt(tokens: readonly Token[], open: number): QaCardTokens | undefined {
  const quote = tokens[open];
  if (quote.type !== 'blockquote_open' || tokens[open + 1]?.type !== 'paragraph_open') return undefined;
  const question = open + 2;
  if (markerAt(tokens[question].children, 0) !== 'Q:') return undefined;
  let close = open + 1;
  while (close < tokens.length && !(tokens[close].type === 'blockquote_close' && tokens[close].level === quote.level)) close++;
  for (let i = question; i < close; i++) {
    const token = tokens[i];
    // Only the quote's own paragraphs: a quote or list inside the question is part of it.
    if (token.type !== 'inline' || token.level !== quote.level + 2) continue;
    const answer = answerIn(token.children ?? [], i === question);
    if (answer) return { close, question, answer: { inline: i, ...answer } };
  }
  return { close, question };
}

/** Where a line starting with `**A:**` is in a paragraph's inline tokens (not its first line when `skipFirst`). */
function answerIn(children: readonly Token[], skipFirst: boolean): { line: number; child: number } | undefined {
  if (!skipFirst && markerAt(children, 0) === 'A:') return { line: 0, child: 0 };
  let line = 0;
  for (let i = 0; i < children.length; i++) {
    if (children[i].type !== 'softbreak' && children[i].type !== 'hardbreak') continue;
    line++;
    if (markerAt(children, i + 1) === 'A:') return { line, child: i + 1 };
  }
  return undefined;
}

/** `Q:` or `A:` when the inline tokens from `i` are `**Q:**` / `**A:**`. */
function markerAt(children: readonly Token[] | null, from: number): string | undefined {
  let i = from;
  // markdown-it leaves an empty text token where an emphasis marker opened a line.
  while (children?.[i]?.type === 'text' && children[i].content === '') i++;
  if (!children || children[i]?.type !== 'strong_open' || children[i].markup !== '**' || children[i + 2]?.type !== 'strong_close') return undefined;
  const text = children[i + 1];
  return text?.type === 'text' && (text.content === 'Q:' || text.content === 'A:') ? text.content : undefined;
}
