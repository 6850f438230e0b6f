// The printable professional portfolio (issue #14): the standalone page Export Portfolio writes next to the
// transcripts, and the same body and style inside VS Code's portfolio view. Built from the career model, the
// folder's CE evaluation and the `profile` of `.pharmacy-ce.json`. Every value from notes and the config is
// escaped and isolated with <bdi> (a right-to-left mark in a name cannot reorder the text around it).
import * as l10n from '@vscode/l10n';
import { formatHours } from '../common/numbers';
import { escapeHtml } from '../common/text';
import type { CareerModel, CareerProfile } from '../career/types';
import { EVENT_KINDS, RESPONSIBILITIES, WORK_SETTINGS, labelOf } from '../career/vocabulary';
import type { CalendarDate, CredentialProgress } from '../types';
import { yearsFigure } from './dashboard-career';
import { standalonePage } from './transcript-html';

export interface PortfolioInput {
  profile: CareerProfile;
  career: CareerModel;
  /** The folder's evaluation: each credential's current cycle. */
  progress: readonly CredentialProgress[];
  generated: CalendarDate;
}

/**
 * The page's style. On paper: black on white, each part from Experience on starting a page, rows and headings
 * kept whole. Long words (a pasted address) break instead of widening the page.
 */
export const PORTFOLIO_STYLE = `
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; background: #fff; margin: 2em; max-width: 60em; overflow-wrap: anywhere; }
  header { border-bottom: 2px solid #111; padding-bottom: .5em; margin-bottom: 1em; }
  h1 { font-size: 20pt; margin: 0; }
  .headline { font-size: 12pt; margin: .2em 0 0; color: #333; }
  h2 { font-size: 13pt; margin: 1.5em 0 .5em; border-bottom: 1px solid #999; }
  h3 { font-size: 11pt; margin: 1em 0 .2em; }
  table { border-collapse: collapse; width: 100%; font-size: 10pt; }
  th, td { border: 1px solid #999; padding: .25em .4em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #eee; }
  td.num, td.date { white-space: nowrap; }
  td.num { text-align: right; }
  .job { margin: 0 0 1em; }
  .job p { margin: .1em 0; }
  .muted { color: #444; }
  .empty { color: #444; font-style: italic; }
  footer { margin-top: 2em; font-size: 9pt; color: #333; }
  @page { size: letter portrait; margin: 2cm 1.8cm; }
  @media print {
    body { margin: 0; max-width: none; color: #000; background: #fff; }
    * { color: #000 !important; background: #fff !important; box-shadow: none !important; }
    button, .toolbar { display: none !important; }
    section.new-page { break-before: page; }
    h2, h3 { break-after: avoid; }
    tr, .job { break-inside: avoid; }
    thead { display: table-header-group; }
    th, td { border-color: #000; }
  }
`;

/** User text: escaped, and isolated so its direction cannot spill into the page. */
const u = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;
/** Our own words, translated: escaped too, since a translation may hold any character. */
const w = escapeHtml;
/** Years as every surface shows them (floored to one decimal); plain text, escaped where it is put in the page. */
const years = (value: number): string => (yearsFigure(value) === '1' ? l10n.t('1 year') : l10n.t('{0} years', yearsFigure(value)));

/** The page's title. */
export function portfolioTitle(input: PortfolioInput): string {
  const name = input.profile.name?.trim();
  return name ? l10n.t('Professional portfolio: {0}', name) : l10n.t('Professional portfolio');
}

/** The page's content (what goes inside `<body>`). */
export function portfolioBody(input: PortfolioInput): string {
  const { profile, career } = input;
  const name = profile.name?.trim();
  const headline = profile.headline?.trim();
  return `<header>
<h1>${name ? u(name) : `${w(l10n.t('Professional portfolio'))} <span class="muted">${w(l10n.t('(name not set)'))}</span>`}</h1>
${headline ? `<p class="headline">${u(headline)}</p>` : ''}
</header>
${credentialsSection(career)}
${certificatesSection(career)}
${ceSection(input.progress, career.asOf)}
${experienceSection(career)}
${networkSection(career)}
<footer>
<p>${w(l10n.t("As of {0}. Generated {1} by Pharmacy CE Notes from the holder's own notes; credentials and certificates can be verified with the body that awarded them.", career.asOf, input.generated))}</p>
</footer>`;
}

/** A table's head row: each heading translated and escaped. */
function head(...headings: string[]): string {
  return `<thead><tr>${headings.map((h) => `<th>${w(h)}</th>`).join('')}</tr></thead>`;
}

/** A table of rows, or the sentence saying there is nothing. */
function tableOr(headings: string[], rows: string[], empty: string): string {
  return rows.length > 0 ? `<table>\n${head(...headings)}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>` : `<p class="empty">${w(empty)}</p>`;
}

function credentialsSection(career: CareerModel): string {
  // The number column only when a credential has one (the credentials file has none to give).
  const numbered = career.held.some((h) => h.credentialNumber);
  const rows = career.held.map(
    (h) =>
      `<tr><td>${u(h.name)}</td>${numbered ? `<td>${h.credentialNumber ? u(h.credentialNumber) : ''}</td>` : ''}<td class="date">${escapeHtml(h.expires ?? '')}</td><td>${w(h.active ? l10n.t('Active') : l10n.t('Expired'))}</td></tr>`,
  );
  const headings = [l10n.t('Credential'), ...(numbered ? [l10n.t('Number')] : []), l10n.t('Expires'), l10n.t('Status')];
  return `<section class="credentials">
<h2>${w(l10n.t('Credentials'))}</h2>
${tableOr(headings, rows, l10n.t('No credentials recorded.'))}
</section>`;
}

function certificatesSection(career: CareerModel): string {
  const earned = career.certificates.filter((c) => c.status === 'earned' && c.kind !== 'certification');
  const working = career.certificates.filter((c) => c.status !== 'earned');
  const earnedRows = earned.map(
    (c) =>
      `<tr><td>${u(c.name)}</td><td class="date">${escapeHtml(c.earned ?? '')}</td><td>${c.credentialNumber ? u(c.credentialNumber) : ''}</td><td class="date">${escapeHtml(c.expires ?? '')}</td></tr>`,
  );
  const workingItems = working.map((c) => `<li>${u(c.name)} <span class="muted">(${w(c.status === 'planned' ? l10n.t('planned') : l10n.t('in progress'))})</span></li>`);
  return `<section class="certificates">
<h2>${w(l10n.t('Certificates'))}</h2>
${tableOr([l10n.t('Certificate'), l10n.t('Earned'), l10n.t('Number'), l10n.t('Expires')], earnedRows, l10n.t('No certificates earned yet.'))}
${workingItems.length > 0 ? `<h3>${w(l10n.t('Working toward'))}</h3>\n<ul>${workingItems.join('')}</ul>` : ''}
</section>`;
}

function ceSection(progress: readonly CredentialProgress[], asOf: CalendarDate): string {
  const rows = progress.map((p) => {
    const status = p.met ? l10n.t('Met') : asOf <= p.cycle.end ? l10n.t('Not yet met') : l10n.t('Not met');
    const cycle = l10n.t('{0} to {1}', p.cycle.start, p.cycle.end);
    const hours = l10n.t('{0} of {1}', formatHours(p.hours.earned), formatHours(p.hours.required));
    return `<tr><td>${u(p.credential.label)}</td><td class="date">${escapeHtml(cycle)}</td><td class="num">${escapeHtml(hours)}</td><td>${w(status)}</td></tr>`;
  });
  return `<section class="ce">
<h2>${w(l10n.t('Continuing education, current cycle'))}</h2>
${tableOr([l10n.t('Credential'), l10n.t('Cycle'), l10n.t('Hours'), l10n.t('Status')], rows, l10n.t('No credentials set up.'))}
</section>`;
}

function experienceSection(career: CareerModel): string {
  const { experience } = career;
  const jobs = [...experience.jobs].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const entries = jobs.map((j) => {
    const what = [j.role, j.employer].filter((s): s is string => !!s?.trim());
    const heading = what.length === 2 ? `${u(what[0])}, ${u(what[1])}` : what.length === 1 ? u(what[0]) : w(l10n.t('Job'));
    const span = j.current ? l10n.t('{0} to present', j.start) : l10n.t('{0} to {1}', j.start, j.end);
    const facts = [j.setting ? escapeHtml(labelOf(WORK_SETTINGS, j.setting)) : '', escapeHtml(span), j.hoursPerWeek ? w(l10n.t('{0} hours a week', formatHours(j.hoursPerWeek))) : ''].filter(Boolean);
    const duties = j.responsibilities.map((r) => `<li>${u(labelOf(RESPONSIBILITIES, r))}</li>`);
    return `<div class="job">\n<h3>${heading}</h3>\n<p class="muted">${facts.join(' · ')}</p>\n${duties.length > 0 ? `<ul>${duties.join('')}</ul>` : ''}\n</div>`;
  });
  const settings = experience.bySetting.map((s) => `${s.setting === 'unspecified' ? l10n.t('setting not given') : labelOf(WORK_SETTINGS, s.setting)}: ${years(s.years)}`);
  const summary =
    settings.length > 0
      ? l10n.t('{0} in pharmacy work ({1} within the last 8 years); {2}.', years(experience.years), years(experience.yearsWithinLast8), settings.join('; '))
      : l10n.t('{0} in pharmacy work ({1} within the last 8 years).', years(experience.years), years(experience.yearsWithinLast8));
  return `<section class="experience new-page">
<h2>${w(l10n.t('Experience'))}</h2>
${jobs.length > 0 ? `<p>${w(summary)}</p>\n${entries.join('\n')}` : `<p class="empty">${w(l10n.t('No jobs recorded.'))}</p>`}

</section>`;
}

function networkSection(career: CareerModel): string {
  const { events, memberships } = career.network;
  const eventRows = events.map(
    (e) => `<tr><td class="date">${escapeHtml(e.date)}</td><td>${u(e.title)}</td><td>${e.organization ? u(e.organization) : ''}</td><td>${e.event ? escapeHtml(labelOf(EVENT_KINDS, e.event)) : ''}</td></tr>`,
  );
  const memberRows = memberships.map((m) => `<tr><td>${u(m.organization)}</td><td class="date">${escapeHtml(m.since ?? '')}</td><td class="date">${escapeHtml(m.renews ?? '')}</td></tr>`);
  return `<section class="network new-page">
<h2>${w(l10n.t('Professional activities'))}</h2>
<h3>${w(l10n.t('Events'))}</h3>
${tableOr([l10n.t('Date'), l10n.t('Event'), l10n.t('Organization'), l10n.t('Kind')], eventRows, l10n.t('No events recorded this year or last.'))}
<h3>${w(l10n.t('Memberships'))}</h3>
${tableOr([l10n.t('Organization'), l10n.t('Member since'), l10n.t('Renews')], memberRows, l10n.t('No memberships recorded.'))}
</section>`;
}

/** A standalone, printable HTML page. No script, a CSP that forbids any, and every value escaped. */
export function portfolioHtml(input: PortfolioInput, language: string): string {
  return standalonePage(portfolioTitle(input), PORTFOLIO_STYLE, portfolioBody(input), language);
}
