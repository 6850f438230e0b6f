// `npm start`'s workbench, as a person reaches it: the plain address `http://127.0.0.1:<port>/` (what people
// type, rather than the printed one) opens the sample notes with the extension loaded. Before issue 9's fix
// the extension came only with a development payload in the address, so `/` showed a VS Code without it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDemo } from '../harness/demo.mjs';
import { makeTempDir, repoRoot } from '../harness/lib.mjs';
import { ACTIVITY_LABEL } from './person-path.mjs';
import { Workbench } from './workbench.mjs';

/** The step, for run-e2e.mjs: it needs the browser context (a page of its own) and the screenshots folder. */
export function startStep({ context, shotsDir }) {
  return {
    name: 'npm start: the plain address / opens the sample notes with the Pharmacy CE icon',
    async run() {
      const tmp = makeTempDir('pharmacy-ce-e2e-start-');
      // A copy: npm start opens sample-notes itself, but a test must not write into the checkout.
      const folder = path.join(tmp, 'sample-notes');
      fs.cpSync(path.join(repoRoot, 'sample-notes'), folder, { recursive: true });
      const demo = await startDemo({ tmp, folder });
      const page = await context.newPage();
      try {
        await page.goto(demo.address);
        const workbench = new Workbench(page, shotsDir);
        await workbench.waitReady(ACTIVITY_LABEL);
        assert.match(decodeURIComponent(page.url()), /[?&]folder=.*sample-notes/, 'the plain address opens the sample notes');
        await workbench.screenshot('start-1-plain-address');
      } finally {
        await page.close();
        await demo.stop();
      }
    },
  };
}
