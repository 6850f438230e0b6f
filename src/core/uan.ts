// PLACEHOLDER (contract only) — the UAN parser is being written.
import type { Uan } from './types';

export interface UanParseResult {
  uan?: Uan;
  /** Why the text is not a UAN at all. */
  error?: string;
}

export function parseUan(text: string): UanParseResult {
  return { error: `not parsed yet: ${text}` };
}
