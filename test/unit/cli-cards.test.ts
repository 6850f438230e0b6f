// `pharmacy-ce cards` and the review log in `check`, run from the built dist/cli.js on test/fixtures/study-cli: three
// cards in one PTCE note, and a review log with two reviewed cards, a repeated line, a malformed line and a card
// that no note has any more. Expected schedules come from ts-fsrs' own `next`, not from the extension's replay.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmptyCard, default_w, forgetting_curve, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { CardsReport } from '../../src/core/outputs/cards';
import { englishEnv } from './cli-env';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURE = path.join(ROOT, 'test/fixtures/study-cli');
const DAY = 86_400_000;
// A time zone of its own, so "the end of the as-of day" is the same instant on every machine.
const TZ = 'America/Chicago';

function cli(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: englishEnv({ TZ, NO_COLOR: '1' }), timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cardsOf(folder: string, asOf: string): CardsReport {
  const run = cli(['cards', folder, '--json', '--as-of', asOf]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as CardsReport;
}

/** ts-fsrs' own card after these reviews, retention 0.9, no fuzz. */
function tsFsrs(reviews: [string, Grade][]): Card {
  const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
  let card = createEmptyCard(new Date(reviews[0][0]));
  for (const [at, grade] of reviews) card = scheduler.next(card, new Date(at), grade).card;
  return card;
}

describe('CLI cards (dist/cli.js) on test/fixtures/study-cli', function () {
  this.timeout(60_000);
  // Lines 1, 2 and 4 of the log; line 3 (and its repeat, line 5) for the question card.
  const lipitor = tsFsrs([
    ['2026-11-20T15:00:00.000Z', 3],
    ['2026-11-20T15:10:00.000Z', 3],
    ['2026-11-23T09:00:00.000Z', 3],
  ]);
  const olol = tsFsrs([['2026-11-22T18:00:00.000Z', 4]]);

  it('lists every card with the contract fields, its state and due time from the log', () => {
    const report = cardsOf('test/fixtures/study-cli', '2026-11-30');
    assert.deepEqual(Object.keys(report), ['cards', 'summary']);
    assert.deepEqual(
      report.cards.map((c) => Object.keys(c)),
      report.cards.map(() => ['id', 'file', 'line', 'type', 'front', 'back', 'exam', 'domain', 'state', 'due']),
    );
    assert.deepEqual(
      report.cards.map((c) => [c.file, c.line, c.type, c.front, c.exam, c.domain, c.state, c.due]),
      [
        ['notes/ptce-medications.md', 8, 'term', 'Lipitor', 'ptce', 'medications', 'review', lipitor.due.toISOString()],
        ['notes/ptce-medications.md', 10, 'qa', 'Which drug class ends in -olol?', 'ptce', 'medications', 'review', olol.due.toISOString()],
        ['notes/ptce-medications.md', 14, 'cloze', 'Unopened insulin is stored in the [...].', 'ptce', 'medications', 'new', null],
      ],
    );
    assert.equal(report.cards[1].back, 'Beta blockers.');
  });

  it('counts due cards at the end of the as-of day, local time, and readiness as recall at that instant', () => {
    // The question card falls due on 2026-11-30 at noon in Chicago: due with --as-of 2026-11-30, not the day before.
    assert.equal(olol.due.toISOString(), '2026-11-30T18:00:00.000Z');
    const endOf30 = Date.parse('2026-11-30T23:59:59-06:00');
    const report = cardsOf('test/fixtures/study-cli', '2026-11-30');
    assert.deepEqual([report.summary.total, report.summary.new, report.summary.due], [3, 1, 1]);
    assert.equal(cardsOf('test/fixtures/study-cli', '2026-11-29').summary.due, 0);

    const recall = (card: Card) => forgetting_curve(default_w, (endOf30 - (card.last_review as Date).getTime()) / DAY, card.stability);
    const medications = (recall(lipitor) + recall(olol) + 0) / 3;
    const [exam] = report.summary.exams;
    assert.equal(exam.id, 'ptce');
    assert.deepEqual(
      exam.domains.map((d) => [d.id, d.weight, d.cards]),
      [
        ['medications', 35, 3],
        ['federal-requirements', 18.75, 0],
        ['patient-safety-qa', 23.75, 0],
        ['order-entry', 22.5, 0],
      ],
    );
    assert.ok(Math.abs(exam.domains[0].readiness - medications) < 1e-9, `${exam.domains[0].readiness} vs ${medications}`);
    assert.ok(Math.abs(exam.readiness - (medications * 35) / 100) < 1e-9);
  });

  it('says it in plain words without --json: a summary per exam and domain, then one line per card', () => {
    const run = cli(['cards', 'test/fixtures/study-cli', '--as-of', '2026-11-30']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Study cards in test\/fixtures\/study-cli · as of 2026-11-30\n/);
    assert.match(run.stdout, /\n3 cards: 1 never reviewed, 1 due for review\.\n/);
    assert.match(run.stdout, /\n {2}Medications \(35% of the exam\): ready \d+%, 3 cards\n/);
    // Lipitor falls due in the small hours of its UTC day in Chicago: the same calendar day.
    const lipitorDay = lipitor.due.toISOString().slice(0, 10);
    assert.ok(
      run.stdout.endsWith(
        [
          'Cards:',
          `  notes/ptce-medications.md:8   due ${lipitorDay}  Lipitor`,
          '  notes/ptce-medications.md:10  due now         Which drug class ends in -olol?',
          '  notes/ptce-medications.md:14  new             Unopened insulin is stored in the [...].',
          '',
        ].join('\n'),
      ),
      run.stdout,
    );
  });

  it('check reports the malformed log line at its line like any other problem', () => {
    const run = cli(['check', 'test/fixtures/study-cli']);
    assert.equal(run.status, 0, run.stderr); // a warning, not an error
    assert.deepEqual(run.stdout.trim().split('\n'), [
      `.pharmacy-ce/reviews.jsonl:6:23: warning: This review's time, "2026-11-22T18:00", is not a date and time such as 2026-11-30T14:05:00Z. The line is skipped and left as it is.`,
    ]);
    const json = JSON.parse(cli(['check', 'test/fixtures/study-cli', '--json']).stdout) as { problems: { file: string; line: number; code: string }[] };
    assert.deepEqual(
      json.problems.map((p) => [p.file, p.line, p.code]),
      [['.pharmacy-ce/reviews.jsonl', 6, 'review-log-line']],
    );
  });

  it('a folder without cards or log: an empty list, and the text says how to start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-cards-'));
    try {
      assert.deepEqual(cardsOf(dir, '2026-11-30'), { cards: [], summary: { total: 0, new: 0, due: 0, exams: [] } });
      assert.match(cli(['cards', dir]).stdout, /No cards yet/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a log that is a symbolic link, or in a linked folder, is not read: a problem says so, and every card shows as new', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-cards-'));
    try {
      fs.cpSync(FIXTURE, dir, { recursive: true });
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-outside-'));
      fs.renameSync(path.join(dir, '.pharmacy-ce/reviews.jsonl'), path.join(outside, 'reviews.jsonl'));
      try {
        fs.symlinkSync(path.join(outside, 'reviews.jsonl'), path.join(dir, '.pharmacy-ce/reviews.jsonl'));
      } catch {
        this.skip();
      }
      assert.deepEqual(
        cardsOf(dir, '2026-11-30').cards.map((c) => c.state),
        ['new', 'new', 'new'],
      );
      assert.match(cli(['check', dir]).stdout, /^\.pharmacy-ce\/reviews\.jsonl:1:1: warning: Could not read this file \(it is a symbolic link\); no review is counted/m);
      // Nor through a linked folder holding it.
      fs.rmSync(path.join(dir, '.pharmacy-ce'), { recursive: true });
      fs.symlinkSync(outside, path.join(dir, '.pharmacy-ce'), 'dir');
      assert.deepEqual(
        cardsOf(dir, '2026-11-30').cards.map((c) => c.state),
        ['new', 'new', 'new'],
      );
      assert.match(cli(['check', dir]).stdout, /^\.pharmacy-ce\/reviews\.jsonl:1:1: warning: Could not read this file \(\.pharmacy-ce is a symbolic link\)/m);
      fs.rmSync(outside, { recursive: true, force: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
