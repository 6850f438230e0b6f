// The cards written in a note's body, read from markdown-it's token stream (card-syntax.ts says what a card
// looks like), with a warning at the place of each card that is half written. Three forms:
//   > **Q:** question            a quote whose first paragraph starts with **Q:**, and a later paragraph
//   >                            (or a later line) with **A:**; both sides may span several lines and
//   > **A:** answer              blocks. Everything in the quote belongs to the card.
//   term :: definition           a paragraph or list item of one line, `::` with a space on each side.
//   The {{c1::heart}} pumps.     each distinct cN in a paragraph or list item is one card.
// Text in code (fenced, indented, inline) and `::` in a link or an address are never cards.
//
// A card's id is a hash of its type and its question side only (the question, the term, or the cloze text and
// number), whitespace collapsed: editing the answer, the rest of the note or moving the note keeps the card and
// its review history; editing the question makes a new card.
import * as l10n from '@vscode/l10n';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { shortHash } from '../common/hash';
import { CARD_MARKERS, CLOZE, CLOZE_ERROR, createCardParser, mayHoldCard, qaCardAt, TERM_SEPARATOR, type ClozeErrorMeta, type ClozeMeta, type QaCardTokens } from './card-syntax';
import type { Card, CardType } from './types';

/** A half-written card: where it is in the file and what to do. */
export interface CardProblem {
  line: number;
  column: number;
  length: number;
  message: string;
}

export interface CardsRead {
  cards: Card[];
  problems: CardProblem[];
}

/** Warnings listed for one note: past these, one more says that others are not listed (a hostile note holds 100,000). */
export const MAX_CARD_PROBLEMS = 100;

const NO_CARDS: CardsRead = Object.freeze({ cards: [], problems: [] }) as unknown as CardsRead;

/**
 * One parser for every note. Sharing it is safe: markdown-it keeps each parse's state in objects of that parse,
 * and the card rules keep none. A constant, not a lazily set variable: the core keeps no module-level state.
 */
const CARD_PARSER: MarkdownIt = createCardParser();

/** Whitespace to collapse to one space: runs of two or more, and any single one that is not a space (a single space is left as it is, so most questions are not copied). */
const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;

/** The stable id of a card: its type and question side, whitespace collapsed, hashed (see the header). */
export function cardId(type: CardType, question: string): string {
  return shortHash(`${type}\u0000${question.replace(WHITESPACE_RUN, ' ').trim()}`);
}

/**
 * Cards are read from this much of a note's body (characters), cut at a line end. A note is read in at most
 * 50 ms: markdown-it takes about 40 ms on the slowest 32 KB found (thousands of one-line cards or quote lines),
 * and a few pages of study text fit well within it. What is past the limit is a warning, never silently left out.
 */
export const CARD_BODY_LIMIT = 32 * 1024;

/** The cards of a note's body. `firstLine` is the file line the body starts on (after the frontmatter), 1-based. */
export function readCards(body: string, firstLine = 1, parser: MarkdownIt = CARD_PARSER): CardsRead {
  // Most notes hold no card: markdown-it is spared them.
  if (!mayHoldCard(body)) return NO_CARDS;
  const cut = body.length > CARD_BODY_LIMIT ? Math.max(body.lastIndexOf('\n', CARD_BODY_LIMIT - 1), body.lastIndexOf('\r', CARD_BODY_LIMIT - 1)) + 1 : body.length;
  const read = cut === body.length ? body : body.slice(0, cut);
  const region = cardRegion(read);
  const reader = new CardReader(region.offset === 0 ? read : read.slice(region.offset), firstLine + region.lines);
  reader.read(parser.parse(reader.body, {}));
  if (cut < body.length && mayHoldCard(body.slice(cut))) {
    reader.problems.push({
      line: firstLine + (read.match(/\r\n|\r|\n/g)?.length ?? 0),
      column: 1,
      length: 1,
      message: l10n.t('Study cards are read from the first {0} KB of a note: the cards from this line on are not read. Split the note in two.', CARD_BODY_LIMIT / 1024),
    });
  }
  return { cards: reader.cards, problems: reader.problems };
}

/** The first place a card could be: the earliest card marker (the cheap test's), or the text's length. */
function firstMarker(text: string): number {
  let first = text.length;
  for (const marker of CARD_MARKERS) {
    const at = text.indexOf(marker);
    if (at !== -1 && at < first) first = at;
  }
  return first;
}

/** Things that reach past a blank line: a code fence, and a link reference definition (used by later links). */
const REACHING = ['```', '~~~', ']:'];
/**
 * The last blank line (spaces and tabs only, as markdown-it counts it) followed by an ATX heading at the start of
 * the next line. The leading `[\s\S]*` makes the search start from the end of the text.
 */
const LAST_HEADING_AFTER_BLANK = /^[\s\S]*(?:^|\r\n?|\n)[ \t]*(?:\r\n?|\n)(?=#{1,6}[ \t])/;

/**
 * Where markdown-it starts reading a body so that it still finds every card: the last heading, after a blank
 * line, before the first card marker, when the text before it holds no code fence and no link reference
 * definition. Such a heading always opens a block of the top level: a list, a quote, a table, a paragraph or
 * indented code ends at the blank line, and no fence is open. So the text from the heading reads exactly as
 * in the whole body, and the prose before it (most of a CE note holding a few cards) is not parsed. The unit
 * tests compare both reads over generated notes. `lines` is the number of lines skipped.
 */
export function cardRegion(text: string): { offset: number; lines: number } {
  let limit = firstMarker(text);
  for (const reaching of REACHING) {
    const at = text.indexOf(reaching);
    if (at !== -1 && at < limit) limit = at;
  }
  const skipped = LAST_HEADING_AFTER_BLANK.exec(text.slice(0, limit))?.[0] ?? '';
  return { offset: skipped.length, lines: skipped.match(/\r\n|\r|\n/g)?.length ?? 0 };
}

class CardReader {
  readonly cards: Card[] = [];
  readonly problems: CardProblem[] = [];
  private bodyLines: string[] | undefined;

  constructor(
    readonly body: string,
    private readonly firstLine: number,
  ) {}

  /** The body's lines as markdown-it counts them (CRLF, LF and a lone CR each end one); only a question or a problem needs them. */
  private get lines(): string[] {
    return (this.bodyLines ??= this.body.split(/\r\n|\r|\n/));
  }

  read(tokens: Token[]): void {
    let quotes = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'blockquote_open') {
        const qa = qaCardAt(tokens, i);
        if (qa) {
          // The whole quote is the card: a term or cloze in its answer is part of the answer.
          this.questionCard(tokens, i, qa, quotes + 1);
          i = qa.close;
        } else quotes++;
      } else if (token.type === 'blockquote_close') quotes--;
      else if (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') this.paragraph(token, tokens[i - 1].map);
    }
  }

  private questionCard(tokens: Token[], open: number, qa: QaCardTokens, depth: number): void {
    const start = tokens[qa.question - 1].map?.[0] ?? 0;
    const end = tokens[open].map?.[1] ?? start + 1;
    if (!qa.answer) {
      this.report(() => ({
        line: this.firstLine + start,
        column: Math.max(0, this.lines[start].indexOf('**Q:**')) + 1,
        length: 6,
        message: l10n.t('This card has a question but no answer: add a line starting with **A:** inside the same quote.'),
      }));
      return;
    }
    const answer = (tokens[qa.answer.inline - 1].map?.[0] ?? start) + qa.answer.line;
    const front = this.side(start, answer, '**Q:**', depth);
    const back = this.side(answer, end, '**A:**', depth);
    if (front && back) this.cards.push({ id: cardId('qa', front), type: 'qa', line: this.firstLine + start, front, back });
  }

  /** Lines [from, to) without the quote markers, from after `marker` on the first: Markdown as written. */
  private side(from: number, to: number, marker: string, depth: number): string {
    const quote = new RegExp(`^(?:[ \\t]*>[ \\t]?){0,${depth}}`);
    const first = this.lines[from];
    const rest = this.lines.slice(from + 1, to).map((line) => line.replace(quote, ''));
    return [first.slice(first.indexOf(marker) + marker.length), ...rest].join('\n').trim();
  }

  private paragraph(inline: Token, map: [number, number] | null): void {
    if (!map) return;
    const { content } = inline;
    const clozes: ClozeMeta[] = [];
    let separator: number | undefined;
    let links = 0;
    let broken = false;
    for (const child of inline.children ?? []) {
      if (child.type === 'link_open') links++;
      else if (child.type === 'link_close') links--;
      else if (child.type === CLOZE) clozes.push(child.meta as ClozeMeta);
      else if (child.type === CLOZE_ERROR) {
        const error = child.meta as ClozeErrorMeta;
        this.report(() => ({ ...this.place(content, map[0], error.start, error.end), message: error.message }));
        broken = true;
      } else if (child.type === TERM_SEPARATOR && links === 0) separator ??= (child.meta as { start: number }).start;
    }
    const line = this.firstLine + map[0];
    // A paragraph with a half-written cloze makes no card until it is fixed (its warning says where).
    if (clozes.length > 0 && !broken) {
      const numbers = [...new Set(clozes.map((c) => c.number))].sort((a, b) => a - b);
      const back = clozeText(content, clozes);
      for (const number of numbers) {
        const id = cardId('cloze', `${number} ${content}`);
        this.cards.push({ id, type: 'cloze', line, front: clozeText(content, clozes, number), back, cloze: { text: content, number } });
      }
    } else if (separator !== undefined && clozes.length === 0 && !broken && map[1] - map[0] === 1) {
      const front = content.slice(0, separator).trim();
      const back = content.slice(separator + 2).trim();
      if (front && back) this.cards.push({ id: cardId('term', front), type: 'term', line, front, back });
    }
  }

  /** Adds a warning, up to MAX_CARD_PROBLEMS and one saying there are more (`make` is only called for those). */
  private report(make: () => CardProblem): void {
    if (this.problems.length > MAX_CARD_PROBLEMS) return;
    const problem = make();
    this.problems.push(this.problems.length < MAX_CARD_PROBLEMS ? problem : { ...problem, message: l10n.t('More cards in this note are half written than the {0} listed: fix these, and the rest will be listed.', MAX_CARD_PROBLEMS) }
);
  }

  /** Where content[start, end) of a paragraph starting on body line `first` is in the file. */
  private place(content: string, first: number, start: number, end: number): Omit<CardProblem, 'message'> {
    const lineStart = content.lastIndexOf('\n', start - 1) + 1;
    const breakAt = content.indexOf('\n', start);
    const lineEnd = breakAt === -1 ? content.length : breakAt;
    const row = first + countBreaks(content, lineStart);
    // markdown-it drops each line's indentation and quote markers, never its end: the content line is the
    // end of the file's line.
    const source = this.lines[row] ?? '';
    const offset = Math.max(0, source.trimEnd().length - content.slice(lineStart, lineEnd).trimEnd().length);
    return { line: this.firstLine + row, column: offset + start - lineStart + 1, length: Math.max(1, Math.min(end, lineEnd) - start) };
  }
}

/** The cloze text with card `hidden`'s deletions as `[...]` (or `[hint]`) and every other one revealed. */
function clozeText(content: string, clozes: readonly ClozeMeta[], hidden?: number): string {
  let out = '';
  let at = 0;
  for (const c of clozes) {
    out += content.slice(at, c.start) + (c.number === hidden ? `[${c.hint ?? '...'}]` : c.text);
    at = c.end;
  }
  return out + content.slice(at);
}

function countBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
