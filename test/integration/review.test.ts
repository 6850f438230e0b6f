// Start Review in a real VS Code (issue 13): from the palette on a folder with cards, graded the way the
// review webview's script does it, by posting its messages to the panel through the same check
// (`features.review.receive`, the panel's test hook); the log gains exactly those lines, undo takes the
// last one back, and a log that is a symbolic link is refused and left alone.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ReviewApi, ReviewOutcome } from '../../src/features/review';
import type { ReviewHostMessage } from '../../src/protocol/review';
import { activateExtension, fixtureRoot, waitFor, waitForIndex } from './helpers';
import { cspOf, scriptNonce, webviewPolicy } from '../csp';

const NOTE = 'review-cards/pharmacology.md';
const CARDS = `---
title: Review test cards
exam: ptce
domain: medications
---
# Cards

> **Q:** What is the brand name of atorvastatin?
>
> **A:** Lipitor

> **Q:** Which schedule are hydrocodone combination products?
>
> **A:** Schedule II

> **Q:** What does *q.i.d.* mean?
>
> **A:** Four times a day
`;

type Card = Extract<ReviewHostMessage, { type: 'card' }>;

describe('Review: Start Review', function () {
  this.timeout(60_000);
  let review: ReviewApi;
  const logFile = () => path.join(fixtureRoot(), '.pharmacy-ce', 'reviews.jsonl');
  const logLines = () => (fs.existsSync(logFile()) ? fs.readFileSync(logFile(), 'utf8').split('\n').filter((l) => l !== '') : []);
  const outside = path.join(os.tmpdir(), `pharmacy-ce-review-outside-${process.pid}.jsonl`);

  before(async () => {
    const index = await waitForIndex();
    review = (await activateExtension()).features['review'] as ReviewApi;
    fs.rmSync(path.join(fixtureRoot(), '.pharmacy-ce'), { recursive: true, force: true });
    fs.mkdirSync(path.join(fixtureRoot(), 'review-cards'), { recursive: true });
    fs.writeFileSync(path.join(fixtureRoot(), NOTE), CARDS);
    const folder = index.folders()[0];
    await waitFor(() => index.study(folder).cards.filter((c) => c.file === NOTE).length === 3, 20_000, 'the three cards of the new note in the index');
  });

  after(async () => {
    review.panel()?.dispose();
    await review.settled();
    fs.rmSync(path.join(fixtureRoot(), 'review-cards'), { recursive: true, force: true });
    fs.rmSync(path.join(fixtureRoot(), '.pharmacy-ce'), { recursive: true, force: true });
    fs.rmSync(outside, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The card on screen once it differs from `before` (a grade posts the next one). */
  const nextCard = async (before?: ReviewHostMessage): Promise<Card> =>
    (await waitFor(() => {
      const view = review.lastView();
      return view?.type === 'card' && view !== before ? view : undefined;
    }, 10_000, 'a card in the review panel')) as Card;

  it('from the palette shows the first card, front first, with the grade buttons\' intervals; grading logs one line per grade', async () => {
    const outcome = (await vscode.commands.executeCommand('pharmacyCe.startReview')) as ReviewOutcome;
    assert.deepEqual(outcome, { started: true, cards: 3 });
    const panel = (await waitFor(() => review.panel(), 10_000, 'the review panel')) as vscode.WebviewPanel;
    assert.equal(panel.viewType, 'pharmacyCe.review');
    assert.equal(panel.webview.options.enableCommandUris, false);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(panel.webview.html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';.*script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.ok(!csp.includes('unsafe'), csp);
    assert.deepEqual(cspOf(panel.webview.html), webviewPolicy(panel.webview.cspSource, scriptNonce(panel.webview.html), 'stylesheet'));

    let card = await nextCard();
    assert.match(card.html, /<section class="front" id="front" aria-label="Question"><p>What is the brand name of atorvastatin\?<\/p>/);
    assert.match(card.html, /<section class="back" id="answer" tabindex="-1" aria-label="Answer" hidden><p>Lipitor<\/p>/);
    // A new card: Again in 1 min, Easy in days (FSRS defaults).
    assert.match(card.html, /aria-label="Again, next review in 1 min"/);
    assert.match(card.html, /aria-label="Easy, next review in \d+ days"/);
    assert.equal(card.canUndo, false);

    // The script sends `grade` with the showing's seq when 1-4 is pressed after Space.
    const ratings = [4, 1, 4] as const;
    const shown: string[] = [];
    for (const rating of ratings) {
      shown.push(/<section class="front"[^>]*><p>(.*?)<\/p>/.exec(card.html)?.[1] ?? '');
      const before = review.lastView();
      assert.equal(await review.receive({ type: 'grade', seq: card.seq, rating }), true);
      assert.equal(await review.receive({ type: 'grade', seq: card.seq, rating }), false, 'a second press on the same card grades nothing');
      if (shown.length < ratings.length) card = await nextCard(before);
    }
    assert.deepEqual(shown, ['What is the brand name of atorvastatin?', 'Which schedule are hydrocodone combination products?', 'What does <em>q.i.d.</em> mean?']);
    await review.settled();
    const entries = logLines().map((l) => JSON.parse(l) as { card: string; at: string; rating: number });
    assert.deepEqual(entries.map((e) => e.rating), [...ratings]);
    const index = await waitForIndex();
    const ids = index.study(index.folders()[0]).cards.filter((c) => c.file === NOTE).map((c) => c.id);
    assert.deepEqual(entries.map((e) => e.card), ids);
    for (const e of entries) assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Again (1 min) brings the second card back in the same session.
    const again = await nextCard(card);
    assert.match(again.html, /Which schedule are hydrocodone combination products\?/);
    assert.equal(again.canUndo, true);
  });

  it('undo (Ctrl+Z) takes back the last line of the log and shows that card again', async () => {
    const before = logLines();
    const shownBefore = review.lastView();
    assert.equal(await review.receive({ type: 'undo' }), true);
    assert.deepEqual(logLines(), before.slice(0, -1));
    const card = await nextCard(shownBefore);
    assert.match(card.html, /What does <em>q\.i\.d\.<\/em> mean\?/);
  });

  it('"open in note" opens the note of the card shown at the card\'s line', async () => {
    const card = review.lastView() as Card;
    assert.equal(await review.receive({ type: 'openNote', seq: card.seq }), true);
    const editor = (await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(`/${NOTE}`)), 10_000, 'the note in an editor')) as vscode.TextEditor;
    // The third card's quote starts on line 16 of the note (1-based); the editor's lines are 0-based.
    assert.equal(editor.selection.active.line, 15);
    assert.match(editor.document.lineAt(15).text, /q\.i\.d\./);
    assert.equal(await review.receive({ type: 'openNote', seq: card.seq - 1 }), false, 'only the card on screen');
  });

  it('undo changes nothing when the log no longer ends with the line this panel wrote', async () => {
    const card = review.lastView() as Card;
    assert.equal(await review.receive({ type: 'grade', seq: card.seq, rating: 3 }), true);
    await review.settled();
    fs.appendFileSync(logFile(), '{"card":"from-another-machine","at":"2026-11-30T08:00:00.000Z","rating":3}\n');
    const before = fs.readFileSync(logFile(), 'utf8');
    assert.equal(await review.receive({ type: 'undo' }), false);
    assert.equal(fs.readFileSync(logFile(), 'utf8'), before);
    assert.match((review.lastMessage() as { text?: string }).text ?? '', /Cannot undo/);
  });

  it('a log that is a symbolic link is refused and left alone: no grade goes through it, and no review starts on it', async () => {
    fs.writeFileSync(outside, 'outside\n');
    fs.rmSync(logFile());
    fs.symlinkSync(outside, logFile());
    const card = review.lastView() as Card;
    assert.equal(card.type, 'card');
    assert.equal(await review.receive({ type: 'grade', seq: card.seq, rating: 4 }), true);
    await review.settled();
    assert.equal(fs.readFileSync(outside, 'utf8'), 'outside\n');
    assert.ok(fs.lstatSync(logFile()).isSymbolicLink());
    await waitFor(() => review.lastMessage()?.type === 'notice' && /not saved.*symbolic link/.test((review.lastMessage() as { text: string }).text), 5_000, 'the not-saved notice');

    const outcome = (await vscode.commands.executeCommand('pharmacyCe.startReview', { folder: vscode.workspace.workspaceFolders![0].uri.toString() })) as ReviewOutcome;
    assert.equal(outcome.started, false);
    assert.match((outcome as { message: string }).message, /cannot start.*\.pharmacy-ce\/reviews\.jsonl is a symbolic link/);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'outside\n');
  });

  it('a message of unknown shape, or a stale showing, is refused', async () => {
    assert.equal(await review.receive({ type: 'grade', seq: 999_999, rating: 3 }), false);
    assert.equal(await review.receive({ type: 'openNote', path: '../../etc/passwd' }), false);
    assert.equal(await review.receive({ type: 'run', command: 'rm' }), false);
  });
});

describe('Review: Practice Exam', function () {
  this.timeout(60_000);
  let review: ReviewApi;
  const logFile = () => path.join(fixtureRoot(), '.pharmacy-ce', 'reviews.jsonl');
  const TWO_DOMAINS = `---
title: Practice cards
exam: ptce
domain: order-entry
---
Sig code BID :: twice a day

Sig code PO :: by mouth
`;

  before(async () => {
    const index = await waitForIndex();
    review = (await activateExtension()).features['review'] as ReviewApi;
    review.panel()?.dispose();
    fs.rmSync(path.join(fixtureRoot(), '.pharmacy-ce'), { recursive: true, force: true });
    // A folder of its own: the suite before removed review-cards/, and a folder removed and made again within
    // one burst of file events can reach the index as one change of the folder, with its notes unread (noted).
    fs.mkdirSync(path.join(fixtureRoot(), 'practice-cards'), { recursive: true });
    fs.writeFileSync(path.join(fixtureRoot(), 'practice-cards/pharmacology.md'), CARDS);
    fs.writeFileSync(path.join(fixtureRoot(), 'practice-cards/sig-codes.md'), TWO_DOMAINS);
    const folder = index.folders()[0];
    await waitFor(() => index.study(folder).cards.filter((c) => c.file.startsWith('practice-cards/')).length === 5, 20_000, 'the five cards in the index');
  });

  after(async () => {
    review.panel()?.dispose();
    await review.settled();
    fs.rmSync(path.join(fixtureRoot(), 'practice-cards'), { recursive: true, force: true });
    fs.rmSync(path.join(fixtureRoot(), '.pharmacy-ce'), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('grades each drawn card once, logs each as a review, and ends with the score per domain and overall', async () => {
    const outcome = (await vscode.commands.executeCommand('pharmacyCe.practiceExam', { exam: 'ptce', count: 4 })) as ReviewOutcome;
    assert.deepEqual(outcome, { started: true, cards: 4 });
    const domains: string[] = [];
    const ratings = [3, 1, 1, 4] as const;
    for (const rating of ratings) {
      const card = (await waitFor(() => (review.lastView()?.type === 'card' ? review.lastView() : undefined), 10_000, 'a card')) as Card;
      domains.push(/<span class="place">PTCE · ([^<]+)<\/span>/.exec(card.html)?.[1] ?? '?');
      assert.equal(await review.receive({ type: 'grade', seq: card.seq, rating }), true);
    }
    const summary = review.lastView();
    assert.equal(summary?.type, 'summary', 'Again does not bring a card back in a practice exam');
    const html = (summary as { html: string }).html;
    assert.match(html, /Practice exam finished/);
    assert.match(html, /Score: 2 of 4 \(50%\)/);
    for (const name of new Set(domains)) {
      const right = domains.filter((d, i) => d === name && ratings[i] > 1).length;
      const total = domains.filter((d) => d === name).length;
      assert.ok(html.includes(`<tr><th scope="row">${name}</th><td>${right} of ${total}</td>`), `${name}: ${html}`);
    }
    await review.settled();
    const lines = fs.readFileSync(logFile(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { rating: number });
    assert.deepEqual(lines.map((l) => l.rating), [...ratings]);
  });
});
