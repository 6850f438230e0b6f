// The printable transcript view (issue 12): Export Transcript shows the page inside VS Code, in a locked-down
// webview with a Print button, and never opens a `file:` address outside VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TranscriptApi } from '../../src/features/transcript';
import { activateExtension, fixtureRoot, waitFor, waitForIndex } from './helpers';
import { cspOf, webviewPolicy } from '../csp';

describe('Printable transcript view', function () {
  this.timeout(60_000);
  const external: vscode.Uri[] = [];
  const commands: { command: string; args: unknown[] }[] = [];
  const originalOpenExternal = vscode.env.openExternal;
  const originalExecute = vscode.commands.executeCommand;

  before(() => {
    // The extension shares this API object with the tests: what it opens and runs goes through these.
    (vscode.env as { openExternal: typeof vscode.env.openExternal }).openExternal = async (target: vscode.Uri) => {
      external.push(target);
      return true;
    };
    (vscode.commands as { executeCommand: typeof vscode.commands.executeCommand }).executeCommand = (<T>(command: string, ...args: unknown[]) => {
      commands.push({ command, args });
      return originalExecute<T>(command, ...args);
    }) as typeof vscode.commands.executeCommand;
  });

  after(async () => {
    (vscode.env as { openExternal: typeof vscode.env.openExternal }).openExternal = originalOpenExternal;
    (vscode.commands as { executeCommand: typeof vscode.commands.executeCommand }).executeCommand = originalExecute;
    ((await activateExtension()).features['transcript'] as TranscriptApi).view()?.dispose();
    await originalExecute('workbench.action.closeAllEditors');
    fs.rmSync(path.join(fixtureRoot(), 'transcripts'), { recursive: true, force: true });
  });

  it('Export Transcript shows the transcript in a webview panel with a Print button, a nonce CSP and the rows', async () => {
    await waitForIndex();
    const transcript = (await activateExtension()).features['transcript'] as TranscriptApi;
    fs.rmSync(path.join(fixtureRoot(), 'transcripts'), { recursive: true, force: true });
    const folderUri = vscode.workspace.workspaceFolders![0].uri;
    await vscode.commands.executeCommand('pharmacyCe.exportTranscript', { folderUri, credentialId: 'ptcb-cpht' });

    const panel = (await waitFor(() => transcript.view(), 10_000, 'the transcript view')) as vscode.WebviewPanel;
    assert.equal(panel.viewType, 'pharmacyCe.transcript');
    assert.equal(panel.title, 'Transcript: PTCB CPhT');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.equal(panel.webview.options.enableCommandUris, false);
    const html = transcript.viewHtml() ?? '';
    assert.equal(panel.webview.html, html);

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, `a script nonce in the CSP: ${csp}`);
    // The page's own style and its one script run under the nonce; images from the extension or data:.
    assert.deepEqual(cspOf(html), webviewPolicy(panel.webview.cspSource, nonce, 'own style'));
    assert.equal((html.match(/<style nonce="([^"]+)">/g) ?? []).join(), `<style nonce="${nonce}">`);
    assert.match(csp, /^default-src 'none';/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), csp);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`) && scripts[0].includes('transcript-webview.js'), scripts[0]);

    assert.match(html, /<button id="print" type="button">Print<\/button>/);
    // The rows of the fixture's PTCB transcript, with the new columns.
    for (const text of [
      'Federal Pharmacy Law Update 2025',
      'Diabetes Pharmacotherapy (pharmacist CE)',
      '<td>Home study</td><td>Pharmacist</td>',
      'Pharmacist CE: 5 of max 5 h (6 h done)',
      'certificate file not found',
      'Left out: notes with errors',
      'ce_hours cannot be negative (found -2).',
    ]) {
      assert.ok(html.includes(text), text);
    }
    assert.equal((html.match(/<table class="activities">[^]*?<\/table>/)?.[0].match(/<tr/g) ?? []).length, 1 + 5);

    // The spreadsheet file is written, but not opened as one long line of text.
    assert.ok(fs.existsSync(path.join(fixtureRoot(), 'transcripts/ptcb-cpht-2027-03-31.csv')));
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('.csv')), 'the CSV is not opened');
  });

  it('Show in Explorer reveals the written page in the Explorer view; nothing is opened outside VS Code', async () => {
    const transcript = (await activateExtension()).features['transcript'] as TranscriptApi;
    assert.ok(transcript.view(), 'the view from the previous test');
    commands.length = 0;
    assert.equal(await transcript.receive({ type: 'showInExplorer' }), true);
    const reveal = commands.find((c) => c.command === 'revealInExplorer');
    assert.ok(reveal, `revealInExplorer was run (saw: ${commands.map((c) => c.command).join(', ')})`);
    assert.ok((reveal.args[0] as vscode.Uri).path.endsWith('/transcripts/ptcb-cpht-2027-03-31.html'));
    assert.equal(await transcript.receive({ type: 'printUnavailable' }), true);

    // Unknown or malformed messages are refused.
    for (const bad of [undefined, null, 'print', [], {}, { type: 'openExternal', uri: 'file:///etc/passwd' }, { type: 'showInExplorer ' }]) {
      assert.equal(await transcript.receive(bad), false, JSON.stringify(bad));
    }
    assert.deepEqual(external.map(String), [], 'nothing opened externally');
    assert.ok(!commands.some((c) => c.command === 'revealFileInOS' || c.command === 'vscode.open'), commands.map((c) => c.command).join(', '));
  });
});
