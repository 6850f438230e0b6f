// One English term, one Spanish term: a technician who reads "empleo" in the Career view and "trabajo" in a
// problem for the same job wonders whether they are two things. Each entry names the English word and the
// Spanish one every translation of a message with that word must use (attack review of issue #15).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** English word (as a whole word) → the Spanish word its translation must contain. */
const TERMS: { english: RegExp; spanish: RegExp }[] = [
  { english: /\bjobs?\b/i, spanish: /\bempleos?\b/i },
  { english: /\btranscripts?\b/i, spanish: /\bhistorial(es)?\b/i },
  { english: /\bportfolio\b/i, spanish: /\bportafolio\b/i },
  { english: /\bcycle\b/i, spanish: /\bciclo\b/i },
  { english: /\bcareer notes?\b/i, spanish: /\bnotas? de carrera\b/i },
  { english: /\bCE notes?\b/, spanish: /\bnotas? de CE\b/i },
  { english: /\bmemberships?\b/i, spanish: /\bmembres[ií]as?\b/i },
];

/** "Job title" is "puesto", a word of its own. */
const EXCEPTIONS = new Set(['Your job title there.']);

/**
 * The messages whose translation misses the agreed Spanish term of an English word they contain. Words in
 * `code` are keys, and a translation that keeps the English word keeps a CLI command's name (`transcript`).
 */
export function termProblems(english: Record<string, string>, spanish: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const translation = spanish[key];
    if (typeof translation !== 'string' || EXCEPTIONS.has(text)) continue;
    const words = text.replace(/`[^`]*`/g, '');
    for (const term of TERMS) {
      if (term.english.test(words) && !term.spanish.test(translation) && !term.english.test(translation)) problems.push(`${term.spanish} missing in ${JSON.stringify(translation)}`);
    }
  }
  return problems;
}

describe('l10n: one English term, one Spanish term', () => {
  it('bundle.l10n.es.json uses the agreed word for each term', () => {
    const english = Object.fromEntries(Object.keys(read('l10n/bundle.l10n.json')).map((key) => [key, key]));
    assert.deepEqual(termProblems(english, read('l10n/bundle.l10n.es.json')), []);
  });

  it('package.nls.es.json uses the agreed word for each term', () => {
    assert.deepEqual(termProblems(read('package.nls.json'), read('package.nls.es.json')), []);
  });

  it('finds a job translated as "trabajo"', () => {
    assert.equal(termProblems({ k: 'No jobs recorded.' }, { k: 'No hay trabajos registrados.' }).length, 1);
    assert.deepEqual(termProblems({ k: 'No jobs recorded.' }, { k: 'No hay empleos registrados.' }), []);
  });
});

/** Each `[text](command:id)` link whose English text is the command's English title, with its Spanish text. */
export function commandLinkProblems(manifest: { contributes: { commands: { command: string; title: string }[] } }, english: Record<string, string>, spanish: Record<string, string>): string[] {
  const titleKey = new Map(manifest.contributes.commands.map((c) => [c.command, c.title.replace(/^%|%$/g, '')]));
  const links = (text: string): [string, string][] => [...text.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\)/g)].map((m) => [m[2], m[1]]);
  const problems: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const spanishLinks = new Map(links(spanish[key] ?? ''));
    for (const [command, label] of links(text)) {
      const title = titleKey.get(command);
      if (!title || label.toLowerCase() !== english[title]?.toLowerCase()) continue;
      const want = spanish[title];
      if (spanishLinks.get(command)?.toLowerCase() !== want?.toLowerCase()) problems.push(`${key}: the link to ${command} reads ${JSON.stringify(spanishLinks.get(command))}, the command is ${JSON.stringify(want)}`);
    }
  }
  return problems;
}

describe('l10n: a button names its command as the Command Palette does', () => {
  it('package.nls.es.json: a link that carries the English command title carries the Spanish one', () => {
    const manifest = read('package.json') as unknown as Parameters<typeof commandLinkProblems>[0];
    assert.deepEqual(commandLinkProblems(manifest, read('package.nls.json'), read('package.nls.es.json')), []);
  });
});
