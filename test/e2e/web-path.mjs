// The person's path in a browser's extension host (issue 15). vscode.dev and github.dev run an extension's
// `browser` bundle in a web worker of the page; code-server does the same for an installed extension whose kind
// is `web` (`remote.extensionKind` in the throw-away profile: VS Code then picks the web worker host, as the
// workbench's pickRunningLocation does for a web-only extension). So this is the packaged .vsix running
// dist/web/extension.js with no Node, reading and writing the folder through workspace.fs. Its own server and
// page, on a fresh copy of the fixture. Screenshots: web-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { copyFixture, installVsix, makeTempDir } from '../harness/lib.mjs';
import { ACTIVITY_LABEL } from './person-path.mjs';
import { withOwnWorkbench } from './workbench.mjs';

const EXTENSION_ID = 'pharmacy-ce-notes.pharmacy-ce-notes';
const CPHT_ROW = /11 \/ 20 h · PTCB CPhT/;
const NOTE = `---
title: Top drugs (web e2e)
exam: ptce
domain: medications
---
> **Q:** What is the brand name of lisinopril?
>
> **A:** Zestril (also Prinivil)

Warfarin :: an anticoagulant (vitamin K antagonist)
`;
const JOB = `---
title: Lead technician at Mercy Hospital
type: experience
employer: Mercy Hospital
role: Lead technician
setting: hospital
start: 2022-03-01
hours_per_week: 40
---
`;

/** The step, for run-e2e.mjs: a server of its own with the extension's kind set to `web`. */
export function webStep({ context, shotsDir, vsix, settings }) {
  return {
    name: 'in the browser\'s extension host (web worker): the Progress tree, the dashboard, a review grade written to the log, transcript and portfolio exports',
    timeoutMs: 240_000,
    async run() {
      const tmp = makeTempDir('pharmacy-ce-e2e-web-');
      const workspace = copyFixture(path.join(tmp, 'workspace'));
      fs.mkdirSync(path.join(workspace, 'study'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'study', 'top-drugs.md'), NOTE);
      fs.mkdirSync(path.join(workspace, 'career'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'career', 'lead-technician.md'), JOB);
      installVsix(tmp, vsix);
      await withOwnWorkbench({ context, shotsDir, tmp, folder: workspace, settings: { ...settings, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }, label: ACTIVITY_LABEL, loadMs: 120_000 }, async (workbench, page) => {

        // Which bundle runs: the extension's log says so at activation, and the server's own (Node) extension
        // host never activated it.
        await workbench.openViewContainer(ACTIVITY_LABEL, 'Progress');
        const started = await outputChannelText(workbench, 'Pharmacy CE', /started \(/);
        assert.match(started, /started \(web build\)/, `the log says the web build runs; it reads: ${started.slice(0, 300)}`);
        assert.equal(serverHostActivated(tmp), false, 'the server\'s Node extension host did not activate the extension');
        await workbench.screenshot('web-1-log');

        await workbench.openViewContainer(ACTIVITY_LABEL, 'Progress');
        const rows = await workbench.waitForTreeRows('Progress', (r) => r.some((t) => CPHT_ROW.test(t)));
        assert.ok(rows.some((t) => /\d+(\.\d+)? \/ \d+ h · Texas registration/.test(t)), `a row for the Texas registration; rows: ${JSON.stringify(rows)}`);
        await workbench.screenshot('web-2-progress-tree');

        await workbench.runCommand('Pharmacy CE: Open Dashboard');
        const card = workbench.webview().locator('[data-credential="ptcb-cpht"]');
        await card.waitFor({ timeout: 30_000 });
        await waitForText(card, '11 / 20 h');
        await workbench.screenshot('web-3-dashboard');

        await workbench.runCommand('View: Close All Editors');
        await workbench.runCommand('Pharmacy CE: Start Review');
        const view = workbench.webview();
        await view.locator('#show-answer').waitFor({ timeout: 30_000 });
        await view.locator('#front').click();
        await page.keyboard.press('Space');
        await view.locator('#answer').waitFor({ state: 'visible', timeout: 5_000 });
        await page.keyboard.press('3');
        const log = path.join(workspace, '.pharmacy-ce', 'reviews.jsonl');
        const lines = await waitFor(() => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []), (l) => l.length > 0);
        assert.equal(lines.length, 1, `one review line; the log reads: ${JSON.stringify(lines)}`);
        assert.equal(JSON.parse(lines[0]).rating, 3);
        await workbench.screenshot('web-4-review-graded');

        await workbench.runCommand('View: Close All Editors');
        await workbench.runCommand('Pharmacy CE: Export Transcript');
        await workbench.pick('PTCB CPhT', 15_000);
        await workbench.webview().locator('#print').waitFor({ timeout: 30_000 });
        await waitForText(workbench.webview().locator('table.activities'), 'Federal Pharmacy Law Update 2025');
        const written = await waitFor(() => (fs.existsSync(path.join(workspace, 'transcripts')) ? fs.readdirSync(path.join(workspace, 'transcripts')) : []), (f) => f.length > 1);
        assert.deepEqual(written.sort(), ['ptcb-cpht-2027-03-31.csv', 'ptcb-cpht-2027-03-31.html']);
        await workbench.screenshot('web-5-transcript');

        await workbench.runCommand('View: Close All Editors');
        await workbench.runCommand('Pharmacy CE: Export Portfolio');
        await workbench.webview().locator('h2', { hasText: 'Experience' }).waitFor({ timeout: 30_000 });
        await waitForText(workbench.webview().locator('body'), 'Mercy Hospital');
        const portfolios = await waitFor(() => fs.readdirSync(path.join(workspace, 'transcripts')).filter((f) => f.startsWith('portfolio-')), (f) => f.length > 0);
        assert.equal(portfolios.length, 1, `one portfolio written; transcripts/ holds ${JSON.stringify(portfolios)}`);
        await workbench.screenshot('web-6-portfolio');
      });
    },
  };
}

/**
 * The text of an Output channel, once it matches `pattern`. The channel is picked in the Output view's list
 * ("Output: Show Output Channels..." is not in code-server's palette).
 */
async function outputChannelText(workbench, channel, pattern) {
  const page = workbench.page;
  await workbench.runCommand('Output: Focus on Output View');
  const select = page.locator('.part.panel select.monaco-select-box').first();
  await select.waitFor({ state: 'attached', timeout: 30_000 });
  await select.selectOption({ label: channel });
  const lines = workbench.page.locator('.part.panel .monaco-editor .view-lines');
  return waitFor(async () => (await lines.innerText().catch(() => '')).replace(/\s+/g, ' '), (text) => pattern.test(text));
}

/** True when the server's Node extension host log says it activated the extension. */
function serverHostActivated(tmp) {
  const logs = path.join(tmp, 'user', 'logs');
  if (!fs.existsSync(logs)) return false;
  return fs.readdirSync(logs, { recursive: true })
    .filter((file) => /exthost.*\.log$/.test(String(file)))
    .some((file) => fs.readFileSync(path.join(logs, String(file)), 'utf8').includes(`ExtensionService#_doActivateExtension ${EXTENSION_ID}`));
}

async function waitFor(read, done, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

async function waitForText(locator, text, timeout = 15_000) {
  const seen = await waitFor(async () => (await locator.innerText().catch(() => '')).replace(/\s+/g, ' '), (t) => t.includes(text), timeout);
  assert.ok(seen.includes(text), `expected "${text}" in the element; it reads: ${JSON.stringify(seen.slice(0, 300))}`);
}
