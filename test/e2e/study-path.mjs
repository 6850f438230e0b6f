// The Study view and the dashboard's Study section as a person sees them (issue 13): a note with PTCE cards in
// the opened folder -> the Study view lists the PTCE with its readiness, the Medications domain with its
// weight and counts, the note and its cards -> the cards status bar item -> the dashboard's readiness ring.
// Screenshots: study-*.png in test-artifacts/e2e/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ACTIVITY_LABEL } from './person-path.mjs';

const NOTE = `---
title: Study view cards (e2e)
exam: ptce
domain: medications
---
# Study view cards

> **Q:** What is the generic name of Lipitor?
>
> **A:** Atorvastatin

Amlodipine :: a calcium channel blocker

Levothyroxine treats {{c1::hypothyroidism}}.
`;

/** The step, for run-e2e.mjs: it writes the note into the opened folder (a temp copy of the fixture). */
export function studyStep({ workspace }) {
  return {
    name: 'the Study view shows the PTCE, its domains with weights, the note and its cards; the dashboard shows the readiness ring',
    async run({ workbench }) {
      fs.mkdirSync(path.join(workspace, 'study'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'study', 'study-view-cards.md'), NOTE);
      await workbench.runCommand('View: Close All Editors');
      await workbench.openViewContainer(ACTIVITY_LABEL, 'Study');
      const pane = workbench.pane('Study');
      // The note reaches the index through the file watcher.
      const rows = await waitForRows(workbench, (r) => r.some((t) => /PTCE/.test(t) && /% ready/.test(t)) && r.some((t) => /^Medications \(35%\)/.test(t)));
      assert.ok(rows.some((t) => /^Federal Requirements \(18\.75%\)/.test(t)), `a row for each domain, with its weight; rows: ${JSON.stringify(rows)}`);
      // Open the Medications domain and the note: their cards show as one line each.
      await pane.locator('.monaco-list-row', { hasText: /^\s*Medications \(35%\)/ }).first().click();
      // The note's row opens the note on a click: its twistie opens the row instead.
      const note = pane.locator('.monaco-list-row', { hasText: 'Study view cards (e2e)' }).first();
      await note.waitFor({ timeout: 10_000 });
      await note.locator('.monaco-tl-twistie').click();
      const cards = await waitForRows(workbench, (r) => r.some((t) => t.includes('What is the generic name of Lipitor?')));
      assert.ok(cards.some((t) => /^Amlodipine\s*new$/.test(t)), `the term card with its state; rows: ${JSON.stringify(cards)}`);
      const statusItem = workbench.page.locator('.statusbar-item', { hasText: /cards? due|new cards?/ }).first();
      await statusItem.waitFor({ timeout: 10_000 });
      await workbench.screenshot('study-1-view');

      await workbench.runCommand('Pharmacy CE: Open Dashboard');
      const section = workbench.webview().locator('.study-cards');
      await section.waitFor({ timeout: 30_000 });
      const ring = section.locator('svg.ring[aria-label^="PTCE"]').first();
      await ring.waitFor({ timeout: 10_000 });
      assert.match((await ring.getAttribute('aria-label')) ?? '', /readiness: \d+%$/);
      await section.scrollIntoViewIfNeeded();
      await workbench.screenshot('study-2-dashboard');
    },
  };
}

async function waitForRows(workbench, predicate, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await workbench.treeRows('Study');
    if (predicate(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Study view did not show the rows; rows: ${JSON.stringify(rows)}`);
}
