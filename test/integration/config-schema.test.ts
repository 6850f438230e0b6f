// The JSON schema of `.pharmacy-ce.json` as VS Code's own JSON language features use it (package.json's
// jsonValidation): hovers show our descriptions, completion offers the built-in rule sets, and schema
// errors are underlined. Read-only on the fixture's config; the broken config is a file of its own.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, waitFor } from './helpers';

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The position just inside the first occurrence of `needle` in the document. */
function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 1): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} not found`);
  return document.positionAt(index + offsetInNeedle);
}

describe('config schema (.pharmacy-ce.json)', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = await vscode.workspace.openTextDocument(fixtureUri('.pharmacy-ce.json'));
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the property descriptions as hovers', async () => {
    let last = '';
    const text = await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"cycleEnd"', 3));
        last = hoverText(hovers);
        return last.includes('renewal cycle') ? last : undefined;
      },
      20_000,
      'a hover from the schema on "cycleEnd"',
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last hover: ${JSON.stringify(last)}`);
    });
    assert.ok(text);
    assert.match(text, /last day of the current renewal cycle/);
    const exclude = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"exclude"', 3)));
    assert.match(exclude, /never read as notes/);
  });

  it('offers the built-in rule set ids when completing "ruleSet"', async () => {
    const labels = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, '"ptcb-cpht"', 1));
        const found = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
        return found.includes('tx-technician') ? found : undefined;
      },
      20_000,
      'rule set completions',
    );
    assert.ok(labels);
    for (const id of ['ptcb-cpht', 'ptcb-cspt', 'nha-excpt', 'ca-technician']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
  });

  it('offers a snippet for a new credential inside "credentials"', async () => {
    const uri = fixtureUri('schema-snippet/.pharmacy-ce.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "credentials": [\n    \n  ]\n}\n', 'utf8'));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const items = await waitFor(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 4));
          const found = list?.items ?? [];
          return found.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'New credential') ? found : undefined;
        },
        20_000,
        'the "New credential" snippet',
      );
      assert.ok(items);
      const snippet = items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'New credential');
      const body = snippet?.insertText instanceof vscode.SnippetString ? snippet.insertText.value : String(snippet?.insertText);
      assert.match(body, /"ruleSet": "\$\{1\|ptcb-cpht,/);
      assert.match(body, /"cycleEnd"/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });

  it('underlines schema errors in a config file', async () => {
    const uri = fixtureUri('schema-check/.pharmacy-ce.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "credentials": [ { "ruleSet": "ptcb-cpht", "cycleEnd": "03/31/2027" } ]\n}\n', 'utf8'));
    try {
      const broken = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(broken);
      const diagnostics = await waitFor(
        () => {
          const found = vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === 1);
          return found.length > 0 ? found : undefined;
        },
        20_000,
        'a schema diagnostic on the bad cycleEnd',
      );
      assert.ok(diagnostics);
      assert.ok(diagnostics.some((d) => /YYYY-MM-DD/.test(d.message)), diagnostics.map((d) => d.message).join(' | '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });
});
