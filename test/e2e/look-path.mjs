// How the extension looks and reads, in the real workbench: the dashboard in a 1,500 px window in the light
// and the dark theme (the cards use the width, the chart's text is readable, the text colours measure at
// least 4.5:1 as the browser renders them, "show the card" moves focus to the card), and the welcome views
// on an empty folder. Screenshots: look-*.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { installVsix, makeTempDir } from '../harness/lib.mjs';
import { ACTIVITY_LABEL } from './person-path.mjs';
import { withOwnWorkbench } from './workbench.mjs';

const WIDE = { width: 1500, height: 1000 };

/** The steps, for run-e2e.mjs: the welcome step starts a server of its own on an empty folder. */
export function lookSteps({ context, shotsDir, vsix, settings }) {
  return [
    {
      name: 'the dashboard at 1,500 px in the light theme: cards use the width, readable chart text, 4.5:1 text',
      async run({ workbench }) {
        await workbench.page.setViewportSize(WIDE);
        await showDashboard(workbench, 'light');
        await checkDashboard(workbench);
        await workbench.screenshot('look-1-dashboard-light-1500');
        await showNotCounted(workbench);
        await workbench.screenshot('look-2-dashboard-light-not-counted');
      },
    },
    {
      name: 'the dashboard at 1,500 px in the dark theme, and "show the card" moves focus to the card',
      async run({ workbench }) {
        await workbench.page.setViewportSize(WIDE);
        await showDashboard(workbench, 'dark');
        await checkDashboard(workbench);
        await workbench.webview().locator('body').evaluate(() => window.scrollTo(0, 0));
        await workbench.screenshot('look-3-dashboard-dark-1500');
        const show = workbench.webview().locator('button.show-card[data-show-credential="tx"]').first();
        assert.match((await show.getAttribute('aria-label')) ?? '', /^Show the Texas registration card$/);
        await show.focus();
        await workbench.page.keyboard.press('Enter');
        const focused = await waitFor(() => workbench.webview().locator('body').evaluate(() => {
          const el = document.activeElement;
          return el?.matches('article.card') ? el.getAttribute('data-credential') : el?.outerHTML.slice(0, 120);
        }), (v) => v === 'tx');
        assert.equal(focused, 'tx', 'focus is on the Texas registration card');
      },
    },
    {
      name: 'the welcome views on an empty folder',
      // A second workbench loads beside the first: on a busy 2-core machine that alone took up to a minute.
      timeoutMs: 180_000,
      async run() {
        const tmp = makeTempDir('pharmacy-ce-e2e-empty-');
        const folder = path.join(tmp, 'empty-folder');
        fs.mkdirSync(folder);
        installVsix(tmp, vsix);
        await withOwnWorkbench({ context, shotsDir, tmp, folder, settings, label: ACTIVITY_LABEL }, async (empty, page) => {
          await empty.openViewContainer(ACTIVITY_LABEL, 'Progress');
          // The welcome shows once the extension has looked at the folder (it is an empty element until then).
          const welcome = empty.pane('Progress').locator('.welcome-view-content');
          await welcome.locator('.monaco-button').first().waitFor({ timeout: 60_000 });
          // The activity-bar icon's tooltip would cover the first button: move the pointer off and let it go.
          await page.mouse.move(900, 450);
          await page.locator('.monaco-hover, .workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
          await empty.screenshot('look-4-welcome-empty-folder');
          assert.ok((await welcome.innerText()).trim().length > 0, 'the Progress view shows its welcome text');
        });
      },
    },
  ];
}

async function showDashboard(workbench, kind) {
  const isDark = await workbench.page.locator('.monaco-workbench.vs-dark').count() > 0;
  if (isDark !== (kind === 'dark')) await workbench.runCommand('Preferences: Toggle between Light/Dark Themes');
  await workbench.page.locator(kind === 'dark' ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs:not(.vs-dark)').waitFor({ timeout: 20_000 });
  if (!(await workbench.webview().locator('[data-credential="ptcb-cpht"]').isVisible().catch(() => false))) {
    await workbench.runCommand('Pharmacy CE: Open Dashboard');
  }
  await workbench.webview().locator(`body.vscode-${kind}`).waitFor({ timeout: 15_000 });
  await workbench.webview().locator('[data-credential="tx"]').waitFor({ timeout: 15_000 });
}

/** Measures, in the webview as rendered: card row width, chart text size, and each text's contrast. */
async function checkDashboard(workbench) {
  const facts = await workbench.webview().locator('body').evaluate(() => {
    const cards = document.querySelector('.cards').getBoundingClientRect();
    const lastInRow = [...document.querySelectorAll('.cards > .card')].map((c) => c.getBoundingClientRect()).filter((r) => r.top === document.querySelector('.cards > .card').getBoundingClientRect().top).pop();
    const axisPx = Math.min(...[...document.querySelectorAll('.x-axis span, .y-axis span')].map((el) => parseFloat(getComputedStyle(el).fontSize)));
    const parse = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const backgroundOf = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        if (c.length === 4 && c[3] > 0) return null; // a see-through background: not measured here
      }
      return [255, 255, 255];
    };
    const worst = [];
    for (const el of document.querySelectorAll('#root *')) {
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('');
      if (!text || el.getClientRects().length === 0 || el.closest('.visually-hidden')) continue;
      const fg = parse(getComputedStyle(el).color);
      const bg = backgroundOf(el);
      if (!bg || (fg.length === 4 && fg[3] < 1)) { worst.push({ text, ratio: 0, why: 'see-through colour' }); continue; }
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      worst.push({ text: text.slice(0, 40), cls: el.className?.baseVal ?? el.className, ratio: (hi + 0.05) / (lo + 0.05) });
    }
    worst.sort((a, b) => a.ratio - b.ratio);
    return { cardsRight: cards.right, rowRight: lastInRow.right, axisPx, worst: worst.slice(0, 3), measured: worst.length };
  });
  assert.ok(facts.cardsRight - facts.rowRight < 4, `the first row of cards reaches the right edge (${facts.rowRight} of ${facts.cardsRight} px)`);
  assert.ok(facts.axisPx >= 12, `chart axis text is ${facts.axisPx} px`);
  assert.ok(facts.measured > 50, `measured ${facts.measured} texts`);
  assert.ok(facts.worst[0].ratio >= 4.5, `lowest text contrast: ${JSON.stringify(facts.worst)}`);
}

/** Opens the first "Notes that do not count in full" list and scrolls it into view. */
async function showNotCounted(workbench) {
  const details = workbench.webview().locator('details.not-counted').first();
  await details.evaluate((d) => {
    d.open = true;
    d.scrollIntoView({ block: 'center' });
  });
}

async function waitFor(read, ok, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let value;
  while (Date.now() < deadline) {
    value = await read().catch(() => undefined);
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return value;
}
