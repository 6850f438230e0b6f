// Mocha suite index for the real extension host (test-electron style: VS Code loads this module and awaits
// `run()`). Used by `npm run test:integration` (code-server + headless Chromium, offline) and by
// `npm run test:electron` (@vscode/test-electron, needs internet).
//
// For engineers writing test/integration/<feature>.test.ts:
// - Use the BDD interface, like the unit tests: `describe` / `it` / `before` / `after` from mocha's globals
//   (TDD `suite` / `test` / `suiteSetup` also work, but do not mix both in one file). Assert with
//   `node:assert/strict`.
// - Every *.test.ts here is bundled on its own by `node esbuild.js --tests` into out/test/integration/.
// - The workspace is a fresh temp copy of test/fixtures/workspace, shared by all files of one run, in file-name
//   order: a test that edits a note restores it (or creates its own files) and waits for the index to settle.
// - Helpers (activate, wait for the index, the fixture's path, polling): ./helpers.ts.
// - Default timeout 30 s per test; `npm run test:integration -- --grep <text>` (or MOCHA_GREP) runs a subset.
//
// Results stream to the file named by PHARMACY_CE_TEST_RESULT (the extension host's console is not visible
// under code-server), ending with a `N passed, N failed` line that the runner prints.
import * as fs from 'fs';
import { findSourceMap } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import Mocha from 'mocha';

const RESULT_ENV = 'PHARMACY_CE_TEST_RESULT';

/** Writes a line to the console (visible under test-electron) and to the result file (read by our runner). */
function out(line = ''): void {
  console.log(line);
  const file = process.env[RESULT_ENV];
  if (file) fs.appendFileSync(file, line + '\n');
}

/** Mocha's spec layout, written through `out` so the runner outside the extension host can show it live. */
class SpecToFile extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    let depth = 0;
    const indent = () => '  '.repeat(depth);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      depth++;
      if (suite.title) out(`${indent()}${suite.title}`);
    });
    runner.on('suite end', () => depth--);
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => out(`${indent()}  ✓ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => out(`${indent()}  - ${test.title} (pending)`));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test) => out(`${indent()}  ✗ ${this.failures.length}) ${test.title}`));
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = this.stats;
      this.failures.forEach((test, i) => {
        out();
        out(`  ${i + 1}) ${test.fullTitle()}`);
        out(indentBlock(describeError((test as Mocha.Test & { err?: unknown }).err), '     '));
      });
      out();
      if (!this.stats.tests && !pending) out(`No integration tests ran${process.env.MOCHA_GREP ? ` (grep: ${process.env.MOCHA_GREP})` : ''}.`);
      if (pending) out(`${pending} pending`);
      out(`${passes} passed, ${failures} failed`);
    });
  }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Only the frames: the message (with assert's diff) is printed once above them.
  const stack = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s*at /.test(line) && !/node_modules[\\/]mocha|node:internal/.test(line))
    .slice(0, 8)
    .map(toSourceLocation)
    .join('\n');
  const extra = 'actual' in err && 'expected' in err && !err.message.includes('\n')
    ? `\nexpected: ${JSON.stringify((err as { expected: unknown }).expected)}\nactual:   ${JSON.stringify((err as { actual: unknown }).actual)}`
    : '';
  return `${err.name}: ${err.message}${extra}\n${stack}`;
}

/**
 * Maps a bundled frame (`out/test/integration/x.test.js:812:7`) to its TypeScript line through the bundle's
 * inline source map. The extension host installs its own stack formatting, so Node does not do it for us.
 */
function toSourceLocation(frame: string): string {
  return frame.replace(/([^\s()]+\.js):(\d+):(\d+)/, (whole, file: string, line: string, column: string) => {
    try {
      const map = findSourceMap(path.resolve(file));
      const entry = map?.findEntry(Number(line) - 1, Number(column) - 1) as
        | { originalSource?: string; originalLine?: number; originalColumn?: number }
        | undefined;
      if (!entry?.originalSource || entry.originalLine === undefined) return whole;
      const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
      return `${path.relative(process.cwd(), source)}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
    } catch {
      return whole;
    }
  });
}

function indentBlock(text: string, prefix: string): string {
  return text.split('\n').map((line) => prefix + line.trimStart()).join('\n');
}

export function run(): Promise<void> {
  // Stack traces in .ts line numbers (the bundles carry inline source maps).
  process.setSourceMapsEnabled?.(true);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: SpecToFile });
  Mocha.interfaces.tdd(mocha.suite);
  const grep = process.env.MOCHA_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const total = runner.stats?.tests ?? 0;
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (total === 0) reject(new Error('No integration tests ran.'));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading: report it like a failure instead of a silent exit.
      out(`Could not load the integration tests: ${describeError(error)}`);
      out('0 passed, 1 failed');
      reject(error);
    }
  });
}
