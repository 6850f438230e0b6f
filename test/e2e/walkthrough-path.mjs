// The guided first run, as a newcomer meets it: a fresh profile on an empty folder (no notes, no credentials
// file) opens "Get started with Pharmacy CE" by itself; saving a credentials file in the folder ticks the first
// step; a reload does not open it again. Screenshots: walkthrough-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { installVsix, makeTempDir } from '../harness/lib.mjs';
import { ACTIVITY_LABEL } from './person-path.mjs';
import { withOwnWorkbench } from './workbench.mjs';

const TITLE = 'Get started with Pharmacy CE';

/** How many times the extension's log says it opened the walkthrough, over both loads of the workbench. */
function openedByExtension(tmp) {
  const logs = path.join(tmp, 'user', 'logs');
  if (!fs.existsSync(logs)) return -1;
  return fs.readdirSync(logs, { recursive: true })
    .filter((file) => String(file).endsWith('.log'))
    .map((file) => fs.readFileSync(path.join(logs, String(file)), 'utf8').split('Opening the Get Started guide').length - 1)
    .reduce((a, b) => a + b, 0);
}

/** The step, for run-e2e.mjs: a server of its own, as the harness's profiles keep walkthroughs from opening. */
export function walkthroughStep({ context, shotsDir, vsix, settings }) {
  return {
    name: 'a fresh profile on an empty folder opens the Get started walkthrough once; a credentials file ticks its first step',
    // A second workbench loads beside the first: on a busy 2-core machine that alone took up to a minute.
    timeoutMs: 240_000,
    async run() {
      const tmp = makeTempDir('pharmacy-ce-e2e-walkthrough-');
      const folder = path.join(tmp, 'empty-folder');
      fs.mkdirSync(folder);
      installVsix(tmp, vsix);
      // VS Code's own default (true); the harness turns it off for every other profile.
      await withOwnWorkbench({ context, shotsDir, tmp, folder, settings: { ...settings, 'workbench.welcomePage.walkthroughs.openOnInstall': true }, label: ACTIVITY_LABEL }, async (workbench, page) => {
        const editor = page.locator('.editor-group-container');
        await editor.getByText(TITLE, { exact: true }).first().waitFor({ timeout: 90_000 });
        const steps = editor.locator('.getting-started-step');
        await steps.first().waitFor({ timeout: 15_000 });
        assert.deepEqual(
          (await steps.locator('.step-title').allInnerTexts()).map((t) => t.trim()),
          ['Set up your credentials', 'Write your first CE note', 'Read the dashboard', 'Review your first cards', 'Add a job or certificate'],
        );
        assert.equal(await steps.locator('.codicon.complete').count(), 0, 'no step is done in an empty folder');
        await workbench.screenshot('walkthrough-1-opened-on-empty-folder');

        // The real event, not a click: the credentials file appears in the folder.
        fs.writeFileSync(path.join(folder, '.pharmacy-ce.json'), JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] }, null, 2) + '\n');
        await steps.first().locator('.codicon.complete').waitFor({ timeout: 30_000 });
        assert.equal(await steps.locator('.codicon.complete').count(), 1, 'only the first step is done');
        await workbench.screenshot('walkthrough-2-credentials-step-done');

        // Once per profile: remove the file again (a folder without credentials), reload, and it stays closed.
        fs.rmSync(path.join(folder, '.pharmacy-ce.json'));
        await workbench.runCommand('View: Close All Editors');
        // As a person reloads: VS Code's own command saves the closed editors first. The browser's reload (F5) does
        // not wait for that save, so a walkthrough closed a moment before came back restored in about half the runs.
        const reloaded = page.waitForEvent('load', { timeout: 60_000 });
        await workbench.runCommand('Developer: Reload Window');
        await reloaded;
        await workbench.waitReady(ACTIVITY_LABEL);
        await workbench.openViewContainer(ACTIVITY_LABEL, 'Progress');
        // The welcome's Get started link shows once the extension has looked at the folder.
        await workbench.pane('Progress').locator('.welcome-view-content a', { hasText: 'Get started' }).waitFor({ timeout: 60_000 });
        await workbench.screenshot('walkthrough-3-not-again-after-reload');
        const opened = openedByExtension(tmp);
        assert.equal(opened, 1, `the extension opened the walkthrough once (log lines: ${opened})`);
        assert.equal(await editor.getByText(TITLE, { exact: true }).count(), 0, 'the walkthrough did not open a second time');
      });
    },
  };
}
