// Cards from notes written to hurt (core/study/cards.ts, card-syntax.ts): a note up to the 1 MB read cap is read
// up to the card limit, in one pass, with a bounded list of warnings and a bounded number of cards.
import { strict as assert } from 'node:assert';
import { CARD_BODY_LIMIT, MAX_CARD_PROBLEMS, readCards } from '../../src/core/study/cards';
import { MAX_CLOZE_NUMBER } from '../../src/core/study/card-syntax';

const MB = 1024 * 1024;
const filled = (unit: string): string => unit.repeat(Math.floor(MB / unit.length));

describe('cards: hostile notes', () => {
  it('a paragraph of unclosed clozes is read once: the first warnings, then one saying there are more', () => {
    // Each open cloze used to search the rest of the paragraph for its end: about a minute for a 1 MB note.
    for (const unit of ['{{c1::', '{{c1::a ', '{{c1::a\n']) {
      const read = readCards(filled(unit).slice(0, CARD_BODY_LIMIT - 1));
      assert.equal(read.cards.length, 0, unit);
      assert.equal(read.problems.length, MAX_CARD_PROBLEMS + 1, unit);
      assert.deepEqual(read.problems.slice(0, 2).map((p) => [p.line, p.column]), unit.endsWith('\n') ? [[1, 1], [2, 1]] : [[1, 1], [1, 1 + unit.length]]);
      assert.match(read.problems[MAX_CARD_PROBLEMS].message, /More cards in this note are half written than the 100 listed/);
    }
  });

  it('a 1 MB note of them is read up to the card limit, and says the rest is not read', () => {
    const lines = readCards(filled('{{c1::a\n'));
    assert.equal(lines.problems.length, MAX_CARD_PROBLEMS + 2);
    assert.match(lines.problems[MAX_CARD_PROBLEMS + 1].message, /first 32 KB of a note/);
    assert.equal(lines.problems[MAX_CARD_PROBLEMS + 1].line, Math.floor(CARD_BODY_LIMIT / 8) + 1);
    // One line of 1 MB: nothing of it is read, and the warning says so at its line.
    const oneLine = readCards(filled('{{c1::a '));
    assert.deepEqual(oneLine.problems.map((p) => p.line), [1]);
  });

  it('a thousand questions with no answer give the first warnings and one saying there are more', () => {
    const read = readCards('> **Q:** What?\n\n'.repeat(1000));
    assert.equal(read.problems.length, MAX_CARD_PROBLEMS + 1);
    assert.deepEqual([read.problems[0].line, read.problems[MAX_CARD_PROBLEMS].line], [1, 2 * MAX_CARD_PROBLEMS + 1]);
  });

  it(`cloze numbers above ${MAX_CLOZE_NUMBER} are warnings, not one more copy of the paragraph each`, () => {
    // Every number is a card holding the whole paragraph: {{c1::a}} … {{c80000::a}} in 1 MB was 80,000 copies of it.
    const clozes = Array.from({ length: MAX_CLOZE_NUMBER + 2 }, (_, i) => `{{c${i + 1}::x}}`);
    const read = readCards(clozes.join(' '));
    assert.equal(read.cards.length, 0, 'a paragraph with a wrong cloze makes no card until it is fixed');
    assert.deepEqual(read.problems.map((p) => p.column), [clozes.slice(0, MAX_CLOZE_NUMBER).join(' ').length + 2, clozes.slice(0, MAX_CLOZE_NUMBER + 1).join(' ').length + 2]);
    assert.match(read.problems[0].message, /from 1 to 50/);
    assert.equal(readCards(clozes.slice(0, MAX_CLOZE_NUMBER).join(' ')).cards.length, MAX_CLOZE_NUMBER);
  });

  it('a cloze inside another one is still a warning when the outer one closes far later', () => {
    const read = readCards(`{{c1::a {{c2::b ${'x '.repeat(10000)}}} c}}`);
    assert.deepEqual(read.problems.map((p) => [p.column, /inside another/.test(p.message)]), [[1, true]]);
  });
});
