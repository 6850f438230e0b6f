// Turns the dashboard model into the HTML the webview shows. Runs in the extension host, so the webview
// never builds markup from note text: every string from a note or a config is escaped here, and note
// excerpts go through markdown-it with raw HTML off and only http(s)/mailto links kept. No `vscode`
// import (its words come through @vscode/l10n, given the bundle by useTranslations), so this is unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { l10nJsonFormat } from '@vscode/l10n';
import MarkdownIt from 'markdown-it';
import type {
  ActionItem,
  CredentialCard,
  DashboardModel,
  FolderModel,
  NoteRef,
  RecentNote,
  TimelinePoint,
} from '../../core/outputs/dashboard-model';
import { NO_TOPIC, OTHER_TOPICS } from '../../core/outputs/dashboard-model';
import { daysBetween } from '../../core/common/dates';
import { formatHours as h, roundHours, roundTo } from '../../core/common/numbers';
import { plural } from '../../core/common/plural';
import { escapeHtml as e } from '../../core/common/text';
import { credentialStanding, nextDeadline } from '../../core/rules/standing';
import type { CalendarDate, Format } from '../../core/types';
import { bar, ring } from './svg';
import { renderStudySection } from './render-study';
import { renderCareerSection } from './render-career';
import { verifyWith } from '../../core/rules/rule-body';

export interface RenderContext {
  formatDate(date: CalendarDate): string;
  /** False while the index is still reading notes. */
  ready: boolean;
  /** Commands that write files are offered only in a trusted workspace. */
  trusted: boolean;
}

/** What every part of one page needs: names repeated per folder say which folder when there are several. */
interface PageContext extends RenderContext {
  multiRoot: boolean;
  asOf: CalendarDate;
}

const MAX_EXCERPT = 800;
const MAX_LISTED_NOTES = 10;
const MAX_NOT_COUNTED = 30;
const SOON_DAYS = 60;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Every link and image is parsed (so `![alt](x)` is an image, never "!" and a link); the rules below keep only
// web and mail links (others show their text) and draw an image as its alt text, so nothing is fetched.
markdown.validateLink = () => true;
const isAllowedLink = (href: string) => /^(https?:\/\/|mailto:)/i.test(href.trim());
const defaultLinkOpen = markdown.renderer.rules.link_open;
const defaultLinkClose = markdown.renderer.rules.link_close;
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const link = tokens[idx];
  if (!isAllowedLink(link.attrGet('href') ?? '')) {
    // Links do not nest: the next close is this link's.
    const close = tokens.findIndex((tok, i) => i > idx && tok.type === 'link_close');
    if (close !== -1) tokens[close].meta = { dropped: true };
    return '';
  }
  link.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen ? defaultLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};
markdown.renderer.rules.link_close = (tokens, idx, options, env, self) => {
  if (tokens[idx].meta?.dropped) return '';
  return defaultLinkClose ? defaultLinkClose(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  // The alt text as CommonMark defines it (the label's text without its markup).
  const alt = self.renderInlineAsText(tokens[idx].children ?? [], options, env).trim();
  return `<span class="image-alt">${e(alt ? l10n.t('[image: {0}]', alt) : l10n.t('[image]'))}</span>`;
};

/** A note's Markdown excerpt as safe HTML: no raw HTML, images as their alt text, links only to the web or mail. */
export function renderExcerpt(text: string): string {
  const source = text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT)}…` : text;
  return markdown.render(source);
}

/** A study card's side (question or answer) as safe HTML, by the same rules as the excerpts, never cut short. */
export function renderCardMarkdown(text: string): string {
  return markdown.render(text);
}

/**
 * This file is built as its own script (dist/dashboard-render.js) with its own copy of @vscode/l10n: the host
 * hands it VS Code's bundle when it loads it (withDisplayLanguage).
 */
export function useTranslations(contents: l10nJsonFormat): void {
  l10n.config({ contents });
}

export function renderDashboard(model: DashboardModel | undefined, context: RenderContext): string {
  if (!context.ready || !model) return `<p class="empty" role="status">${e(l10n.t('Reading your notes…'))}</p>`;
  if (model.folders.length === 0) return `<p class="empty">${e(l10n.t('Open a folder of CE notes to see your progress.'))}</p>`;
  const ctx: PageContext = { ...context, multiRoot: model.folders.length > 1, asOf: model.asOf };
  const header = `<header class="page-header"><h1>${e(l10n.t('CE Dashboard'))}</h1><p class="as-of">${e(l10n.t('Figures as of {0}', ctx.formatDate(model.asOf)))}</p></header>`;
  return header + model.folders.map((f, i) => renderFolder(f, i, ctx)).join('');
}

function renderFolder(f: FolderModel, index: number, ctx: PageContext): string {
  const id = `folder-${index}`;
  const heading = ctx.multiRoot ? `<h2 id="${id}" class="folder-name">${e(f.name)}</h2>` : `<h2 id="${id}" class="visually-hidden">${e(f.name)}</h2>`;
  const cards = f.credentials.length > 0
    ? f.credentials.map((c, i) => renderCard(c, f, `${id}-cred-${i}`, ctx)).join('')
    : `<p class="empty">${e(l10n.t('No credentials to show for this folder.'))}</p>`;
  return `<section class="folder" data-folder="${e(f.key)}" aria-labelledby="${id}">${heading}
${renderActions(f, `${id}-actions`, ctx)}
<div class="cards">${cards}</div>
${f.studyCards ? renderStudySection(f.studyCards, f, `${id}-study`, ctx) : ''}
${f.career ? renderCareerSection(f.career, f, `${id}-career`, ctx) : ''}
<div class="columns">${renderRecent(f, ctx)}${renderStudy(f)}</div>
</section>`;
}

// ---- Action list -------------------------------------------------------------------------------------

function renderActions(f: FolderModel, headingId: string, ctx: PageContext): string {
  const body = f.actions.length === 0
    ? `<p class="all-done">${e(l10n.t('Nothing to do right now: every requirement is met and nothing needs checking.'))}</p>`
    : `<ol class="action-list">${f.actions.map((a) => `<li class="action ${urgencyClass(a)}">${renderAction(a, f, ctx)}</li>`).join('')}</ol>`;
  return `<section class="actions" aria-labelledby="${headingId}"><h3 id="${headingId}">${e(l10n.t('Next steps'))}</h3>${body}</section>`;
}

function urgencyClass(a: ActionItem): string {
  if (!('daysLeft' in a)) return a.kind === 'errors' || a.kind === 'set-up' ? 'urgency-attention' : 'urgency-info';
  if (a.daysLeft < 0) return 'urgency-overdue';
  // 60 days: PTCB opens renewal 60 days before expiry, and the evaluation calls a credential at risk then.
  return a.daysLeft <= SOON_DAYS ? 'urgency-soon' : 'urgency-later';
}

function renderAction(a: ActionItem, f: FolderModel, ctx: PageContext): string {
  const date = (d: CalendarDate) => ctx.formatDate(d);
  switch (a.kind) {
    case 'set-up': {
      const text = e(l10n.t('No credentials are set up for this folder yet: the default PTCB CPhT two-year cycle is shown. Set up your own credentials and cycle dates.'));
      // In a multi-root window each folder has this button: its name says which folder it sets up.
      const name = ctx.multiRoot ? ` aria-label="${e(l10n.t('Set Up Credentials for {0}', f.name))}"` : '';
      const button = ctx.trusted ? ` <button class="inline-button" data-command="setUpCredentials" data-folder="${e(f.key)}"${name}>${e(l10n.t('Set Up Credentials'))}</button>` : '';
      return text + button;
    }
    case 'requirement':
      return showCard(a.credentialId, a.credential, f, ctx) + e(a.daysLeft < 0
        ? l10n.t('{0} h of {1} still missing for {2}: the cycle ended {3}.', h(a.hours), a.requirement, a.credential, date(a.deadline))
        : plural(a.daysLeft,
          l10n.t('{0} h of {1} needed for {2} by {3} (1 day left).', h(a.hours), a.requirement, a.credential, date(a.deadline)),
          l10n.t('{0} h of {1} needed for {2} by {3} ({4} days left).', h(a.hours), a.requirement, a.credential, date(a.deadline), a.daysLeft)));
    case 'total':
      return showCard(a.credentialId, a.credential, f, ctx) + e(a.daysLeft < 0
        ? l10n.t('{0} h more were needed for {1}: the cycle ended {2}.', h(a.hours), a.credential, date(a.deadline))
        : l10n.t('{0} h more needed for {1} by {2}: about {3} h per month.', h(a.hours), a.credential, date(a.deadline), h(roundTo(a.pacePerMonth, 1))));
    case 'cpe-monitor':
      return e(a.notes.length === 1
        ? l10n.t('1 ACPE activity completed more than {0} days ago is not yet marked as seen in NABP CPE Monitor. Check CPE Monitor; if the credit is not there, contact the provider now: they can report it only until {1}.', a.reminderDays, date(a.deadline))
        : l10n.t('{0} ACPE activities completed more than {1} days ago are not yet marked as seen in NABP CPE Monitor. Check CPE Monitor; if the credit is not there, contact the provider now: they can report it only within 60 days (the first until {2}).', a.notes.length, a.reminderDays, date(a.deadline)))
        + noteList(a.notes, f);
    case 'cpe-monitor-closed':
      return e(a.notes.length === 1
        ? l10n.t('1 counted ACPE activity is more than 60 days old and not marked as seen in NABP CPE Monitor: the window to report it has closed, and late reporting is not possible. Check that the credit is in CPE Monitor (PTCB checks it there); if it is missing, ask the provider and keep the certificate.')
        : l10n.t('{0} counted ACPE activities are more than 60 days old and not marked as seen in NABP CPE Monitor: the window to report them has closed, and late reporting is not possible. Check that the credit is in CPE Monitor (PTCB checks it there); if it is missing, ask the provider and keep the certificate.', a.notes.length))
        + noteList(a.notes, f);
    case 'certificate-missing':
      return e(a.notes.length === 1 ? l10n.t('Certificate missing for 1 note.') : l10n.t('Certificate missing for {0} notes.', a.notes.length)) + noteList(a.notes, f);
    case 'errors': {
      const parts: string[] = [];
      if (a.notes.length > 0) parts.push(e(a.notes.length === 1 ? l10n.t('1 note has errors and does not count until fixed.') : l10n.t('{0} notes have errors and do not count until fixed.', a.notes.length)));
      if (a.configErrors > 0) {
        parts.push(e(plural(a.configErrors,
          l10n.t('Your credentials file (.pharmacy-ce.json) has 1 error: see the Problems panel.'),
          l10n.t('Your credentials file (.pharmacy-ce.json) has {0} errors: see the Problems panel.', a.configErrors))));
      }
      return parts.join(' ') + noteList(a.notes, f);
    }
  }
}

/**
 * A small button that scrolls to the credential's card (handled in the webview, no host round trip). Its
 * name says which card: a screen reader lists every "show" button of the page by name alone.
 */
function showCard(credentialId: string, credential: string, f: FolderModel, ctx: PageContext): string {
  const name = ctx.multiRoot ? l10n.t('Show the {0} card of {1}', credential, f.name) : l10n.t('Show the {0} card', credential);
  return `<button class="link show-card" data-show-credential="${e(credentialId)}" data-folder="${e(f.key)}" aria-label="${e(name)}" title="${e(name)}">↓</button> `;
}

/** Notes an action names, as buttons that open them; a long list is cut so one bad import cannot flood the page. */
function noteList(notes: readonly NoteRef[], f: FolderModel): string {
  if (notes.length === 0) return '';
  const shown = notes.slice(0, MAX_LISTED_NOTES);
  const items = shown.map((n) => `<li data-key="ref:${e(f.key)}:${e(n.path)}"><button class="link" ${noteData(f, n.path)} title="${e(n.path)}">${e(n.title)}</button></li>`);
  if (notes.length > shown.length) items.push(`<li class="more">${e(l10n.t('and {0} more (see the Problems panel and the Notes view)', notes.length - shown.length))}</li>`);
  return `<ul class="note-refs">${items.join('')}</ul>`;
}

function noteData(f: FolderModel, path: string): string {
  return `data-open-note data-folder="${e(f.key)}" data-path="${e(path)}"`;
}

// ---- Credential cards ----------------------------------------------------------------------------------

function renderCard(c: CredentialCard, f: FolderModel, titleId: string, ctx: PageContext): string {
  // The ring and the state text come from the one core decision, so neither can read done while a requirement is missing.
  const { percent, text: stateLabel } = credentialStanding({ ...c, hours: { required: c.required, remaining: c.remaining } });
  const deadline = nextDeadline(c.cycle);
  const ago = (n: number) => plural(n, l10n.t('ended 1 day ago'), l10n.t('ended {0} days ago', n));
  const left = (n: number) => plural(n, l10n.t('1 day left'), l10n.t('{0} days left', n));
  const days = deadline.apply
    ? deadline.daysLeft < 0
      ? plural(-deadline.daysLeft, l10n.t('apply by {0}: the deadline passed 1 day ago', ctx.formatDate(deadline.date)), l10n.t('apply by {0}: the deadline passed {1} days ago', ctx.formatDate(deadline.date), -deadline.daysLeft))
      : plural(deadline.daysLeft, l10n.t('apply by {0}: 1 day left', ctx.formatDate(deadline.date)), l10n.t('apply by {0}: {1} days left', ctx.formatDate(deadline.date), deadline.daysLeft))
    : c.cycle.daysLeft < 0 ? ago(-c.cycle.daysLeft) : left(c.cycle.daysLeft);
  const pace = c.met ? l10n.t('Total met') : c.cycle.daysLeft < 0 ? l10n.t('Cycle ended') : l10n.t('{0} h per month needed', h(roundTo(c.pacePerMonth, 1)));
  const requirements = c.requirements.length === 0 ? '' : `<ul class="requirements">${c.requirements.map((r) => {
    const status = r.met ? l10n.t('met') : l10n.t('{0} h missing', h(r.remaining));
    const label = `${r.label}${r.countsTowardTotal ? '' : ` ${l10n.t('(not part of the total)')}`}`;
    return `<li class="requirement ${r.met ? 'is-met' : 'is-missing'}"><span class="req-label">${e(label)}</span>` +
      `<span class="req-figure">${e(l10n.t('{0} / {1} h', h(r.earned), h(r.required)))} · <span class="req-status">${e(status)}</span></span>` +
      bar(r.earned, r.required, plural(roundHours(r.required),
        l10n.t('{0}: {1} of 1 hour, {2}', r.label, h(r.earned), status),
        l10n.t('{0}: {1} of {2} hours, {3}', r.label, h(r.earned), h(r.required), status)), r.met) + '</li>';
  }).join('')}</ul>`;
  const limits = c.limits.length === 0 ? '' : `<ul class="limits">${c.limits.map((l) => `<li>${e(l.maxHours <= 0
    ? l10n.t('{0}: {1} h recorded, not accepted.', l.label, h(l.matched))
    : l10n.t('{0}: {1} h recorded, {2} h count (at most {3} h).', l.label, h(l.matched), h(l.applied), h(l.maxHours)))}</li>`).join('')}</ul>`;
  const notCounted = c.notCounted.length === 0 ? '' : `<details class="not-counted" data-key="details:${e(f.key)}:${e(c.id)}:not-counted"><summary>${e(l10n.t('Notes that do not count in full ({0})', c.notCounted.length))}</summary><ul class="not-counted-list">${c.notCounted.slice(0, MAX_NOT_COUNTED).map((n) => `<li><button class="link" ${noteData(f, n.path)}>${e(n.title)}</button><span class="visually-hidden">: </span><span class="reason">${e(n.reason)}</span></li>`).join('')}${c.notCounted.length > MAX_NOT_COUNTED ? `<li class="more">${e(l10n.t('and {0} more: the exported transcript lists every note with its reason', c.notCounted.length - MAX_NOT_COUNTED))}</li>` : ''}</ul></details>`;
  const verify = c.verify ? `<p class="verify">${e(l10n.t('Some values of this rule set are not verified against a primary source: {0}.', verifyWith({ id: c.ruleSetId, source: c.source })))}</p>` : '';
  const caveats = c.caveats.length === 0 ? '' : `<ul class="caveats">${c.caveats.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
  const source = sourceHtml(c.source);
  // The name starts with the visible text (so speech input finds it) and says which credential, and which folder
  // when there are several: every card has this button.
  const exportName = ctx.multiRoot ? l10n.t('Export Transcript for {0} in {1}', c.label, f.name) : l10n.t('Export Transcript for {0}', c.label);
  const exportButton = ctx.trusted ? `<button class="inline-button" data-command="exportTranscript" data-folder="${e(f.key)}" data-credential-id="${e(c.id)}" aria-label="${e(exportName)}">${e(l10n.t('Export Transcript'))}</button>` : '';
  return `<article class="card state-${e(c.state)}" data-credential="${e(c.id)}" data-folder="${e(f.key)}" data-key="credential:${e(f.key)}:${e(c.id)}" tabindex="-1" aria-labelledby="${titleId}">
<header class="card-header"><h3 id="${titleId}">${e(c.label)}</h3>${c.ruleSetName !== c.label ? `<span class="rule-set">${e(c.ruleSetName)}</span>` : ''}</header>
<div class="total">${ring(percent, plural(roundHours(c.required),
    l10n.t('{0}: {1} of 1 hour ({2}%)', c.label, h(c.earned), percent),
    l10n.t('{0}: {1} of {2} hours ({3}%)', c.label, h(c.earned), h(c.required), percent)))}
<div class="total-text"><p class="hours"><strong>${e(l10n.t('{0} / {1} h', h(c.earned), h(c.required)))}</strong></p><p class="state">${e(stateLabel)}${c.behindPace && !c.met ? ` · ${e(l10n.t('behind pace'))}` : ''}</p></div></div>
<dl class="facts">
<dt>${e(l10n.t('Cycle'))}</dt><dd>${e(l10n.t('{0} to {1}', ctx.formatDate(c.cycle.start), ctx.formatDate(c.cycle.end)))}</dd>
<dt>${e(l10n.t('Time'))}</dt><dd>${e(days)}</dd>
<dt>${e(l10n.t('Pace'))}</dt><dd>${e(pace)}</dd>
</dl>
${requirements}${limits}
${renderTimeline(c, ctx)}
${renderBreakdown(c, f)}
${notCounted}
<footer class="source"><p>${e(l10n.t('Rules: {0}, as of {1}. Source:', c.ruleSetName, ctx.formatDate(c.ruleAsOf)))} ${source}</p>${verify}${caveats}${exportButton}</footer>
</article>`;
}

/** A rule's source as text, its leading https address (if any) as a link. */
function sourceHtml(source: string): string {
  const m = /^(https:\/\/[^\s"'<>]+)([\s\S]*)$/.exec(source);
  return m ? `<a href="${e(m[1])}" rel="noopener noreferrer">${e(m[1])}</a>${e(m[2])}` : e(source);
}

// The chart's drawing units. It is stretched to the card's width (preserveAspectRatio="none", strokes that do
// not scale), so its axis labels are HTML beside it: text inside a scaled SVG shrinks with a narrow card.
const W = 300;
const H = 100;
const PAD = 2;

/** Cumulative counted hours as a step line, the straight pace line to the required total, and today. */
function renderTimeline(c: CredentialCard, ctx: PageContext): string {
  const total = Math.max(1, c.cycle.daysTotal || daysBetween(c.cycle.start, c.cycle.end));
  const top = Math.max(c.required, c.earned, 1);
  const x = (date: CalendarDate) => PAD + (Math.max(0, Math.min(total, daysBetween(c.cycle.start, date))) / total) * (W - 2 * PAD);
  const y = (hours: number) => H - PAD - (hours / top) * (H - 2 * PAD);
  const steps = stepPath(c.timeline, x, y);
  const last = c.timeline[c.timeline.length - 1];
  const todayX = x(last.date);
  // The pace line reaches the total on the day the hours are due: the deadline to apply where there is one.
  const dueBy = nextDeadline(c.cycle).date;
  const label = l10n.t('Timeline of {0}: {1} h earned by {2}; the pace line rises from 0 h on {3} to {4} h on {5}.',
    c.label, h(c.earned), ctx.formatDate(last.date), ctx.formatDate(c.cycle.start), h(c.required), ctx.formatDate(dueBy));
  // The axis labels repeat what the chart's name says, so screen readers skip them.
  return `<figure class="timeline"><div class="chart">
<div class="y-axis" aria-hidden="true"><span>${e(l10n.t('{0} h', h(top)))}</span><span>${e(l10n.t('{0} h', 0))}</span></div>
<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${e(label)}">
<line class="axis" x1="0" y1="${H - PAD}" x2="${W}" y2="${H - PAD}"/>
<line class="axis" x1="${PAD}" y1="0" x2="${PAD}" y2="${H}"/>
<line class="pace" x1="${x(c.cycle.start).toFixed(1)}" y1="${y(0).toFixed(1)}" x2="${x(dueBy).toFixed(1)}" y2="${y(c.required).toFixed(1)}"/>
<line class="today" x1="${todayX.toFixed(1)}" y1="0" x2="${todayX.toFixed(1)}" y2="${H}"/>
<path class="earned" d="${steps}"/>
</svg>
<div class="x-axis" aria-hidden="true"><span>${e(ctx.formatDate(c.cycle.start))}</span><span>${e(ctx.formatDate(c.cycle.end))}</span></div>
</div><figcaption><span class="key key-earned"></span>${e(l10n.t('Hours earned'))} <span class="key key-pace"></span>${e(l10n.t('Pace to the deadline'))}</figcaption></figure>`;
}

function stepPath(points: readonly TimelinePoint[], x: (d: CalendarDate) => number, y: (h: number) => number): string {
  if (points.length === 0) return '';
  let d = `M${x(points[0].date).toFixed(1)} ${y(points[0].hours).toFixed(1)}`;
  for (let i = 1; i < points.length; i++) d += ` H${x(points[i].date).toFixed(1)} V${y(points[i].hours).toFixed(1)}`;
  return d;
}

/** "Law: 1 hour", "Law: 2.5 hours": a chart bar's spoken label. */
function hoursLabel(label: string, hours: number): string {
  return plural(roundHours(hours), l10n.t('{0}: 1 hour', label), l10n.t('{0}: {1} hours', label, h(hours)));
}

/** Beside "Other topics": the words as written, said to be unknown (a typo keeps a note out of topic requirements). */
function unknownTopicsNote(unknown: readonly string[] | undefined): string {
  return unknown?.length ? ` <span class="bd-note">${e(l10n.t('(not known topics: {0}; check the spelling)', unknown.join(', ')))}</span>` : '';
}

function renderBreakdown(c: CredentialCard, f: FolderModel): string {
  const counted = c.byTopic.length > 0 || c.byFormat.live > 0 || c.byFormat['home-study'] > 0;
  if (!counted) return '';
  const topMax = Math.max(...c.byTopic.map((x) => x.hours), 1);
  const topics = c.byTopic.map((x) => {
    const label = x.topic === NO_TOPIC ? l10n.t('No topic') : x.topic === OTHER_TOPICS ? l10n.t('Other topics') : x.label;
    return `<li><span class="bd-label">${e(label)}${unknownTopicsNote(x.unknown)}</span><span class="bd-figure">${e(l10n.t('{0} h', h(x.hours)))}</span>${bar(x.hours, topMax, hoursLabel(label, x.hours), false)}</li>`;
  }).join('');
  const formats: [Format, string][] = [['live', l10n.t('Live')], ['home-study', l10n.t('Home study')]];
  const formatMax = Math.max(c.byFormat.live, c.byFormat['home-study'], 1);
  const byFormat = formats.map(([k, label]) => `<li><span class="bd-label">${e(label)}</span><span class="bd-figure">${e(l10n.t('{0} h', h(c.byFormat[k])))}</span>${bar(c.byFormat[k], formatMax, hoursLabel(label, c.byFormat[k]), false)}</li>`).join('');
  return `<details class="breakdown" open data-key="details:${e(f.key)}:${e(c.id)}:breakdown"><summary>${e(l10n.t('Counted hours by topic and format, this cycle'))}</summary>
<div class="breakdown-grid"><div><h4>${e(l10n.t('By topic'))}</h4><ul class="bd-list">${topics}</ul></div><div><h4>${e(l10n.t('By format'))}</h4><ul class="bd-list">${byFormat}</ul></div></div></details>`;
}

// ---- Recent notes and study overview -----------------------------------------------------------------

function renderRecent(f: FolderModel, ctx: PageContext): string {
  const items = f.recentNotes.map((n) => renderRecentNote(n, f, ctx)).join('');
  const body = items ? `<ul class="recent-list">${items}</ul>` : `<p class="empty">${e(l10n.t('No completed CE notes yet.'))}</p>`;
  return `<section class="recent"><h3>${e(l10n.t('Recent notes'))}</h3>${body}</section>`;
}

function renderRecentNote(n: RecentNote, f: FolderModel, ctx: PageContext): string {
  const meta = [
    ctx.formatDate(n.completed),
    l10n.t('{0} h', h(n.hours)),
    n.format === 'live' ? l10n.t('Live') : l10n.t('Home study'),
    ...(n.provider ? [n.provider] : []),
  ];
  const flags = [
    !n.counted ? `<span class="flag flag-not-counted">${e(l10n.t('not counted'))}</span>` : '',
    n.hasErrors ? `<span class="flag flag-error">${e(l10n.t('has errors'))}</span>` : '',
  ].join('');
  const topics = n.topicLabels.length ? `<ul class="topics" aria-label="${e(l10n.t('Topics'))}">${n.topicLabels.map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : '';
  const preview = n.excerpt.trim() ? `<div class="preview">${renderExcerpt(n.excerpt)}</div>` : '';
  return `<li class="note" ${noteData(f, n.path)} data-key="note:${e(f.key)}:${e(n.path)}">` +
    `<button class="note-title" ${noteData(f, n.path)} title="${e(l10n.t('Open {0}', n.path))}">${e(n.title)}</button>${flags}` +
    `<p class="meta">${meta.map((m) => e(m)).join(' · ')}</p>${n.errors ? `<p class="meta note-errors">${e(n.errors.join(' '))}</p>` : ''}${topics}${preview}</li>`;
}

function renderStudy(f: FolderModel): string {
  const s = f.study;
  const counts = `<dl class="facts">
<dt>${e(l10n.t('Completed this month'))}</dt><dd>${s.completedThisMonth}</dd>
<dt>${e(l10n.t('CE notes'))}</dt><dd>${s.ceNotes}${s.planned || s.inProgress ? ` ${e(l10n.t('({0} planned, {1} in progress)', s.planned, s.inProgress))}` : ''}</dd>
<dt>${e(l10n.t('Study notes'))}</dt><dd>${s.studyNotes}</dd>
${s.broken ? `<dt>${e(l10n.t('Unreadable'))}</dt><dd>${s.broken}</dd>` : ''}
</dl>`;
  const max = Math.max(...s.notesPerTopic.map((x) => x.count), 1);
  const topicRow = (x: (typeof s.notesPerTopic)[number]): string => {
    const label = x.topic === OTHER_TOPICS ? l10n.t('Other topics') : x.label;
    const spoken = plural(x.count, l10n.t('{0}: 1 note', label), l10n.t('{0}: {1} notes', label, x.count));
    return `<li><span class="bd-label">${e(label)}${unknownTopicsNote(x.unknown)}</span><span class="bd-figure">${x.count}</span>${bar(x.count, max, spoken, false)}</li>`;
  };
  const topics = s.notesPerTopic.length === 0 ? '' : `<h4>${e(l10n.t('Notes per topic'))}</h4><ul class="bd-list">${s.notesPerTopic.map(topicRow).join('')}</ul>`;
  return `<section class="study"><h3>${e(l10n.t('Study overview'))}</h3>${counts}${topics}</section>`;
}
