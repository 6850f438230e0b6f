// Cards read from a note's body (core/study/cards.ts): every form and non-form of issue #13, where each one
// is in the file, and ids that survive the edits they should.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CARD_BODY_LIMIT, cardId, readCards } from '../../src/core/study/cards';
import type { Card } from '../../src/core/study/types';

const body = (...lines: string[]): string => lines.join('\n');
const cardsOf = (text: string): Card[] => readCards(text).cards;
const sides = (text: string): [string, string, string][] => cardsOf(text).map((c) => [c.type, c.front, c.back]);

describe('cards: question and answer', () => {
  it('reads the studycard form, its line and both sides', () => {
    const read = readCards(body('# Law', '', '> **Q:** How many refills may a Schedule II prescription have?', '>', '> **A:** None.', ''));
    assert.deepEqual(read.problems, []);
    assert.equal(read.cards.length, 1);
    const [card] = read.cards;
    assert.deepEqual([card.type, card.line, card.front, card.back], ['qa', 3, 'How many refills may a Schedule II prescription have?', 'None.']);
    assert.equal(card.cloze, undefined);
  });

  it('takes both sides over several lines and blocks, quote markers removed', () => {
    const text = body(
      '> **Q:** Which of these',
      '> is a Schedule II drug?',
      '> - hydrocodone/APAP',
      '> - tramadol',
      '>',
      '> **A:** Hydrocodone combinations,',
      '> since October 2014.',
      '>',
      '> Tramadol is Schedule IV.',
    );
    assert.deepEqual(sides(text), [
      ['qa', 'Which of these\nis a Schedule II drug?\n- hydrocodone/APAP\n- tramadol', 'Hydrocodone combinations,\nsince October 2014.\n\nTramadol is Schedule IV.'],
    ]);
  });

  it('takes an answer that starts on a later line of the question paragraph', () => {
    assert.deepEqual(sides(body('> **Q:** Tall Man lettering is for?', '> **A:** Look-alike drug names.')), [['qa', 'Tall Man lettering is for?', 'Look-alike drug names.']]);
  });

  it('reads a card in a nested quote and a list item, and keeps a quote inside the answer', () => {
    const nested = body('> Said in class:', '>', '> > **Q:** DEA Form 222 orders which schedules?', '> >', '> > **A:** I and II.', '> >', '> > > a quote in the answer');
    assert.deepEqual(sides(nested), [['qa', 'DEA Form 222 orders which schedules?', 'I and II.\n\n> a quote in the answer']]);
    assert.equal(cardsOf(nested)[0].line, 3);
    const inList = body('- > **Q:** Insulin in use is kept where?', '  >', '  > **A:** At room temperature, for the labelled days.');
    assert.deepEqual(sides(inList), [['qa', 'Insulin in use is kept where?', 'At room temperature, for the labelled days.']]);
  });

  it('a question with no answer is a warning at its line and column, and no card', () => {
    const read = readCards(body('Intro.', '', '  > **Q:** What does REMS stand for?', '  > Still thinking.'), 10);
    assert.deepEqual(read.cards, []);
    assert.equal(read.problems.length, 1);
    assert.deepEqual({ ...read.problems[0], message: '' }, { line: 12, column: 5, length: 6, message: '' });
    assert.match(read.problems[0].message, /no answer/);
  });

  it('an empty side is no card; a quote that does not start with **Q:** is no card', () => {
    assert.deepEqual(cardsOf(body('> **Q:**', '>', '> **A:** Something.')), []);
    assert.deepEqual(cardsOf(body('> **Q:** Something?', '>', '> **A:**')), []);
    assert.deepEqual(cardsOf(body('> Intro first.', '>', '> **Q:** Later?', '>', '> **A:** No.')), []);
    assert.deepEqual(cardsOf(body('**Q:** Not quoted?', '', '**A:** No.')), []);
  });

  it('terms and clozes inside a card are part of its answer, not cards of their own', () => {
    assert.deepEqual(
      sides(body('> **Q:** Define NDC.', '>', '> **A:** NDC :: National Drug Code, {{c1::10 digits}}.')).map((s) => s[0]),
      ['qa'],
    );
  });
});

describe('cards: terms', () => {
  it('reads a one-line paragraph and list items', () => {
    const text = body('Warfarin :: a vitamin K antagonist anticoagulant', '', '- **LASA** :: look-alike, sound-alike', '- REMS :: Risk Evaluation and Mitigation Strategy');
    assert.deepEqual(sides(text), [
      ['term', 'Warfarin', 'a vitamin K antagonist anticoagulant'],
      ['term', '**LASA**', 'look-alike, sound-alike'],
      ['term', 'REMS', 'Risk Evaluation and Mitigation Strategy'],
    ]);
    assert.deepEqual(cardsOf(text).map((c) => c.line), [1, 3, 4]);
  });

  it('splits at the first separator', () => {
    assert.deepEqual(sides('ratio :: a :: b'), [['term', 'ratio', 'a :: b']]);
  });

  it('is not a card: two lines, an empty side, no spaces, in a link or an address, in a heading or a table', () => {
    for (const text of [
      body('Warfarin :: an anticoagulant', 'that interacts with vitamin K.'),
      'Warfarin ::',
      ':: an anticoagulant',
      'Warfarin::anticoagulant',
      'See https://example.org/a::b for more.',
      '[Warfarin :: anticoagulant](https://example.org)',
      '![alt :: text](x.png)',
      '# Warfarin :: anticoagulant',
      body('| a | b |', '|---|---|', '| x :: y | z |'),
    ]) {
      assert.deepEqual(readCards(text), { cards: [], problems: [] }, text);
    }
  });

  it('a separator outside a link still makes a card when a link is in the definition', () => {
    assert.deepEqual(sides('DSCSA :: see [the FDA page](https://www.fda.gov/a::b)'), [['term', 'DSCSA', 'see [the FDA page](https://www.fda.gov/a::b)']]);
  });
});

describe('cards: cloze', () => {
  it('makes one card per distinct number, that deletion hidden and the others shown', () => {
    const text = '- Schedule {{c1::II}} drugs need {{c2::DEA Form 222::a form}} to order; {{c1::no refills}}.';
    const cards = cardsOf(text);
    assert.deepEqual(
      cards.map((c) => [c.front, c.back, c.cloze]),
      [
        ['Schedule [...] drugs need DEA Form 222 to order; [...].', 'Schedule II drugs need DEA Form 222 to order; no refills.', { text: text.slice(2), number: 1 }],
        ['Schedule II drugs need [a form] to order; no refills.', 'Schedule II drugs need DEA Form 222 to order; no refills.', { text: text.slice(2), number: 2 }],
      ],
    );
    assert.deepEqual(cards.map((c) => c.type), ['cloze', 'cloze']);
    assert.notEqual(cards[0].id, cards[1].id);
  });

  it('reads a cloze over two lines of a paragraph, and in a quote', () => {
    assert.deepEqual(sides(body('Insulin vials in use last', '{{c1::28 days}} at room temperature.')).map((s) => s[1]), ['Insulin vials in use last\n[...] at room temperature.']);
    assert.deepEqual(sides('> The {{c1::deltoid}} is the adult IM site.').map((s) => s[1]), ['The [...] is the adult IM site.']);
  });

  it('a malformed cloze is a warning at its line and column, and the rest still reads', () => {
    const text = body('Intro.', '', '> Give {{c1:2 mg}} now.', '', 'A {{c::x}} and {{c2::y', '', 'Not one {{c0::z}}, {{c1::}} or {{c1::a {{c2::b}} c}}.', '', 'Fine {{c1::ok}}.');
    const read = readCards(text, 5);
    assert.deepEqual(read.cards.map((c) => [c.line, c.front]), [[13, 'Fine [...].']]);
    assert.deepEqual(
      read.problems.map((p) => [p.line, p.column, p.length]),
      [
        [7, 8, 4],
        [9, 3, 5],
        [9, 16, 7],
        [11, 9, 9],
        [11, 20, 8],
        [11, 32, 17],
      ],
    );
    assert.match(read.problems[0].message, /"::"/);
    assert.match(read.problems[2].message, /never closed/);
  });

  it('braces that are not a cloze are plain text: no card, no warning', () => {
    assert.deepEqual(readCards('A template {{count}} and {{ c1 }}.'), { cards: [], problems: [] });
  });
});

describe('cards: code is never a card', () => {
  it('skips fenced, indented and inline code', () => {
    const text = body(
      '```',
      '> **Q:** in a fence?',
      '>',
      '> **A:** no',
      'x :: y',
      '{{c1::z}}',
      '```',
      '',
      '    indented :: code',
      '    {{c1::code}}',
      '',
      'Inline `a :: b` and `{{c1::c}}` and `{{c1:bad}}` are code.',
    );
    assert.deepEqual(readCards(text), { cards: [], problems: [] });
  });
});

describe('cards: lines and line ends', () => {
  it('counts file lines from the body start, the same with CRLF', () => {
    const lf = body('', 'Term :: definition', '', '> **Q:** Why?', '>', '> **A:** Because.', '', 'The {{c1::answer}}.', '', '> **Q:** None?', '', 'Bad {{c1:x}}.');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = readCards(lf, 6);
    const b = readCards(crlf, 6);
    assert.deepEqual(b, a);
    assert.deepEqual(a.cards.map((c) => [c.type, c.line]), [['term', 7], ['qa', 9], ['cloze', 13]]);
    assert.deepEqual(a.problems.map((p) => [p.line, p.column]), [[15, 3], [17, 5]]);
    assert.equal(b.cards[1].back, 'Because.');
  });

  it('reads nothing, quickly, from a body without a card marker', () => {
    assert.deepEqual(readCards(body('# Notes', '', 'Plain text: nothing here.')), { cards: [], problems: [] });
  });
});

describe('cards: ids', () => {
  const note = body('Intro paragraph.', '', '> **Q:** What is the DEA form to order C-II?', '>', '> **A:** Form 222.', '', 'NDC :: National Drug Code', '', 'The {{c1::deltoid}} or {{c2::thigh}}.');
  const ids = (text: string, from = 1): string[] => readCards(text, from).cards.map((c) => c.id);

  it('are short, distinct and the same on every read', () => {
    const first = ids(note);
    assert.equal(first.length, 4);
    assert.equal(new Set(first).size, 4);
    for (const id of first) assert.match(id, /^[0-9a-z]{11}$/);
    assert.deepEqual(ids(note), first);
  });

  it('stay when an answer, other text, whitespace or the note\'s place changes', () => {
    const first = ids(note);
    const edited = note
      .replace('Form 222.', 'DEA Form 222 (or CSOS).')
      .replace('National Drug Code', 'the 10-digit National Drug Code')
      .replace('Intro paragraph.', '# New title\n\nOther text.')
      .replace('What is the DEA form', 'What  is the\n> DEA form');
    assert.deepEqual(ids(edited, 40), first);
  });

  it('change when the question, the term or the cloze text changes', () => {
    const [qa, term, c1, c2] = ids(note);
    const asked = ids(note.replace('C-II?', 'Schedule II?'));
    assert.notEqual(asked[0], qa);
    assert.deepEqual(asked.slice(1), [term, c1, c2]);
    assert.notEqual(ids(note.replace('NDC ::', 'N.D.C. ::'))[1], term);
    const cloze = ids(note.replace('thigh', 'vastus lateralis'));
    assert.ok(cloze[2] !== c1 && cloze[3] !== c2);
  });

  it('depend on the type: the same words as a term and as a question are two cards', () => {
    assert.notEqual(cardId('term', 'NDC'), cardId('qa', 'NDC'));
    assert.equal(cardId('qa', ' NDC \n code '), cardId('qa', 'NDC code'));
  });
});

describe('cards: the snippets', () => {
  // A snippet as VS Code inserts it when the user only presses Tab: each placeholder keeps its default text.
  const expand = (lines: string[]): string => lines.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  const snippets = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../snippets/markdown.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const byPrefix = (prefix: string) => Object.values(snippets).find((s) => s.prefix === prefix)!;

  it('studycard, studyterm and studycloze each write one card of their form', () => {
    for (const [prefix, type] of [['studycard', 'qa'], ['studyterm', 'term'], ['studycloze', 'cloze']] as const) {
      const read = readCards(expand(byPrefix(prefix).body));
      assert.deepEqual([read.cards.map((c) => c.type), read.problems], [[type], []], prefix);
    }
    assert.equal(readCards(expand(byPrefix('studycloze').body)).cards[0].front, 'Words before [...] words after');
  });
});

describe('cards: a note longer than the card limit', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    it(`reads the cards of its first ${CARD_BODY_LIMIT / 1024} KB and warns at the first line left unread (${JSON.stringify(eol)} line ends)`, () => {
      const line = (i: number) => `- term ${i} :: definition number ${i}`;
      const lines: string[] = [];
      let size = 0;
      for (let i = 0; size <= CARD_BODY_LIMIT * 1.5; i++) {
        lines.push(line(i));
        size += line(i).length + eol.length;
      }
      const body = lines.join(eol);
      const read = readCards(body, 10);
      // Every card read is whole and in order; the first one not read is where the warning points.
      const fitting = lines.findIndex((_, i) => lines.slice(0, i + 1).join(eol).length + eol.length > CARD_BODY_LIMIT);
      assert.equal(read.cards.length, fitting);
      assert.equal(read.cards.at(-1)?.front, `term ${fitting - 1}`);
      assert.equal(read.problems.length, 1);
      assert.equal(read.problems[0].line, 10 + fitting);
      assert.match(read.problems[0].message, /first 32 KB of a note: the cards from this line on are not read/);
    });
  }

  it('says nothing when what is past the limit holds no card', () => {
    const body = `a :: b\n\n${'plain words and nothing else\n'.repeat(2000)}`;
    const read = readCards(body);
    assert.equal(read.cards.length, 1);
    assert.deepEqual(read.problems, []);
  });
});
