// The review log in a real VS Code: `.pharmacy-ce/reviews.jsonl` appended on disk reaches the index through the
// file watcher (the study model, the log's problems in the Problems panel), and reloadReviewLog reads it at once.
// The log is removed at the end.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatReviewLine } from '../../src/core/study/review-log';
import { REVIEW_LOG_FILE } from '../../src/core/study/types';
import type { IndexedFolder, WorkspaceIndex } from '../../src/services/types';
import { fixtureUri, ourDiagnostics, waitFor, waitForIndex } from './helpers';

const encoder = new TextEncoder();
const STUDY_NOTE = 'notes/review-log-test-study.md';
const T = Date.parse('2026-11-20T15:00:00.000Z');

async function writeLog(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fixtureUri(REVIEW_LOG_FILE), encoder.encode(text));
}

describe('Review log', () => {
  let index: WorkspaceIndex;
  let folder: IndexedFolder;

  before(async () => {
    index = await waitForIndex();
    folder = index.folders()[0];
  });

  after(async () => {
    await vscode.workspace.getConfiguration('pharmacyCe').update('study.desiredRetention', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(fixtureUri(STUDY_NOTE), { useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(fixtureUri('.pharmacy-ce'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor(() => folder.index.reviewsOf('qa:one').length === 0 && !folder.index.hasNote(STUDY_NOTE), 15_000, 'the log and the study note to be gone from the index');
  });

  it('is read when it appears and again when a line is appended on disk (the file watcher)', async () => {
    const first = index.study(folder);
    let text = formatReviewLine({ card: 'qa:one', at: T, rating: 3 });
    await writeLog(text);
    await waitFor(() => folder.index.reviewsOf('qa:one').length === 1, 15_000, 'the new log in the index');
    const second = index.study(folder);
    assert.notEqual(second, first, 'the study model is built again');

    text += formatReviewLine({ card: 'qa:one', at: T + 600_000, rating: 4 }) + 'not a review\n';
    await writeLog(text);
    await waitFor(() => folder.index.reviewsOf('qa:one').length === 2, 15_000, 'the appended line in the index');
    assert.notEqual(index.study(folder), second);
    const problems = folder.index.studyProblems().filter((p) => p.file === REVIEW_LOG_FILE);
    assert.deepEqual(
      problems.map((p) => [p.line, p.code]),
      [[3, 'review-log-line']],
    );
    // In the Problems panel, at the log's line 3.
    await waitFor(() => ourDiagnostics(fixtureUri(REVIEW_LOG_FILE)).length > 0, 10_000, 'the malformed line in the Problems panel');
    const diagnostics = ourDiagnostics(fixtureUri(REVIEW_LOG_FILE));
    assert.deepEqual(
      diagnostics.map((d) => d.range.start.line),
      [2],
    );
  });

  it('reloadReviewLog resolves once the index has the new text and the change event has fired', async () => {
    let fired = false;
    const subscription = index.onDidChange((change) => {
      if (change.paths.includes(REVIEW_LOG_FILE)) fired = true;
    });
    try {
      await writeLog(formatReviewLine({ card: 'qa:one', at: T, rating: 3 }) + formatReviewLine({ card: 'qa:two', at: T, rating: 1 }));
      await index.reloadReviewLog(folder);
      // No waiting: the watcher's own event may come later, the reload does not wait for it.
      assert.equal(folder.index.reviewsOf('qa:two').length, 1);
      assert.equal(fired, true);
    } finally {
      subscription.dispose();
    }
    await waitFor(() => ourDiagnostics(fixtureUri(REVIEW_LOG_FILE)).length === 0, 10_000, 'the fixed log to clear the Problems panel');
  });

  it('applies the desired-retention setting to a card reviewed in the log, and a change to it refreshes the views', async () => {
    await vscode.workspace.fs.writeFile(fixtureUri(STUDY_NOTE), encoder.encode('---\ntitle: Study\nexam: ptce\ndomain: medications\n---\n- Lipitor :: atorvastatin\n'));
    await waitFor(() => index.study(folder).cards.length === 1, 15_000, 'the study note\'s card');
    const id = index.study(folder).cards[0].id;
    // Good, Good ten minutes later, then Good two days later: a review interval that depends on the retention.
    const lines = [0, 600_000, 2 * 86_400_000 + 600_000].map((offset) => formatReviewLine({ card: id, at: T + offset, rating: 3 }));
    await writeLog(lines.join(''));
    await index.reloadReviewLog(folder);
    const due = () => index.study(folder).cards[0].schedule.due as number;
    const at90 = due();
    assert.equal(index.study(folder).cards[0].schedule.state, 'review');
    let changed = false;
    const subscription = index.onDidChange((change) => {
      if (change.paths.includes(REVIEW_LOG_FILE)) changed = true;
    });
    try {
      await vscode.workspace.getConfiguration('pharmacyCe').update('study.desiredRetention', 0.8, vscode.ConfigurationTarget.Global);
      await waitFor(() => changed, 10_000, 'a change event after the setting changed');
      assert.ok(due() > at90, `a lower retention gives a later due time: ${new Date(due()).toISOString()} vs ${new Date(at90).toISOString()}`);
    } finally {
      subscription.dispose();
    }
  });
});
