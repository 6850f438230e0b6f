import assert from 'node:assert/strict';
import { FolderIndex } from '../../src/core/index/folder-index';
import { STUDY_MODEL_GRANULARITY_MS, StudyState } from '../../src/core/index/study-state';
import { formatReviewLine, parseReviewLog } from '../../src/core/study/review-log';
import { replayReviews } from '../../src/core/study/schedule';
import { REVIEW_LOG_FILE, type Rating } from '../../src/core/study/types';

const T = Date.parse('2026-11-02T15:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const line = (card: string, at: number, rating: Rating) => formatReviewLine({ card, at, rating });

/** A log of `n` lines over a few cards, with a malformed line every 7th. */
function log(n: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + n; i++) text += i % 7 === 6 ? `not a review ${i}\n` : line(`card-${i % 5}`, T + i * DAY, ((i % 4) + 1) as Rating);
  return text;
}

function folder(): FolderIndex {
  const index = new FolderIndex();
  index.setConfig(undefined, '2026-11-30');
  return index;
}

describe('FolderIndex: the review log', () => {
  it('setReviewLog says whether anything changed, and bumps the version only then', () => {
    const index = folder();
    assert.equal(index.setReviewLog(undefined), false);
    const v0 = index.version;
    assert.equal(index.setReviewLog(log(3)), true);
    assert.equal(index.version, v0 + 1);
    assert.equal(index.setReviewLog(log(3)), false);
    assert.equal(index.version, v0 + 1);
    assert.equal(index.setReviewLog(undefined), true);
  });

  it('malformed lines are problems at the log file, in problems() and studyProblems(); gone with the log', () => {
    const index = folder();
    index.setReviewLog(log(14));
    const atLog = index.problems().filter((p) => p.file === REVIEW_LOG_FILE);
    assert.deepEqual(
      atLog.map((p) => [p.line, p.code, p.severity]),
      [
        [7, 'review-log-line', 'warning'],
        [14, 'review-log-line', 'warning'],
      ],
    );
    assert.deepEqual(
      index.studyProblems().filter((p) => p.file === REVIEW_LOG_FILE),
      atLog,
    );
    index.setReviewLog(undefined);
    assert.deepEqual(
      index.problems().filter((p) => p.file === REVIEW_LOG_FILE),
      [],
    );
  });

  it('reviewsOf gives one card its reviews in log order', () => {
    const index = folder();
    index.setReviewLog(log(20));
    assert.deepEqual(
      index.reviewsOf('card-1').map((e) => e.line),
      [2, 12, 17],
    );
    assert.deepEqual(index.reviewsOf('nothing'), []);
  });
});

describe('FolderIndex: the study model is memoized', () => {
  it('the same model until notes, config, log or retention change, or the minute passes', () => {
    const index = folder();
    const now = Math.floor(T / STUDY_MODEL_GRANULARITY_MS) * STUDY_MODEL_GRANULARITY_MS;
    const options = { retention: 0.9 };
    const first = index.study(now, options);
    assert.equal(index.study(now + 59_000, options), first, 'same minute');
    const later = index.study(now + MINUTE, options);
    assert.notEqual(later, first, 'next minute');
    assert.notEqual(index.study(now + MINUTE, { retention: 0.85 }), later, 'retention');
    const again = index.study(now + MINUTE, options);
    index.setReviewLog(log(2));
    const withLog = index.study(now + MINUTE, options);
    assert.notEqual(withLog, again, 'log');
    index.setNote('a.md', '# A\n');
    const withNote = index.study(now + MINUTE, options);
    assert.notEqual(withNote, withLog, 'note');
    index.setConfig('{}', '2026-11-30');
    assert.notEqual(index.study(now + MINUTE, options), withNote, 'config');
  });
});

describe('StudyState: an appended log reads only what was added', () => {
  it('gives the same entries, problems, line numbers and schedules as reading the whole log', () => {
    const state = new StudyState();
    const options = { retention: 0.9 };
    let text = log(30);
    state.setLog(text);
    state.schedules(options); // replayed before the appends, so they update it
    state.reviewsOf('card-0');
    for (const [n, from] of [
      [1, 30],
      [9, 31],
      [0, 40],
    ]) {
      const added = n === 0 ? '\r\n\nnot a review either\r\n' : log(n, from);
      text += added;
      assert.equal(state.setLog(text), true);
      const whole = parseReviewLog(text);
      assert.deepEqual(state.problems(), whole.problems);
      assert.deepEqual(state.schedules(options), replayReviews(whole.entries, options));
      assert.deepEqual(
        state.reviewsOf('card-3'),
        whole.entries.filter((e) => e.card === 'card-3'),
      );
    }
    // The line numbers went on from the log before: the last problem is on the file's last line.
    assert.equal(state.problems().at(-1)?.line, text.split(/\r\n|\n/).length - 1);
  });

  it('reads the whole log again when it is not an append (a line edited, the last line completed)', () => {
    const state = new StudyState();
    const options = { retention: 0.9 };
    state.setLog(line('a', T, 3) + '{"card":"b","at":"2026-11-02T15:00:00Z",');
    state.schedules(options);
    const completed = line('a', T, 3) + '{"card":"b","at":"2026-11-02T15:00:00Z","rating":3}\n' + line('a', T + 10 * MINUTE, 3);
    state.setLog(completed);
    assert.deepEqual(state.problems(), []);
    assert.deepEqual(state.schedules(options), replayReviews(parseReviewLog(completed).entries, options));
    const edited = completed.replace('"rating":3}', '"rating":1}');
    state.setLog(edited);
    assert.deepEqual(state.schedules(options), replayReviews(parseReviewLog(edited).entries, options));
  });
});
