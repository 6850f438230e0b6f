// The CLI speaks the terminal's language, as other command-line tools do: the locale variables in POSIX order
// (LC_ALL, then LC_MESSAGES, then LANG; an empty one counts as unset). It reads the same bundles as the
// extension, from the l10n folder next to dist/ (in the repository and in the .vsix alike).
import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';

/** Languages with a bundle in l10n/; any other language is English. */
const TRANSLATED = ['es'];

/** The language of the locale the environment names (`es_ES.UTF-8`, `es-MX`, `es`), or undefined for English. */
export function cliLanguage(env: NodeJS.ProcessEnv): string | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined) return undefined;
  const language = locale.split(/[_.@-]/)[0].toLowerCase();
  return TRANSLATED.includes(language) ? language : undefined;
}

/**
 * Loads `bundle.l10n.<language>.json` from `bundleDir` for the environment's language. English, a missing or
 * unreadable bundle, or one that is not an object of strings leaves the messages in English: a broken
 * translation must never stop the report. Returns the language loaded, if any.
 */
export function useCliLanguage(env: NodeJS.ProcessEnv, bundleDir: string): string | undefined {
  l10n.config({ contents: {} });
  const language = cliLanguage(env);
  if (language === undefined) return undefined;
  try {
    const contents: unknown = JSON.parse(fs.readFileSync(path.join(bundleDir, `bundle.l10n.${language}.json`), 'utf8'));
    if (!isBundle(contents)) return undefined;
    l10n.config({ contents });
    return language;
  } catch {
    return undefined;
  }
}

function isBundle(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}
