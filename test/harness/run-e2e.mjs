// `npm run test:e2e` (after `npm run package`): installs dist-vsix/pharmacy-ce-notes.vsix into a throw-away
// code-server profile, opens a temp copy of test/fixtures/workspace and drives the workbench in headless
// Chromium like a person (test/e2e/person-path.mjs); then checks `npm start`'s plain address (test/e2e/start-path.mjs).
// Screenshots go to test-artifacts/e2e/ (git-ignored).
// Prints a closing `N passed, N failed` line; exits non-zero on any failure. Always stops what it started.
import fs from 'node:fs';
import path from 'node:path';
import { steps as personSteps } from '../e2e/person-path.mjs';
import { lookSteps } from '../e2e/look-path.mjs';
import { portfolioStep } from '../e2e/portfolio-path.mjs';
import { previewStep } from '../e2e/preview-path.mjs';
import { reviewStep } from '../e2e/review-path.mjs';
import { startStep } from '../e2e/start-path.mjs';
import { studyStep } from '../e2e/study-path.mjs';
import { walkthroughStep } from '../e2e/walkthrough-path.mjs';
import { careerStep } from '../e2e/career-path.mjs';
import { spanishStep } from '../e2e/spanish-path.mjs';
import { Workbench } from '../e2e/workbench.mjs';
import {
  artifactsDir, copyFixture, exitWith, installVsix, lap, launchChromium, makeTempDir, repoRoot, requireSetup, startCodeServer,
  summaryLine, tail,
} from './lib.mjs';

const tag = 'e2e';
const vsix = path.join(repoRoot, 'dist-vsix', 'pharmacy-ce-notes.vsix');
const shotsDir = path.join(artifactsDir, 'e2e');
const STEP_TIMEOUT_MS = 90_000;

async function main() {
  requireSetup();
  if (!fs.existsSync(vsix)) {
    process.stderr.write(`No ${path.relative(repoRoot, vsix)}: run \`npm run package\` first (npm run test:e2e does).\n`);
    return 2;
  }
  fs.rmSync(shotsDir, { recursive: true, force: true });
  const tmp = makeTempDir('pharmacy-ce-e2e-');
  const workspace = copyFixture(path.join(tmp, 'workspace'));
  lap(tag, `installing ${path.relative(repoRoot, vsix)}: ${installVsix(tmp, vsix).split('\n').pop()}`);

  const settings = { 'workbench.colorTheme': 'Default Dark Modern' };
  const server = await startCodeServer({ tmp, folder: workspace, settings });
  lap(tag, `code-server up on 127.0.0.1:${server.port}, workspace ${workspace}`);
  const { context, page } = await launchChromium(tmp);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.workbenchUrl());
  const workbench = new Workbench(page, shotsDir);
  const steps = [
    ...personSteps,
    ...lookSteps({ context, shotsDir, vsix, settings }),
    previewStep({ workspace }),
    studyStep({ workspace }),
    careerStep({ workspace }),
    reviewStep({ workspace }),
    portfolioStep({ workspace }),
    spanishStep({ context, shotsDir, vsix, settings }),
    walkthroughStep({ context, shotsDir, vsix, settings }),
    startStep({ context, shotsDir }),
  ];

  let passed = 0;
  let failed = 0;
  for (const step of steps) {
    const started = Date.now();
    try {
      await withTimeout(step.run({ workbench }), step.timeoutMs ?? STEP_TIMEOUT_MS, step.name);
      passed++;
      process.stdout.write(`  ✓ ${step.name} (${Date.now() - started} ms)\n`);
    } catch (error) {
      failed++;
      const shot = await workbench.screenshot(`fail-${passed + failed}`);
      process.stdout.write(`  ✗ ${step.name} (${Date.now() - started} ms)\n`);
      process.stdout.write(`      ${String(error?.message ?? error).split('\n').slice(0, 6).join('\n      ')}\n`);
      process.stdout.write(`      screenshot: ${path.relative(repoRoot, shot)}\n`);
      if (step.critical) {
        failed += steps.length - passed - failed;
        process.stdout.write(`  (the remaining steps need the workbench; not run)\n--- server log ---\n${tail(server.logFile, 15)}\n`);
        break;
      }
    }
  }
  if (pageErrors.length) lap(tag, `page errors (informational): ${pageErrors.slice(0, 5).join(' | ')}`);
  lap(tag, `screenshots in ${path.relative(repoRoot, shotsDir)}/`);
  process.stdout.write(`\n${summaryLine(passed, failed)}\n`);
  return failed === 0 ? 0 : 1;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`"${what}" took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

main().then(
  (code) => exitWith(code),
  (error) => {
    process.stderr.write(`\n${tag}: ${error?.message ?? error}\n`);
    process.stdout.write(summaryLine(0, 1) + '\n');
    return exitWith(1);
  },
);
