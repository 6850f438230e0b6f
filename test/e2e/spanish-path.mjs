// VS Code in Spanish shows the extension in Spanish: the view names and welcome texts from package.nls.es.json,
// a tree label and the CE Dashboard from l10n/bundle.l10n.es.json. VS Code only takes a display language it
// has a language pack for, and none can be downloaded here: test/fixtures/language-pack-es is an empty one
// (it translates nothing in VS Code itself). Screenshots: spanish-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { copyFixture, installVsix, makeTempDir, repoRoot } from '../harness/lib.mjs';
import { ACTIVITY_LABEL } from './person-path.mjs';
import { withOwnWorkbench } from './workbench.mjs';

const PACK_ID = 'pharmacy-ce-tests.test-language-pack-es';

/** The step, for run-e2e.mjs: a server of its own, started with `--locale es`. */
export function spanishStep({ context, shotsDir, vsix, settings }) {
  return {
    name: 'VS Code in Spanish: views, a tree label and the dashboard in Spanish',
    // A second workbench loads beside the first: on a busy 2-core machine that alone took up to a minute.
    timeoutMs: 240_000,
    async run() {
      const tmp = makeTempDir('pharmacy-ce-e2e-es-');
      const workspace = copyFixture(path.join(tmp, 'workspace'));
      const pack = path.join(tmp, 'language-pack-es.vsix');
      await createVSIX({ cwd: path.join(repoRoot, 'test', 'fixtures', 'language-pack-es'), packagePath: pack, dependencies: false });
      installVsix(tmp, pack);
      installVsix(tmp, vsix);
      writeLanguagePacks(tmp);
      await withOwnWorkbench({ context, shotsDir, tmp, folder: workspace, settings, args: ['--locale', 'es'], label: ACTIVITY_LABEL, readyMs: 120_000 }, async (wb, page) => {
        await wb.openViewContainer(ACTIVITY_LABEL, 'Progreso');
        const headers = (await page.locator('.part.sidebar .pane-header .title').allInnerTexts()).map((t) => t.trim());
        assert.deepEqual(headers.slice(0, 4), ['Progreso', 'Notas', 'Estudio', 'Carrera'], 'the view names of package.nls.es.json');
        const rows = await wb.waitForTreeRows('Progreso', (r) => r.some((row) => row.startsWith('Notas contadas')), 60_000);
        assert.ok(rows.some((row) => row.startsWith('No contadas')), `a tree label from bundle.l10n.es.json: ${JSON.stringify(rows)}`);
        await page.mouse.move(900, 450);
        await wb.screenshot('spanish-1-views');
        // The command's title from package.nls.es.json, found in the palette by its Spanish name.
        await wb.runCommand('Pharmacy CE: Abrir panel');
        const heading = wb.webview().locator('.page-header h1');
        await heading.waitFor({ timeout: 30_000 });
        assert.equal((await heading.innerText()).trim(), 'Panel de CE');
        assert.equal(await wb.webview().locator('html').getAttribute('lang'), 'es');
        await wb.webview().locator('[data-credential="ptcb-cpht"]').waitFor({ timeout: 30_000 });
        await wb.screenshot('spanish-2-dashboard');
      });
    },
  };
}

/**
 * code-server resolves `--locale es` through languagepacks.json in the user data folder, which VS Code writes
 * only when its language-pack service first runs (after the workbench has started): written here, with the
 * entry VS Code would write for the installed pack, so the first start is already in Spanish.
 */
function writeLanguagePacks(tmp) {
  const dir = fs.readdirSync(path.join(tmp, 'ext')).find((d) => d.startsWith(`${PACK_ID}-`));
  assert.ok(dir, 'the Spanish test language pack is installed');
  const translations = path.join(tmp, 'ext', dir, 'translations', 'main.i18n.json');
  const entry = { hash: `${PACK_ID}-0.0.1`, extensions: [{ extensionIdentifier: { id: PACK_ID }, version: '0.0.1' }], translations: { vscode: translations }, label: 'español' };
  fs.writeFileSync(path.join(tmp, 'user', 'languagepacks.json'), JSON.stringify({ es: entry }));
}
