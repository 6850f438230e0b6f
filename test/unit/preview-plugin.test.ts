// The Markdown preview plugin (src/features/preview/plugin.ts) rendered with a plain markdown-it set up as VS Code
// sets up its own (html on, a front-matter block rule giving a `front_matter` token with `{ content }`).
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { cardPreview } from '../../src/features/preview/plugin';
import { inSpanish, SPANISH } from './spanish';

/** The front-matter rule VS Code adds after the plugins: `---` on line 1 up to the next `---` line. */
function vscodeFrontMatter(md: MarkdownIt): void {
  md.block.ruler.before(
    'fence',
    'front_matter',
    (state: StateBlock, start: number, end: number, silent: boolean) => {
      const line = (n: number) => state.src.slice(state.bMarks[n], state.eMarks[n]).trimEnd();
      if (start !== 0 || line(0) !== '---') return false;
      let close = 1;
      while (close < end && line(close) !== '---') close++;
      if (close >= end) return false;
      if (silent) return true;
      const token = state.push('front_matter', '', 0);
      token.meta = { content: state.src.slice(state.bMarks[1], state.bMarks[close]).replace(/\n$/, '') };
      token.map = [0, close + 1];
      state.line = close + 1;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
  md.renderer.rules.front_matter = () => '<table class="vscode-front-matter"></table>';
}

function render(text: string, options = {}): string {
  const md = new MarkdownIt({ html: true });
  md.use(cardPreview, options);
  vscodeFrontMatter(md); // after the plugin, as VS Code does
  return md.render(text);
}

describe('preview plugin: cards', () => {
  it('puts a card\'s answer behind a disclosure, the question shown', () => {
    const html = render('> **Q:** What is the DEA form for C-II orders?\n>\n> **A:** Form 222.\n>\n> Or CSOS.\n');
    assert.match(html, /^<blockquote class="pce-card">\n<p><strong>Q:<\/strong> What is the DEA form for C-II orders\?<\/p>\n<details class="pce-answer"><summary>Show answer<\/summary>\n<p><strong>A:<\/strong> Form 222.<\/p>\n<p>Or CSOS.<\/p>\n<\/details>\n<\/blockquote>\n$/);
  });

  it('splits a paragraph whose later line starts with **A:**', () => {
    const html = render('> **Q:** Tall Man lettering?\n> **A:** hydrOXYzine vs hydrALAZINE\n');
    assert.equal(
      html,
      '<blockquote class="pce-card">\n<p><strong>Q:</strong> Tall Man lettering?</p>\n<details class="pce-answer"><summary>Show answer</summary>\n<p><strong>A:</strong> hydrOXYzine vs hydrALAZINE</p>\n</details>\n</blockquote>\n',
    );
  });

  it('leaves a question without an answer and an ordinary quote as quotes', () => {
    assert.equal(render('> **Q:** No answer yet\n'), '<blockquote>\n<p><strong>Q:</strong> No answer yet</p>\n</blockquote>\n');
    assert.equal(render('> A quote.\n'), '<blockquote>\n<p>A quote.</p>\n</blockquote>\n');
  });

  it('shows a cloze as a blank or its hint, never its answer; code keeps its braces', () => {
    const html = render('The {{c1::deltoid}} is the adult {{c2::IM::route}} site; `{{c1::code}}`.');
    assert.equal(html, '<p>The <span class="pce-cloze" title="Cloze: hidden while you study">[...]</span> is the adult <span class="pce-cloze" title="Cloze: hidden while you study">[route]</span> site; <code>{{c1::code}}</code>.</p>\n');
    assert.ok(!html.includes('deltoid') && !html.includes('>IM<'));
  });

  it('escapes what a note writes: a hint, a question, raw HTML in a card', () => {
    const html = render('Dose {{c1::x::<img src=x onerror=alert(1)>}}\n\n> **Q:** <script>alert(1)</script> &\n>\n> **A:** "ok"\n');
    assert.ok(!html.includes('<img'), html);
    assert.match(html, /\[&lt;img src=x onerror=alert\(1\)&gt;\]/);
    // Raw HTML in a note is VS Code's own business (its preview sanitizes it); the plugin adds none of its own.
    assert.equal(new MarkdownIt({ html: false }).use(cardPreview).render('> **Q:** <b>x</b>\n>\n> **A:** y\n').includes('&lt;b&gt;x&lt;/b&gt;'), true);
  });

  it('a cloze or a term in a heading or a table cell is shown as written: the card reader does not study it', () => {
    const html = render('# The {{c1::deltoid}} :: site\n\n| a | b |\n|---|---|\n| {{c1::x}} | y :: z |\n');
    assert.match(html, /<h1>The {{c1::deltoid}} :: site<\/h1>/);
    assert.match(html, /<td>{{c1::x}}<\/td>\n<td>y :: z<\/td>/);
    assert.ok(!html.includes('pce-'), html);
  });

  it('keeps a term as written, the separator marked', () => {
    assert.equal(render('- NDC :: National Drug Code'), '<ul>\n<li>NDC <span class="pce-term-separator">::</span> National Drug Code</li>\n</ul>\n');
  });

  it('speaks the language of the loaded bundle', () => {
    assert.ok(SPANISH['Show answer'] && SPANISH['Show answer'] !== 'Show answer');
    assert.ok(inSpanish(() => render('> **Q:** a\n>\n> **A:** b\n')).includes(`<summary>${SPANISH['Show answer']}</summary>`));
    assert.match(render('> **Q:** a\n>\n> **A:** b\n'), /<summary>Show answer<\/summary>/);
  });
});

describe('preview plugin: a CE note\'s details', () => {
  const ce = '---\ntitle: Law <update>\nce_hours: 1.5\ntopics: [law, patient-safety]\nuan: 0145-0000-24-101-H03-T\ncompleted: 2026-01-05\n---\n# Law\n';

  it('shows a summary box with hours, topics, UAN and date instead of the table', () => {
    const html = render(ce);
    assert.ok(!html.includes('vscode-front-matter'));
    assert.match(html, /^<div class="pce-note-summary" role="note"><p class="pce-summary-title">CE activity<\/p><dl>/);
    assert.match(html, /<dt>Contact hours<\/dt><dd>1.5 h<\/dd>/);
    assert.match(html, /<dt>Topics<\/dt><dd>[^<]*Law[^<]*, Patient safety<\/dd>/i);
    assert.match(html, /<dt>ACPE activity number<\/dt><dd>0145-0000-24-101-H03-T<\/dd>/);
    assert.match(html, /<dt>Completed on<\/dt><dd>2026-01-05<\/dd>/);
    assert.match(html, /<h1>Law<\/h1>/);
  });

  it('says a note with an error does not count, and escapes what it shows', () => {
    const html = render('---\nce_hours: 2\ncompleted: 2026-02-30\ntopics: ["<b>x</b>"]\n---\nBody\n');
    assert.match(html, /does not count yet/);
    assert.match(html, /<dd>2 h<\/dd>/);
    assert.ok(html.includes('&lt;b&gt;x&lt;/b&gt;') && !html.includes('<b>x'), html);
  });

  it('leaves a study note\'s details and hidden ones to VS Code', () => {
    assert.match(render('---\ntitle: Study\nexam: ptce\n---\nText\n'), /vscode-front-matter/);
    assert.match(render(ce, { noteSummary: () => false }), /vscode-front-matter/);
  });
});
