import assert from 'node:assert/strict';
import { MAX_REVIEW_LOG_BYTES, reviewLogFromHead } from '../../src/node/review-log-file';

describe('Review log file: the read cap', () => {
  it('a log under the cap is read whole, without a problem', () => {
    assert.deepEqual(reviewLogFromHead({ content: 'a\nb', cut: false }), { text: 'a\nb', problems: [] });
  });

  it('a log over the cap is read to its last whole line, and a problem says the later reviews are not counted', () => {
    const read = reviewLogFromHead({ content: '{"card":"a"}\n{"card":"b"}\n{"card":"c","at":"20', cut: true });
    assert.equal(read.text, '{"card":"a"}\n{"card":"b"}\n');
    assert.deepEqual(
      read.problems.map((p) => [p.file, p.line, p.severity, p.code]),
      [['.pharmacy-ce/reviews.jsonl', 1, 'warning', 'unreadable']],
    );
    assert.match(read.problems[0].message, new RegExp(`larger than ${MAX_REVIEW_LOG_BYTES / 1048576} MB: only its first ${MAX_REVIEW_LOG_BYTES / 1048576} MB are read, so the reviews after them are not counted`));
  });
});
