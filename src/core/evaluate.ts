// PLACEHOLDER (contract only) — evaluation is being written.
import type { CalendarDate, Credential, CredentialProgress, ParsedNote, ResolvedConfig, RuleSet } from './types';

export function evaluateCredential(credential: Credential, ruleSet: RuleSet, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress {
  void credential; void ruleSet; void notes; void asOf;
  throw new Error('not implemented');
}

/** Every credential of a config, in config order. */
export function evaluateAll(config: ResolvedConfig, notes: readonly ParsedNote[], asOf: CalendarDate): CredentialProgress[] {
  return config.credentials.map((c) => evaluateCredential(c, config.ruleSets[c.ruleSetId], notes, asOf));
}
