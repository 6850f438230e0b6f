// The card reader skips the prose before the last heading that precedes the first card (cards.ts, cardRegion):
// these tests hold it to reading exactly what a read of the whole body finds, over generated notes built from
// the pieces that could make the skip wrong (fences, indented code, lists, quotes, tables, reference
// definitions, CRLF and lone CR line ends, headings in every position).
import { strict as assert } from 'node:assert';
import { cardRegion, readCards, type CardsRead } from '../../src/core/study/cards';
import { random } from '../bench/common';

/** A read of the whole body: an empty closed fence first leaves no place to skip to; its two lines are taken back. */
function wholeRead(body: string, newline: string): CardsRead {
  const read = readCards(`\`\`\`${newline}\`\`\`${newline}${body}`);
  return {
    cards: read.cards.map((c) => ({ ...c, line: c.line - 2 })),
    problems: read.problems.map((p) => ({ ...p, line: p.line - 2 })),
  };
}

const PIECES: string[][] = [
  ['# Heading'],
  ['## Study cards'],
  ['#no-space heading'],
  ['Plain prose with a #hash and an ending.'],
  ['- a list item', '- term in list :: its definition'],
  ['- item', '', '  # indented heading inside the item'],
  ['  continuation with two spaces'],
  ['```', 'code :: not a card', '', '# a heading inside code', '{{c1::hidden}} in code', '```'],
  ['~~~md', '', '## inside tilde fence', '~~~'],
  ['```'],
  ['    indented code :: not a card'],
  ['> quoted prose', '> # heading in a quote'],
  ['> **Q:** What is a question?', '>', '> **A:** This.'],
  ['> **Q:** A question with no answer'],
  ['term one :: definition one'],
  ['The {{c1::heart}} pumps {{c2::blood::fluid}}.'],
  ['A broken {{c1::cloze'],
  ['[ref]: https://example.com/a::b'],
  ['[a :: b][ref] is a link when ref is defined'],
  ['| a | b |', '|---|---|', '| x :: y | {{c1::z}} |'],
  ['Setext heading', '==='],
  ['* * *'],
  ['\t# tab-indented heading'],
];

function generatedBody(rand: () => number): { body: string; newline: string } {
  const newline = ['\n', '\r\n', '\r'][Math.floor(rand() * 3)];
  const lines: string[] = [];
  const count = 2 + Math.floor(rand() * 12);
  for (let i = 0; i < count; i++) {
    let piece = PIECES[Math.floor(rand() * PIECES.length)];
    // Fences and reference definitions stop the skip for the whole note: rarer, so that many notes are skipped into.
    while (/```|~~~|\]:/.test(piece.join('\n')) && rand() < 0.8) piece = PIECES[Math.floor(rand() * PIECES.length)];
    lines.push(...piece);
    // Mostly a blank line between pieces (where the skip may cut), sometimes none, sometimes one of spaces.
    const gap = rand();
    if (gap < 0.3) lines.push('', `## Section ${i}`);
    else if (gap < 0.6) lines.push('');
    else if (gap < 0.7) lines.push('  \t');
  }
  return { body: lines.join(newline), newline };
}

describe('cards: the part of a note read for cards', () => {
  it('finds the same cards and warnings as a read of the whole body, over 3,000 generated notes', () => {
    const rand = random(2026);
    let skipped = 0;
    for (let n = 0; n < 3000; n++) {
      const { body, newline } = generatedBody(rand);
      if (cardRegion(body).offset > 0) skipped++;
      assert.deepEqual(readCards(body), wholeRead(body, newline), `note ${n}: ${JSON.stringify(body)}`);
    }
    // The comparison means something only if many notes were skipped into.
    assert.ok(skipped > 500, `only ${skipped} notes were read from a later heading`);
  });

  it('starts at the last heading after a blank line before the first card, and counts the lines it skips', () => {
    const body = ['# Notes', '', 'Prose.', '', '## More', 'Text.', '', '## Study cards', '', 'term :: definition'].join('\r\n');
    const region = cardRegion(body);
    assert.equal(body.slice(region.offset, region.offset + 14), '## Study cards');
    assert.equal(region.lines, 7);
    assert.deepEqual(readCards(body, 5).cards.map((c) => c.line), [14]);
  });

  it('reads from the start when a fence or a link reference definition comes before the cards', () => {
    for (const before of ['```', '~~~', '[ref]: https://example.com']) {
      const body = ['# Notes', '', before, '', '## Cards', '', 'term :: definition'].join('\n');
      assert.equal(cardRegion(body).offset, 0, before);
    }
  });

  it('never skips past a heading that is not after a blank line', () => {
    const body = ['- item', '# Heading right after a list', '', 'term :: definition'].join('\n');
    assert.equal(cardRegion(body).offset, 0);
  });
});
