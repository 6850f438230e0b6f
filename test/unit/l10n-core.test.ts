// The core's messages in Spanish (issue #15): with the Spanish bundle loaded, a bad note's problems read in
// Spanish and keep their file, line, column, code and quick fix; with no bundle they are the English ones.
import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/note';
import { parseConfig } from '../../src/core/rules/config';
import { TOPICS, topicLabel } from '../../src/core/notes/topics';
import type { Problem } from '../../src/core/types';
import { inSpanish } from './spanish';


const BAD_NOTE = [
  '---',
  'title: Sterile compounding refresher',
  'ce_hours: 1:30',
  'completed: 2026-02-30',
  'topics: [lawz, patient-safety]',
  'uan: 0145-0000-2024-101-H07-T',
  'audience: pharmacist',
  'tittle: duplicate',
  '---',
  'Body.',
  '',
].join('\n');


/** Everything about a problem but its words. */
const place = (p: Problem) => ({ file: p.file, line: p.line, column: p.column, length: p.length, severity: p.severity, code: p.code, replacement: p.replacement });

describe('core messages in Spanish', () => {
  const english = parseNote(BAD_NOTE, 'notes/bad.md').problems;
  const spanish = inSpanish(() => parseNote(BAD_NOTE, 'notes/bad.md').problems);

  it('a bad note has the same problems at the same places, with the same fixes', () => {
    assert.ok(english.length >= 4, JSON.stringify(english));
    assert.deepEqual(spanish.map(place), english.map(place));
  });

  it('every problem of the bad note reads in Spanish', () => {
    const byCode = (code: string) => spanish.filter((p) => p.code === code).map((p) => p.message);
    assert.deepEqual(byCode('bad-value'), [
      'ce_hours debe ser un número de horas de contacto, p. ej. ce_hours: 1.5 (se encontró "1:30"): escriba 1.5 para 90 minutos.',
      'completed: 2026-02-30 no es una fecha real (febrero de 2026 tiene 28 días).',
    ]);
    assert.deepEqual(byCode('unknown-topic'), [
      'Tema desconocido "lawz": ¿quiso decir "law"? Solo los temas de la lista cuentan para un tema obligatorio como la ley de farmacia.',
    ]);
    assert.deepEqual(byCode('unknown-key'), ['Clave desconocida "tittle": ¿quiso decir "title"?']);
    for (const [es, en] of spanish.map((p, i) => [p.message, english[i].message])) assert.notEqual(es, en);
  });

  it('with no bundle the messages are English again', () => {
    assert.deepEqual(parseNote(BAD_NOTE, 'notes/bad.md').problems, english);
    assert.match(english[0].message, /^ce_hours must be a number of contact hours/);
  });
});

describe('core words in Spanish: topic labels', () => {
  it('in English each topic reads as its spelling in the topic list; in Spanish it reads in Spanish', () => {
    assert.deepEqual(TOPICS.map((t) => topicLabel(t.key)), TOPICS.map((t) => t.label));
    assert.equal(inSpanish(() => topicLabel('law')), 'Ley de farmacia');
    assert.equal(inSpanish(() => topicLabel('my-own-topic')), 'my-own-topic');
  });
});

describe('core messages in Spanish: the credentials file', () => {
  it('a missing key of a rule set, a requirement or a limit is named in one language', () => {
    const text = JSON.stringify({ ruleSets: [{ id: 'board-x', source: 's', asOf: '2026-01-01', cycleMonths: 12, totalHours: 10, requirements: [{ id: 'law' }], limits: [{ id: 'live' }] }] });
    const messages = inSpanish(() => parseConfig(text, { asOf: '2026-11-25' }).problems.map((p) => p.message));
    const missing = messages.filter((m) => m.startsWith('Falta'));
    assert.deepEqual(missing, ['Falta "name" en un conjunto de reglas.', 'Falta "minHours" en un requisito.', 'Falta "maxHours" en un límite.'], JSON.stringify(messages));
  });
});
