// The printable professional portfolio (issue #14): the standalone page Export Portfolio writes next to the
// transcripts, and the same body and style inside VS Code's portfolio view. Built from the career model, the
// folder's CE evaluation and the `profile` of `.pharmacy-ce.json`. Every value from notes and the config is
// escaped and isolated with <bdi> (a right-to-left mark in a name cannot reorder the text around it).
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
/** Years as every surface shows them (floored to one decimal). */
const years = (value: number): string => `${yearsFigure(value)} ${yearsFigure(value) === '1' ? 'year' : 'years'}`;

/** The page's title. */
export function portfolioTitle(input: PortfolioInput): string {
  const name = input.profile.name?.trim();
  return name ? `Professional portfolio: ${name}` : 'Professional portfolio';
}

/** The page's content (what goes inside `<body>`). */
export function portfolioBody(input: PortfolioInput): string {
  const { profile, career } = input;
  const name = profile.name?.trim();
  const headline = profile.headline?.trim();
  return `<header>
<h1>${name ? u(name) : 'Professional portfolio <span class="muted">(name not set)</span>'}</h1>
${headline ? `<p class="headline">${u(headline)}</p>` : ''}
</header>
${credentialsSection(career)}
${certificatesSection(career)}
${ceSection(input.progress, career.asOf)}
${experienceSection(career)}
${networkSection(career)}
<footer>
<p>As of ${escapeHtml(career.asOf)}. Generated ${escapeHtml(input.generated)} by Pharmacy CE Notes from the holder's own notes; credentials and certificates can be verified with the body that awarded them.</p>
</footer>`;
}

function credentialsSection(career: CareerModel): string {
  // The number column only when a credential has one (the credentials file has none to give).
  const numbered = career.held.some((h) => h.credentialNumber);
  const rows = career.held.map(
    (h) =>
      `<tr><td>${u(h.name)}</td>${numbered ? `<td>${h.credentialNumber ? u(h.credentialNumber) : ''}</td>` : ''}<td class="date">${escapeHtml(h.expires ?? '')}</td><td>${h.active ? 'Active' : 'Expired'}</td></tr>`,
  );
  return `<section class="credentials">
<h2>Credentials</h2>
${rows.length > 0 ? `<table>\n<thead><tr><th>Credential</th>${numbered ? '<th>Number</th>' : ''}<th>Expires</th><th>Status</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>` : '<p class="empty">No credentials recorded.</p>'}
</section>`;
}

function certificatesSection(career: CareerModel): string {
  const earned = career.certificates.filter((c) => c.status === 'earned' && c.kind !== 'certification');
  const working = career.certificates.filter((c) => c.status !== 'earned');
  const earnedRows = earned.map(
    (c) =>
      `<tr><td>${u(c.name)}</td><td class="date">${escapeHtml(c.earned ?? '')}</td><td>${c.credentialNumber ? u(c.credentialNumber) : ''}</td><td class="date">${escapeHtml(c.expires ?? '')}</td></tr>`,
  );
  const workingItems = working.map((c) => `<li>${u(c.name)} <span class="muted">(${c.status === 'planned' ? 'planned' : 'in progress'})</span></li>`);
  return `<section class="certificates">
<h2>Certificates</h2>
${earnedRows.length > 0 ? `<table>\n<thead><tr><th>Certificate</th><th>Earned</th><th>Number</th><th>Expires</th></tr></thead>\n<tbody>\n${earnedRows.join('\n')}\n</tbody>\n</table>` : '<p class="empty">No certificates earned yet.</p>'}
${workingItems.length > 0 ? `<h3>Working toward</h3>\n<ul>${workingItems.join('')}</ul>` : ''}
</section>`;
}

function ceSection(progress: readonly CredentialProgress[], asOf: CalendarDate): string {
  const rows = progress.map((p) => {
    const status = p.met ? 'Met' : asOf <= p.cycle.end ? 'Not yet met' : 'Not met';
    return `<tr><td>${u(p.credential.label)}</td><td class="date">${escapeHtml(p.cycle.start)} to ${escapeHtml(p.cycle.end)}</td><td class="num">${escapeHtml(formatHours(p.hours.earned))} of ${escapeHtml(formatHours(p.hours.required))}</td><td>${status}</td></tr>`;
  });
  return `<section class="ce">
<h2>Continuing education, current cycle</h2>
${rows.length > 0 ? `<table>\n<thead><tr><th>Credential</th><th>Cycle</th><th>Hours</th><th>Status</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>` : '<p class="empty">No credentials set up.</p>'}
</section>`;
}

function experienceSection(career: CareerModel): string {
  const { experience } = career;
  const jobs = [...experience.jobs].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const entries = jobs.map((j) => {
    const what = [j.role, j.employer].filter((s): s is string => !!s?.trim());
    const heading = what.length === 2 ? `${u(what[0])}, ${u(what[1])}` : what.length === 1 ? u(what[0]) : 'Job';
    const facts = [j.setting ? escapeHtml(labelOf(WORK_SETTINGS, j.setting)) : '', `${escapeHtml(j.start)} to ${j.current ? 'present' : escapeHtml(j.end)}`, j.hoursPerWeek ? `${escapeHtml(formatHours(j.hoursPerWeek))} hours a week` : ''].filter(Boolean);
    const duties = j.responsibilities.map((r) => `<li>${u(labelOf(RESPONSIBILITIES, r))}</li>`);
    return `<div class="job">\n<h3>${heading}</h3>\n<p class="muted">${facts.join(' · ')}</p>\n${duties.length > 0 ? `<ul>${duties.join('')}</ul>` : ''}\n</div>`;
  });
  const settings = experience.bySetting.map((s) => `${escapeHtml(s.setting === 'unspecified' ? 'setting not given' : labelOf(WORK_SETTINGS, s.setting))}: ${years(s.years)}`);
  return `<section class="experience new-page">
<h2>Experience</h2>
${jobs.length > 0 ? `<p>${years(experience.years)} in pharmacy work (${years(experience.yearsWithinLast8)} within the last 8 years)${settings.length > 0 ? `; ${settings.join('; ')}` : ''}.</p>\n${entries.join('\n')}` : '<p class="empty">No jobs recorded.</p>'}
</section>`;
}

function networkSection(career: CareerModel): string {
  const { events, memberships } = career.network;
  const eventRows = events.map(
    (e) => `<tr><td class="date">${escapeHtml(e.date)}</td><td>${u(e.title)}</td><td>${e.organization ? u(e.organization) : ''}</td><td>${e.event ? escapeHtml(labelOf(EVENT_KINDS, e.event)) : ''}</td></tr>`,
  );
  const memberRows = memberships.map((m) => `<tr><td>${u(m.organization)}</td><td class="date">${escapeHtml(m.since ?? '')}</td><td class="date">${escapeHtml(m.renews ?? '')}</td></tr>`);
  return `<section class="network new-page">
<h2>Professional activities</h2>
<h3>Events</h3>
${eventRows.length > 0 ? `<table>\n<thead><tr><th>Date</th><th>Event</th><th>Organization</th><th>Kind</th></tr></thead>\n<tbody>\n${eventRows.join('\n')}\n</tbody>\n</table>` : '<p class="empty">No events recorded this year or last.</p>'}
<h3>Memberships</h3>
${memberRows.length > 0 ? `<table>\n<thead><tr><th>Organization</th><th>Member since</th><th>Renews</th></tr></thead>\n<tbody>\n${memberRows.join('\n')}\n</tbody>\n</table>` : '<p class="empty">No memberships recorded.</p>'}
</section>`;
}

/** A standalone, printable HTML page. No script, a CSP that forbids any, and every value escaped. */
export function portfolioHtml(input: PortfolioInput): string {
  return standalonePage(portfolioTitle(input), PORTFOLIO_STYLE, portfolioBody(input));
}
