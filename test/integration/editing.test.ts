// Editing help in a real VS Code: completion inside the frontmatter (and not in the body), hovers on a UAN and
// topic keys, and the snippets. Works on untitled Markdown documents: nothing is written to the fixture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localToday } from '../../src/core/common/dates';
import { fixtureUri, waitForIndex } from './helpers';

let untitled = 0;

/** A new untitled Markdown document with its own name (reused `Untitled-1` names can race a closing one). */
async function markdown(text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/editing-help-${++untitled}-${Date.now()}.md` });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(document);
  assert.equal(document.getText(), text);
  return document;
}

async function labelsAt(document: vscode.TextDocument, line: number, character: number): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, character));
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('Editing help', () => {
  before(async () => {
    await waitForIndex();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers topic keys after `topics: [` and in list items, without the ones already listed', async () => {
    const doc = await markdown('---\ntitle: T\nce_hours: 1\ntopics: [law, \ntags:\n---\nBody topics: [\n');
    const inline = await labelsAt(doc, 3, 'topics: [law, '.length);
    assert.ok(inline.includes('patient-safety'), JSON.stringify(inline));
    assert.ok(inline.includes('sterile-compounding'));
    assert.ok(!inline.includes('law'), 'law is already listed');
    // Not in the body, even after the same text.
    const body = await labelsAt(doc, 6, 'Body topics: ['.length);
    assert.ok(!body.includes('patient-safety'), 'no topic completion in the body');
  });

  it('offers topics in a `- ` item under topics, and values for status, format and completed', async () => {
    const doc = await markdown('---\nce_hours: 1\ntopics:\n  - law\n  - \nstatus: \nformat: \ncompleted: \n---\n');
    const item = await labelsAt(doc, 4, 4);
    assert.ok(item.includes('immunizations') && !item.includes('law'), JSON.stringify(item));
    assert.deepEqual((await labelsAt(doc, 5, 8)).filter((l) => ['completed', 'planned', 'in-progress'].includes(l)).sort(), ['completed', 'in-progress', 'planned']);
    assert.ok((await labelsAt(doc, 6, 8)).includes('home-study'));
    assert.ok((await labelsAt(doc, 7, 11)).includes(localToday()));
  });

  it('offers the missing keys at the start of a frontmatter line, with documentation', async () => {
    const doc = await markdown('---\ntitle: T\nce\n---\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('ce_hours') && labels.includes('ceu'), JSON.stringify(labels));
    assert.ok(!labels.includes('title'), 'title is already there');
    const hours = list.items.find((i) => i.label === 'ce_hours')!;
    assert.ok(hours.documentation, 'keys carry documentation');
  });

  it('offers the folder\'s credential ids under `credentials:`', async () => {
    // Credentials come from the note's folder config, so this needs a file in the fixture folder.
    const uri = fixtureUri('notes/editing-credentials.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nce_hours: 1\ncredentials: [\n---\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const index = await waitForIndex();
      const ids = index.folders()[0].index.config.credentials.map((c) => c.id);
      assert.ok(ids.includes('tx'), JSON.stringify(ids));
      const labels = await labelsAt(doc, 2, 'credentials: ['.length);
      assert.deepEqual(labels.filter((l) => ids.includes(l)).sort(), [...ids].sort());
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });

  it('explains a UAN on hover, segment by segment', async () => {
    const doc = await markdown('---\nce_hours: 1\nuan: 0145-0000-25-101-H03-T\n---\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 10));
    const text = hoverText(hovers);
    assert.match(text, /0145-0000-25-101-H03-T/);
    assert.match(text, /provider/i);
    assert.match(text, /home study/i);
    assert.match(text, /Pharmacy law/);
    assert.match(text, /technicians/i);
    assert.match(text, /2025/);

    const topics = await markdown('---\nce_hours: 1\ntopics: [patient-safety]\n---\n');
    const topicHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', topics.uri, new vscode.Position(2, 12)));
    assert.match(topicHover, /Patient safety/);
    assert.match(topicHover, /05/);
  });

  it('expands the cenote snippet into a note the core reads as a CE note', async () => {
    const doc = await markdown('');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'CE note' });
    const text = doc.getText();
    assert.match(text, /^---\ntitle: Activity title\nce_hours: 1\ntopics: \[law\]\n/);
    assert.match(text, /\n## Key points\n/);
  });

  it('career notes: keys of the note\'s type, status values by type, responsibilities, and a hover on a setting', async () => {
    const doc = await markdown('---\ntype: certificate\nstatus: \n\n---\n');
    assert.deepEqual((await labelsAt(doc, 2, 8)).filter((l) => ['completed', 'planned', 'in-progress', 'earned'].includes(l)).sort(), ['earned', 'in-progress', 'planned']);
    const keys = await labelsAt(doc, 3, 0);
    assert.ok(keys.includes('program') && keys.includes('earned') && !keys.includes('employer'), JSON.stringify(keys));

    const job = await markdown('---\ntype: experience\nsetting: long-term-care\nresponsibilities: [inventory, \n---\n');
    const items = await labelsAt(job, 3, 'responsibilities: [inventory, '.length);
    assert.ok(items.includes('sterile-compounding') && !items.includes('inventory'), JSON.stringify(items));
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', job.uri, new vscode.Position(2, 12)));
    assert.match(hover, /Long\\?-term care/);

    const plain = await markdown('---\nce_hours: 1\nstatus: \n\n---\n');
    assert.ok((await labelsAt(plain, 2, 8)).includes('completed'));
    const plainKeys = await labelsAt(plain, 3, 0);
    assert.ok(plainKeys.includes('type') && !plainKeys.includes('employer'), JSON.stringify(plainKeys));
  });
});
