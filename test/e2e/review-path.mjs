// A review as a person does it (issue 13): a note with cards in the opened folder -> "Pharmacy CE: Start
// Review" from the palette -> the question shows -> Space shows the answer -> 3 (Good) grades it and the next
// card shows -> Ctrl+Z takes the grade back. Screenshots: review-*.png in test-artifacts/e2e/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const NOTE = `---
title: Top drugs (e2e)
exam: ptce
domain: medications
---
# Top drugs

> **Q:** What is the brand name of lisinopril?
>
> **A:** Zestril (also Prinivil)

> **Q:** Which drug class does metoprolol belong to?
>
> **A:** Beta blockers

Warfarin :: an anticoagulant (vitamin K antagonist)
`;

/** The step, for run-e2e.mjs: it writes the note into the opened folder (a temp copy of the fixture). */
export function reviewStep({ workspace }) {
  return {
    name: '"Pharmacy CE: Start Review" shows a card; Space shows the answer; 3 grades it Good and the next card shows; Ctrl+Z takes it back',
    async run({ workbench }) {
      const page = workbench.page;
      fs.mkdirSync(path.join(workspace, 'study'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'study', 'top-drugs.md'), NOTE);
      await workbench.runCommand('View: Close All Editors');
      // The note reaches the index through the file watcher: try again until the review has cards.
      const view = workbench.webview();
      for (let attempt = 1; ; attempt++) {
        await workbench.runCommand('Pharmacy CE: Start Review');
        try {
          await view.locator('#show-answer').waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 6) throw new Error(`no card in the review panel: ${String(error?.message ?? error).split('\n')[0]}`);
        }
      }
      // The folder holds other steps' cards too (the preview's note): the queue's order decides which comes first.
      const front = view.locator('#front');
      await front.waitFor({ timeout: 10_000 });
      const first = (await front.innerText()).trim();
      assert.ok(first.length > 0, 'the question shows');
      assert.equal(await view.locator('#answer').isVisible(), false, 'the answer is hidden first');
      await workbench.screenshot('review-1-question');

      // Into the panel, as a person clicks on it, then only keys.
      await front.click();
      await page.keyboard.press('Space');
      await view.locator('#answer').waitFor({ state: 'visible', timeout: 5_000 });
      assert.ok((await view.locator('#answer').innerText()).trim().length > 0, 'the answer shows');
      const good = view.locator('button.grade[data-rating="3"]');
      assert.match(await good.getAttribute('aria-label'), /^Good, next review in \d+ (min|hours?|days?)$/);
      await workbench.screenshot('review-2-answer');

      await page.keyboard.press('3');
      await view.locator('#front').filter({ hasNotText: first }).waitFor({ timeout: 5_000 });
      assert.equal(await view.locator('#answer').isVisible(), false, 'the next card starts with its answer hidden');
      assert.equal(await view.locator('#undo').isDisabled(), false, 'undo is offered after a grade');
      await workbench.screenshot('review-3-next-card');

      // Ctrl+Z inside the panel takes the grade back: the first card shows again.
      await page.keyboard.press('Control+z');
      await view.locator('#front', { hasText: first }).waitFor({ timeout: 5_000 });
      await view.locator('#notice', { hasText: 'Grade taken back' }).waitFor({ timeout: 5_000 });

      // End review: the summary, with focus on its heading.
      await view.locator('#finish').click();
      await view.locator('#summary-title', { hasText: 'Review finished' }).waitFor({ timeout: 5_000 });
      await workbench.screenshot('review-4-summary');
    },
  };
}
