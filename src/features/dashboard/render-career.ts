// The dashboard's Career section as HTML: the ladder (held -> eligible now -> next, each next credential with its
// requirements as bars), the experience timeline as an inline SVG chart, renewals due, next steps and
// suggestions, and the New Career Note / Export Portfolio buttons. Every string from a note or a config is
// escaped here; no `vscode` import (its words come through @vscode/l10n, given the bundle by useTranslations).
import * as l10n from '@vscode/l10n';
import { daysBetween } from '../../core/common/dates';
import { plural } from '../../core/common/plural';
import { escapeHtml as e } from '../../core/common/text';
import type { CareerRenewal, CareerSection, LadderStep, TimelineJob } from '../../core/outputs/dashboard-career';
import type { FolderModel } from '../../core/outputs/dashboard-model';
import type { CalendarDate } from '../../core/types';
import { jobName, requirementFigure, settingLabel, yearsFigure, yearsWords } from '../../ui/career-text';
import { bar } from './svg';

export interface CareerRenderContext {
  formatDate(date: CalendarDate): string;
  /** New Career Note and Export Portfolio write files: offered only in a trusted workspace. */
  trusted: boolean;
  multiRoot: boolean;
}

type Folder = Pick<FolderModel, 'key' | 'name'>;

export function renderCareerSection(s: CareerSection, f: Folder, headingId: string, ctx: CareerRenderContext): string {
  const heading = `<h3 id="${headingId}">${e(l10n.t('Career: credentials, experience and network'))}</h3>`;
  if (s.careerNotes === 0) {
    const what = l10n.t('No career notes yet. A career note is a note about your career instead of a CE activity: a certificate you earned or plan to earn, a job you held, an event you went to, or a professional membership. From them the dashboard shows which credential you can aim for next and what it still takes.');
    return `<section class="career" aria-labelledby="${headingId}">${heading}<p class="empty">${e(what)}</p>${buttons(f, ctx, false)}</section>`;
  }
  const x = s.experience;
  const summary = l10n.t('{0} of work in all, {1} of them within the last 8 years.', yearsWords(x.years), yearsFigure(x.yearsWithinLast8));
  return `<section class="career" aria-labelledby="${headingId}">${heading}
<div class="career-top"><p class="career-summary">${e(summary)}</p>${buttons(f, ctx, true)}</div>
${renderLadder(s.ladder, `${headingId}-ladder`, ctx)}${s.laterCertificates ? `<p class="later">${e(plural(s.laterCertificates, l10n.t('1 more PTCB certificate is not open to you yet: the Career view shows what each one needs.'), l10n.t('{0} more PTCB certificates are not open to you yet: the Career view shows what each one needs.', s.laterCertificates)))}</p>` : ''}
<div class="career-columns">${renderTimeline(s, f, ctx)}<div>${renderRenewals(s.renewals, f, ctx)}${renderSteps(s)}</div></div>
</section>`;
}

function buttons(f: Folder, ctx: CareerRenderContext, withExport: boolean): string {
  if (!ctx.trusted) return '';
  const named = (text: string, inFolder: string) => (ctx.multiRoot ? inFolder : text);
  const add = `<button class="inline-button" data-command="newCareerNote" data-folder="${e(f.key)}" aria-label="${e(named(l10n.t('New Career Note'), l10n.t('New Career Note in {0}', f.name)))}">${e(l10n.t('New Career Note'))}</button>`;
  const exp = withExport ? ` <button class="inline-button" data-command="exportPortfolio" data-folder="${e(f.key)}" aria-label="${e(named(l10n.t('Export Portfolio'), l10n.t('Export Portfolio of {0}', f.name)))}">${e(l10n.t('Export Portfolio'))}</button>` : '';
  return `<p class="career-buttons">${add}${exp}</p>`;
}

// ---- The ladder -------------------------------------------------------------------------------------------

function renderLadder(steps: readonly LadderStep[], id: string, ctx: CareerRenderContext): string {
  if (steps.length === 0) return '';
  const items = steps.map((s) => `<li class="step stage-${s.stage}">${renderStep(s, ctx)}</li>`).join('');
  return `<h4 id="${id}">${e(l10n.t('Your credential ladder: held, eligible now, next'))}</h4><ol class="ladder" aria-labelledby="${id}">${items}</ol>`;
}

function stageWords(s: LadderStep): string {
  if (s.stage === 'held') return s.active === false ? l10n.t('Held, expired') : l10n.t('Held');
  return s.stage === 'eligible' ? l10n.t('Eligible now') : l10n.t('Next');
}

function renderStep(s: LadderStep, ctx: CareerRenderContext): string {
  const title = `<span class="stage">${e(stageWords(s))}</span> <strong class="step-name" title="${e(s.name)}">${e(s.shortName)}</strong>`;
  const parts: string[] = [title];
  if (s.shortName !== s.name) parts.push(`<span class="step-full">${e(s.name)}</span>`);
  if (s.stage === 'held' && s.expires) parts.push(`<span class="step-meta">${e(s.active === false ? l10n.t('expired {0}', ctx.formatDate(s.expires)) : l10n.t('until {0}', ctx.formatDate(s.expires)))}</span>`);
  if (s.stage !== 'held' && s.requirements?.length) {
    const reqs = s.requirements.map((r) => {
      const figure = requirementFigure(s.id, r);
      const spoken = l10n.t('{0}: {1}, {2}', r.label, figure, r.met ? l10n.t('met') : l10n.t('not met yet'));
      return `<li class="requirement ${r.met ? 'is-met' : 'is-missing'}"><span class="req-label">${e(r.label)}</span><span class="req-figure">${e(figure)} · <span class="req-status">${e(r.met ? l10n.t('met') : l10n.t('not met yet'))}</span></span>${bar(r.have, r.need, spoken, r.met)}</li>`;
    }).join('');
    parts.push(`<ul class="requirements">${reqs}</ul>`);
  }
  if (s.verify) parts.push(`<p class="verify">${e(l10n.t('Not verified: {0}', s.verify))}</p>`);
  // Caveats run long (three for the CPhT-Adv): closed, so the ladder's cards stay short enough to compare.
  if (s.caveats?.length) parts.push(`<details class="step-caveats"><summary>${e(l10n.t('What the tool cannot check ({0})', s.caveats.length))}</summary><ul class="caveats">${s.caveats.map((c) => `<li>${e(c)}</li>`).join('')}</ul></details>`);
  return parts.join('');
}

// ---- The experience timeline --------------------------------------------------------------------------

// Drawing units of each job's bar; stretched to the column's width, so the labels are HTML beside it.
const W = 300;
const H = 8;

function renderTimeline(s: CareerSection, f: Folder, ctx: CareerRenderContext): string {
  const x = s.experience;
  const caption = `<figcaption>${e(l10n.t('Work experience'))}</figcaption>`;
  if (x.jobs.length === 0) return `<figure class="career-timeline">${caption}<p class="empty">${e(l10n.t('No jobs yet: a job note (a career note of type experience) with a start date adds one.'))}</p></figure>`;
  const total = Math.max(1, daysBetween(x.from, x.to));
  const at = (date: CalendarDate) => (Math.max(0, Math.min(total, daysBetween(x.from, date))) / total) * W;
  const windowX = at(x.windowStart);
  const newestFirst = [...x.jobs].reverse();
  const rows = newestFirst.map((j) => renderJob(j, f, at, windowX, ctx)).join('');
  const bySetting = x.bySetting.length === 0 ? '' : `<p class="by-setting">${e(x.bySetting.map((b) => l10n.t('{0}: {1}', settingLabel(b.setting), yearsWords(b.years))).join(' · '))}</p>`;
  return `<figure class="career-timeline">${caption}<ul class="job-list">${rows}</ul>
<div class="x-axis" aria-hidden="true"><span>${e(ctx.formatDate(x.from))}</span><span>${e(ctx.formatDate(x.to))}</span></div>
<p class="timeline-key"><span class="key key-window"></span>${e(l10n.t('The shaded part is the last 8 years (what the CPhT-Adv counts).'))}</p>${bySetting}</figure>`;
}

function renderJob(j: TimelineJob, f: Folder, at: (d: CalendarDate) => number, windowX: number, ctx: CareerRenderContext): string {
  const name = jobName(j);
  const span = j.current ? l10n.t('{0} to now', ctx.formatDate(j.start)) : l10n.t('{0} to {1}', ctx.formatDate(j.start), ctx.formatDate(j.end));
  const meta = [settingLabel(j.setting), span, yearsWords(j.years)].join(' · ');
  const x1 = at(j.start);
  const x2 = Math.max(x1 + 1, at(j.end));
  const spoken = l10n.t('{0}: {1}', name, meta);
  const chart = `<svg class="job-span" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${e(spoken)}">` +
    `<rect class="window" x="${windowX.toFixed(1)}" y="0" width="${(W - windowX).toFixed(1)}" height="${H}"/>` +
    `<rect class="job${j.current ? ' is-current' : ''}" x="${x1.toFixed(1)}" y="1" width="${(x2 - x1).toFixed(1)}" height="${H - 2}" rx="2"/></svg>`;
  return `<li data-key="career:${e(f.key)}:${e(j.file)}"><button class="link" data-open-note data-folder="${e(f.key)}" data-path="${e(j.file)}" title="${e(j.file)}">${e(name)}</button>` +
    `<span class="job-meta">${e(meta)}</span>${chart}</li>`;
}

// ---- Renewals, next steps, suggestions -------------------------------------------------------------------

function renderRenewals(renewals: readonly CareerRenewal[], f: Folder, ctx: CareerRenderContext): string {
  if (renewals.length === 0) return '';
  const items = renewals.map((r) => {
    const when = r.daysLeft < 0
      ? plural(-r.daysLeft, l10n.t('{0}: renewal date {1} passed 1 day ago', r.name, ctx.formatDate(r.date)), l10n.t('{0}: renewal date {1} passed {2} days ago', r.name, ctx.formatDate(r.date), -r.daysLeft))
      : plural(r.daysLeft, l10n.t('{0}: renews {1}, 1 day left', r.name, ctx.formatDate(r.date)), l10n.t('{0}: renews {1}, {2} days left', r.name, ctx.formatDate(r.date), r.daysLeft));
    const open = r.file ? ` <button class="link" data-open-note data-folder="${e(f.key)}" data-path="${e(r.file)}" aria-label="${e(l10n.t('Open the note of {0}', r.name))}">${e(l10n.t('open note'))}</button>` : '';
    return `<li class="${r.daysLeft < 0 ? 'is-overdue' : 'is-soon'}">${e(when)}${open}</li>`;
  }).join('');
  return `<section class="career-renewals"><h4>${e(l10n.t('Renewals due'))}</h4><ul class="renewal-list">${items}</ul></section>`;
}

function renderSteps(s: CareerSection): string {
  const steps = s.nextSteps.length ? `<h4>${e(l10n.t('Career next steps'))}</h4><ul class="career-step-list">${s.nextSteps.map((n) => `<li>${e(n.text)}</li>`).join('')}</ul>` : '';
  const suggestions = s.suggestions.length
    ? `<h4>${e(l10n.t('Certificates that fit your work (suggestions)'))}</h4><ul class="career-step-list">${s.suggestions.map((g) => `<li><strong>${e(g.name)}</strong>: ${e(g.reason)}</li>`).join('')}</ul>`
    : '';
  return steps || suggestions ? `<section class="career-steps">${steps}${suggestions}</section>` : '';
}
