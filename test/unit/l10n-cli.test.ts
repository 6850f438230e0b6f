// The CLI's language: chosen from the locale variables as other terminal tools do, read from the same bundles
// as the extension, English whenever a bundle is missing or broken; the JSON never changes with the language.
import * as l10n from '@vscode/l10n';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliLanguage, useCliLanguage } from '../../src/node/cli-language';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLE = path.join(ROOT, 'sample-notes');

/** Runs dist/cli.js with only the locale variables given (none inherited from the machine running the tests). */
function cli(args: string[], locale: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, LANGUAGE: undefined, ...locale };
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 30_000 });
}

describe('CLI language: which locale variable wins', () => {
  const cases: [NodeJS.ProcessEnv, string | undefined][] = [
    [{}, undefined],
    [{ LANG: 'es' }, 'es'],
    [{ LANG: 'es_ES.UTF-8' }, 'es'],
    [{ LANG: 'es-MX' }, 'es'],
    [{ LANG: 'ES_us@euro' }, 'es'],
    [{ LANG: 'C' }, undefined],
    [{ LANG: 'POSIX' }, undefined],
    [{ LANG: 'C.UTF-8' }, undefined],
    [{ LANG: 'en_US.UTF-8' }, undefined],
    [{ LANG: 'fr_FR.UTF-8' }, undefined],
    [{ LANG: 'estonian' }, undefined],
    // POSIX order: LC_ALL, then LC_MESSAGES, then LANG; an empty variable counts as unset.
    [{ LC_ALL: 'C', LANG: 'es_ES.UTF-8' }, undefined],
    [{ LC_ALL: 'es_ES.UTF-8', LANG: 'en_US.UTF-8' }, 'es'],
    [{ LC_MESSAGES: 'es_MX.UTF-8', LANG: 'en_US.UTF-8' }, 'es'],
    [{ LC_MESSAGES: 'en_US.UTF-8', LANG: 'es_ES.UTF-8' }, undefined],
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'es_ES.UTF-8' }, 'es'],
  ];
  for (const [env, expected] of cases) {
    it(`${JSON.stringify(env)} -> ${expected ?? 'English'}`, () => {
      assert.equal(cliLanguage(env), expected);
    });
  }
});

describe('CLI language: loading the bundle', () => {
  const temps: string[] = [];
  const bundleDir = (contents: string | undefined): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-l10n-'));
    temps.push(dir);
    if (contents !== undefined) fs.writeFileSync(path.join(dir, 'bundle.l10n.es.json'), contents);
    return dir;
  };
  afterEach(() => l10n.config({ contents: {} }));
  after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('loads the Spanish bundle for a Spanish locale', () => {
    assert.equal(useCliLanguage({ LANG: 'es_ES.UTF-8' }, bundleDir('{"Show this help": "Mostrar esta ayuda"}')), 'es');
    assert.equal(l10n.t('Show this help'), 'Mostrar esta ayuda');
  });

  it('an English locale after a Spanish one is English again', () => {
    useCliLanguage({ LANG: 'es' }, bundleDir('{"Show this help": "Mostrar esta ayuda"}'));
    assert.equal(useCliLanguage({ LANG: 'en_US.UTF-8' }, bundleDir('{"Show this help": "Mostrar esta ayuda"}')), undefined);
    assert.equal(l10n.t('Show this help'), 'Show this help');
  });

  for (const [what, contents] of [
    ['missing', undefined],
    ['not JSON', '{"Show this help": '],
    ['a list, not an object', '["Mostrar esta ayuda"]'],
    ['an object with a non-text value', '{"Show this help": {"message": 1}}'],
    ['null', 'null'],
  ] as const) {
    it(`a bundle that is ${what} leaves English, without an error`, () => {
      assert.equal(useCliLanguage({ LANG: 'es' }, bundleDir(contents)), undefined);
      assert.equal(l10n.t('Show this help'), 'Show this help');
    });
  }
});

describe('CLI language: dist/cli.js', () => {
  it('LANG=es_ES.UTF-8 prints the help in Spanish, LANG=C in English', () => {
    const spanish = cli(['--help'], { LANG: 'es_ES.UTF-8' });
    assert.equal(spanish.status, 0, spanish.stderr);
    assert.match(spanish.stdout, /^Uso: pharmacy-ce <comando> \[carpeta\] \[opciones\]$/m);
    assert.match(spanish.stdout, /Mostrar esta ayuda/);
    assert.match(spanish.stdout, /^ {2}complete <note> {3}Marcar una nota de CE como completada/m);
    assert.match(spanish.stdout, /^ {20}Escribir transcripts\/<credencial>-<fin del ciclo>\.csv/m);
    const english = cli(['--help'], { LANG: 'C' });
    assert.match(english.stdout, /^Usage: pharmacy-ce <command> \[folder\] \[options\]$/m);
    assert.doesNotMatch(english.stdout, /Mostrar/);
  });

  // Only human-readable text may follow the language: every field, id, code, number and date stays.
  for (const command of ['report', 'check', 'cards', 'career']) {
    it(`${command} --json is the same in Spanish and in English`, () => {
      const args = [command, SAMPLE, '--json', '--as-of', '2026-11-30'];
      const english = cli(args, { LANG: 'C.UTF-8' });
      const spanish = cli(args, { LANG: 'es_ES.UTF-8' });
      assert.equal(spanish.status, english.status);
      assert.deepEqual(keysAndFigures(JSON.parse(spanish.stdout)), keysAndFigures(JSON.parse(english.stdout)));
    });
  }
});

/** The JSON with every string value that reads as a sentence (has a space) blanked: what must not change. */
function keysAndFigures(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysAndFigures);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keysAndFigures(v)]));
  if (typeof value === 'string' && value.includes(' ')) return '<text>';
  return value;
}
