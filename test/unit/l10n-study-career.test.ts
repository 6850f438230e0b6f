// Spanish for the study and career core (issue #15): with the Spanish bundle loaded, the problems of a bad note
// and of a bad review log read in Spanish at the same line and column as in English, with the same codes; the
// CLI's cards text too. English is restored after each test: the unit tests share one process.
import { strict as assert } from 'node:assert';
import * as l10n from '@vscode/l10n';
import { keysOffered } from '../../src/core/notes/format';
import { parseNote } from '../../src/core/notes/note';
import { WORK_SETTINGS, labelOf } from '../../src/core/career/vocabulary';
import { builtInEligibilityRules } from '../../src/core/career/eligibility-rules';
import { builtInPrograms } from '../../src/core/career/programs';
import { builtInStudyPlans } from '../../src/core/study/plans';
import { studyNextSteps } from '../../src/core/study/next-steps';
import { parseReviewLog } from '../../src/core/study/review-log';
import type { Problem } from '../../src/core/types';
import { inSpanish } from './spanish';



const place = (problems: readonly Problem[]) => problems.map((p) => [p.line, p.column, p.length, p.severity, p.code, p.replacement]);

const BAD_JOB_NOTE = [
  '---',
  'title: Night shift',
  'type: experience',
  'start: 2024-05-01',
  'end: 2023-01-01',
  'setting: hospitl',
  '---',
  '# Night shift',
  '',
  '> **Q:** What does BUD stand for?',
  '',
  'The {{c::heart}} pumps blood.',
  '',
].join('\n');

describe('Spanish: study and career problems', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('reads a bad career note with cards in Spanish, each problem at the same place as in English', () => {
    const english = parseNote(BAD_JOB_NOTE, 'career/night.md').problems;
    const spanish = inSpanish(() => parseNote(BAD_JOB_NOTE, 'career/night.md').problems);
    assert.ok(english.length >= 4, `expected the four problems, got ${english.map((p) => p.message).join(' | ')}`);
    assert.deepEqual(place(spanish), place(english));
    const messages = spanish.map((p) => p.message);
    assert.ok(messages.includes('end (2023-01-01) es anterior a start (2024-05-01); revise ambas fechas.'), messages.join('\n'));
    assert.ok(
      messages.includes('Esta tarjeta tiene una pregunta pero no una respuesta: agregue una línea que empiece con **A:** dentro de la misma cita.'),
      messages.join('\n'),
    );
    assert.ok(messages.includes('Un hueco necesita su número después de la c: {{c1::texto oculto}}.'), messages.join('\n'));
    const setting = spanish.find((p) => p.line === 6);
    assert.match(setting?.message ?? '', /^Valor desconocido de tipo de farmacia "hospitl": ¿quiso decir "hospital"\?/);
    // Nothing of these messages is left in English.
    for (const message of messages) assert.doesNotMatch(message, /\b(the|is|before|Unknown|cloze|card)\b/, message);
  });

  it('reads a bad review log in Spanish at the same lines and columns', () => {
    const log = ['{"card":"a","at":"2026-11-30T10:00:00.000Z","rating":3}', 'not a review', '{"card":"b","at":"yesterday","rating":3}', '{"card":"c","at":"2026-11-30T10:00:00Z","rating":7}', ''].join('\n');
    const english = parseReviewLog(log);
    const spanish = inSpanish(() => parseReviewLog(log));
    assert.deepEqual(spanish.entries, english.entries);
    assert.deepEqual(place(spanish.problems), place(english.problems));
    assert.deepEqual(
      spanish.problems.map((p) => p.message),
      [
        'Esta línea del registro de repasos no se puede leer: no está escrita como un repaso. La línea se omite y se deja como está.',
        'La hora de este repaso, "yesterday", no es una fecha y hora como 2026-11-30T14:05:00Z. La línea se omite y se deja como está.',
        'La calificación de este repaso es 7; una calificación es 1 (Otra vez), 2 (Difícil), 3 (Bien) o 4 (Fácil). La línea se omite y se deja como está.',
      ],
    );
  });

  it('words the study next steps in Spanish, one message per plural form', () => {
    const summary = (due: number) => ({ total: 5, new: 0, due, exams: [], forecast: [] });
    const steps = inSpanish(() => [...studyNextSteps(summary(1), '2026-11-30'), ...studyNextSteps(summary(3), '2026-11-30')]);
    assert.deepEqual(
      steps.map((s) => [s.kind, s.text]),
      [
        ['due', '1 tarjeta toca hoy: empiece un repaso.'],
        ['due', '3 tarjetas tocan hoy: empiece un repaso.'],
      ],
    );
  });

  it('reads the career words and the career keys\' help in the language loaded when they are read, not when the module loaded', () => {
    const read = () => {
      const setting = keysOffered('experience').find((k) => k.key === 'setting');
      return [labelOf(WORK_SETTINGS, 'hospital'), setting?.label, setting?.values?.find((v) => v.value === 'community')?.detail];
    };
    assert.deepEqual(inSpanish(read), ['Hospital / sistema de salud', 'Tipo de farmacia', 'Farmacia comunitaria']);
    assert.deepEqual(read(), ['Hospital / health system', 'Setting', 'Community pharmacy']);
  });

  it('reads the CE keys\' labels, help and values\' details in the language loaded when they are read; key names and values stay', () => {
    const read = () => {
      const [title, status, category] = ['title', 'status', 'category'].map((name) => keysOffered(undefined).find((k) => k.key === name));
      return [title?.key, title?.label, title?.doc, status?.values?.map((v) => v.value).join(','), status?.values?.[0].detail, category?.values?.[2].detail];
    };
    assert.deepEqual(inSpanish(read), ['title', 'Título', 'Título de la actividad tal como aparece en el certificado.', 'completed,planned,in-progress', 'Hecha: cuenta para sus credenciales', 'Capacitación interna del empleador']);
    assert.deepEqual(read(), ['title', 'Title', 'Activity title as on the certificate.', 'completed,planned,in-progress', 'Done: counts toward your credentials', 'Employer in-service training']);
  });

  it('words the catalogues\' domain names and knowledge areas, requirement labels and reasons in Spanish, keeping every id, name of a credential and source', () => {
    const read = () => {
      const ptce = builtInStudyPlans().ptce;
      const adv = builtInEligibilityRules()[0];
      const cspt = builtInPrograms()['ptcb-cspt'];
      return {
        domain: [ptce.id, ptce.name, ptce.domains[0].id, ptce.domains[0].name, ptce.source],
        areas: ptce.domains[0].areas?.slice(0, 2),
        requirement: [adv.id, adv.name, adv.requirements[0].id, adv.requirements[0].label, adv.source],
        suggestion: [cspt.id, cspt.name, cspt.suggestedBy?.reason],
      };
    };
    const english = read();
    const spanish = inSpanish(read);
    assert.deepEqual(spanish.domain, [...english.domain.slice(0, 3), 'Medicamentos', english.domain[4]]);
    assert.deepEqual(spanish.requirement, [...english.requirement.slice(0, 3), 'Una CPhT de PTCB activa', english.requirement[4]]);
    assert.deepEqual(spanish.suggestion, [...english.suggestion.slice(0, 2), 'Usted prepara preparaciones estériles; la CSPT certifica ese trabajo.']);
    assert.equal(english.domain[3], 'Medications');
    assert.deepEqual(spanish.areas, ['Nombres genéricos, nombres de marca y clasificaciones de los medicamentos', 'Duplicaciones terapéuticas']);
    assert.deepEqual(english.areas, ['Generic names, brand names, and classifications of medications', 'Therapeutic duplications']);
  });

  it('goes back to English once the bundle is unloaded', () => {



    inSpanish(() => parseNote(BAD_JOB_NOTE, 'career/night.md'));
    const messages = parseNote(BAD_JOB_NOTE, 'career/night.md').problems.map((p) => p.message);
    assert.ok(messages.includes('end (2023-01-01) is before start (2024-05-01); check both dates.'), messages.join('\n'));
  });
});
