// Note globs: the defaults, and what a glob from an untrusted `.pharmacy-ce.json` or settings file may hold.
// picomatch compiles each glob to a regular expression, and some globs compile to ones that backtrack for
// seconds to hours on a crafted path: extglobs with overlapping alternatives (`+(a|aa)`, fixed in picomatch
// 4.0.4; `+(ab|abab)` still takes 3 s on a 73-character name in 4.0.7) and many `*` in a row (`*a*a*a*b`
// takes 2.7 s on a 250-character name). Extglobs are therefore off, and the stars in one glob are capped:
// with at most three `*` runs, two of them `**`, a 4,000-character path is matched in under 0.1 s.
import * as l10n from '@vscode/l10n';
import picomatch from 'picomatch';

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.md'];
/** Never read as notes, whatever the config says. The `pharmacyCe.excludeGlobs` default is the same list. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.git/**'];

const MAX_GLOB_LENGTH = 500;
const MAX_STAR_RUNS = 3;
const MAX_GLOBSTARS = 2;

/** Why a glob is refused, or undefined when it may be used. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return l10n.t('a glob may be at most {0} characters long', String(MAX_GLOB_LENGTH));
  const runs = glob.match(/\*+/g) ?? [];
  if (runs.length > MAX_STAR_RUNS) return l10n.t('a glob may hold at most {0} wildcards (* or **)', String(MAX_STAR_RUNS));
  if (runs.filter((r) => r.length > 1).length > MAX_GLOBSTARS) return l10n.t('a glob may hold at most {0} ** wildcards', String(MAX_GLOBSTARS));
  return undefined;
}

/** A matcher of folder-relative paths; `dot`: whether `*` and `**` match names starting with a dot. */
export function globMatcher(globs: readonly string[], dot: boolean): (path: string) => boolean {
  // `noextglob`: `+(a|b)`, `@(a)`, `!(a)` are read as plain characters (see above).
  return picomatch([...globs], { dot, noextglob: true });
}
