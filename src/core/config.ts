// PLACEHOLDER (contract only) — config parsing is being written.
import type { CalendarDate, ConfigParseResult, RuleSetOptions } from './types';

export const CONFIG_FILE = '.pharmacy-ce.json';

export interface ConfigOptions {
  /** Today, for the default credential's cycle. */
  asOf: CalendarDate;
  ruleSetOptions?: RuleSetOptions;
  /** File name used in problems. */
  file?: string;
}

/** Parses `.pharmacy-ce.json` text; `undefined` text means no file (the built-in default applies). */
export function parseConfig(text: string | undefined, options: ConfigOptions): ConfigParseResult {
  void text;
  void options;
  return { config: { credentials: [], ruleSets: {}, include: ['**/*.md'], exclude: [], fromFile: false }, problems: [] };
}
