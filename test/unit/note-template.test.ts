import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parseNote } from '../../src/core/notes/note';
import { noteTemplate, slugify, uniqueNoteFileName, yamlScalar } from '../../src/core/notes/note-template';

function frontmatterOf(text: string): Record<string, unknown> {
  return matter(text, { language: 'yaml' }).data;
}

describe('noteTemplate', () => {
  it('writes a completed note with keys in order and a body skeleton', () => {
    const text = noteTemplate({ title: 'Opioid Stewardship', hours: 1.5, topics: ['pain-management', 'law'], completed: '2026-11-25', uan: '0145-0000-25-101-H08-T' });
    assert.equal(
      text,
      [
        '---',
        'title: Opioid Stewardship',
        'ce_hours: 1.5',
        'topics: [pain-management, law]',
        'uan: 0145-0000-25-101-H08-T',
        'status: completed',
        'completed: 2026-11-25',
        '---',
        '# Opioid Stewardship',
        '',
        '## Key points',
        '',
        '- ',
        '',
        '## Notes',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes the provider and the certificate when given, and reads them back', () => {
    const text = noteTemplate({ title: 'Law', hours: 1, topics: [], provider: 'Power-Pak C.E.', certificate: 'certificates/law: 2026.pdf' });
    assert.match(text, /\nprovider: Power-Pak C\.E\.\ncertificate: "certificates\/law: 2026\.pdf"\nstatus: planned\n/);
    const note = parseNote(text, 'notes/law.md').note;
    assert.equal(note.kind, 'ce');
    if (note.kind === 'ce') {
      assert.equal(note.provider, 'Power-Pak C.E.');
      assert.equal(note.certificate, 'certificates/law: 2026.pdf');
    }
  });

  it('writes a planned note without a completion date, with CRLF when asked', () => {
    const text = noteTemplate({ title: 'Immunization Basics', hours: 2, topics: [] }, '\r\n');
    assert.match(text, /^---\r\ntitle: Immunization Basics\r\nce_hours: 2\r\nstatus: planned\r\n---\r\n/);
    assert.ok(!text.includes('completed'));
    assert.ok(!/[^\r]\n/.test(text));
  });

  it('quotes titles YAML would misread, and they read back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== ''), (title) => {
        const data = frontmatterOf(noteTemplate({ title, hours: 1, topics: [] }));
        assert.equal(data.title, title);
        assert.equal(data.ce_hours, 1);
      }),
    );
    for (const tricky of ['Law: Federal', 'yes', '2025 update', '#1 course', '- dash', 'USP <797> refresher', "O'Brien's talk"]) {
      assert.equal(frontmatterOf(noteTemplate({ title: tricky, hours: 1, topics: [] })).title, tricky);
    }
  });

  it('writes any title, provider and certificate the parser reads back unchanged, with no problem (property)', () => {
    // Every UTF-16 unit, lone surrogates and C1 controls included: js-yaml refuses some raw (U+0080, U+FFFE)
    // even inside quotes, so a title pasted with one gave a note with a YAML error.
    const text = fc.string({ unit: fc.nat(0xffff).map((n) => String.fromCharCode(n)), minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
    const check = (value: string) => {
      const parsed = parseNote(noteTemplate({ title: value, hours: 1, topics: [], provider: value, certificate: value }), 'n.md');
      assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message), [], JSON.stringify(value));
      assert.equal(parsed.note.title, value.trim(), JSON.stringify(value));
    };
    for (const value of ['a\u0080b', 'a\u007fb', 'x\ufffey', 'a\ud800b', '\ufeffa', 'a\u0085b', 'a\u0000b', 'a\nb']) check(value);
    fc.assert(fc.property(text, check), { numRuns: 500 });
  });

  it('is read by the note parser as a valid CE note with no problems', () => {
    const completed = parseNote(noteTemplate({ title: 'USP <797>: Garbing', hours: 0.75, topics: ['sterile-compounding'], completed: '2026-03-02', uan: '0145-0000-25-101-H07-T' }), 'notes/a.md');
    assert.deepEqual(completed.problems, []);
    assert.equal(completed.note.kind, 'ce');
    if (completed.note.kind !== 'ce') return;
    assert.equal(completed.note.valid, true);
    assert.equal(completed.note.title, 'USP <797>: Garbing');
    assert.equal(completed.note.hours, 0.75);
    assert.equal(completed.note.status, 'completed');
    assert.equal(completed.note.completed, '2026-03-02');
    assert.ok(completed.note.topics.includes('sterile-compounding'));

    const planned = parseNote(noteTemplate({ title: 'Law', hours: 1, topics: [] }, '\r\n'), 'notes/b.md');
    assert.deepEqual(planned.problems, []);
    assert.equal(planned.note.kind === 'ce' && planned.note.status, 'planned');
  });

  it('keeps simple titles plain', () => {
    assert.equal(yamlScalar('Federal Pharmacy Law Update'), 'Federal Pharmacy Law Update');
    assert.equal(yamlScalar('Law: Federal'), '"Law: Federal"');
  });
});

describe('slugify / uniqueNoteFileName', () => {
  it('makes lower-case ASCII slugs', () => {
    assert.equal(slugify('Look-Alike, Sound-Alike Drugs: Preventing Mix-ups'), 'look-alike-sound-alike-drugs-preventing-mix-ups');
    assert.equal(slugify('Café Über USP <797>'), 'cafe-uber-usp-797');
    assert.equal(slugify('!!!'), 'ce-note');
    assert.ok(slugify('a'.repeat(30) + ' ' + 'b'.repeat(40)).length <= 60);
  });

  it('adds -2, -3 when the name is taken', () => {
    const taken = new Set(['law.md', 'law-2.md']);
    assert.equal(uniqueNoteFileName('Law', (n) => taken.has(n)), 'law-3.md');
    assert.equal(uniqueNoteFileName('Safety', (n) => taken.has(n)), 'safety.md');
  });
});
