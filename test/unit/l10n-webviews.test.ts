// The webviews' text is made in the extension host in the display language. The dashboard's renderer is its
// own script (dist/dashboard-render.js) with its own copy of @vscode/l10n, so the host hands it the bundle
// (useTranslations); here the test bundle shares one copy, as the web build does.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderDashboard, renderExcerpt, useTranslations } from '../../src/features/dashboard/render';
import { renderSummary, type ReviewRenderContext } from '../../src/features/review/render';

const ROOT = path.resolve(__dirname, '../../..');
const spanish = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
const review: ReviewRenderContext = { markdown: (text) => text, examName: (id) => id, domainName: (_exam, id) => id, formatMoment: (ms) => String(ms) };
const waiting = { formatDate: (d: string) => d, ready: false, trusted: true };

describe('l10n: webview text from the host', () => {
  afterEach(() => useTranslations({}));

  it('the dashboard and the review panel speak Spanish once the Spanish bundle is handed over', () => {
    useTranslations(spanish);
    assert.match(renderDashboard(undefined, waiting), /Leyendo sus notas…/);
    assert.match(renderExcerpt('![gráfico de horas](https://example.com/x.png)'), /\[imagen: gráfico de horas\]/);
    const summary = renderSummary({ mode: 'review', reviewed: 3, again: 1, now: 0 }, review);
    assert.match(summary, /Repaso terminado/);
    assert.match(summary, /3 tarjetas repasadas/);
    assert.match(summary, /1 tarjeta para ver otra vez \(Otra vez\)/);
  });

  it('an empty bundle (English, or no translation) is English again', () => {
    useTranslations(spanish);
    useTranslations({});
    assert.match(renderDashboard(undefined, waiting), /Reading your notes…/);
    assert.match(renderSummary({ mode: 'practice', reviewed: 1, again: 0, now: 0 }, review), /Practice exam finished/);
  });
});
