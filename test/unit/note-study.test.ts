// A note's study data (note.study): its cards, read after the frontmatter at file lines, and the `exam` and
// `domain` keys of the note format with where they are written.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNote } from '../../src/core/notes/note';
import { NOTE_KEYS } from '../../src/core/notes/format';

const note = (...lines: string[]): string => lines.join('\n');

describe('note study data', () => {
  it('a study note: exam, domain and cards at their file lines', () => {
    const { note: parsed, problems } = parseNote(
      note('---', 'title: Federal law', 'exam: ptce', "domain: 'federal-requirements'", '---', '# Law', '', 'DEA 222 :: the form for ordering C-II drugs', ''),
      'study/law.md',
    );
    assert.equal(parsed.kind, 'study');
    assert.deepEqual(problems, []);
    assert.deepEqual(parsed.study?.exam, { value: 'ptce', line: 3, column: 7, length: 4 });
    assert.deepEqual(parsed.study?.domain, { value: 'federal-requirements', line: 4, column: 9, length: 22 });
    assert.deepEqual(parsed.study?.cards.map((c) => [c.type, c.line, c.front]), [['term', 8, 'DEA 222']]);
  });

  it('a CE note can hold cards too; CRLF gives the same lines', () => {
    const text = note('---', 'ce_hours: 1', 'completed: 2026-01-05', '---', '', '> **Q:** Naloxone nasal spray strength?', '>', '> **A:** 4 mg.');
    const lf = parseNote(text, 'ce.md');
    const crlf = parseNote(text.replace(/\n/g, '\r\n'), 'ce.md');
    assert.equal(lf.note.kind, 'ce');
    assert.deepEqual(lf.note.study?.cards.map((c) => [c.line, c.back]), [[6, '4 mg.']]);
    assert.deepEqual(crlf.note.study, lf.note.study);
  });

  it('a note with neither cards nor study keys has no study data; a note without frontmatter counts from line 1', () => {
    assert.equal(parseNote(note('---', 'ce_hours: 1', '---', 'Just notes: a colon.'), 'a.md').note.study, undefined);
    assert.equal(parseNote('# Plain\n\nText.', 'b.md').note.study, undefined);
    const plain = parseNote('# Plain\n\nTerm :: meaning', 'c.md').note.study;
    assert.deepEqual([plain?.exam, plain?.domain, plain?.cards.map((c) => c.line)], [undefined, undefined, [3]]);
  });

  it('card problems are warnings among the note\'s problems, at file lines', () => {
    const { problems } = parseNote(note('---', 'title: T', '---', '> **Q:** No answer yet', '', 'A {{c1:broken}} cloze.'), 'q.md');
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.column, p.severity, p.code]),
      [
        ['q.md', 4, 3, 'warning', 'card-malformed'],
        ['q.md', 6, 3, 'warning', 'card-malformed'],
      ],
    );
  });

  it('exam and domain are format keys: no unknown-key warning in a CE note, a list is a warning, empty is nothing', () => {
    assert.ok(NOTE_KEYS.includes('exam') && NOTE_KEYS.includes('domain'));
    const { note: parsed, problems } = parseNote(note('---', 'ce_hours: 1', 'completed: 2026-01-05', 'exam: [ptce, cspt]', 'domain:', '---'), 'n.md');
    assert.equal(parsed.study, undefined);
    assert.deepEqual(problems.map((p) => [p.line, p.column, p.code, p.severity]), [[4, 7, 'bad-value', 'warning']]);
    assert.equal(parsed.kind === 'ce' && parsed.valid, true, 'a study key never makes a CE note invalid');
  });
});

describe('sample-notes: the PTCE study notes and their review log', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  const folder = path.join(ROOT, 'sample-notes/study/ptce');
  const notes = fs.readdirSync(folder).map((name) => parseNote(fs.readFileSync(path.join(folder, name), 'utf8'), `study/ptce/${name}`));

  it('are study notes for three PTCE domains, every card form, and no problem', () => {
    assert.deepEqual(notes.map((n) => [n.note.kind, n.problems]), notes.map(() => ['study', []]));
    assert.deepEqual(new Set(notes.map((n) => n.note.study?.exam?.value)), new Set(['ptce']));
    assert.deepEqual(notes.map((n) => n.note.study?.domain?.value).sort(), ['medications', 'order-entry', 'patient-safety-qa']);
    const cards = notes.flatMap((n) => n.note.study?.cards ?? []);
    assert.ok(cards.length >= 20 && cards.length <= 30, `${cards.length} cards`);
    assert.deepEqual(new Set(cards.map((c) => c.type)), new Set(['qa', 'term', 'cloze']));
  });

  it('the review log grades only cards of those notes, in time order', () => {
    const ids = new Set(notes.flatMap((n) => n.note.study?.cards.map((c) => c.id) ?? []));
    const lines = fs.readFileSync(path.join(ROOT, 'sample-notes/.pharmacy-ce/reviews.jsonl'), 'utf8').trimEnd().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { card: string; at: string; rating: number });
    assert.ok(entries.length >= 10 && entries.length <= 20);
    for (const e of entries) assert.ok(ids.has(e.card) && [1, 2, 3, 4].includes(e.rating), JSON.stringify(e));
    const times = entries.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.ok(times[0] >= Date.parse('2026-11-16T00:00:00Z') && times[times.length - 1] < Date.parse('2026-11-30T00:00:00Z'));
  });
});
