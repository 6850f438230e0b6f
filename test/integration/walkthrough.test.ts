// The Get started walkthrough's steps in a real VS Code: each step's context key is off, then turns on at the
// real event, read through the index (a credentials file, a CE note, a review line, a career note written on
// disk) or the editor tabs (the CE Dashboard opened). Everything written is removed, and the fixture's credentials
// file put back, at the end of each test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../src/core/rules/config';
import { formatReviewLine } from '../../src/core/study/review-log';
import { REVIEW_LOG_FILE } from '../../src/core/study/types';
import type { StepKey, WalkthroughApi } from '../../src/features/walkthrough';
import type { IndexedFolder, WorkspaceIndex } from '../../src/services/types';
import { activateExtension, fixtureRoot, fixtureUri, waitFor, waitForIndex } from './helpers';

const encoder = new TextEncoder();
const write = (relPath: string, text: string) => vscode.workspace.fs.writeFile(fixtureUri(relPath), encoder.encode(text));
const remove = (relPath: string) => vscode.workspace.fs.delete(fixtureUri(relPath), { recursive: true, useTrash: false }).then(undefined, () => undefined);

describe('Walkthrough steps', function () {
  this.timeout(60_000);
  let index: WorkspaceIndex;
  let folder: IndexedFolder;
  let walkthrough: WalkthroughApi;

  const step = (key: StepKey) => walkthrough.steps()[key];
  const waitForStep = (key: StepKey, value: boolean, what: string) => waitFor(() => step(key) === value, 20_000, `${key} ${value ? 'on' : 'off'}: ${what}`);

  before(async () => {
    index = await waitForIndex();
    folder = index.folders()[0];
    walkthrough = (await activateExtension()).features.walkthrough as WalkthroughApi;
    assert.ok(walkthrough?.steps, 'the walkthrough feature started');
    assert.equal(walkthrough.walkthroughId, 'pharmacy-ce-notes.pharmacy-ce-notes#getStarted');
  });

  it('set up your credentials: on when the credentials file is written, off without it', async () => {
    const config = fs.readFileSync(path.join(fixtureRoot(), CONFIG_FILE), 'utf8');
    await waitForStep('hasConfig', true, 'the fixture has a credentials file');
    try {
      await remove(CONFIG_FILE);
      await waitForStep('hasConfig', false, 'the file removed');
      await write(CONFIG_FILE, config);
      await waitForStep('hasConfig', true, 'the file written');
    } finally {
      await write(CONFIG_FILE, config);
      await waitFor(() => folder.hasConfigFile && folder.index.config.credentials.length === 2, 20_000, 'the fixture\'s credentials back');
    }
  });

  it('write your first CE note: off in a folder without CE notes or with only notes that do not count, on once one that counts is indexed', async () => {
    const configText = fs.readFileSync(path.join(fixtureRoot(), CONFIG_FILE), 'utf8');
    const config = JSON.parse(configText) as { exclude: string[] };
    const ceNotes = folder.index.ceNotes().length;
    assert.ok(ceNotes > 0);
    try {
      // The fixture's notes left out by the credentials file: the index then has no CE note.
      await write(CONFIG_FILE, JSON.stringify({ ...config, exclude: [...config.exclude, 'notes/**'] }));
      await waitFor(() => folder.index.ceNotes().length === 0, 20_000, 'the notes left out of the index');
      await waitForStep('hasCeNote', false, 'no CE note');
      // A note without hours is a study note, not a CE note: the step stays off.
      await write('first/plain.md', '# Plain note\n');
      await waitFor(() => folder.index.hasNote('first/plain.md'), 20_000, 'the plain note indexed');
      assert.equal(step('hasCeNote'), false);
      // A note that does not count is not a first CE note: one the reader cannot read (a broken note), and a
      // CE note with an error (hours that are not a number).
      // The step is worked out on the index's change event, which comes after the index holds the note: wait
      // for the event that names it, or the check could read the step before it was worked out.
      let announced = false;
      const subscription = index.onDidChange((e) => (announced ||= e.paths.length === 0 || e.paths.includes('first/invalid.md')));
      try {
        await write('first/broken.md', '---\ntitle: [unclosed\nce_hours: 1\n---\n');
        await write('first/invalid.md', '---\ntitle: Hours to fix\nce_hours: one\ncompleted: 2026-11-01\n---\n');
        await waitFor(
          () => announced && folder.index.hasNote('first/broken.md') && folder.index.ceNotes().some((n) => n.path === 'first/invalid.md' && !n.valid),
          20_000,
          'the broken note and the CE note with an error indexed and announced',
        );
      } finally {
        subscription.dispose();
      }
      assert.equal(step('hasCeNote'), false);
      await write('first/ce.md', '---\ntitle: First CE activity\nce_hours: 1\ncompleted: 2026-11-01\n---\n');
      await waitForStep('hasCeNote', true, 'a CE note indexed');
    } finally {
      await remove('first');
      await write(CONFIG_FILE, configText);
      await waitFor(() => folder.index.ceNotes().length === ceNotes && !folder.index.hasNote('first/ce.md'), 20_000, 'the fixture\'s notes back');
    }
  });

  it('read the dashboard: on while the CE Dashboard is open, however it was opened', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForStep('dashboardOpened', false, 'no editor open');
    await vscode.commands.executeCommand('pharmacyCe.revealInDashboard');
    await waitForStep('dashboardOpened', true, 'the dashboard opened');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForStep('dashboardOpened', false, 'the dashboard closed');
  });

  it('review your first cards: on once a review line for a card is in the log the index reads', async () => {
    const note = 'walkthrough-study.md';
    try {
      await write(note, '---\ntitle: Study\n---\n- Lipitor :: atorvastatin\n');
      const card = await waitFor(() => index.study(folder).cards.find((c) => c.file === note), 20_000, 'the note\'s card');
      assert.ok(card);
      // Earlier suites remove their logs; without one, no review is logged.
      await waitForStep('hasReview', false, 'no review log');
      await write(REVIEW_LOG_FILE, formatReviewLine({ card: card.id, at: Date.now() - 60_000, rating: 3 }));
      await waitForStep('hasReview', true, 'a review in the log');
    } finally {
      await remove(note);
      await remove('.pharmacy-ce');
      await waitFor(() => !folder.index.hasNote(note) && index.study(folder).cards.every((c) => c.schedule.reps === 0), 20_000, 'the note and the log gone');
    }
    await waitForStep('hasReview', false, 'the log removed');
  });

  it('add a job or certificate: on once a career note is indexed', async () => {
    const note = 'career/walkthrough-job.md';
    await waitForStep('hasCareerNote', false, 'no career note in the fixture');
    try {
      await write(note, ['---', 'title: Pharmacy technician', 'type: experience', 'employer: Walgreens', 'setting: community', 'start: 2024-01-08', '---', ''].join('\n'));
      await waitForStep('hasCareerNote', true, 'a career note indexed');
    } finally {
      await remove('career');
      await waitFor(() => !folder.index.hasNote(note), 20_000, 'the career note gone');
    }
    await waitForStep('hasCareerNote', false, 'the career note removed');
  });
});
