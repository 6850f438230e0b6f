// PLACEHOLDER (contract only) — built-in rule sets are being written.
import type { RuleSet, RuleSetOptions } from './types';

export function builtInRuleSets(options: RuleSetOptions = {}): RuleSet[] {
  void options;
  return [];
}
