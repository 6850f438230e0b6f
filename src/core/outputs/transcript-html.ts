// The printable transcript page: the standalone file Export Transcript writes, and the same body and style
// inside VS Code's transcript view. Every value from the notes is escaped.
import * as l10n from '@vscode/l10n';
import { htmlPage } from '../common/html-page';
import { formatHours } from '../common/numbers';
import { escapeHtml } from '../common/text';
import { topicLabel } from '../notes/topics';
import { audienceLabel, formatLabel, type Transcript } from './transcript';
import { verifyWith } from '../rules/rule-body';

/**
 * The page's style. Page numbers come from the `@page` margin boxes (Chromium 131+, so VS Code's view and
 * any current browser print them); older printers simply leave them out.
 */
export const TRANSCRIPT_STYLE = `
  body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; background: #fff; margin: 2em; }
  h1 { font-size: 18pt; margin: 0 0 .5em; }
  h2 { font-size: 13pt; margin: 1.5em 0 .5em; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
  th, td { border: 1px solid #999; padding: .25em .4em; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num { text-align: right; white-space: nowrap; }
  td.date { white-space: nowrap; }
  /* 13 columns must fit a narrow view and the page: long words and paths break when space runs out. */
  table.activities th, table.activities td { overflow-wrap: anywhere; }
  td.flags { color: #8a3b00; font-weight: 600; }
  tr.not-counted td { color: #555; font-style: italic; }
  .verify { border: 1px solid #b60; padding: .5em; }
  footer { margin-top: 2em; font-size: 9pt; color: #333; }
  @page {
    size: letter landscape;
    margin: 1.5cm 1.5cm 2cm;
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #333; }
  }
  @media print {
    body { margin: 0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`;

/** The page's content (what goes inside `<body>`). */
export function transcriptBody(t: Transcript): string {
  const e = escapeHtml;
  // "not met" beside a dashboard's "On track" reads as a failure: while the cycle runs it is "not yet met".
  const status = (met: boolean) => e(met ? l10n.t('met') : t.asOf <= t.cycle.end ? l10n.t('not yet met') : l10n.t('not met'));
  const requirementRows = t.requirements
    .map((r) => `<tr><td>${e(r.label)}</td><td class="num">${e(formatHours(r.earned))}</td><td class="num">${e(formatHours(r.required))}</td><td>${status(r.met)}</td></tr>`)
    .join('\n');
  const activityRows = t.rows
    .map(
      (r) =>
        `<tr${r.counted ? '' : ' class="not-counted"'}><td class="date">${e(r.completed ?? '')}</td><td>${e(r.title)}</td><td>${e(r.provider ?? '')}</td>` +
        `<td class="uan">${e(r.uan ?? '')}</td><td>${e(formatLabel(r.format))}</td><td>${e(audienceLabel(r.audience))}</td>` +
        `<td>${e(r.topics.map(topicLabel).join(', '))}</td><td class="num">${e(formatHours(r.hours))}</td><td>${e(r.certificate ?? '')}</td>` +
        `<td>${e(r.counted ? l10n.t('yes') : l10n.t('no'))}</td><td>${e(r.reason ?? '')}</td><td>${r.limits.map(e).join('<br>')}</td><td class="flags">${r.flags.map(e).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const limits = t.limits.map((l) => `<li>${e(l)}</li>`).join('');
  const errorRows = t.errorNotes.map((n) => `<tr><td>${e(n.title)}</td><td>${e(n.path)}</td><td>${e(n.reason)}</td></tr>`).join('\n');
  const caveats = t.caveats.map((c) => `<li>${e(c)}</li>`).join('');
  return `<header>
<h1>${e(l10n.t('Continuing education transcript'))}</h1>
<dl>
<dt>${e(l10n.t('Learner'))}</dt><dd>${e(t.learnerName || l10n.t('(name not set)'))}</dd>
<dt>${e(l10n.t('Credential'))}</dt><dd>${e(t.credential.label)}${t.credential.ruleSetName !== t.credential.label ? ` (${e(t.credential.ruleSetName)})` : ''}</dd>
<dt>${e(l10n.t('Cycle'))}</dt><dd>${e(l10n.t('{0} to {1}', t.cycle.start, t.cycle.end))}</dd>
<dt>${e(l10n.t('Hours'))}</dt><dd>${e(l10n.t('{0} of {1} required', formatHours(t.totals.earned), formatHours(t.totals.required)))} (${status(t.totals.met)}) ${e(l10n.t('as of {0}', t.asOf))}</dd>
</dl>
</header>
<section>
<h2>${e(l10n.t('Totals per requirement'))}</h2>
<table>
<thead><tr><th>${e(l10n.t('Requirement'))}</th><th>${e(l10n.t('Earned (h)'))}</th><th>${e(l10n.t('Required (h)'))}</th><th>${e(l10n.t('Status'))}</th></tr></thead>
<tbody>
<tr><td>${e(l10n.t('Total'))}</td><td class="num">${e(formatHours(t.totals.earned))}</td><td class="num">${e(formatHours(t.totals.required))}</td><td>${status(t.totals.met)}</td></tr>
${requirementRows}
</tbody>
</table>
${limits ? `<h2>${e(l10n.t('Limits that applied'))}</h2>\n<ul class="limits">${limits}</ul>` : ''}
</section>
<section>
<h2>${e(l10n.t('Activities'))}</h2>
<table class="activities">
<thead><tr>${activityHeadings().map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${activityRows || `<tr><td colspan="13">${e(l10n.t('No activities in this cycle.'))}</td></tr>`}
</tbody>
</table>
</section>
${errorRows ? `<section>
<h2>${e(l10n.t('Left out: notes with errors'))}</h2>
<p>${e(l10n.t('These notes are not in the figures above until their error is fixed.'))}</p>
<table class="errors">
<thead><tr><th>${e(l10n.t('Title'))}</th><th>${e(l10n.t('Note'))}</th><th>${e(l10n.t('Error'))}</th></tr></thead>
<tbody>
${errorRows}
</tbody>
</table>
</section>` : ''}
<footer>
${t.verify ? `<p class="verify">${e(l10n.t('Some values of this rule set are not verified against a primary source: {0}.', verifyWith({ id: t.credential.ruleSetId, source: t.source })))}</p>` : ''}
<p>${e(l10n.t('Rules: {0}, source {1}, as of {2}.', t.credential.ruleSetName, t.source, t.ruleAsOf))}</p>
${caveats ? `<ul>${caveats}</ul>` : ''}
<p>${e(l10n.t("Generated {0} by Pharmacy CE Notes from the learner's own notes. Keep each certificate: it is the evidence an audit asks for.", t.generated))}</p>
</footer>`;
}

/** The activity table's 13 column headings. */
function activityHeadings(): string[] {
  return [
    l10n.t('Completed'),
    l10n.t('Title'),
    l10n.t('Provider'),
    'UAN',
    l10n.t('Format'),
    l10n.t('Audience'),
    l10n.t('Topics'),
    l10n.t('Hours'),
    l10n.t('Certificate'),
    l10n.t('Counted'),
    l10n.t('Reason'),
    l10n.t('Limit'),
    l10n.t('To check'),
  ];
}

/** The page's title. */
export function transcriptTitle(t: Transcript): string {
  return l10n.t('CE transcript: {0}', t.credential.label);
}

/** A standalone, printable HTML page. No script, a CSP that forbids any, and every value escaped. */
export function transcriptHtml(t: Transcript, language: string): string {
  return standalonePage(transcriptTitle(t), TRANSCRIPT_STYLE, transcriptBody(t), language);
}

/**
 * A page written to a file (transcript, portfolio): `body` already escaped, no script, a CSP that forbids any.
 * `language` is the one its words are in (`en`, `es`), so a screen reader reads it right.
 */
export function standalonePage(title: string, style: string, body: string, language: string): string {
  return htmlPage({ language, title, style: { css: style }, body });
}
