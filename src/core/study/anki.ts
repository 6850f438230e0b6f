// The cards as a tab-separated text file Anki imports as is (File > Import, Anki 2.1.54 or later): header lines
// say the separator, that fields are HTML, and which columns hold each row's note type, deck and tags. Question
// and term cards are Basic notes (Front, Back); the cards of one cloze paragraph are one Cloze note (Text,
// Extra), since Anki makes a card per cloze number itself.
//
// Fields are the cards' Markdown rendered by markdown-it with raw HTML off, as the review panel shows them: a
// card keeps its bold, lists and code in Anki, and HTML written in a note (untrusted) reaches Anki as text,
// never as markup. Newlines become `<br>`, tabs `&#9;`, so no field holds the file's separators.
import MarkdownIt from 'markdown-it';
import { CLOZE, CLOZE_ERROR, TERM_SEPARATOR, cardSyntax, type ClozeMeta } from './card-syntax';
import type { StudyCard, StudyPlan } from './types';

/** The deck of cards that belong to no exam. */
export const DEFAULT_ANKI_DECK = 'Pharmacy CE Notes';

const HEADER: readonly string[] = ['#separator:tab', '#html:true', '#notetype column:1', '#deck column:2', '#tags column:5', '#columns:Notetype\tDeck\tText/Front\tExtra/Back\tTags'];

/** A tab-separated text file Anki imports as is (Basic and Cloze note types, deck from exam and domain). */
export function ankiExport(cards: readonly StudyCard[], plans: Record<string, StudyPlan>): string {
  const markdown = wrappedLinesJoined(new MarkdownIt({ html: false, linkify: false, typographer: false }));
  const clozeMarkdown = clozeFieldMarkdown();
  const rows: string[] = [];
  const seen = new Set<string>();
  for (const card of cards) {
    // One Cloze note per cloze text (its cards share it); one Basic note per card id.
    const key = card.type === 'cloze' && card.cloze ? `cloze\n${card.cloze.text.trim()}` : card.id;
    if (seen.has(key)) continue;
    seen.add(key);
    const [noteType, first, second] = card.type === 'cloze' && card.cloze ? ['Cloze', card.cloze.text, ''] : ['Basic', card.front, card.back];
    const text = noteType === 'Cloze' ? clozeFieldHtml(clozeMarkdown, first) : fieldHtml(markdown, first);
    const fields = [noteType, deckOf(card, plans), text, fieldHtml(markdown, second), tagsOf(card)];
    rows.push(fields.map(quoted).join('\t'));
  }
  return [...HEADER, ...rows].map((line) => `${line}\n`).join('');
}

/** `Exam::Domain`, `Exam` for a card with no domain, the default deck for a card with no exam. */
export function deckOf(card: Pick<StudyCard, 'exam' | 'domain'>, plans: Record<string, StudyPlan>): string {
  const plan = card.exam !== undefined && Object.hasOwn(plans, card.exam) ? plans[card.exam] : undefined;
  if (!plan) return DEFAULT_ANKI_DECK;
  const domain = plan.domains.find((d) => d.id === card.domain);
  return domain ? `${deckName(plan.name)}::${deckName(domain.name)}` : deckName(plan.name);
}

/** A name as one deck level: `::` would start a sub-deck, and a deck name is one line. */
function deckName(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/::+/g, ':').trim() || DEFAULT_ANKI_DECK;
}

/** The exam id and domain id, as Anki tags (space-separated, so no spaces inside one). */
function tagsOf(card: Pick<StudyCard, 'exam' | 'domain'>): string {
  return [card.exam, card.domain]
    .filter((t): t is string => t !== undefined && t.trim() !== '')
    .map((t) => t.trim().replace(/\s+/g, '_'))
    .join(' ');
}

/** Markdown as one HTML field: a single paragraph without its `<p>`, every newline a `<br>`, no raw tab. */
function fieldHtml(markdown: MarkdownIt, text: string): string {
  const tokens = markdown.parse(text, {});
  const single = tokens.length === 3 && tokens[0].type === 'paragraph_open' && tokens[1].type === 'inline';
  const html = single ? markdown.renderer.renderInline(tokens[1].children ?? [], markdown.options, {}) : markdown.renderer.render(tokens, markdown.options, {});
  return (
    html
      .replace(/\n+$/, '')
      .replace(/<br>\n/g, '<br>')
      // Between block tags a newline is layout only (text never holds a raw `<` or `>`: markdown-it escapes them).
      .replace(/>\n</g, '><')
      // What is left is inside a code block, where the line breaks matter.
      .replace(/\r?\n/g, '<br>')
      .replace(/\t/g, '&#9;')
  );
}

/** Where a cloze read by the card rules stands in the rendered field, until clozeFieldHtml writes it for Anki. */
const CLOZE_MARK = /<pce-cloze n="(\d+)">(.*?)<\/pce-cloze>/g;

/** The card parser's markdown-it for a Cloze note's text: our clozes marked, the other card syntax as written. */
/** A line wrapped in the note is one line on the card, as in the review: a soft break is a space. */
function wrappedLinesJoined(md: MarkdownIt): MarkdownIt {
  md.renderer.rules.softbreak = () => ' ';
  return md;
}

function clozeFieldMarkdown(): MarkdownIt {
  const md = wrappedLinesJoined(new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cardSyntax));
  md.renderer.rules[CLOZE] = (tokens, i) => {
    const { number, text, hint } = tokens[i].meta as ClozeMeta;
    return `<pce-cloze n="${number}">${md.renderInline(text)}${hint ? `::${md.utils.escapeHtml(hint)}` : ''}</pce-cloze>`;
  };
  md.renderer.rules[TERM_SEPARATOR] = () => '::';
  md.renderer.rules[CLOZE_ERROR] = () => '';
  return md;
}

/**
 * A Cloze note's text: only the clozes the notes study are clozes for Anki. Anki reads `{{c1::` anywhere in the
 * field, so every other brace (in code, after a backslash) is written as `&#123;`: else Anki made cards of them.
 */
function clozeFieldHtml(markdown: MarkdownIt, text: string): string {
  // Rendered text never holds a raw `<` (markdown-it escapes it), so the marks are only ours.
  return fieldHtml(markdown, text).replace(/\{/g, '&#123;').replace(CLOZE_MARK, (_, n: string, inner: string) => `{{c${n}::${inner}}}`);
}

/** CSV-style quoting, which Anki's reader applies to every separator: only a field with a `"` needs it. */
function quoted(field: string): string {
  const line = field.replace(/[\t\r\n]+/g, ' ');
  return line.includes('"') ? `"${line.replace(/"/g, '""')}"` : line;
}
