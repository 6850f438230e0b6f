// The dashboard's Study section as HTML: a readiness ring per exam with its domains as bars (weights named),
// cards due today, a 30-day forecast of due cards, study next steps, and Start Review buttons. Every string
// from a plan or a config is escaped here; no `vscode` import (its words come through @vscode/l10n, given the bundle by useTranslations).
import * as l10n from '@vscode/l10n';
import { addDays } from '../../core/common/dates';
import { formatHours } from '../../core/common/numbers';
import { plural } from '../../core/common/plural';
import { escapeHtml as e } from '../../core/common/text';
import type { StudyExamCard, StudySection } from '../../core/outputs/dashboard-study';
import type { StudyStep } from '../../core/study/next-steps';
import type { FolderModel } from '../../core/outputs/dashboard-model';
import type { CalendarDate } from '../../core/types';
import { examDateWords } from '../../ui/study-text';
import { bar, ring } from './svg';

export interface StudyRenderContext {
  formatDate(date: CalendarDate): string;
  /** Start Review writes the review log: offered only in a trusted workspace. */
  trusted: boolean;
  multiRoot: boolean;
  /** The day the figures are for (the forecast's first day). */
  asOf?: CalendarDate;
}

export function renderStudySection(s: StudySection, f: Pick<FolderModel, 'key' | 'name'>, headingId: string, ctx: StudyRenderContext): string {
  const heading = `<h3 id="${headingId}">${e(l10n.t('Study: cards and exam readiness'))}</h3>`;
  if (s.total === 0) {
    const how = l10n.t('No study cards yet. Write one in any note: a quote with **Q:** and **A:** lines (type studycard), a line "term :: definition", or a sentence with {{c1::hidden words}}; add "exam: ptce" to the details at the top of the note to count it toward an exam.');
    return `<section class="study-cards" aria-labelledby="${headingId}">${heading}<p class="empty">${e(how)}</p></section>`;
  }
  const due = `<p class="due-today"><strong>${e(plural(s.dueToday, l10n.t('1 card due today'), l10n.t('{0} cards due today', s.dueToday)))}</strong> · ${e(l10n.t('{0} new', s.new))} · ${e(plural(s.total, l10n.t('1 card in all'), l10n.t('{0} cards in all', s.total)))}</p>`;
  const exams = s.exams.length ? `<div class="study-exams">${s.exams.map((x, i) => renderExam(x, f, `${headingId}-exam-${i}`, ctx)).join('')}</div>` : '';
  return `<section class="study-cards" aria-labelledby="${headingId}">${heading}
<div class="study-top">${due}${reviewButton(f, undefined, ctx)}</div>
${exams}
<div class="study-columns">${renderForecast(s.forecast, ctx)}${renderSteps(s.steps)}</div>
</section>`;
}

function reviewButton(f: Pick<FolderModel, 'key' | 'name'>, exam: StudyExamCard | undefined, ctx: StudyRenderContext): string {
  if (!ctx.trusted) return '';
  const name = exam
    ? (ctx.multiRoot ? l10n.t('Start Review of {0} cards in {1}', exam.name, f.name) : l10n.t('Start Review of {0} cards', exam.name))
    : (ctx.multiRoot ? l10n.t('Start Review in {0}', f.name) : l10n.t('Start Review'));
  const examData = exam ? ` data-exam="${e(exam.id)}"` : '';
  return `<button class="inline-button" data-command="startReview" data-folder="${e(f.key)}"${examData} aria-label="${e(name)}">${e(l10n.t('Start Review'))}</button>`;
}

function renderExam(x: StudyExamCard, f: Pick<FolderModel, 'key' | 'name'>, titleId: string, ctx: StudyRenderContext): string {
  const counts = [
    plural(x.cards, l10n.t('1 card'), l10n.t('{0} cards', x.cards)),
    l10n.t('{0} due', x.due),
    l10n.t('{0} new', x.new),
  ].join(' · ');
  const date = x.examDate
    ? `<p class="exam-date">${e(examDateWords(x.examDate, x.newPerDay, ctx.formatDate))}</p>`
    : '';
  const domains = x.domains.map((d) => {
    const weight = l10n.t('{0}% of the exam', formatHours(d.weight));
    const figure = d.cards === 0 ? l10n.t('no cards yet') : l10n.t('{0}% ready · {1}', d.percent, plural(d.cards, l10n.t('1 card'), l10n.t('{0} cards', d.cards)));
    const spoken = d.cards === 0 ? l10n.t('{0}, {1}: no cards yet', d.name, weight) : l10n.t('{0}, {1}: {2}% ready, {3}', d.name, weight, d.percent, plural(d.cards, l10n.t('1 card'), l10n.t('{0} cards', d.cards)));
    const verify = d.verify ? ` <span class="bd-note">${e(l10n.t('(weight not verified)'))}</span>` : '';
    return `<li class="${d.cards === 0 ? 'is-empty' : ''}"><span class="bd-label">${e(d.name)} <span class="weight">(${e(weight)})</span>${verify}</span><span class="bd-figure">${e(figure)}</span>${bar(d.percent, 100, spoken, false)}</li>`;
  }).join('');
  const readiness = l10n.t('{0} readiness: {1}%', x.name, x.percent);
  const meaning = l10n.t('Readiness is how likely you are to remember the cards today, on average, each domain counted by its share of the exam; cards not reviewed yet count as 0.');
  const verify = x.verify ? `<p class="verify">${e(l10n.t('Not verified against the official outline: {0}', x.verify))}</p>` : '';
  return `<article class="card study-exam" data-key="study:${e(f.key)}:${e(x.id)}" aria-labelledby="${titleId}">
<header class="card-header"><h4 id="${titleId}">${e(x.name)}</h4></header>
<div class="total">${ring(x.percent, readiness)}<div class="total-text"><p class="hours"><strong>${e(l10n.t('{0}% ready', x.percent))}</strong></p><p class="counts">${e(counts)}</p></div></div>
${date}<p class="meaning">${e(meaning)}</p>
<ul class="bd-list study-domains" aria-label="${e(l10n.t('Domains of {0}', x.name))}">${domains}</ul>
<footer class="source"><p>${e(l10n.t('Outline: {0}, as of {1}.', x.source, ctx.formatDate(x.asOf)))}</p>${verify}${reviewButton(f, x, ctx)}</footer>
</article>`;
}

// The forecast's drawing units: 30 bars of 8 in steps of 10, stretched to the section's width.
const W = 300;
const H = 100;

function renderForecast(forecast: readonly number[], ctx: StudyRenderContext): string {
  const top = Math.max(1, ...forecast);
  const total = forecast.reduce((a, b) => a + b, 0);
  const busiest = forecast.indexOf(Math.max(...forecast));
  const bars = forecast.map((n, i) => {
    const h = (n / top) * (H - 4);
    return `<rect class="day${i === 0 ? ' is-today' : ''}" x="${i * 10 + 1}" y="${(H - h).toFixed(1)}" width="8" height="${h.toFixed(1)}"/>`;
  }).join('');
  // An empty chart would only draw an axis: say it instead.
  if (total === 0) return `<figure class="forecast"><figcaption>${e(l10n.t('Cards due, next 30 days'))}</figcaption><p class="empty">${e(l10n.t('No reviewed card falls due in the next 30 days.'))}</p></figure>`;
  const label = l10n.t('Forecast of cards falling due in the next 30 days: {0} today, {1} in all; the busiest day is {2} with {3}.', forecast[0], total, dayWords(busiest, ctx), forecast[busiest]);
  const end = ctx.asOf ? ctx.formatDate(addDays(ctx.asOf, forecast.length - 1)) : l10n.t('in {0} days', forecast.length - 1);
  return `<figure class="forecast"><figcaption>${e(l10n.t('Cards due, next 30 days'))}</figcaption><div class="chart">
<div class="y-axis" aria-hidden="true"><span>${top}</span><span>0</span></div>
<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${e(label)}"><line class="axis" x1="0" y1="${H}" x2="${W}" y2="${H}"/>${bars}</svg>
<div class="x-axis" aria-hidden="true"><span>${e(l10n.t('today'))}</span><span>${e(end)}</span></div>
</div></figure>`;
}

function dayWords(offset: number, ctx: StudyRenderContext): string {
  if (offset === 0) return l10n.t('today');
  if (offset === 1) return l10n.t('tomorrow');
  return ctx.asOf ? ctx.formatDate(addDays(ctx.asOf, offset)) : l10n.t('in {0} days', offset);
}

function renderSteps(steps: readonly StudyStep[]): string {
  if (steps.length === 0) return '';
  return `<section class="study-steps"><h4>${e(l10n.t('Study next steps'))}</h4><ul class="study-step-list">${steps.map((s) => `<li>${e(s.text)}</li>`).join('')}</ul></section>`;
}
