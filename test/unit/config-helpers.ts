// What the credentials-file tests share: parse at a fixed date, problems as [line, column, severity, code], the one problem of a kind, lines joined.
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/core/rules/config';
import type { Problem } from '../../src/core/types';

export const AS_OF = '2026-11-25';
export const parse = (text: string | undefined, asOf = AS_OF) => parseConfig(text, { asOf });

/** [line, column, severity, code] of each problem, in file order. */
export function where(problems: readonly Problem[]): [number, number, string, string | undefined][] {
  return problems.map((p) => [p.line, p.column, p.severity, p.code]);
}

export function only(problems: readonly Problem[], severity: Problem['severity'] = 'error'): Problem {
  const found = problems.filter((p) => p.severity === severity);
  assert.equal(found.length, 1, JSON.stringify(problems, null, 1));
  return found[0];
}

export const lines = (...l: string[]) => l.join('\n');
