// The portfolio as a person sees it (issue #14): career notes in the opened folder -> "Pharmacy CE: Export
// Portfolio" from the palette -> the printable portfolio inside VS Code, with its toolbar and sections.
// Screenshot: career-3-portfolio.png in test-artifacts/e2e/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const NOTES = {
  'lead-technician.md': `---
title: Lead technician at Mercy Hospital
type: experience
employer: Mercy Hospital
role: Lead technician
setting: hospital
start: 2022-03-01
hours_per_week: 40
responsibilities:
  - sterile-compounding
  - training
---
# Lead technician at Mercy Hospital
`,
  'aapt-conference.md': `---
title: AAPT Annual Conference
type: event
date: 2026-06-12
organization: AAPT
event: conference
---
# AAPT Annual Conference
`,
};

/** The step, for run-e2e.mjs: it writes the notes into the opened folder (a temp copy of the fixture). */
export function portfolioStep({ workspace }) {
  return {
    name: 'Export Portfolio shows the printable portfolio inside VS Code, with its toolbar and sections',
    async run({ workbench }) {
      fs.mkdirSync(path.join(workspace, 'career'), { recursive: true });
      for (const [name, text] of Object.entries(NOTES)) fs.writeFileSync(path.join(workspace, 'career', name), text);
      await workbench.runCommand('View: Close All Editors');
      await workbench.runCommand('Pharmacy CE: Export Portfolio');
      const view = workbench.webview();
      await view.locator('h2', { hasText: 'Continuing education, current cycle' }).waitFor({ timeout: 30_000 });
      assert.equal(await view.locator('#print').innerText(), 'Print');
      for (const heading of ['Credentials', 'Certificates', 'Experience', 'Professional activities']) {
        assert.equal(await view.locator('h2', { hasText: heading }).count(), 1, heading);
      }
      assert.ok(fs.existsSync(path.join(workspace, 'transcripts')), 'written next to the transcripts');
      await workbench.screenshot('career-3-portfolio');
    },
  };
}
