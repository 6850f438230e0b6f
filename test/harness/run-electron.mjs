// `npm run test:electron`: the same integration suites (out/test/integration) in desktop VS Code through
// @vscode/test-electron, which DOWNLOADS VS Code from Microsoft into .vscode-test/ on first use. For a developer
// laptop or a hosted CI with internet; the offline default is `npm run test:integration` (code-server).
//   VSCODE_VERSION=stable|insiders|1.xx.y (default stable); --grep <text> or MOCHA_GREP as for test:integration.
// On a Linux machine without a display, run it under xvfb-run.
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyFixture, exitWith, makeTempDir, repoRoot, summaryLine } from './lib.mjs';

async function main() {
  const argv = process.argv.slice(2);
  const grepAt = argv.findIndex((a) => a === '--grep' || a === '-g');
  const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.MOCHA_GREP;
  const suiteIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index');
  if (!fs.existsSync(`${suiteIndex}.js`)) {
    process.stderr.write('No out/test/integration/index.js: run `node esbuild.js --tests` first (npm run test:electron does).\n');
    return 2;
  }
  const tmp = makeTempDir('pharmacy-ce-electron-');
  const workspace = copyFixture(path.join(tmp, 'workspace'));
  const resultFile = path.join(tmp, 'result.txt');
  let code;
  try {
    code = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: { PHARMACY_CE_TEST_RESULT: resultFile, MOCHA_GREP: grep ?? '' },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'ext')],
    });
  } catch (error) {
    process.stderr.write(`test:electron: ${error?.message ?? error}\n` +
      '(It downloads VS Code from update.code.visualstudio.com; without internet use `npm run test:integration`.)\n');
    code = 1;
  }
  // The suite also printed to VS Code's console (inherited here); the result file has the closing line.
  const text = fs.existsSync(resultFile) ? fs.readFileSync(resultFile, 'utf8') : '';
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(text)?.[0] ?? summaryLine(0, 1);
  process.stdout.write(`\n${summary}\n`);
  return code === 0 && summary.endsWith(' 0 failed') ? 0 : 1;
}

main().then(
  (code) => exitWith(code),
  (error) => {
    process.stderr.write(`\ntest:electron: ${error?.message ?? error}\n`);
    return exitWith(1);
  },
);
