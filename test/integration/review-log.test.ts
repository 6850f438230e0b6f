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
    await vscode.workspace.fs.delete(fixtureUri('.pharmacy-ce'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor(() => folder.index.reviewsOf('qa:one').length === 0, 15_000, 'the log to be gone from the index');
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
});
