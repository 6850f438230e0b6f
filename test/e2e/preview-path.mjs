// VS Code's own Markdown preview with the extension's card plugin, as a person sees it: a note with a CE
// summary, a question card and a cloze, opened with "Markdown: Open Preview". The answer stays behind its
// "Show answer" disclosure until clicked; the cloze shows as a blank. Screenshots: preview-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const NOTE = 'preview-study-card.md';
const TEXT = [
  '---',
  'title: Controlled substances refresher',
  'ce_hours: 1.5',
  'topics: [law]',
  'uan: 0145-0000-26-101-H03-T',
  'completed: 2026-11-20',
  '---',
  '# Controlled substances refresher',
  '',
  '> **Q:** Which DEA form is used to order Schedule I and II drugs?',
  '>',
  '> **A:** DEA Form 222 (or its electronic version, CSOS).',
  '',
  '- A Schedule II prescription may have {{c1::no refills}}.',
  '',
].join('\n');

/** The step, for run-e2e.mjs: it writes one note into the temp workspace copy (run after the steps that count notes). */
export function previewStep({ workspace }) {
  return {
    name: 'the built-in Markdown preview shows a card with its answer hidden, a cloze as a blank and the CE summary',
    async run({ workbench }) {
      fs.writeFileSync(path.join(workspace, NOTE), TEXT);
      await workbench.runCommand('View: Close All Editors');
      // Quick Open without the `>`: the file by its name.
      await workbench.page.keyboard.press('F1');
      const input = workbench.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill(NOTE);
      await workbench.pick(NOTE, 30_000);
      await workbench.page.locator(`.tab[aria-label^="${NOTE}"]`).first().waitFor({ timeout: 15_000 });
      await workbench.runCommand('Markdown: Open Preview');
      const preview = workbench.webview();
      const details = preview.locator('details.pce-answer');
      await details.waitFor({ timeout: 30_000 });
      assert.equal(await details.evaluate((el) => el.open), false, 'the answer starts hidden');
      assert.equal(await preview.locator('details.pce-answer >> text=DEA Form 222').isVisible(), false, 'the answer text is not shown');
      assert.equal((await preview.locator('.pce-cloze').innerText()).trim(), '[...]');
      assert.match(await preview.locator('.pce-note-summary').innerText(), /Contact hours\s*1\.5 h/);
      await workbench.screenshot('preview-1-card-answer-hidden');
      await details.locator('summary').click();
      await preview.locator('details.pce-answer >> text=DEA Form 222').waitFor({ timeout: 10_000 });
      await workbench.screenshot('preview-2-answer-shown');
    },
  };
}
