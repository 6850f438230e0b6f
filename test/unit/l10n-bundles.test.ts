// The translation files against what is shown: l10n/bundle.l10n.json is what `npm run l10n` makes from the
// source now, the Spanish files translate every message and nothing else, keeping each message's
// placeholders, proper names, code and command links, and every %key% of package.json has its English.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

type Bundle = Record<string, string | { message: string; comment: string[] }>;
const englishOf = (value: Bundle[string]): string => (typeof value === 'string' ? value : value.message);

/** Names that stay as they are in every language (CONTRIBUTING, issue #15). */
const PROPER_NAMES = ['PTCB', 'CPhT-Adv', 'CPhT', 'CSPT', 'ACPE', 'UAN', 'CPE Monitor', 'NHA', 'ExCPT', 'PTCE', 'Anki', 'FSRS', 'NABP', 'AAPT', 'NPTA'];

/** What a translation must carry over unchanged: placeholders, proper names, `code`, command links. */
export function untranslatable(text: string): string[] {
  const placeholders = text.match(/\{\d+\}/g) ?? [];
  const names = PROPER_NAMES.filter((name) => new RegExp(`(^|[^\\w-])${name.replace('-', '\\-')}($|[^\\w-])`).test(text));
  const code = text.match(/`[^`]+`/g) ?? [];
  const links = text.match(/\(command:[^)]+\)/g) ?? [];
  return [...new Set([...placeholders, ...names, ...code, ...links])].sort();
}

/** The differences between an English file and its Spanish translation, one line each. */
export function translationProblems(english: Record<string, string>, spanish: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in spanish)) problems.push(`missing: ${JSON.stringify(key)}`);
  }
  for (const [key, value] of Object.entries(spanish)) {
    if (!(key in english)) problems.push(`not in the English file (remove it): ${JSON.stringify(key)}`);
    else if (typeof value !== 'string' || value.trim() === '') problems.push(`empty: ${JSON.stringify(key)}`);
    else {
      const lost = untranslatable(english[key]).filter((token) => !untranslatable(value).includes(token));
      const added = (value.match(/\{\d+\}/g) ?? []).filter((p) => !english[key].includes(p));
      if (lost.length || added.length) problems.push(`${JSON.stringify(key)}: ${lost.length ? `lost ${lost.join(' ')}` : ''}${added.length ? ` added ${added.join(' ')}` : ''} in ${JSON.stringify(value)}`);
    }
  }
  return problems;
}

const isSorted = (keys: string[]) => keys.every((key, i) => i === 0 || keys[i - 1] < key);

describe('l10n: bundle.l10n.json', function () {
  this.timeout(120_000);

  it('is what npm run l10n makes from src now', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-l10n-export-'));
    try {
      const cli = path.join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js');
      const run = spawnSync(process.execPath, [cli, 'export', '--outDir', out, './src'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Bundle;
      const committed = read('l10n/bundle.l10n.json') as Bundle;
      const missing = Object.keys(fresh).filter((k) => !(k in committed));
      const extra = Object.keys(committed).filter((k) => !(k in fresh));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'l10n/bundle.l10n.json is out of date: run npm run l10n');
      assert.deepEqual(committed, fresh, 'l10n/bundle.l10n.json is out of date: run npm run l10n');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('l10n: the Spanish translation', () => {
  const bundle = read('l10n/bundle.l10n.json') as Bundle;
  const english = Object.fromEntries(Object.entries(bundle).map(([k, v]) => [k, englishOf(v)]));
  const spanish = read('l10n/bundle.l10n.es.json') as Record<string, unknown>;
  const nls = read('package.nls.json') as Record<string, string>;
  const nlsSpanish = read('package.nls.es.json') as Record<string, unknown>;

  it('bundle.l10n.es.json translates every message of bundle.l10n.json', () => {
    const missing = translationProblems(english, spanish).filter((p) => p.startsWith('missing'));
    assert.deepEqual(missing, [], 'translate these in l10n/bundle.l10n.es.json');
  });

  it('bundle.l10n.es.json: no extra or empty key; placeholders, names, code and links kept', () => {
    assert.deepEqual(translationProblems(english, spanish).filter((p) => !p.startsWith('missing')), []);
  });

  it('package.nls.es.json translates every key of package.nls.json, keeping what must not change', () => {
    assert.deepEqual(translationProblems(nls, nlsSpanish), []);
  });

  it('the hand-written files keep their keys sorted (so merges stay local)', () => {
    for (const file of ['l10n/bundle.l10n.es.json', 'package.nls.json', 'package.nls.es.json']) {
      assert.ok(isSorted(Object.keys(read(file) as object)), `${file}: keys sorted`);
    }
  });
});

describe('l10n: package.json and package.nls.json', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const nls = read('package.nls.json') as Record<string, string>;
  const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);

  it('every %key% in package.json has its English in package.nls.json', () => {
    assert.deepEqual(used.filter((key) => !(key in nls)), []);
  });

  it('package.nls.json has no key package.json does not use', () => {
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), []);
  });

  it('what a person reads in the manifest is a %key%, not English', () => {
    const { contributes, displayName, description } = JSON.parse(manifest);
    const texts: [string, unknown][] = [['displayName', displayName], ['description', description]];
    for (const c of contributes.commands) texts.push([c.command, c.title], [c.command, c.category], [c.command, c.shortTitle]);
    for (const v of Object.values(contributes.viewsContainers ?? {}).flat() as { id: string; title: string }[]) texts.push([v.id, v.title]);
    for (const v of Object.values(contributes.views ?? {}).flat() as { id: string; name: string; contextualTitle?: string }[]) texts.push([v.id, v.name], [v.id, v.contextualTitle]);
    for (const w of contributes.viewsWelcome ?? []) texts.push([w.view, w.contents]);
    const configs = [contributes.configuration].flat();
    for (const config of configs) {
      texts.push(['configuration', config.title]);
      for (const [name, p] of Object.entries(config.properties) as [string, Record<string, unknown>][]) {
        texts.push([name, p.description], [name, p.markdownDescription], ...((p.enumDescriptions as string[] | undefined) ?? []).map((d): [string, unknown] => [name, /[a-z]{2}/i.test(d) ? d : undefined]));
      }
    }
    for (const w of contributes.walkthroughs ?? []) {
      texts.push([w.id, w.title], [w.id, w.description]);
      for (const s of w.steps ?? []) texts.push([s.id, s.title], [s.id, s.description]);
    }
    const english = texts.filter(([, text]) => typeof text === 'string' && !/^%[^%]+%$/.test(text)).map(([where, text]) => `${where}: ${text}`);
    assert.deepEqual(english, []);
  });
});

describe('l10n: the translation check itself', () => {
  it('finds a lost placeholder, proper name, code, link, an added placeholder and a missing key', () => {
    const english = {
      a: 'Renew your CPhT by {0}.',
      b: 'Set `cpe_monitor: true` in CPE Monitor.\n[Set Up](command:pharmacyCe.setUp)',
      c: 'Hello',
      d: 'Two {0} {1}',
    };
    const spanish = { a: 'Renueve su certificación antes de {1}.', b: 'Ponga cpe_monitor: true en el monitor.\n[Configurar](command:otra)', d: 'Dos {1} {0}', e: 'sobra' };
    assert.deepEqual(translationProblems(english, spanish), [
      'missing: "c"',
      '"a": lost CPhT {0} added {1} in "Renueve su certificación antes de {1}."',
      '"b": lost (command:pharmacyCe.setUp) CPE Monitor `cpe_monitor: true` in "Ponga cpe_monitor: true en el monitor.\\n[Configurar](command:otra)"',
      'not in the English file (remove it): "e"',
    ]);
  });

  it('CPhT-Adv is its own name: a Spanish CPhT-Adv does not stand for a lost CPhT', () => {
    assert.deepEqual(untranslatable('CPhT-Adv and CSPT'), ['CPhT-Adv', 'CSPT']);
    assert.deepEqual(untranslatable('CPhT, CPhT-Adv'), ['CPhT', 'CPhT-Adv']);
  });
});
