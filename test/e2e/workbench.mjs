// What a person does in the VS Code workbench, as Playwright moves on code-server's DOM. Selectors are the
// workbench's own (stable across 1.9x): the activity bar, the command palette's quick input, view panes,
// and webviews (an outer `iframe.webview.ready` hosting the content in `iframe#active-frame`).
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer } from '../harness/lib.mjs';

export class Workbench {
  constructor(page, shotsDir) {
    this.page = page;
    this.shotsDir = shotsDir;
    fs.mkdirSync(shotsDir, { recursive: true });
  }

  /** The shell is up and our view container's icon is in the activity bar (contributions come a bit later). */
  async waitReady(activityLabel, timeout = 60_000) {
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    await this.page.locator('.statusbar').waitFor({ timeout });
    await this.activityIcon(activityLabel).waitFor({ timeout });
  }

  activityIcon(label) {
    return this.page.locator(`.activitybar [aria-label^="${label}"]`).first();
  }

  /** F1, type the command's title, wait for it in the list, Enter: the palette as a person uses it. */
  async runCommand(title, timeout = 15_000) {
    await this.page.keyboard.press('Escape'); // close any quick input left open
    await this.closeDialog();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout });
    await input.fill(`>${title}`);
    try {
      await this.pick(title, timeout);
    } catch (error) {
      await this.screenshot(`fail-palette-${slug(title)}`);
      throw new Error(`"${title}" is not in the command palette: ${firstLine(error)}`);
    }
    await this.failOnDialog(`"${title}"`);
  }

  /**
   * A command that throws (or is not registered) shows a modal dialog, which would also block every later
   * click: read it, close it, and fail with its text.
   */
  async failOnDialog(what, waitMs = 2_000) {
    const dialog = this.page.locator('.monaco-dialog-box');
    try {
      await dialog.waitFor({ timeout: waitMs });
    } catch {
      return; // no dialog: the command ran
    }
    const text = (await dialog.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    await this.screenshot(`fail-dialog-${slug(what)}`);
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    throw new Error(`${what} showed an error dialog: ${text}`);
  }

  /** Closes a modal dialog left by an earlier failure, so it does not block this step too. */
  async closeDialog() {
    const dialog = this.page.locator('.monaco-dialog-box');
    if (await dialog.isVisible().catch(() => false)) {
      await this.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }

  /**
   * Clicks the quick-input row whose label is exactly `label`. Enter would take the first row, which is not
   * always the one meant ("Browse Color Themes in Marketplace" comes before "Color Theme").
   */
  async pick(label, timeout) {
    const name = this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) });
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: name }).first();
    await row.waitFor({ timeout });
    await row.click();
  }

  /** Opens our view container (clicking its icon toggles it, so only click when it is not showing). */
  async openViewContainer(label, paneTitle) {
    const pane = this.pane(paneTitle);
    if (!(await pane.isVisible().catch(() => false))) await this.activityIcon(label).click();
    await pane.waitFor({ timeout: 15_000 });
  }

  /** A view pane in the side bar by its title (`Progress`, `Notes`). */
  pane(title) {
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) }).first();
  }

  /** The visible rows of a tree view pane, as the text a person reads. */
  async treeRows(paneTitle) {
    return (await this.pane(paneTitle).locator('.pane-body .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The rows of a tree view pane once `predicate(rows)` holds (polled; the index reads new notes through the file watcher). */
  async waitForTreeRows(paneTitle, predicate, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let rows = [];
    while (Date.now() < deadline) {
      rows = await this.treeRows(paneTitle);
      if (predicate(rows)) return rows;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the ${paneTitle} view did not show the rows; rows: ${JSON.stringify(rows)}`);
  }

  /** The content document of the active webview editor. */
  webview() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** Notification texts (toasts are hidden in this mode; the notification centre still has them). */
  async notifications() {
    const center = this.page.locator('.notifications-center');
    // The command sometimes leaves the centre closed (seen once in a quiet CI run): ask again, a few times.
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('Notifications: Show Notifications');
      try {
        await center.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    const texts = await center.locator('.notification-list-item').allInnerTexts();
    await this.page.keyboard.press('Escape');
    return texts.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async screenshot(name) {
    const file = path.join(this.shotsDir, `${name}.png`);
    await this.page.screenshot({ path: file }).catch(() => {});
    return file;
  }
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

/**
 * Runs `body` in a workbench of its own: code-server on `folder` with the profile under `tmp` (the caller has
 * installed the extensions), a new page of the shared browser, ready once the activity bar shows `label`.
 * The page is closed and the server stopped whatever happens.
 */
export async function withOwnWorkbench({ context, shotsDir, tmp, folder, settings, args, label, readyMs, loadMs }, body) {
  const server = await startCodeServer({ tmp, folder, settings, args });
  const page = await context.newPage();
  try {
    await page.goto(server.workbenchUrl(), loadMs ? { timeout: loadMs } : undefined);
    const workbench = new Workbench(page, shotsDir);
    await workbench.waitReady(label, readyMs);
    return await body(workbench, page);
  } finally {
    await page.close();
    await server.stop();
  }
}
