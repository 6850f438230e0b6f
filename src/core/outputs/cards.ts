// `pharmacy-ce cards`: the folder's cards and where they stand, as JSON (field names are a contract, issue #13)
// or as text for a person.
import * as l10n from '@vscode/l10n';
import { localToday } from '../common/dates';
import { plural } from '../common/plural';
import type { StudyModel } from '../study/model';
import type { CardState, CardType } from '../study/types';
import { oneLine, terminalSafe } from './report';

export interface CardReport {
  id: string;
  /** Folder-relative path of the note. */
  file: string;
  /** 1-based line of the card's first line. */
  line: number;
  type: CardType;
  front: string;
  back: string;
  exam: string | null;
  domain: string | null;
  state: CardState;
  /** When the card is next due (ISO time); null for a card never reviewed. */
  due: string | null;
}

export interface CardsReport {
  cards: CardReport[];
  summary: {
    total: number;
    /** Cards never reviewed. */
    new: number;
    /** Reviewed cards due by now. */
    due: number;
    exams: { id: string; readiness: number; domains: { id: string; weight: number; cards: number; readiness: number }[] }[];
  };
}

export function buildCardsReport(model: StudyModel): CardsReport {
  const { summary } = model;
  return {
    cards: model.cards.map((card) => ({
      id: card.id,
      file: card.file,
      line: card.line,
      type: card.type,
      front: card.front,
      back: card.back,
      exam: card.exam ?? null,
      domain: card.domain ?? null,
      state: card.schedule.state,
      due: card.schedule.due === null ? null : new Date(card.schedule.due).toISOString(),
    })),
    summary: {
      total: summary.total,
      new: summary.new,
      due: summary.due,
      exams: summary.exams.map((exam) => ({
        id: exam.id,
        readiness: exam.readiness,
        domains: exam.domains.map((domain) => ({ id: domain.id, weight: domain.weight, cards: domain.cards, readiness: domain.readiness })),
      })),
    },
  };
}

/** "now" of `--as-of DATE`: the end of that local day (a card due at any time that day is due). */
export { endOfLocalDay } from '../study/local-days';

/** The cards as text: a short summary per exam and domain, then one line per card. */
export function formatCards(model: StudyModel, now: number, folder: string, asOf: string): string {
  const { summary } = model;
  const out: string[] = [l10n.t('Study cards in {0} · as of {1}', terminalSafe(folder), asOf), ''];
  if (summary.total === 0) {
    out.push(l10n.t('No cards yet: write a question and its answer in a note (the README shows how).'));
    return `${out.join('\n')}\n`;
  }
  out.push(l10n.t('{0}: {1} never reviewed, {2} due for review.', cardCount(summary.total), summary.new, summary.due));
  for (const exam of summary.exams) {
    out.push('', l10n.t('{0}: ready {1} ({2}, {3} new, {4} due)', terminalSafe(exam.name), percent(exam.readiness), cardCount(exam.cards), exam.new, exam.due));
    for (const domain of exam.domains) {
      out.push(`  ${l10n.t('{0} ({1}% of the exam): ready {2}, {3}', terminalSafe(domain.name), domain.weight, percent(domain.readiness), cardCount(domain.cards))}`);
    }
  }
  out.push('', l10n.t('Cards:'));
  const rows = model.cards.map((card) => {
    const due = card.schedule.due;
    return [`${terminalSafe(card.file)}:${card.line}`, due === null ? l10n.t('new') : due <= now ? l10n.t('due now') : l10n.t('due {0}', localToday(new Date(due))), shorten(oneLine(card.front))];
  });
  const width = Math.max(...rows.map(([where]) => where.length));
  for (const [where, when, front] of rows) out.push(`  ${where.padEnd(width)}  ${when.padEnd(14)}  ${front}`);
  return `${out.join('\n')}\n`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function cardCount(n: number): string {
  return plural(n, l10n.t('1 card'), l10n.t('{0} cards', n));
}


function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
