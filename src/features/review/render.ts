// The review panel's markup, made in the extension host: card text goes through the dashboard's markdown-it
// (raw HTML off, only web and mail links kept: `markdown` in the context), every other string is escaped
// here, so the webview script never builds markup. No `vscode` import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { escapeHtml as e } from '../../core/common/text';
import { plural } from '../../core/common/plural';
import type { Rating } from '../../core/study/types';
import type { DomainScore, SessionMode, Showing } from './session';
import { intervalWords } from './wording';

export interface ReviewRenderContext {
  /** Card Markdown as safe HTML. */
  markdown(text: string): string;
  /** The name of an exam or of one of its domains, by id (the id itself when unknown). */
  examName(exam: string): string;
  domainName(exam: string, domain: string): string;
  /** A moment as a date and time a person reads. */
  formatMoment(ms: number): string;
}

/** The four grades, each name a literal for translators. */
const GRADES: readonly { rating: Rating; name: () => string }[] = [
  { rating: 1, name: () => l10n.t('Again') },
  { rating: 2, name: () => l10n.t('Hard') },
  { rating: 3, name: () => l10n.t('Good') },
  { rating: 4, name: () => l10n.t('Easy') },
];

/** Where a card belongs, for the line above it: "PTCE · Medications". */
function belongsTo(exam: string | undefined, domain: string | undefined, ctx: ReviewRenderContext): string {
  if (!exam) return '';
  return domain ? `${ctx.examName(exam)} · ${ctx.domainName(exam, domain)}` : ctx.examName(exam);
}

export function renderCard(showing: Showing, mode: SessionMode, ctx: ReviewRenderContext): string {
  const card = showing.card;
  const place = belongsTo(card.exam, card.domain, ctx);
  const counter = l10n.t('Card {0} of {1}', showing.position, showing.total);
  const buttons = GRADES.map(({ rating, name }) => {
    const label = name();
    const due = showing.previews[rating].due;
    // A practice exam grades each card once: the buttons say how well it went; the wait still shows.
    const wait = due === null ? '' : intervalWords(due - showing.at);
    const aria = wait ? l10n.t('{0}, next review in {1}', label, wait) : label;
    return `<button type="button" class="grade grade-${rating}" data-rating="${rating}" aria-keyshortcuts="${rating}" aria-describedby="answer" aria-label="${e(aria)}">` +
      `<span class="grade-name">${e(label)}</span>${wait ? `<span class="interval">${e(wait)}</span>` : ''}<kbd aria-hidden="true">${rating}</kbd></button>`;
  }).join('');
  return `<article class="card card-${e(card.type)}" aria-label="${e(counter)}">
<p class="card-meta"><span class="counter">${e(counter)}</span>${place ? ` <span class="place">${e(place)}</span>` : ''}</p>
<section class="front" id="front" aria-label="${e(l10n.t('Question'))}">${ctx.markdown(card.front)}</section>
<section class="back" id="answer" tabindex="-1" aria-label="${e(l10n.t('Answer'))}" hidden>${ctx.markdown(card.back)}</section>
<div class="card-actions">
<button type="button" id="show-answer" class="primary" aria-keyshortcuts="Space" aria-describedby="front">${e(l10n.t('Show answer'))} <kbd aria-hidden="true">${e(l10n.t('Space'))}</kbd></button>
<div class="grades" id="grades" role="group" aria-label="${e(mode === 'practice' ? l10n.t('How did you do?') : l10n.t('How well did you remember?'))}" hidden>${buttons}</div>
</div>
<p class="where"><button type="button" class="link" id="open-note">${e(l10n.t('Open in note: {0}, line {1}', card.file, card.line))}</button></p>
</article>`;
}

export interface ReviewSummary {
  mode: SessionMode;
  reviewed: number;
  again: number;
  /** When the next card of this review's cards is due (ms), if any is scheduled. */
  nextDue?: number;
  now: number;
  /** Practice exams: the score by domain and overall. */
  scores?: { domains: DomainScore[]; correct: number; total: number };
  /** Set when there was nothing to review: why, in a sentence. */
  nothing?: string;
}

export function renderSummary(s: ReviewSummary, ctx: ReviewRenderContext): string {
  const next = s.nextDue === undefined
    ? ''
    : `<p class="next-due">${e(s.nextDue <= s.now
      ? l10n.t('More cards are due now: start another review.')
      : l10n.t('Next card due in {0} ({1}).', intervalWords(s.nextDue - s.now), ctx.formatMoment(s.nextDue)))}</p>`;
  if (s.nothing !== undefined) {
    return `<section class="summary" aria-labelledby="summary-title"><h1 id="summary-title" tabindex="-1">${e(l10n.t('Nothing to review'))}</h1><p>${e(s.nothing)}</p>${next}</section>`;
  }
  const title = s.mode === 'practice' ? l10n.t('Practice exam finished') : l10n.t('Review finished');
  const figures = [
    plural(s.reviewed, l10n.t('1 card reviewed'), l10n.t('{0} cards reviewed', s.reviewed)),
    plural(s.again, l10n.t('1 card to see again (Again)'), l10n.t('{0} cards to see again (Again)', s.again)),
  ];
  return `<section class="summary" aria-labelledby="summary-title"><h1 id="summary-title" tabindex="-1">${e(title)}</h1>
${s.scores ? renderScores(s.scores, ctx) : ''}
<ul class="figures">${figures.map((f) => `<li>${e(f)}</li>`).join('')}</ul>${next}</section>`;
}

function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}

function renderScores(scores: NonNullable<ReviewSummary['scores']>, ctx: ReviewRenderContext): string {
  const rows = scores.domains.map((d) => {
    const name = d.domain && d.exam ? ctx.domainName(d.exam, d.domain) : l10n.t('No domain');
    return `<tr><th scope="row">${e(name)}</th><td>${e(l10n.t('{0} of {1}', d.correct, d.total))}</td><td>${e(l10n.t('{0}%', percent(d.correct, d.total)))}</td></tr>`;
  }).join('');
  const overall = l10n.t('Score: {0} of {1} ({2}%)', scores.correct, scores.total, percent(scores.correct, scores.total));
  return `<p class="score">${e(overall)}</p>
<p class="hint">${e(l10n.t('A card graded Hard, Good or Easy counts as right; Again as wrong.'))}</p>
<table class="scores"><caption class="visually-hidden">${e(l10n.t('Score by domain'))}</caption>
<thead><tr><th scope="col">${e(l10n.t('Domain'))}</th><th scope="col">${e(l10n.t('Right'))}</th><th scope="col">${e(l10n.t('Score'))}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
