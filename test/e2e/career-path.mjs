// The Career view and the dashboard's Career section as a person sees them (issue 14): career notes in the opened
// folder (two jobs, an earned and a planned certificate, a conference, a membership) -> the Career view's Next
// credential shows the CPhT-Adv with its certificates and years -> the dashboard's Career section shows the
// ladder and the experience timeline. Screenshots: career-*.png in test-artifacts/e2e/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ACTIVITY_LABEL } from './person-path.mjs';

const NOTES = {
  'mercy-hospital.md': `---
title: IV technician, Mercy Hospital
type: experience
employer: Mercy Hospital
role: IV technician
setting: hospital
start: 2024-06-01
hours_per_week: 40
responsibilities: [sterile-compounding, inventory, training]
---
# IV technician at Mercy Hospital
`,
  'walgreens.md': `---
title: Pharmacy technician, Walgreens
type: experience
employer: Walgreens
role: Pharmacy technician
setting: community
start: 2019-02-04
end: 2024-05-24
hours_per_week: 32
responsibilities: [dispensing, billing]
---
# Pharmacy technician at Walgreens
`,
  'tpv-certificate.md': `---
title: Technician Product Verification
type: certificate
program: ptcb-tpv
status: earned
earned: 2025-04-02
---
`,
  'billing-certificate.md': `---
title: Billing and Reimbursement (planned)
type: certificate
program: ptcb-billing-reimbursement
status: planned
---
`,
  'state-conference.md': `---
title: State pharmacy technician conference
type: event
event: conference
date: 2026-04-18
organization: State Pharmacy Association
---
`,
  'aapt-membership.md': `---
title: AAPT membership
type: membership
organization: AAPT
since: 2024-01-15
renews: 2027-01-15
---
`,
};

/** The step, for run-e2e.mjs: it writes the notes into the opened folder (a temp copy of the fixture). */
export function careerStep({ workspace }) {
  return {
    name: 'the Career view shows the CPhT-Adv with its certificates and years; the dashboard shows the ladder and the experience timeline',
    async run({ workbench }) {
      const dir = path.join(workspace, 'career');
      fs.mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(NOTES)) fs.writeFileSync(path.join(dir, file), text);
      await workbench.runCommand('View: Close All Editors');
      await workbench.openViewContainer(ACTIVITY_LABEL, 'Career');
      // Room for the Career view: the other panes of the container are closed for the picture, then opened again.
      const closed = [];
      for (const title of ['Progress', 'Notes', 'Study']) {
        const header = workbench.pane(title).locator('.pane-header');
        if ((await header.getAttribute('aria-expanded')) === 'true') {
          await header.click();
          closed.push(title);
        }
      }
      const career = workbench.pane('Career').locator('.pane-header');
      if ((await career.getAttribute('aria-expanded')) !== 'true') await career.click();
      try {
        // The notes reach the index through the file watcher.
        // A row's text is its label and description run together ("CPhT-Adv1 of 4 certificates, ...").
        const rows = await workbench.waitForTreeRows('Career', (r) => r.some((t) => t.startsWith('CPhT-Adv')) && r.some((t) => t.startsWith('Years of technician work within the last 8')));
        const adv = rows.find((t) => t.startsWith('CPhT-Adv'));
        assert.match(adv, /^CPhT-Adv\s*1 of 4 certificates, \d+(\.\d)? of 3 years$/, `the standing in the issue's words; rows: ${JSON.stringify(rows)}`);
        await workbench.screenshot('career-1-view');
      } finally {
        for (const title of closed) await workbench.pane(title).locator('.pane-header').click();
      }

      await workbench.runCommand('Pharmacy CE: Open Dashboard');
      const section = workbench.webview().locator('section.career');
      await section.waitFor({ timeout: 30_000 });
      await section.locator('ol.ladder').waitFor({ timeout: 10_000 });
      assert.equal(await section.locator('svg.job-span').count(), 2, 'one timeline bar per job');
      const next = section.locator('.step.stage-next', { hasText: 'CPhT-Adv' });
      assert.equal(await next.count(), 1, 'the CPhT-Adv is the next step of the ladder');
      await section.scrollIntoViewIfNeeded();
      await workbench.screenshot('career-2-dashboard');
      await workbench.runCommand('View: Close All Editors');
    },
  };
}
