// `npm run test:integration`: runs out/test/integration/*.test.js inside the real extension host of
// code-server (VS Code 1.139 in the browser), on a temp copy of test/fixtures/workspace, driven by headless
// Chromium. Prints mocha's results live and a closing `N passed, N failed` line; exits non-zero on any
// failure or timeout. Always stops the server and browser and removes its temp dirs.
//   node test/harness/run-integration.mjs [--grep <text>]      (or MOCHA_GREP=<text>)
import fs from 'node:fs';
import path from 'node:path';
import {
  copyFixture, exitWith, lap, launchChromium, makeTempDir, repoRoot, requireSetup, sleep, startCodeServer, summaryLine, tail,
} from './lib.mjs';

const tag = 'integration';
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 5 * 60_000);
const suiteIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index');

function parseArgs(argv) {
  const args = { grep: process.env.MOCHA_GREP };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') args.grep = argv[++i];
    else if (argv[i].startsWith('--grep=')) args.grep = argv[i].slice('--grep='.length);
    else throw new Error(`Unknown argument ${argv[i]} (supported: --grep <text>)`);
  }
  return args;
}

async function main() {
  const { grep } = parseArgs(process.argv.slice(2));
  requireSetup();
  if (!fs.existsSync(`${suiteIndex}.js`)) {
    process.stderr.write(`No ${path.relative(repoRoot, suiteIndex)}.js: build the suites with \`node esbuild.js --tests\` first.\n`);
    return 2;
  }
  const tmp = makeTempDir('pharmacy-ce-it-');
  const workspace = copyFixture(path.join(tmp, 'workspace'));
  const resultFile = path.join(tmp, 'result.txt');
  const automationLog = path.join(tmp, 'automation.log');
  fs.writeFileSync(resultFile, '');

  // The extension host inherits the server's environment: that is how the suite learns where to write.
  const server = await startCodeServer({
    tmp,
    folder: workspace,
    devMode: true,
    env: { PHARMACY_CE_TEST_RESULT: resultFile, MOCHA_GREP: grep ?? '' },
  });
  lap(tag, `code-server up on 127.0.0.1:${server.port}, workspace ${workspace}`);
  const { page } = await launchChromium(tmp);
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  // The workbench's and extension host's console: too noisy to print, kept for when the suite never reports.
  await page.exposeFunction('codeAutomationLog', (...args) => {
    fs.appendFileSync(automationLog, args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') + '\n');
  });
  const payload = [['extensionDevelopmentPath', server.remote(repoRoot)], ['extensionTestsPath', server.remote(suiteIndex)]];
  await page.goto(server.workbenchUrl(payload));
  lap(tag, `workbench opened; running the suites${grep ? ` matching "${grep}"` : ''}`);

  // Stream the suite's output while it runs.
  let printed = 0;
  const flush = () => {
    const text = fs.readFileSync(resultFile, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed));
      printed = text.length;
    }
    return text;
  };
  let code = 'timeout';
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const result = await Promise.race([exited, sleep(250).then(() => undefined)]);
    flush();
    if (result !== undefined) {
      code = result;
      break;
    }
    if (Date.now() > deadline) break;
  }
  await sleep(100);
  const text = flush();
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(text);
  lap(tag, `extension host exit code: ${code}`);
  if (code === 'timeout') {
    process.stdout.write(`\nTimed out after ${TIMEOUT_MS / 1000} s.\n`);
  }
  if (!summary) {
    process.stdout.write('\nThe suite never reported results. Last extension host / workbench log lines:\n');
    process.stdout.write(tail(automationLog, 30) + '\n--- server log ---\n' + tail(server.logFile, 15) + '\n');
    process.stdout.write(summaryLine(0, 1) + '\n');
    return 1;
  }
  if (code === 'timeout') process.stdout.write(summaryLine(Number(summary[1]), Number(summary[2]) + 1) + '\n');
  return code === 0 && summary[2] === '0' ? 0 : 1;
}

main().then(
  (code) => exitWith(code),
  (error) => {
    process.stderr.write(`\n${tag}: ${error?.message ?? error}\n`);
    process.stdout.write(summaryLine(0, 1) + '\n');
    return exitWith(1);
  },
);
