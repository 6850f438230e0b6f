import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_CARD_ID_LENGTH, MAX_LOG_PROBLEMS, formatReviewLine, parseReviewLog } from '../../src/core/study/review-log';
import { REVIEW_LOG_FILE } from '../../src/core/study/types';

const T = Date.parse('2026-11-30T14:05:00.000Z');
const line = (card: string, at: number, rating: 1 | 2 | 3 | 4) => formatReviewLine({ card, at, rating });

/** The one problem of a one-line log (after `before` good lines). */
function problemOf(bad: string, before = 0) {
  const text = Array.from({ length: before }, (_, i) => line(`c${i}`, T, 3)).join('') + `${bad}\n`;
  const read = parseReviewLog(text);
  assert.equal(read.entries.length, before, 'good lines are kept');
  assert.equal(read.problems.length, 1, `one problem for ${bad.slice(0, 60)}`);
  const [problem] = read.problems;
  assert.equal(problem.file, REVIEW_LOG_FILE);
  assert.equal(problem.line, before + 1);
  assert.equal(problem.code, 'review-log-line');
  assert.equal(problem.severity, 'warning');
  return problem;
}

describe('Review log: reading lines', () => {
  it('reads the lines formatReviewLine writes, with their line numbers', () => {
    const text = line('qa:a', T, 3) + line('term:b', T + 1000, 1) + line('cloze:c', T + 2000, 4);
    assert.deepEqual(parseReviewLog(text), {
      entries: [
        { card: 'qa:a', at: T, rating: 3, line: 1 },
        { card: 'term:b', at: T + 1000, rating: 1, line: 2 },
        { card: 'cloze:c', at: T + 2000, rating: 4, line: 3 },
      ],
      problems: [],
    });
  });

  it('reads a review written by hand: spaces, another key order, an offset, escapes in the card', () => {
    const text = ' { "rating" : 2 , "at" : "2026-11-30T09:05:00-05:00" , "card" : "qa:\\"dose\\" \\u00e9" } \n';
    assert.deepEqual(parseReviewLog(text).entries, [{ card: 'qa:"dose" é', at: T, rating: 2, line: 1 }]);
  });

  it('skips blank lines and counts them, and reads CRLF, a lone CR and a byte-order mark', () => {
    const text = '\uFEFF' + line('a', T, 3).replace('\n', '\r\n') + '\r\n   \r\n' + line('b', T, 3).replace('\n', '\r') + line('c', T, 2) + '\n';
    const read = parseReviewLog(text);
    assert.deepEqual(
      read.entries.map((e) => [e.card, e.line]),
      [
        ['a', 1],
        ['b', 4],
        ['c', 5],
      ],
    );
    assert.deepEqual(read.problems, []);
  });

  it('keeps exact duplicate lines: the replay counts them once, the log is never rewritten', () => {
    const read = parseReviewLog(line('a', T, 3) + line('a', T, 3));
    assert.equal(read.entries.length, 2);
  });

  it('reads an empty log and a log without a final newline', () => {
    assert.deepEqual(parseReviewLog(''), { entries: [], problems: [] });
    assert.equal(parseReviewLog(line('a', T, 3).trimEnd()).entries.length, 1);
  });
});

describe('Review log: a malformed line is a problem at its line, and skipped', () => {
  it('not JSON: at the column where it stops making sense', () => {
    const problem = problemOf('{"card":"a","at":"2026-11-30T14:05:00Z" "rating":3}', 2);
    assert.equal(problem.column, 41);
    assert.match(problem.message, /cannot be read/);
    assert.match(problem.message, /skipped/);
  });

  it('a cut line (a write that stopped half way)', () => {
    assert.equal(problemOf('{"card":"a","at":"2026-11-3').line, 1);
  });

  it('not an object: a number, an array, null, a string', () => {
    for (const bad of ['3', '[1,2]', 'null', '"qa:a"']) assert.match(problemOf(bad).message, /not a review/);
  });

  it('a missing card, time or grade', () => {
    assert.match(problemOf('{"at":"2026-11-30T14:05:00Z","rating":3}').message, /no card/);
    assert.match(problemOf('{"card":"a","rating":3}').message, /no time/);
    assert.match(problemOf('{"card":"a","at":"2026-11-30T14:05:00Z"}').message, /no grade/);
  });

  it('an extra part, at its column', () => {
    const problem = problemOf('{"card":"a","at":"2026-11-30T14:05:00Z","rating":3,"ratng":4}');
    assert.equal(problem.column, 52);
    assert.match(problem.message, /unexpected part, "ratng"/);
  });

  it('a card that is not a name: a number, empty, blank', () => {
    for (const card of ['7', '""', '"  "', 'null']) assert.match(problemOf(`{"card":${card},"at":"2026-11-30T14:05:00Z","rating":3}`).message, /not a card name/);
  });

  it('an absurdly long card id', () => {
    const ok = 'x'.repeat(MAX_CARD_ID_LENGTH);
    assert.equal(parseReviewLog(line(ok, T, 3)).entries[0]?.card, ok);
    const problem = problemOf(`{"card":"${ok}y","at":"2026-11-30T14:05:00Z","rating":3}`);
    assert.equal(problem.column, 2);
    assert.match(problem.message, /1,001 characters long/);
  });

  it('a grade that is not a whole number 1 to 4, at its column', () => {
    for (const rating of ['0', '5', '2.5', '"3"', 'true', 'null', '-1', '1e0']) {
      const bad = `{"card":"a","at":"2026-11-30T14:05:00Z","rating":${rating}}`;
      if (rating === '1e0') {
        // 1e0 is the number 1 in JSON: a valid grade however it is written.
        assert.equal(parseReviewLog(bad).entries[0]?.rating, 1);
        continue;
      }
      const problem = problemOf(bad);
      assert.equal(problem.column, 41, rating);
      assert.match(problem.message, /1 \(Again\), 2 \(Hard\), 3 \(Good\) or 4 \(Easy\)/);
    }
  });

  it('a time that is not a real ISO time with its offset', () => {
    for (const at of ['"yesterday"', '"2026-02-30T10:00:00Z"', '"2026-11-30T24:00:00Z"', '"2026-11-30T10:00:00"', '"2026-11-30"', '"Mon, 30 Nov 2026 10:00:00 GMT"', '1764511500000', '""']) {
      const problem = problemOf(`{"card":"a","at":${at},"rating":3}`);
      assert.equal(problem.column, 13, at);
      assert.match(problem.message, /not a date and time such as 2026-11-30T14:05:00Z/);
    }
    assert.equal(parseReviewLog('{"card":"a","at":"2026-11-30T14:05Z","rating":3}').entries[0]?.at, T);
    assert.equal(parseReviewLog('{"card":"a","at":"2024-02-29T14:05:00.123456+01:00","rating":3}').entries.length, 1);
  });

  it('a huge line is not parsed at all: one problem for the whole line', () => {
    const huge = `{"card":"${'x'.repeat(5_000_000)}","at":"2026-11-30T14:05:00Z","rating":3}`;
    const problem = problemOf(huge, 1);
    assert.deepEqual([problem.column, problem.length], [1, huge.length]);
    assert.ok(problem.message.includes(`${huge.length.toLocaleString('en-US')} characters long`));
  });

  it('every malformed kind in one log: each at its own line, the good lines all kept', () => {
    const bad = ['nonsense', '[]', '{"card":"a"}', '{"card":"a","at":"x","rating":3}', '{"card":"a","at":"2026-11-30T14:05:00Z","rating":9}'];
    const text = bad.map((b) => `${b}\n${line('ok', T, 3)}`).join('');
    const read = parseReviewLog(text);
    assert.deepEqual(
      read.problems.map((p) => p.line),
      [1, 3, 5, 7, 9],
    );
    assert.deepEqual(
      read.entries.map((e) => e.line),
      [2, 4, 6, 8, 10],
    );
  });
});

describe('Review log: the written form is read by its own fast path', () => {
  it('reads any review formatReviewLine writes back as itself, and as the full path reads it (property)', () => {
    const review = fc.record({
      card: fc.string({ minLength: 1, maxLength: 30 }).filter((c) => c.trim() !== ''),
      // Years 1 to 9999: what an ISO time writes with four digits.
      at: fc.integer({ min: Date.UTC(1, 0, 1) - 1, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }).map((n) => Math.max(n, -62135596800000)),
      rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    });
    fc.assert(
      fc.property(review, (r) => {
        const written = formatReviewLine(r);
        const spaced = written.replace('","at":"', '", "at": "'); // not the written form: the full path
        const expected = [{ ...r, line: 1 }];
        assert.deepEqual(parseReviewLog(written), { entries: expected, problems: [] });
        assert.deepEqual(parseReviewLog(spaced), { entries: expected, problems: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('sends a written line whose date is not real to the full path, which reports it', () => {
    const problem = problemOf('{"card":"a","at":"2026-02-29T10:00:00.000Z","rating":3}');
    assert.match(problem.message, /not a date and time/);
    assert.equal(parseReviewLog('{"card":"a","at":"0099-06-01T10:00:00.000Z","rating":3}').entries[0]?.at, Date.parse('0099-06-01T10:00:00.000Z'));
  });
});

describe('Review log: writing a line', () => {
  it('writes one line that reads back as the same review', () => {
    const text = formatReviewLine({ card: 'qa:what is "PRN"?\n', at: T + 7, rating: 2 });
    assert.equal(text.split('\n').length, 2);
    assert.deepEqual(parseReviewLog(text).entries, [{ card: 'qa:what is "PRN"?\n', at: T + 7, rating: 2, line: 1 }]);
  });
});

describe('Review log: a log of millions of broken lines', () => {
  it('lists the first malformed lines, then one problem counting the rest; written reviews among them are all read', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 10 === 9 ? line(`c${i}`, T, 3).trimEnd() : i % 2 ? '{' : 'x'));
    const read = parseReviewLog(`${lines.join('\r')}\n`);
    assert.deepEqual(read.entries.map((e) => e.line), lines.flatMap((l, i) => (l.startsWith('{"card"') ? [i + 1] : [])));
    assert.equal(read.problems.length, MAX_LOG_PROBLEMS + 1);
    assert.deepEqual(read.problems.slice(0, 3).map((p) => p.line), [1, 2, 3]);
    // The 100th listed is line 111 (every tenth line is a review); the count starts at the next broken line.
    const last = read.problems[MAX_LOG_PROBLEMS];
    assert.deepEqual([read.problems[MAX_LOG_PROBLEMS - 1].line, last.line, last.column], [111, 112, 1]);
    assert.match(last.message, /^After 100 lines that are not reviews, 2,600 more lines from here are not written as Pharmacy CE writes a review/);
  });

  it('reads 64 MB of one-character lines without holding a problem for each (it took minutes and gigabytes)', () => {
    const read = parseReviewLog('x\n'.repeat(32 * 1024 * 1024));
    assert.equal(read.problems.length, MAX_LOG_PROBLEMS + 1);
    assert.match(read.problems[MAX_LOG_PROBLEMS].message, /33,554,332 more lines/);
  });

  it('a lone CR, CRLF and LF each end a line, however they are mixed', () => {
    const read = parseReviewLog(`${line('a', T, 3).trimEnd()}\r\r\n${line('b', T, 3).trimEnd()}\n\r${line('c', T, 3).trimEnd()}\r`);
    assert.deepEqual(read.entries.map((e) => [e.card, e.line]), [['a', 1], ['b', 3], ['c', 5]]);
  });
});
