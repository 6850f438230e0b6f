// `npm run test:integration`: runs out/test/integration/*.test.js inside the real extension host of
// code-server (VS Code 1.139 in the browser), driven by headless Chromium. Two passes, each with its own server:
//   1. on a temp copy of test/fixtures/workspace (every suite);
//   2. multi-root: a .code-workspace of two fixture copies, the second's config holding only its first (CPhT)
//      credential (the suites named "Multi-root"; they skip themselves in pass 1).
// Prints mocha's results live and a closing `N passed, N failed` line over both; exits non-zero on any failure or
// timeout. Always stops the servers and browsers and removes its temp dirs.
//   node test/harness/run-integration.mjs [--grep <text>]   (or MOCHA_GREP: pass 1 only, that subset)
//   node test/harness/run-integration.mjs --multi-root      (pass 2 only)
//   node test/harness/run-integration.mjs --suite bench     (`npm run bench:vscode`: the print-only benchmarks of
//                                                            test/bench/vscode instead, pass 1 only)
import fs from 'node:fs';
import path from 'node:path';
import {
  copyFixture, exitWith, lap, launchChromium, makeTempDir, repoRoot, requireSetup, sleep, startCodeServer, summaryLine, tail,
} from './lib.mjs';

const tag = 'integration';
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 5 * 60_000);
const MULTI_ROOT_GREP = 'Multi-root';
/** The compiled suite index of each suite folder (built by `node esbuild.js --tests`). */
const SUITES = {
  integration: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
  bench: path.join(repoRoot, 'out', 'bench', 'vscode', 'index'),
};

function parseArgs(argv) {
  const args = { grep: process.env.MOCHA_GREP || undefined, multiRootOnly: false, suite: 'integration' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') args.grep = argv[++i];
    else if (argv[i].startsWith('--grep=')) args.grep = argv[i].slice('--grep='.length);
    else if (argv[i] === '--multi-root') args.multiRootOnly = true;
    else if (argv[i] === '--suite') args.suite = argv[++i];
    else throw new Error(`Unknown argument ${argv[i]} (supported: --grep <text>, --multi-root, --suite integration|bench)`);
  }
  if (!Object.hasOwn(SUITES, args.suite)) throw new Error(`Unknown suite ${args.suite} (supported: ${Object.keys(SUITES).join(', ')})`);
  return args;
}

/** Two fixture copies in a .code-workspace; the second keeps only its first credential, so the folders differ. */
function makeMultiRoot(tmp) {
  const a = copyFixture(path.join(tmp, 'pharmacy-ce-a'));
  const b = copyFixture(path.join(tmp, 'pharmacy-ce-b'));
  const configFile = path.join(b, '.pharmacy-ce.json');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  config.credentials = config.credentials.slice(0, 1);
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  const file = path.join(tmp, 'pharmacy-ce.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: a }, { path: b }], settings: {} }, null, 2));
  return file;
}

/** One server + browser + suite run. Returns the counts and the extension host's exit code. */
async function runPass({ name, grep, multiRoot, suiteIndex }) {
  const tmp = makeTempDir('pharmacy-ce-it-');
  const target = multiRoot ? makeMultiRoot(tmp) : copyFixture(path.join(tmp, 'workspace'));
  const resultFile = path.join(tmp, 'result.txt');
  const automationLog = path.join(tmp, 'automation.log');
  fs.writeFileSync(resultFile, '');

  // The extension host inherits the server's environment: that is how the suite learns where to write.
  const server = await startCodeServer({
    tmp,
    folder: target,
    devMode: true,
    // code-server saves edited files after a second by default: the suites decide when a note is saved (a
    // test that types, then reverts, must not find its typing saved because the machine was slow).
    settings: { 'files.autoSave': 'off' },
    env: { PHARMACY_CE_TEST_RESULT: resultFile, MOCHA_GREP: grep ?? '' },
  });
  lap(tag, `${name}: code-server up on 127.0.0.1:${server.port}, ${multiRoot ? 'workspace file' : 'folder'} ${target}`);
  const { context, page } = await launchChromium(tmp);
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  // The workbench's and extension host's console: too noisy to print, kept for when the suite never reports.
  await page.exposeFunction('codeAutomationLog', (...args) => {
    fs.appendFileSync(automationLog, args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') + '\n');
  });
  const payload = [['extensionDevelopmentPath', server.remote(repoRoot)], ['extensionTestsPath', server.remote(suiteIndex)]];
  await page.goto(server.workbenchUrl(payload, multiRoot ? { workspaceFile: target } : {}));
  lap(tag, `${name}: workbench opened; running the suites${grep ? ` matching "${grep}"` : ''}`);

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
  lap(tag, `${name}: extension host exit code: ${code}`);
  await context.close().catch(() => {});
  await server.stop();

  const summary = /^(\d+) passed, (\d+) failed$/m.exec(text);
  if (code === 'timeout') process.stdout.write(`\n${name}: timed out after ${TIMEOUT_MS / 1000} s.\n`);
  if (!summary) {
    process.stdout.write(`\n${name}: the suite never reported results. Last extension host / workbench log lines:\n`);
    process.stdout.write(tail(automationLog, 30) + '\n--- server log ---\n' + tail(server.logFile, 15) + '\n');
    return { passed: 0, failed: 1 };
  }
  const passed = Number(summary[1]);
  let failed = Number(summary[2]);
  if (code !== 0 && failed === 0) failed = 1; // timeout, or the host failed after mocha (e.g. no test matched)
  return { passed, failed };
}

async function main() {
  const { grep, multiRootOnly, suite } = parseArgs(process.argv.slice(2));
  const suiteIndex = SUITES[suite];
  requireSetup();
  if (!fs.existsSync(`${suiteIndex}.js`)) {
    process.stderr.write(`No ${path.relative(repoRoot, suiteIndex)}.js: build the suites with \`node esbuild.js --tests\` first.\n`);
    return 2;
  }
  const passes = [];
  if (!multiRootOnly) passes.push({ name: 'one folder', grep, suiteIndex });
  // Pass 2 only when some suite is about multi-root workspaces (otherwise it would run no test and fail).
  const hasMultiRootSuite = fs.readdirSync(path.dirname(suiteIndex))
    .some((f) => f.endsWith('.test.js') && fs.readFileSync(path.join(path.dirname(suiteIndex), f), 'utf8').includes(MULTI_ROOT_GREP));
  if (multiRootOnly || (!grep && hasMultiRootSuite)) passes.push({ name: 'multi-root', grep: MULTI_ROOT_GREP, multiRoot: true, suiteIndex });
  let passed = 0;
  let failed = 0;
  for (const pass of passes) {
    if (passes.length > 1) process.stdout.write(`\n== ${pass.name}\n`);
    const result = await runPass(pass);
    passed += result.passed;
    failed += result.failed;
  }
  if (passes.length > 1) process.stdout.write(`\n== all passes\n${summaryLine(passed, failed)}\n`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => exitWith(code),
  (error) => {
    process.stderr.write(`\n${tag}: ${error?.message ?? error}\n`);
    process.stdout.write(summaryLine(0, 1) + '\n');
    return exitWith(1);
  },
);
