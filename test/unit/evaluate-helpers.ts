// What the evaluation tests share: CE notes and credentials made in a line, the built-in rule sets, the fixture's notes.
import assert from 'node:assert/strict';
import { evaluateCredential } from '../../src/core/rules/evaluate';
import { builtInRuleSets } from '../../src/core/rules/rules';
import { parseUan } from '../../src/core/notes/uan';
import type { BrokenNote, CeNote, Credential, ParsedNote, RuleSet, StudyNote } from '../../src/core/types';

// Notes are built as the parser would produce them, so these tests do not depend on the note parser.

export function ce(path: string, over: Partial<CeNote> = {}): CeNote {
  return {
    kind: 'ce',
    path,
    title: path,
    topics: [],
    tags: [],
    keyLines: {},
    hours: 1,
    status: 'completed',
    completed: '2026-01-15',
    format: 'home-study',
    audience: 'technician',
    category: 'ce',
    valid: true,
    ...over,
  };
}

export function uan(text: string) {
  const parsed = parseUan(text).uan;
  assert.ok(parsed, text);
  return parsed;
}

export const RULES = Object.fromEntries(builtInRuleSets().map((r) => [r.id, r]));
export const CPHT = RULES['ptcb-cpht'];
export const TX = RULES['tx-technician'];
export const cpht: Credential = { id: 'ptcb-cpht', label: 'PTCB CPhT', ruleSetId: 'ptcb-cpht', cycle: { start: '2025-04-01', end: '2027-03-31' } };
export const tx: Credential = { id: 'tx', label: 'Texas registration', ruleSetId: 'tx-technician', cycle: { start: '2025-01-01', end: '2026-12-31' } };
export const AS_OF = '2026-11-25';

export function rule(over: Partial<RuleSet> = {}): RuleSet {
  return { id: 'r', name: 'Test rules', source: 'test', asOf: '2026-01-01', cycleMonths: 24, totalHours: 20, requirements: [], limits: [], ...over };
}

export function verdict(progress: ReturnType<typeof evaluateCredential>, path: string) {
  const v = progress.verdicts.find((x) => x.path === path);
  assert.ok(v, `no verdict for ${path}`);
  return v;
}

/** The notes of test/fixtures/workspace as the parser reads them (the figures the team brief expects). */
export function fixtureNotes(): ParsedNote[] {
  const study: StudyNote = { kind: 'study', path: 'notes/top-200-drugs.md', title: 'Top 200 Drugs', topics: [], tags: [], keyLines: {} };
  const broken: BrokenNote = { kind: 'broken', path: 'notes/broken-yaml.md', title: 'broken', topics: [], tags: [], keyLines: {}, reason: 'yaml' };
  return [
    ce('notes/bad-hours.md', {
      hours: 0,
      valid: false,
      completed: undefined,
      writtenHours: -2,
      errors: ['ce_hours cannot be negative (found -2).', 'completed: 2026-04-31 is not a real date (April 2026 has 30 days).'],
    }),
    broken,
    ce('notes/diabetes-pharmacotherapy.md', { hours: 6, topics: ['disease-state'], audience: 'pharmacist', completed: '2025-09-01' }),
    ce('notes/federal-law-update.md', { hours: 1, topics: ['law'], completed: '2025-06-10' }),
    ce('notes/immunization-basics.md', { hours: 1.5, topics: ['immunizations'], status: 'planned', completed: undefined }),
    ce('notes/look-alike-sound-alike.md', { hours: 2, topics: ['patient-safety'], format: 'live', completed: '2026-02-01' }),
    ce('notes/sterile-compounding-refresher.md', { hours: 3, topics: ['sterile-compounding', 'compounding'], completed: '2026-05-20' }),
    ce('notes/store-in-service.md', { hours: 2, topics: ['pharmacy-lw'], category: 'in-service', completed: '2026-03-15' }),
    study,
  ];
}
