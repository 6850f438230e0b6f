import assert from 'node:assert/strict';
import { DEFAULT_ANKI_DECK, ankiExport, deckOf } from '../../src/core/study/anki';
import { builtInStudyPlans } from '../../src/core/study/plans';
import type { StudyCard } from '../../src/core/study/types';
import { studyCard } from './study-helpers';

const plans = builtInStudyPlans();

function card(id: string, fields: Partial<StudyCard>, place: { exam?: string; domain?: string } = { exam: 'ptce', domain: 'medications' }): StudyCard {
  return { ...studyCard(id, 'notes/a.md', place), ...fields };
}

const cloze = (number: number, text: string, place?: { exam?: string; domain?: string }) =>
  card(`cloze:${text}:${number}`, { type: 'cloze', front: '', back: '', cloze: { text, number } }, place);

describe('ankiExport', () => {
  const HEADER = ['#separator:tab', '#html:true', '#notetype column:1', '#deck column:2', '#tags column:5', '#columns:Notetype\tDeck\tText/Front\tExtra/Back\tTags'];

  it('writes the header lines, then one row per note: Basic (Front, Back) and Cloze (Text, Extra)', () => {
    const text = ankiExport(
      [
        card('q1', { front: 'Brand name of **atorvastatin**?', back: 'Lipitor' }),
        card('t1', { type: 'term', front: 'NDC', back: 'National Drug Code' }, { exam: 'ptce', domain: 'order-entry' }),
        cloze(1, 'Schedule II prescriptions have {{c1::no refills}} under {{c2::federal}} law.', { exam: 'ptce', domain: 'federal-requirements' }),
        cloze(2, 'Schedule II prescriptions have {{c1::no refills}} under {{c2::federal}} law.', { exam: 'ptce', domain: 'federal-requirements' }),
      ],
      plans,
    );
    assert.ok(text.endsWith('\n'));
    assert.deepEqual(text.split('\n').slice(0, -1), [
      ...HEADER,
      'Basic\tPTCE::Medications\tBrand name of <strong>atorvastatin</strong>?\tLipitor\tptce medications',
      'Basic\tPTCE::Order Entry and Processing\tNDC\tNational Drug Code\tptce order-entry',
      'Cloze\tPTCE::Federal Requirements\tSchedule II prescriptions have {{c1::no refills}} under {{c2::federal}} law.\t\tptce federal-requirements',
    ]);
  });

  it('has as many fields in every row as the columns line names', () => {
    const text = ankiExport([card('q1', { front: 'a', back: '' }, {}), cloze(1, 'x {{c1::y}}', {})], plans);
    const rows = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    for (const row of rows) assert.equal(row.split('\t').length, 5, row);
  });

  it('renders Markdown safely: HTML from the note as text, a wrapped line as one line, a hard break and code lines as <br>, no raw tab or newline in a field', () => {
    const text = ankiExport(
      [
        card('multi', { front: 'Line one\nline two <script>alert(1)</script>  \nafter a hard break', back: '- first\n- second\n\n```\ncode\tx\n  y\n```' }),
        card('amp', { front: 'A & B < C', back: 'tab\there' }, {}),
      ],
      plans,
    );
    const [multi, amp] = text.split('\n').slice(HEADER.length, -1);
    assert.equal(
      multi,
      'Basic\tPTCE::Medications\tLine one line two &lt;script&gt;alert(1)&lt;/script&gt;<br>after a hard break\t<ul><li>first</li><li>second</li></ul><pre><code>code&#9;x<br>  y<br></code></pre>\tptce medications',
    );
    assert.equal(amp, `Basic\t${DEFAULT_ANKI_DECK}\tA &amp; B &lt; C\ttab&#9;here\t`);
  });

  it('quotes a field holding a double quote, CSV style', () => {
    const text = ankiExport([card('link', { front: 'See [the outline](https://ptcb.org)', back: 'ok' })], plans);
    assert.equal(text.split('\n')[HEADER.length], 'Basic\tPTCE::Medications\t"See <a href=""https://ptcb.org"">the outline</a>"\tok\tptce medications');
  });

  it('no duplicates: a card id once, a cloze paragraph once', () => {
    const text = ankiExport([card('q', { front: 'Q', back: 'A' }), card('q', { front: 'Q', back: 'A' }), cloze(1, '{{c1::x}} {{c2::y}}'), cloze(2, '{{c1::x}} {{c2::y}}'), cloze(1, '{{c1::x}} {{c2::y}}')], plans);
    assert.deepEqual(
      text.split('\n').slice(HEADER.length, -1).map((r) => r.split('\t')[0]),
      ['Basic', 'Cloze'],
    );
  });

  it('a Cloze note holds only the clozes studied: braces in code or after a backslash are not clozes for Anki', () => {
    const text = 'Use `{{c1::code}}`, \\{{c2::escaped}} and {{c3::**real**::hint {x}}} ::';
    const [row] = ankiExport([cloze(3, text)], plans).split('\n').slice(HEADER.length, -1);
    assert.equal(row.split('\t')[2], 'Use <code>&#123;&#123;c1::code}}</code>, &#123;&#123;c2::escaped}} and {{c3::<strong>real</strong>::hint &#123;x}}} ::');
  });

  it('an empty list: the header only', () => {
    assert.equal(ankiExport([], plans), HEADER.map((h) => `${h}\n`).join(''));
  });
});

describe('deckOf', () => {
  it('exam and domain names; the exam alone without a known domain; the default deck without an exam', () => {
    assert.equal(deckOf({ exam: 'ptce', domain: 'patient-safety-qa' }, plans), 'PTCE::Patient Safety and Quality Assurance');
    assert.equal(deckOf({ exam: 'cspt' }, plans), 'CSPT');
    assert.equal(deckOf({ exam: 'cspt', domain: 'nope' }, plans), 'CSPT');
    assert.equal(deckOf({}, plans), DEFAULT_ANKI_DECK);
    assert.equal(deckOf({ exam: 'unknown' }, plans), DEFAULT_ANKI_DECK);
  });

  it('keeps a user plan name one deck level on one line', () => {
    const mine = { ...plans.ptce, id: 'mine', name: 'My\texam::2027', domains: [{ id: 'd', name: 'Part\n1', weight: 100 }] };
    assert.equal(deckOf({ exam: 'mine', domain: 'd' }, { mine }), 'My exam:2027::Part 1');
  });
});
