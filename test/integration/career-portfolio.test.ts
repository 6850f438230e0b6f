// New Career Note and Export Portfolio (issue #14) in a real VS Code: a job recorded from the palette by
// answering its pickers and boxes as a person would (Escape at a question writes nothing), and the portfolio
// written next to the transcripts and shown in a printable view inside VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readFrontmatter } from '../../src/core/notes/frontmatter';
import { daysBetween } from '../../src/core/common/dates';
import type { CommandsTestApi } from '../../src/features/commands';
import type { Questions } from '../../src/features/commands/questions';
import type { PortfolioApi } from '../../src/features/portfolio';
import { activateExtension, fixtureRoot, waitFor, waitForIndex } from './helpers';
import { cspOf, webviewPolicy } from '../csp';

/** A job's length in years as the model counts it (days / 365.25; the model also counts the last day). */
const yearsBetween = (start: string, end: string): number => daysBetween(start, end) / 365.25;

type Question = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

function nextQuestion(questions: Questions): Promise<Question> {
  return new Promise((resolve) => {
    const subscription = questions.onDidShow((question) => {
      subscription.dispose();
      resolve(question);
    });
  });
}

/** Enter through VS Code's own command, then the question that follows. */
async function enterThenNext(questions: Questions): Promise<Question> {
  const next = nextQuestion(questions);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return next;
}

/** Highlights the item whose label includes `label` with the arrow keys' commands. */
async function highlight(question: Question, label: string): Promise<void> {
  assert.ok('items' in question, `a picker, not an input box titled ${question.title}`);
  const picker = question;
  const at = picker.items.findIndex((it) => it.label.includes(label));
  assert.ok(at >= 0, `an item "${label}" among ${picker.items.map((it) => it.label).join(', ')}`);
  await vscode.commands.executeCommand('quickInput.first');
  for (let i = 0; i < at; i++) await vscode.commands.executeCommand('quickInput.next');
  await waitFor(() => picker.activeItems[0] === picker.items[at], 5_000, `"${label}" highlighted`);
}

function type(question: Question, text: string): void {
  assert.ok(!('items' in question), `an input box, not a picker titled ${question.title}`);
  question.value = text;
}

/** Each key of the note's details as read back: a scalar's text or a list's texts. */
function details(file: string): Record<string, string | string[]> {
  const read = readFrontmatter(fs.readFileSync(file, 'utf8'));
  assert.equal(read.kind, 'read');
  const out: Record<string, string | string[]> = {};
  if (read.kind === 'read') for (const [key, { value }] of read.fm.entries) out[key] = value?.kind === 'seq' ? value.items.map((i) => i.value) : (value?.value ?? '');
  return out;
}

const careerDir = () => path.join(fixtureRoot(), 'career');

/** Removes the career notes a test wrote and waits until the index has dropped them: the suites after this one read the same fixture. */
async function removeCareerNotes(): Promise<void> {
  fs.rmSync(careerDir(), { recursive: true, force: true });
  const folder = (await waitForIndex()).folders()[0];
  await waitFor(() => !folder.index.notes().some((n) => n.path.startsWith('career/')), 10_000, 'the index drops the career notes');
}

describe('Career note: New Career Note from the palette', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeCareerNotes();
  });

  it('a job answered question by question is written to career/, opened, and read by the index', async () => {
    const index = await waitForIndex();
    const { questions } = (await activateExtension()).features.commands as CommandsTestApi;
    fs.rmSync(careerDir(), { recursive: true, force: true });
    const employer = 'Mercy "General": #1 Hospital';
    const folder = index.folders()[0];
    const asOf = index.asOf();
    const yearsBefore = folder.index.career(asOf).experience.years;
    const shown = nextQuestion(questions);
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.newCareerNote');
    let question = await shown;
    assert.equal(question.title, 'New Career Note');
    await highlight(question, 'Job');
    question = await enterThenNext(questions);
    assert.equal(question.step, 2);
    type(question, employer);
    question = await enterThenNext(questions);
    type(question, 'Lead technician');
    question = await enterThenNext(questions);
    await highlight(question, 'Hospital');
    question = await enterThenNext(questions);
    type(question, '03/01/2023');
    question = await enterThenNext(questions);
    await highlight(question, 'still work there');
    question = await enterThenNext(questions);
    type(question, '40');
    question = await enterThenNext(questions);
    await highlight(question, 'Sterile compounding');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const uri = await running;

    assert.ok(uri, 'a note was written');
    assert.equal(path.relative(fixtureRoot(), uri.fsPath).split(path.sep).join('/'), 'career/lead-technician-at-mercy-general-1-hospital.md');
    assert.deepEqual(details(uri.fsPath), {
      title: `Lead technician at ${employer}`,
      type: 'experience',
      employer,
      role: 'Lead technician',
      setting: 'hospital',
      start: '2023-03-01',
      hours_per_week: '40',
      responsibilities: ['sterile-compounding'],
    });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the note is opened');
    const note = await waitFor(() => folder.index.getNote('career/lead-technician-at-mercy-general-1-hospital.md'), 10_000, 'the index reads the note');
    assert.equal(note?.title, `Lead technician at ${employer}`);
    assert.deepEqual(note?.career, { type: 'experience', employer, role: 'Lead technician', setting: 'hospital', start: '2023-03-01', hoursPerWeek: 40, responsibilities: ['sterile-compounding'] });
    // The career years figure moves by the job's time so far: it is current, so it runs to the as-of date.
    const years = folder.index.career(asOf).experience.years;
    assert.ok(Math.abs(years - yearsBefore - yearsBetween('2023-03-01', asOf)) < 0.01, `${yearsBefore} + the job's ${yearsBetween('2023-03-01', asOf)} years, got ${years}`);
  });

  it('says which programs already have a note, so a second one is not made by mistake', async () => {
    const index = await waitForIndex();
    const { questions } = (await activateExtension()).features.commands as CommandsTestApi;
    fs.mkdirSync(careerDir(), { recursive: true });
    fs.writeFileSync(path.join(careerDir(), 'tpv.md'), '---\ntype: certificate\nprogram: ptcb-tpv\nstatus: earned\nearned: 2024-01-10\n---\n# TPV\n');
    await waitFor(() => index.folders()[0].index.getNote('career/tpv.md'), 10_000, 'the index reads the certificate note');
    const q = nextQuestion(questions);
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.newCareerNote');
    await highlight(await q, 'Certificate');
    const programs = await enterThenNext(questions);
    assert.ok('items' in programs, 'the program picker');
    const described = (label: string) => programs.items.find((it) => it.label.startsWith(label))?.description ?? '';
    assert.match(described('Technician Product Verification'), /already earned: a note exists/);
    assert.doesNotMatch(described('Medication History'), /note exists/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined);
  });

  it('Escape at a question cancels with nothing written', async () => {
    await waitForIndex();
    const { questions } = (await activateExtension()).features.commands as CommandsTestApi;
    fs.rmSync(careerDir(), { recursive: true, force: true });
    const q = nextQuestion(questions);
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.newCareerNote');
    const question = await q;
    await highlight(question, 'Membership');
    const box = await enterThenNext(questions);
    type(box, 'NPTA');
    const renews = await enterThenNext(questions);
    assert.equal(renews.step, 3);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined);
    assert.ok(!fs.existsSync(careerDir()), 'no career folder, no note');
  });
});

describe('Portfolio: Export Portfolio', function () {
  this.timeout(60_000);
  const external: vscode.Uri[] = [];
  const originalOpenExternal = vscode.env.openExternal;

  before(() => {
    (vscode.env as { openExternal: typeof vscode.env.openExternal }).openExternal = async (target: vscode.Uri) => {
      external.push(target);
      return true;
    };
  });

  after(async () => {
    (vscode.env as { openExternal: typeof vscode.env.openExternal }).openExternal = originalOpenExternal;
    ((await activateExtension()).features['portfolio'] as PortfolioApi).view()?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(fixtureRoot(), 'transcripts'), { recursive: true, force: true });
    await removeCareerNotes();
  });

  it('writes the portfolio next to the transcripts and shows it in a webview inside VS Code', async () => {
    const index = await waitForIndex();
    const portfolio = (await activateExtension()).features['portfolio'] as PortfolioApi;
    fs.rmSync(path.join(fixtureRoot(), 'transcripts'), { recursive: true, force: true });
    // A job whose employer is markup: the portfolio shows it as text.
    fs.mkdirSync(careerDir(), { recursive: true });
    fs.writeFileSync(path.join(careerDir(), 'markup-job.md'), '---\ntype: experience\nemployer: "<script>alert(1)</script> & Co"\nrole: Technician\nsetting: clinic\nstart: 2024-01-02\n---\n');
    await waitFor(() => index.folders()[0].index.career(index.asOf()).experience.jobs.length === 1, 10_000, 'the index reads the job');
    const folderUri = vscode.workspace.workspaceFolders![0].uri;
    const file = await vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.exportPortfolio', { folder: folderUri });

    assert.ok(file, 'a file was written');
    assert.equal(path.relative(fixtureRoot(), file.fsPath).split(path.sep).join('/'), `transcripts/portfolio-${index.asOf()}.html`);
    const written = fs.readFileSync(file.fsPath, 'utf8');
    assert.ok(!/<script/i.test(written), 'the written page has no script');
    assert.match(written, /content="default-src 'none'; style-src 'unsafe-inline'"/);

    const panel = (await waitFor(() => portfolio.view(), 10_000, 'the portfolio view')) as vscode.WebviewPanel;
    assert.equal(panel.viewType, 'pharmacyCe.portfolio');
    assert.equal(panel.webview.options.enableCommandUris, false);
    const html = portfolio.viewHtml() ?? '';
    assert.equal(panel.webview.html, html);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, `a script nonce in the CSP: ${csp}`);
    // The page's own style and its one script run under the nonce; images from the extension or data:.
    assert.deepEqual(cspOf(html), webviewPolicy(panel.webview.cspSource, nonce, 'own style'));
    assert.equal((html.match(/<style nonce="([^"]+)">/g) ?? []).join(), `<style nonce="${nonce}">`);
    assert.ok(!csp.includes('unsafe-inline'), csp);
    assert.equal((html.match(/<script[^>]*>/g) ?? []).length, 1);
    assert.match(html, /<button id="print" type="button">Print<\/button>/);
    // The fixture's credentials, each with its current cycle.
    for (const progress of index.progress(index.folders()[0])) assert.ok(html.includes(`<bdi>${progress.credential.label}</bdi>`), progress.credential.label);
    assert.match(html, /Continuing education, current cycle/);
    assert.ok(html.includes('<h3><bdi>Technician</bdi>, <bdi>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</bdi></h3>'), 'the job, escaped');
    assert.ok(html.includes('Clinic · 2024-01-02 to present'));
    // A browser-hosted VS Code cannot open the file in a browser: no such button, and the message is refused.
    assert.ok(!html.includes('open-in-browser'), 'no Open in Browser button in a browser-hosted VS Code');
    assert.equal(await portfolio.receive({ type: 'openInBrowser' }), false);
    assert.equal(await portfolio.receive({ type: 'showInExplorer' }), true);
    for (const bad of [undefined, 'print', {}, { type: 'openExternal', uri: 'file:///etc/passwd' }]) assert.equal(await portfolio.receive(bad), false, JSON.stringify(bad));
    assert.deepEqual(external.map(String), [], 'nothing opened outside VS Code');
  });
});
