// The CE Dashboard and Export Transcript in a real VS Code on the fixture workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DashboardApi } from '../../src/features/dashboard';
import type { TranscriptApi } from '../../src/features/transcript';
import { activateExtension, coreWorkspaceFor, fixtureRoot, fixtureUri, waitFor, waitForIndex } from './helpers';
import { cspOf, scriptNonce, webviewPolicy } from '../csp';

const XSS_TITLE = '<img src=x onerror=alert(1)>';

/** waitFor, typed for predicates that return undefined until the thing exists. */
async function until<T>(predicate: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  return (await waitFor(predicate, timeoutMs, what)) as T;
}

async function dashboardApi(): Promise<DashboardApi> {
  const api = await activateExtension();
  const dashboard = api.features['dashboard'] as DashboardApi | undefined;
  assert.ok(dashboard, 'the dashboard feature started');
  return dashboard;
}

describe('CE Dashboard', function () {
  this.timeout(60_000);
  const added: string[] = [];

  after(async () => {
    for (const file of added) fs.rmSync(file, { force: true });
    fs.rmSync(path.join(fixtureRoot(), 'transcripts'), { recursive: true, force: true });
    (await dashboardApi()).panel()?.dispose();
  });

  it('opens from the command with a locked-down webview', async () => {
    await waitForIndex();
    const dashboard = await dashboardApi();
    await vscode.commands.executeCommand('pharmacyCe.openDashboard');
    const panel = await until(() => dashboard.panel(), 10_000, 'the dashboard panel');
    assert.equal(panel.viewType, 'pharmacyCe.dashboard');
    assert.equal(panel.options.retainContextWhenHidden, undefined);
    assert.equal(panel.webview.options.enableCommandUris, false);
    assert.equal(panel.webview.options.enableScripts, true);
    assert.deepEqual(panel.webview.options.localResourceRoots?.map((u) => path.basename(u.path)).sort(), ['dist', 'media']);
    const html = panel.webview.html;
    // The policy, directive by directive: the stylesheet and images from the extension, data: images, the one script.
    assert.deepEqual(cspOf(html), webviewPolicy(panel.webview.cspSource, scriptNonce(html), 'stylesheet'));
    assert.match(html, /<script nonce="[^"]+" src="[^"]+webview\.js"><\/script>/);
    // The script ran under that CSP: it said `ready` and got the body as a message.
    const render = await until(() => dashboard.lastRender(), 15_000, 'the webview script to ask for the body');
    assert.match(render.html, /data-credential="ptcb-cpht"/);
    // Drawn by the renderer loaded on demand, from its own file next to the extension's.
    assert.ok(Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}dist${path.sep}dashboard-render.js`)));
  });

  it('shows the fixture figures, as the core computes them', async () => {
    const index = await waitForIndex();
    const dashboard = await dashboardApi();
    const model = await until(() => dashboard.currentModel(), 10_000, 'the dashboard model');
    assert.equal(model.folders.length, 1);
    const folder = model.folders[0];
    const cpht = folder.credentials.find((c) => c.id === 'ptcb-cpht');
    assert.ok(cpht);
    assert.deepEqual([cpht.earned, cpht.required], [11, 20]);
    assert.deepEqual(cpht.requirements.map((r) => [r.id, r.earned, r.required, r.met]), [['law', 1, 1, true], ['patient-safety', 2, 1, true]]);
    assert.deepEqual([cpht.cycle.start, cpht.cycle.end], ['2025-04-01', '2027-03-31']);
    assert.equal(cpht.timeline.at(-1)?.hours, 11);
    const tx = folder.credentials.find((c) => c.id === 'tx');
    assert.deepEqual(tx && [tx.cycle.start, tx.cycle.end], ['2025-01-01', '2026-12-31']);

    const core = coreWorkspaceFor(fixtureRoot(), index.asOf()).evaluate(index.asOf());
    assert.deepEqual(folder.credentials.map((c) => [c.id, c.earned, c.required]), core.map((p) => [p.credential.id, p.hours.earned, p.hours.required]));

    const kinds = folder.actions.map((a) => a.kind);
    assert.ok(kinds.includes('errors'), 'bad-hours and broken-yaml are listed');
    const certificates = folder.actions.find((a) => a.kind === 'certificate-missing');
    assert.deepEqual(certificates && 'notes' in certificates && certificates.notes.map((n) => n.path), ['notes/sterile-compounding-refresher.md']);
    assert.ok(folder.recentNotes.some((n) => n.path === 'notes/look-alike-sound-alike.md' && n.hours === 2));

    const html = dashboard.lastRender()?.html ?? '';
    assert.match(html, /<article class="card[^"]*" data-credential="ptcb-cpht"[\s\S]*?11 \/ 20 h/);
  });

  it('updates after a note changes, and escapes a hostile title in the HTML it sends', async () => {
    const index = await waitForIndex();
    const dashboard = await dashboardApi();
    const before = await until(() => dashboard.lastRender(), 10_000, 'a first render');
    const file = path.join(fixtureRoot(), 'notes', 'zz-dashboard-xss.md');
    added.push(file);
    fs.writeFileSync(file, ['---', `title: "${XSS_TITLE}"`, 'ce_hours: 1', 'topics: [law]', `completed: ${index.asOf()}`, '---', `Body ${XSS_TITLE} [x](javascript:alert(1))`, ''].join('\n'));

    const after = await until(
      () => {
        const r = dashboard.lastRender();
        return r && r.version > before.version && r.html.includes('12 / 20 h') ? r : undefined;
      },
      20_000,
      'a render with the new note counted (12 / 20 h)',
    );
    const cpht = dashboard.currentModel()?.folders[0].credentials.find((c) => c.id === 'ptcb-cpht');
    assert.equal(cpht?.earned, 12);
    assert.ok(after.html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the title is shown as text');
    assert.ok(!/<img/i.test(after.html), 'no img element reaches the webview');
    assert.ok(!/href="(?!https?:|mailto:)/i.test(after.html), 'no link but web and mail links');
    // Posted as a message into the same page: the panel's HTML was not reloaded.
    assert.ok(!dashboard.panel()?.webview.html.includes('12 / 20 h'));

    fs.rmSync(file);
    await until(() => dashboard.lastRender()?.html.includes('11 / 20 h'), 20_000, 'the figures back at 11 / 20 h');
  });

  it('previews recent notes from their text, and redraws a preview as its note is typed in', async () => {
    await waitForIndex();
    const dashboard = await dashboardApi();
    await until(() => dashboard.lastRender()?.html.includes('ISMP list of confused drug names'), 20_000, 'the Key points of a recent note in the dashboard');
    // A body edit changes nothing the index keeps; the dashboard still redraws the preview.
    const uri = fixtureUri('notes/look-alike-sound-alike.md');
    const editor = await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const at = editor.document.getText().indexOf('- ISMP list');
    assert.ok(at > 0);
    await editor.edit((edit) => edit.insert(editor.document.positionAt(at), '- Typed just now: read back labels.\n'));
    await until(() => dashboard.lastRender()?.html.includes('Typed just now: read back labels.'), 20_000, 'the typed key point in the preview');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until(() => !dashboard.lastRender()?.html.includes('Typed just now'), 20_000, 'the preview back as saved');

    // Changed on disk by another program, in the body only: the index is silent, the preview still follows.
    // (A note never opened in this window: VS Code keeps an opened one's document and reports its changes.)
    const file = path.join(fixtureRoot(), 'notes', 'diabetes-pharmacotherapy.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file));
    await until(() => dashboard.lastRender()?.html.includes('GLP-1 agonists, SGLT2 inhibitors'), 20_000, 'the first paragraph as the preview');
    const saved = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, saved.replace('GLP-1 agonists', 'Written by another editor. GLP-1 agonists'));
      await until(() => dashboard.lastRender()?.html.includes('Written by another editor.'), 20_000, 'the preview after an outside edit');
    } finally {
      fs.writeFileSync(file, saved);
    }
    await until(() => !dashboard.lastRender()?.html.includes('Written by another editor.'), 20_000, 'the preview back after the file is restored');
  });

  it('opens an indexed note when the webview asks', async () => {
    const dashboard = await dashboardApi();
    const folder = vscode.workspace.workspaceFolders![0].uri.toString();
    const ok = await dashboard.receive({ type: 'openNote', folder, path: 'notes/federal-law-update.md' });
    assert.equal(ok, true);
    const editor = await until(
      () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('/notes/federal-law-update.md') ? vscode.window.activeTextEditor : undefined),
      10_000,
      'the note in an editor',
    );
    assert.equal(editor.document.uri.toString(), fixtureUri('notes/federal-law-update.md').toString());
  });

  it('rejects messages naming anything but an indexed note of a workspace folder', async () => {
    const dashboard = await dashboardApi();
    const folder = vscode.workspace.workspaceFolders![0].uri.toString();
    const outside = path.join(path.dirname(fixtureRoot()), 'outside-the-workspace.md');
    fs.writeFileSync(outside, '---\nce_hours: 1\n---\n');
    try {
      const hostile: unknown[] = [
        { type: 'openNote', folder, path: '../outside-the-workspace.md' },
        { type: 'openNote', folder, path: 'notes/../../outside-the-workspace.md' },
        { type: 'openNote', folder, path: outside },
        { type: 'openNote', folder: vscode.Uri.file(path.dirname(fixtureRoot())).toString(), path: 'outside-the-workspace.md' },
        { type: 'openNote', folder, path: '.pharmacy-ce.json' },
        { type: 'openNote', folder, path: 'certificates/law-2025.pdf' },
        { type: 'openNote', folder, path: 'templates/ce-template.md' },
        { type: 'openNote', folder, path: 42 },
        { type: 'runCommand', command: 'workbench.action.quit' },
        { type: 'exportTranscript', folder, credentialId: 'no-such-credential' },
        'openNote',
        null,
      ];
      const activeBefore = vscode.window.activeTextEditor?.document.uri.toString();
      for (const message of hostile) assert.equal(await dashboard.receive(message), false, JSON.stringify(message));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), activeBefore, 'no editor was opened');
      const opened = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.path : ''));
      for (const name of ['outside-the-workspace.md', '.pharmacy-ce.json', 'law-2025.pdf', 'ce-template.md']) {
        assert.ok(!opened.some((p) => p.endsWith(`/${name}`)), `${name} is not open`);
      }
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  it('reveals a credential from a tree target', async () => {
    const dashboard = await dashboardApi();
    const folderUri = vscode.workspace.workspaceFolders![0].uri;
    await vscode.commands.executeCommand('pharmacyCe.revealInDashboard', { folderUri, credentialId: 'tx' });
    const message = await until(() => {
      const m = dashboard.lastMessage();
      return m?.type === 'reveal' ? m : undefined;
    }, 10_000, 'a reveal message');
    assert.deepEqual(message.target, { kind: 'credential', folder: folderUri.toString(), credentialId: 'tx' });
    assert.equal(dashboard.panel()?.visible, true);
  });

  it('reveals a note, and opening the dashboard twice keeps one panel', async () => {
    const dashboard = await dashboardApi();
    const first = dashboard.panel();
    const uri = fixtureUri('notes/look-alike-sound-alike.md');
    await vscode.commands.executeCommand('pharmacyCe.revealInDashboard', { uri });
    const message = await until(() => {
      const m = dashboard.lastMessage();
      return m?.type === 'reveal' && m.target.kind === 'note' ? m : undefined;
    }, 10_000, 'a note reveal message');
    assert.deepEqual(message.target, { kind: 'note', folder: vscode.workspace.workspaceFolders![0].uri.toString(), path: 'notes/look-alike-sound-alike.md' });
    await vscode.commands.executeCommand('pharmacyCe.openDashboard');
    assert.equal(dashboard.panel(), first);
  });

  it('catches up after being hidden: the webview asks again when shown and gets the new figures', async () => {
    const index = await waitForIndex();
    const dashboard = await dashboardApi();
    const panel = dashboard.panel();
    assert.ok(panel);
    // Cover the dashboard with a note in the same editor group: without retainContextWhenHidden its page is dropped.
    await vscode.window.showTextDocument(fixtureUri('notes/federal-law-update.md'), { viewColumn: panel.viewColumn, preview: false });
    await waitFor(() => !panel.visible, 10_000, 'the dashboard to be hidden');
    const hiddenVersion = dashboard.lastRender()?.version ?? 0;
    const file = path.join(fixtureRoot(), 'notes', 'zz-dashboard-hidden.md');
    added.push(file);
    fs.writeFileSync(file, ['---', 'title: Added while hidden', 'ce_hours: 2', `completed: ${index.asOf()}`, '---', ''].join('\n'));
    await waitFor(() => dashboard.currentModel()?.folders[0].credentials.find((c) => c.id === 'ptcb-cpht')?.earned === 13, 20_000, 'the model at 13 h');
    assert.equal(dashboard.lastRender()?.version ?? 0, hiddenVersion, 'nothing is posted to a hidden webview');
    panel.reveal();
    const shown = await until(() => {
      const r = dashboard.lastRender();
      return r && r.version > hiddenVersion ? r : undefined;
    }, 15_000, 'a render after the dashboard is shown again');
    assert.ok(shown.html.includes('13 / 20 h'));
    fs.rmSync(file);
    await waitFor(() => dashboard.lastRender()?.html.includes('11 / 20 h'), 20_000, 'the figures back at 11 / 20 h');
  });
});

describe('Export Transcript', function () {
  this.timeout(30_000);

  it('writes the CSV and the printable HTML of a credential into transcripts/', async () => {
    await waitForIndex();
    const api = await activateExtension();
    const transcript = api.features['transcript'] as TranscriptApi;
    const folderUri = vscode.workspace.workspaceFolders![0].uri;
    const written = await transcript.exportTranscript(folderUri, 'ptcb-cpht', { overwrite: true, quiet: true });
    assert.ok(written);
    assert.ok(written.csv.path.endsWith('/transcripts/ptcb-cpht-2027-03-31.csv'));
    assert.ok(written.html.path.endsWith('/transcripts/ptcb-cpht-2027-03-31.html'));
    const csv = fs.readFileSync(written.csv.fsPath, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'Completion date,Title,Provider,UAN,Format,Audience,Topics,Hours,Certificate,Counted,Reason,Limit,To check');
    assert.ok(lines.some((l) => l.startsWith('2025-06-10,Federal Pharmacy Law Update 2025,Power-Pak C.E.,0145-0000-25-101-H03-T,Home study,Technician,law,1,certificates/law-2025.pdf,yes')));
    assert.ok(lines.some((l) => l.includes('Store In-Service on the New Robot') && /,no,/.test(l)));
    assert.ok(lines.some((l) => l.includes('USP <797> Sterile Compounding Refresher') && l.includes('certificates/usp797-missing.pdf,yes,,,certificate file not found')));
    assert.ok(!csv.includes('Oncology Overview'), 'a note with errors is left out');
    assert.equal(lines.length, 1 + 5);
    const html = fs.readFileSync(written.html.fsPath, 'utf8');
    assert.ok(html.includes('11 of 20 required'), html.slice(html.indexOf('<dl>'), html.indexOf('</dl>')));
    assert.ok(!/<script/i.test(html));
    fs.rmSync(path.dirname(written.csv.fsPath), { recursive: true, force: true });
  });
});
