// VS Code's own Markdown preview pipeline runs the extension's card plugin (contributes.markdown.markdownItPlugins
// and the extendMarkdownIt export): `markdown.api.render` is the built-in Markdown extension's renderer, the one
// its preview uses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

const render = (text: string): Thenable<string> => vscode.commands.executeCommand<string>('markdown.api.render', text);

describe('Markdown preview', () => {
  before(async () => {
    await activateExtension();
  });

  it('shows a card with its answer behind a disclosure, and a cloze as a blank', async () => {
    const html = await render('# Law\n\n> **Q:** DEA Form 222 orders which schedules?\n>\n> **A:** Schedules I and II.\n\nThe {{c1::deltoid}} is the adult site.\n');
    assert.match(html, /<blockquote[^>]*class="pce-card[ "][^>]*>/, html);
    assert.match(html, /<details class="pce-answer"><summary>Show answer<\/summary>[\s\S]*Schedules I and II\.[\s\S]*<\/details>/, html);
    assert.match(html, /<span class="pce-cloze"[^>]*>\[\.\.\.\]<\/span> is the adult site/, html);
    assert.doesNotMatch(html, /deltoid/);
  });

  it('shows a CE note\'s details as the summary box instead of the front-matter table', async () => {
    const html = await render('---\ntitle: Law\nce_hours: 1.5\ntopics: [law]\ncompleted: 2026-01-05\n---\n# Law\n');
    assert.match(html, /<div class="pce-note-summary" role="note">/, html);
    assert.match(html, /<dt>Contact hours<\/dt><dd>1.5 h<\/dd>/, html);
    assert.doesNotMatch(html, /<table/);
  });
});
