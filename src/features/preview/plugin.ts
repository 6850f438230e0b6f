// The markdown-it plugin VS Code's own Markdown preview runs (through extendMarkdownIt): a question-and-answer
// card shows its answer behind a disclosure, a cloze shows as a blank, and a CE note's details at the top show
// as a short summary box instead of VS Code's raw table. The cards are found by the same rules as the card
// reader (core/study/card-syntax.ts), so the preview shows exactly what will be studied. No `vscode` import
// (strings through @vscode/l10n, loaded with VS Code's bundle): the unit tests render with a plain markdown-it. Everything from a note is escaped: markdown-it escapes its
// own tokens; the HTML written here goes through escapeHtml.
import * as l10n from '@vscode/l10n';
import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { escapeHtml } from '../../core/common/text';
import { formatHours } from '../../core/common/numbers';
import { noteKeySpec } from '../../core/notes/format';
import { parseNote } from '../../core/notes/note';
import { topicLabel } from '../../core/notes/topics';
import { CLOZE, CLOZE_ERROR, cardSyntax, qaCardAt, TERM_SEPARATOR, type ClozeMeta } from '../../core/study/card-syntax';
import type { CeNote } from '../../core/types';

export interface PreviewOptions {
  /** Whether to draw the summary box (VS Code's `markdown.preview.frontMatter` set to hide turns it off). */
  noteSummary?: () => boolean;
}

const ANSWER_OPEN = 'pce_answer_open';
const ANSWER_CLOSE = 'pce_answer_close';
const NOTE_SUMMARY = 'pce_note_summary';

export function cardPreview(md: MarkdownIt, options: PreviewOptions = {}): void {
  md.use(cardSyntax);
  // VS Code adds its own front-matter rule after the plugins and renders its token itself: the box is a token
  // of ours, swapped in once the blocks are read.
  md.core.ruler.after('block', NOTE_SUMMARY, (state) => summarizeFrontMatter(state, options.noteSummary?.() ?? true));
  md.core.ruler.push('pce_qa_cards', hideAnswers);
  md.core.ruler.push('pce_not_cards', keepOutsideParagraphs);
  const rules = md.renderer.rules;
  rules[CLOZE] = (tokens, i) => {
    const { hint } = tokens[i].meta as ClozeMeta;
    return `<span class="pce-cloze" title="${escapeHtml(l10n.t('Cloze: hidden while you study'))}">[${escapeHtml(hint ?? '...')}]</span>`;
  };
  rules[CLOZE_ERROR] = () => '';
  rules[TERM_SEPARATOR] = () => '<span class="pce-term-separator">::</span>';
  rules[ANSWER_OPEN] = () => `<details class="pce-answer"><summary>${escapeHtml(l10n.t('Show answer'))}</summary>\n`;
  rules[ANSWER_CLOSE] = () => '</details>\n';
  rules[NOTE_SUMMARY] = (tokens, i) => summaryHtml(tokens[i].meta as CeNote);
}

/**
 * Only a paragraph or a list item holds a term or a cloze card (as the card reader reads them): in a heading or
 * a table cell, `{{c1::...}}` and ` :: ` are shown as written, not as a blank that will never be studied.
 */
function keepOutsideParagraphs(state: StateCore): void {
  state.tokens.forEach((inline, i) => {
    if (inline.type !== 'inline' || state.tokens[i - 1]?.type === 'paragraph_open') return;
    for (const child of inline.children ?? []) {
      if (child.type === CLOZE) {
        const { start, end } = child.meta as ClozeMeta;
        Object.assign(child, { type: 'text', content: inline.content.slice(start, end) });
      } else if (child.type === TERM_SEPARATOR) child.type = 'text';
    }
  });
}

/** Each question card's blockquote gets a class, and its answer (from **A:** to the end) goes in a <details>. */
function hideAnswers(state: StateCore): void {
  const { tokens } = state;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const qa = tokens[i].type === 'blockquote_open' ? qaCardAt(tokens, i) : undefined;
    if (!qa?.answer) {
      out.push(tokens[i]);
      continue;
    }
    const level = tokens[i].level + 1;
    const token = (type: string, tag: string, nesting: -1 | 0 | 1): Token => Object.assign(new state.Token(type, tag, nesting), { block: true, level });
    tokens[i].attrJoin('class', 'pce-card');
    const { inline, child } = qa.answer;
    for (let j = i; j < qa.close; j++) {
      if (j === inline - 1 && child === 0) out.push(token(ANSWER_OPEN, 'details', 1));
      if (j === inline && child > 0) {
        // **A:** starts a later line of a paragraph: the paragraph is split there, the line break dropped.
        const children = tokens[j].children ?? [];
        const question = Object.assign(new state.Token('inline', '', 0), { level: tokens[j].level, children: children.slice(0, child - 1) });
        const answer = Object.assign(new state.Token('inline', '', 0), { level: tokens[j].level, children: children.slice(child) });
        out.push(question, token('paragraph_close', 'p', -1), token(ANSWER_OPEN, 'details', 1), token('paragraph_open', 'p', 1), answer);
        continue;
      }
      out.push(tokens[j]);
    }
    out.push(token(ANSWER_CLOSE, 'details', -1), tokens[qa.close]);
    i = qa.close;
  }
  state.tokens = out;
}

/** A CE note's front-matter token becomes the summary box's (other notes keep VS Code's own rendering). */
function summarizeFrontMatter(state: StateCore, enabled: boolean): void {
  const first = state.tokens[0];
  if (!enabled || first?.type !== 'front_matter') return;
  // VS Code's token holds { content }; markdown-it-front-matter's holds the text itself.
  const meta: unknown = first.meta;
  const yaml = typeof meta === 'string' ? meta : typeof (meta as { content?: unknown })?.content === 'string' ? (meta as { content: string }).content : undefined;
  if (yaml === undefined) return;
  const { note } = parseNote(`---\n${yaml}\n---\n`, 'preview.md');
  if (note.kind !== 'ce') return;
  first.type = NOTE_SUMMARY;
  first.meta = note;
}

function summaryHtml(note: CeNote): string {
  const rows: [string, string][] = [];
  const label = (key: string): string => noteKeySpec(key)?.label ?? key;
  const hours = note.valid ? note.hours : note.writtenHours;
  rows.push([label('ce_hours'), hours === undefined ? '-' : `${formatHours(hours)} h`]);
  if (note.topics.length) rows.push([label('topics'), note.topics.map(topicLabel).join(', ')]);
  if (note.uanText) rows.push([label('uan'), note.uanText]);
  rows.push(note.completed ? [label('completed'), note.completed] : [label('status'), note.status]);
  const list = rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  const problem = note.valid ? '' : `<p class="pce-summary-problem">${escapeHtml(l10n.t('This activity does not count yet: see the Problems panel.'))}</p>`;
  return `<div class="pce-note-summary" role="note"><p class="pce-summary-title">${escapeHtml(l10n.t('CE activity'))}</p><dl>${list}</dl>${problem}</div>\n`;
}
