// The commands' pickers and input boxes in a real VS Code, answered as a person would: the extension's
// Questions (exported in test mode) says when a question is shown, the test moves the highlight or types,
// and Enter is VS Code's own accept command. Covers: Enter on the highlighted item when nothing is ticked,
// dates typed MM/DD/YYYY, impossible and past dates, the duplicate-title question, a whole New CE Note, and
// the context key behind the ✓ Mark Note Completed button's when clause.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../src/core/rules/config';
import { localToday } from '../../src/core/common/dates';
import type { CeNote } from '../../src/core/types';
import type { CommandsTestApi } from '../../src/features/commands';
import type { Questions } from '../../src/features/commands/questions';
import { EXTENSION_ID, activateExtension, fixtureUri, waitFor, waitForIndex } from './helpers';

type Question = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

async function commandsApi(): Promise<CommandsTestApi> {
  const { features } = await activateExtension();
  return features.commands as CommandsTestApi;
}

/** Resolves with the next question shown (subscribe before doing what shows it). */
function nextQuestion(questions: Questions): Promise<Question> {
  return new Promise((resolve) => {
    const subscription = questions.onDidShow((question) => {
      subscription.dispose();
      resolve(question);
    });
  });
}

/** Enter, through VS Code's own command (what the key runs). */
async function enter(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Presses Enter and returns the question that follows. */
async function enterThenNext(questions: Questions): Promise<Question> {
  const next = nextQuestion(questions);
  await enter();
  return next;
}

function asPicker(question: Question): vscode.QuickPick<vscode.QuickPickItem> {
  assert.ok('items' in question, `a picker, not an input box titled ${question.title}`);
  return question;
}

function asBox(question: Question): vscode.InputBox {
  assert.ok(!('items' in question), `an input box, not a picker titled ${question.title}`);
  return question as vscode.InputBox;
}

/** Moves the highlight to the item whose label includes `label` with the arrow keys' commands. */
async function highlight(picker: vscode.QuickPick<vscode.QuickPickItem>, label: string): Promise<void> {
  const at = picker.items.findIndex((it) => it.label.includes(label));
  assert.ok(at >= 0, `an item "${label}" among ${picker.items.map((it) => it.label).join(', ')}`);
  await vscode.commands.executeCommand('quickInput.first');
  for (let i = 0; i < at; i++) await vscode.commands.executeCommand('quickInput.next');
  await waitFor(() => picker.activeItems[0] === picker.items[at], 5_000, `"${label}" highlighted`);
}

/** Unticks every ticked item, as Space on each would. */
async function untickAll(picker: vscode.QuickPick<vscode.QuickPickItem>): Promise<void> {
  for (const item of [...picker.selectedItems]) {
    await highlight(picker, item.label);
    await vscode.commands.executeCommand('quickInput.toggleCheckbox');
  }
  await waitFor(() => picker.selectedItems.length === 0, 5_000, 'nothing ticked');
}

function validationText(box: vscode.InputBox): string {
  const message = box.validationMessage;
  return typeof message === 'string' ? message : (message?.message ?? '');
}

function severityOf(box: vscode.InputBox): vscode.InputBoxValidationSeverity | undefined {
  const message = box.validationMessage;
  return typeof message === 'object' ? message.severity : undefined;
}

/** A when clause of `&&`-joined keys, some negated with `!` (all the manifest's editor title uses). */
function evaluateWhen(clause: string, keys: Readonly<Record<string, boolean>>): boolean {
  return clause.split('&&').every((term) => {
    const t = term.trim();
    assert.match(t, /^!?[\w.]+$/, `a plain key in "${clause}"`);
    return t.startsWith('!') ? !keys[t.slice(1)] : !!keys[t];
  });
}

describe('Pickers and inputs', () => {
  const config = () => fixtureUri(CONFIG_FILE);
  let originalConfig: string;

  before(async () => {
    await waitForIndex();
    originalConfig = fs.readFileSync(config().fsPath, 'utf8');
  });

  afterEach(async () => {
    // A question a failed test left open is closed, so that it cannot answer the next test's Enter.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (fs.readFileSync(config().fsPath, 'utf8') !== originalConfig) {
      const index = await waitForIndex();
      fs.writeFileSync(config().fsPath, originalConfig);
      await waitFor(() => index.folders()[0].index.config.credentials.length === 2, 10_000, 'config restored');
    }
  });

  it('Set Up Credentials: Enter on the highlighted rule set with nothing ticked chooses it; 06/30/2027 is read as 2027-06-30', async () => {
    const { questions } = await commandsApi();
    const shown = nextQuestion(questions);
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.setUpCredentials');
    const picker = asPicker(await shown);
    assert.deepEqual(picker.selectedItems.map((it) => it.description), ['ptcb-cpht', 'tx-technician'], 'the credentials in the file are ticked');
    await untickAll(picker);
    await highlight(picker, 'CSPT');
    const box = asBox(await enterThenNext(questions));
    assert.match(box.prompt ?? '', /CSPT/);
    box.value = '06/30/2027';
    await enter();
    const uri = await running;
    assert.equal(uri?.toString(), config().toString());
    const written = JSON.parse(fs.readFileSync(config().fsPath, 'utf8')) as { credentials: { ruleSet: string; cycleEnd: string }[] };
    assert.deepEqual(
      written.credentials.map((c) => [c.ruleSet, c.cycleEnd]),
      [['ptcb-cspt', '2027-06-30']],
    );
  });

  it('Set Up Credentials: an impossible date is refused with its reason; a past cycle end is warned and kept on a second Enter', async () => {
    const { questions } = await commandsApi();
    const shown = nextQuestion(questions);
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.setUpCredentials');
    const picker = asPicker(await shown);
    await untickAll(picker);
    await highlight(picker, 'Texas');
    const box = asBox(await enterThenNext(questions));

    box.value = '02/30/2027';
    await enter();
    await waitFor(() => /February 2027 has 28 days/.test(validationText(box)), 5_000, 'the impossible date refused');
    assert.equal(severityOf(box), vscode.InputBoxValidationSeverity.Error);

    box.value = '01/31/2020';
    await enter();
    await waitFor(() => /2020-01-31 has already passed/.test(validationText(box)), 5_000, 'the past date warned');
    assert.equal(severityOf(box), vscode.InputBoxValidationSeverity.Warning);
    assert.match(validationText(box), /Press Enter again to keep it, or correct it/);
    assert.equal(fs.readFileSync(config().fsPath, 'utf8'), originalConfig, 'nothing written before the second Enter');

    await enter();
    assert.equal((await running)?.toString(), config().toString());
    const written = JSON.parse(fs.readFileSync(config().fsPath, 'utf8')) as { credentials: { ruleSet: string; cycleEnd: string }[] };
    assert.deepEqual(
      written.credentials.map((c) => [c.ruleSet, c.cycleEnd]),
      [['tx-technician', '2020-01-31']],
    );
  });

  it('New CE Note: a title that exists asks first (open the existing note / create anyway / cancel) instead of making -2.md', async () => {
    const { questions } = await commandsApi();
    const existing = fixtureUri('notes/federal-law-update.md');
    const folder = fixtureUri('notes/duplicates');
    const args = { title: 'federal pharmacy law update 2025', hours: 1, completed: 'planned', folder: 'notes/duplicates' };

    let shown = nextQuestion(questions);
    let running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.newNote', args);
    let picker = asPicker(await shown);
    assert.match(picker.placeholder ?? '', /already exists: notes\/federal-law-update\.md/);
    assert.deepEqual(
      picker.items.map((it) => it.label),
      ['Open the existing note', 'Create another note anyway', 'Cancel'],
    );
    await enter(); // the first, highlighted answer
    assert.equal((await running)?.toString(), existing.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), existing.toString(), 'the existing note is opened');
    assert.equal(fs.existsSync(folder.fsPath), false, 'nothing is created');

    shown = nextQuestion(questions);
    running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.newNote', args);
    picker = asPicker(await shown);
    await highlight(picker, 'Cancel');
    await enter();
    assert.equal(await running, undefined);
    assert.equal(fs.existsSync(folder.fsPath), false, 'nothing is created');
  });

  it('New CE Note asked in full: steps 1/9 to 9/9, a typed new folder, the folder question in the flow, Enter on a highlighted topic, a typed date, provider and certificate', async () => {
    const { questions } = await commandsApi();
    const index = await waitForIndex();
    const folder = fixtureUri('notes/typed-new');
    const steps: string[] = [];
    const record = (q: Question) => {
      steps.push(`${q.step}/${q.totalSteps}`);
      return q;
    };
    try {
      const shown = nextQuestion(questions);
      const running = vscode.commands.executeCommand<vscode.Uri | undefined>('pharmacyCe.newNote');
      const title = asBox(record(await shown));
      title.value = 'Hazardous Drug Handling';
      const where = asPicker(record(await enterThenNext(questions)));
      where.value = 'notes/typed-new';
      await waitFor(() => where.items[0]?.label.includes('notes/typed-new'), 5_000, 'the typed folder offered');
      assert.equal(where.items[0].description, 'new folder');
      await highlight(where, 'notes/typed-new');
      const always = asPicker(record(await enterThenNext(questions)));
      assert.deepEqual(always.items.map((it) => it.label), ['Just this note', 'Always use "notes/typed-new"']);
      const hours = asBox(record(await enterThenNext(questions)));
      assert.doesNotMatch(hours.placeholder ?? '', /\d/, 'no number that looks like a default');
      await enter();
      await waitFor(() => /number greater than 0/.test(validationText(hours)), 5_000, 'empty hours refused');
      hours.value = '1.25';
      const topics = asPicker(record(await enterThenNext(questions)));
      await highlight(topics, 'Hazardous drug handling');
      const done = asPicker(record(await enterThenNext(questions)));
      await highlight(done, 'another day');
      const date = asBox(record(await enterThenNext(questions)));
      date.value = '11/02/2026';
      const uan = asBox(record(await enterThenNext(questions)));
      const provider = asBox(record(await enterThenNext(questions)));
      provider.value = 'Power-Pak C.E.';
      const certificate = asBox(record(await enterThenNext(questions)));
      certificate.value = 'certificates/hazardous.pdf';
      assert.equal(uan.value, '');
      await enter();
      const uri = await running;

      assert.deepEqual(steps, ['1/9', '2/9', '3/9', '4/9', '5/9', '6/9', '6/9', '7/9', '8/9', '9/9']);
      assert.equal(uri?.toString(), vscode.Uri.joinPath(folder, 'hazardous-drug-handling.md').toString());
      const note = (await waitFor(() => index.noteAt(uri!)?.note, 10_000, 'the new note is indexed')) as CeNote;
      assert.equal(note.kind, 'ce');
      assert.equal(note.hours, 1.25);
      assert.deepEqual(note.topics, ['hazardous-drugs']);
      assert.equal(note.completed, '2026-11-02');
      assert.equal(note.provider, 'Power-Pak C.E.');
      assert.equal(note.certificate, 'certificates/hazardous.pdf');
      assert.equal(vscode.workspace.getConfiguration('pharmacyCe').get('newNoteFolder'), '', '"Just this note" saves no setting');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('The ✓ Mark Note Completed button (and the palette entry) is hidden on a completed note, and appears on a planned one until it is marked', async () => {
    const { contextKeys } = await commandsApi();
    const index = await waitForIndex();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } };
    const button = manifest.contributes.menus['editor/title'].find((m) => m.command === 'pharmacyCe.markCompleted');
    assert.ok(button);
    // The palette offers it on the same notes: run there on a completed note, it rewrote the completion date.
    const palette = manifest.contributes.menus.commandPalette.find((m) => m.command === 'pharmacyCe.markCompleted');
    assert.ok(palette);
    const shows = () => {
      const keys = { ...contextKeys(), isWorkspaceTrusted: true };
      const [inTitle, inPalette] = [evaluateWhen(button.when, keys), evaluateWhen(palette.when, keys)];
      assert.equal(inPalette, inTitle, 'the palette and the ✓ button agree');
      return inTitle;
    };

    await vscode.window.showTextDocument(fixtureUri('notes/federal-law-update.md'));
    await waitFor(() => contextKeys()['pharmacyCe.activeIsCeNote'] && contextKeys()['pharmacyCe.activeNoteCompleted'], 5_000, 'the completed note seen');
    assert.equal(shows(), false, 'hidden on a completed note');

    const copy = fixtureUri('notes/inputs-planned.md');
    await vscode.workspace.fs.writeFile(copy, fs.readFileSync(fixtureUri('notes/immunization-basics.md').fsPath));
    try {
      await waitFor(() => index.noteAt(copy)?.note.kind === 'ce', 10_000, 'the copy indexed');
      await vscode.window.showTextDocument(copy);
      await waitFor(() => contextKeys()['pharmacyCe.activeIsCeNote'] && !contextKeys()['pharmacyCe.activeNoteCompleted'], 5_000, 'the planned note seen');
      assert.equal(shows(), true, 'shown on a planned note');
      await vscode.commands.executeCommand('pharmacyCe.markCompleted', copy, localToday());
      await waitFor(() => contextKeys()['pharmacyCe.activeNoteCompleted'], 10_000, 'the key follows the note once it is marked');
      assert.equal(shows(), false, 'hidden once marked completed');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(copy, { useTrash: false }).then(undefined, () => undefined);
    }
  });
});
