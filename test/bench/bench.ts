// Indexing benchmark: generates N realistic CE notes (~2 KB each) in a temp folder and measures, in one run,
// how long the core takes to index them against the time just to read the same files (the physical floor),
// the cost of one edit at that size, and peak memory. `npm run bench -- --notes 20000 --profile`.
//
// Method. Files are listed once (walk_ms, not part of either figure). The read floor is a loop of
// fs.readFileSync(file, 'utf8') over every file; the index is the same loop with FolderIndex.setNote on each
// text into a fresh workspace (read + parse + store). The first evaluate(asOf) of every credential on that
// index is timed apart right after it (eval_ms): the extension's views ask for it once the index is built.
// It is printed beside the index figure and added to it, so no cost goes unseen. A first read pass warms the
// page cache (reported as read_cold_ms) so neither figure is favoured by it; then read and index passes alternate
// `--rounds` times (default 5) with a GC before each, and each figure is the fastest of its rounds. Each
// timing is the smaller of wall clock and this process's CPU time (user + system, which includes the read
// syscalls; the page cache is warm, so reading is CPU-bound too): on a shared machine other processes
// stretch wall-clock time at random, and on a quiet one GC helper threads add CPU time that costs no wall
// time. Both raw figures are printed. The first index round (cold JIT, what the extension
// meets on start-up) is printed as well. An edit = rewrite one file on disk (untimed), then read it +
// setNote + evaluate (incremental_ms, median of `--changes`). Peak RSS is the process's maxRSS
// (resourceUsage), which catches peaks between samples. Issue #13: every fifth note also holds 5 study cards
// (a question, two terms, a two-deletion cloze), so the index figure includes reading 10,000 cards; the card
// reader alone is timed apart over every body (cards_ms).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildReport, reportInputOf } from '../../src/core/outputs/report';
import { FolderIndex } from '../../src/core/index/folder-index';
import { checkCertificates, listNoteFiles } from '../../src/node/ce-folder';
import { FRONTMATTER_LIMIT } from '../../src/core/notes/frontmatter';
import { readCards } from '../../src/core/study/cards';
import { measureWorstNotes } from './worst-note';
import { mark, random, since, type Span } from './common';
import { CARDS_PER_NOTE, CONFIG, generate } from './notes';
import { measureStudy } from './study-bench';

interface Options {
  notes: number;
  changes: number;
  rounds: number;
  keep: boolean;
  profile: boolean;
  seed: number;
  /** Write no study cards (the folder of issue #10's figures), to compare on the same machine. */
  noCards: boolean;
}

const AS_OF = '2026-11-25';

function parseOptions(argv: string[]): Options {
  const options: Options = { notes: 10_000, changes: 50, rounds: 5, keep: false, profile: false, seed: 42, noCards: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const num = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number`);
      return value;
    };
    if (arg === '--notes') options.notes = num();
    else if (arg === '--changes') options.changes = num();
    else if (arg === '--rounds') options.rounds = num();
    else if (arg === '--seed') options.seed = num();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--no-cards') options.noCards = true;
    else throw new Error(`unknown option ${arg} (known: --notes N --changes N --rounds N --seed N --keep --profile --no-cards)`);
  }
  return options;
}

// ---- Measuring ------------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
let rssSamples = 0;
function sampleRss(): number {
  const rss = process.memoryUsage().rss;
  rssSamples = Math.max(rssSamples, rss);
  return rss;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}


function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

function readAll(root: string, files: readonly string[]): number {
  let chars = 0;
  for (const rel of files) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    chars += text.length; // used, so the read cannot be optimized away
  }
  return chars;
}

function indexAll(root: string, files: readonly string[]): FolderIndex {
  const workspace = new FolderIndex();
  workspace.setConfig(CONFIG, AS_OF);
  for (const rel of files) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    workspace.setNote(rel, text);
  }
  return workspace;
}

async function withProfile<T>(enabled: boolean, body: () => T): Promise<T> {
  if (!enabled) return body();
  const inspector = await import('node:inspector/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const value = body();
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  printProfile(profile);
  return value;
}

interface CpuProfile {
  nodes: { id: number; hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
}

/** Self time by function, the top 15: where an index pass spends its time. */
function printProfile(profile: CpuProfile): void {
  const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1;
  const bySelf = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    bySelf.set(key, (bySelf.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  const wall = (profile.endTime - profile.startTime) / 1000;
  console.log(`profile of one index pass (${fixed(wall)} ms), self time:`);
  for (const [key, hits] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${fixed((hits / total) * 100).padStart(5)}%  ${key}`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!gc) console.log('note: run with node --expose-gc for the after-GC memory figure (npm run bench does)');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-bench-'));
  const cleanup = (): void => {
    if (!options.keep) fs.rmSync(root, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    let t = process.hrtime.bigint();
    const bytes = generate(root, options);
    console.log(`generated ${options.notes} notes, ${fixed(bytes / options.notes / 1024, 2)} KB on average, in ${fixed(ms(t), 0)} ms (${root})`);

    const lister = new FolderIndex();
    lister.setConfig(CONFIG, AS_OF);
    t = process.hrtime.bigint();
    const files = listNoteFiles(root, lister);
    const walkMs = ms(t);
    if (files.length !== options.notes) throw new Error(`walk found ${files.length} notes, expected ${options.notes}`);

    t = process.hrtime.bigint();
    readAll(root, files);
    const readColdMs = ms(t);

    const readRounds: Span[] = [];
    const indexRounds: Span[] = [];
    const evalRounds: Span[] = [];
    let workspace: FolderIndex | undefined;
    for (let round = 0; round < options.rounds; round++) {
      workspace = undefined;
      gc?.();
      let m = mark();
      readAll(root, files);
      readRounds.push(since(m));
      sampleRss();
      gc?.();
      m = mark();
      workspace = indexAll(root, files);
      indexRounds.push(since(m));
      m = mark();
      workspace.evaluate(AS_OF);
      evalRounds.push(since(m));
      sampleRss();
    }
    if (!workspace) throw new Error('no rounds ran');
    const fastest = (spans: Span[], key: keyof Span): number => Math.min(...spans.map((x) => x[key]));
    const [readMs, indexMs] = [fastest(readRounds, 'cost'), fastest(indexRounds, 'cost')];
    const [readWallMs, indexWallMs] = [fastest(readRounds, 'wall'), fastest(indexRounds, 'wall')];
    const evalMs = fastest(evalRounds, 'cost');

    // What the index holds, so the figures are known to be about real work.
    const notes = workspace.notes();
    const ce = notes.filter((n) => n.kind === 'ce').length;
    const problems = workspace.problems();
    const progress = workspace.evaluate(AS_OF);
    console.log(
      `indexed: ${notes.length} notes (${ce} CE), ${problems.filter((p) => p.severity === 'error').length} errors, ${problems.length} problems; ` +
        progress.map((p) => `${p.credential.id} ${fixed(p.hours.earned)}/${p.hours.required} h`).join(', '),
    );

    // Issue #13: the cards read during that index, and the card reader alone over every body (the notes
    // without a card marker skip markdown-it), fastest of the rounds.
    const cardCount = notes.reduce((sum, n) => sum + (n.study?.cards.length ?? 0), 0);
    const cardNotes = notes.filter((n) => n.study).length;
    const bodies = files.map((rel) => {
      const text = fs.readFileSync(path.join(root, rel), 'utf8');
      return text.slice(text.indexOf('\n---\n', 3) + 5);
    });
    const cardRounds: Span[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const m = mark();
      for (const text of bodies) readCards(text);
      cardRounds.push(since(m));
    }
    const cardsMs = fastest(cardRounds, 'cost');

    t = process.hrtime.bigint();
    checkCertificates(root, workspace);
    const certificatesMs = ms(t);
    t = process.hrtime.bigint();
    const report = buildReport(reportInputOf(workspace, AS_OF));
    const reportMs = ms(t);
    void report;

    // One edit at a time: the changed file is re-read and re-parsed, nothing else. The figure is for the
    // worst case, an edit the evaluation must see (the hours); a body edit is timed apart: it changes nothing
    // the index keeps (no excerpts are kept), so the index reports no change and the evaluation stays.
    const rand = random(options.seed + 1);
    const incremental: Span[] = [];
    const setNoteOnly: number[] = [];
    const evaluateOnly: number[] = [];
    const treeItems: number[] = [];
    const bodyEdits: Span[] = [];
    const edit = (rel: string, change: (text: string) => string, changes = true): Span => {
      const full = path.join(root, rel);
      fs.writeFileSync(full, change(fs.readFileSync(full, 'utf8')));
      const m0 = mark();
      const text = fs.readFileSync(full, 'utf8');
      const m1 = mark(); // read done; setNote starts
      if (workspace.setNote(rel, text) !== changes) throw new Error(`the edit of ${rel} was ${changes ? 'not ' : ''}seen as a change`);
      const setNoteSpan = since(m1);
      const m2 = mark();
      workspace.evaluate(AS_OF);
      const evaluateSpan = since(m2);
      const total = since(m0);
      setNoteOnly.push(setNoteSpan.cost);
      evaluateOnly.push(evaluateSpan.cost);
      // What the trees redraw after an edit: the evaluation above plus the note list and the note's problems.
      workspace.notes();
      workspace.problemsFor(rel);
      treeItems.push(since(m2).cost);
      return total;
    };
    const HOURS_LINE = /^ce_hours: (\d+(?:\.\d+)?)$/m;
    for (let i = 0; i < options.changes; i++) {
      let rel = files[Math.floor(rand() * files.length)];
      while (!HOURS_LINE.test(fs.readFileSync(path.join(root, rel), 'utf8'))) rel = files[Math.floor(rand() * files.length)];
      incremental.push(edit(rel, (text) => text.replace(HOURS_LINE, (_, h: string) => `ce_hours: ${Number(h) + 0.5}`)));
    }
    const [setNoteMs, evaluateMs, treeItemsMs] = [median(setNoteOnly), median(evaluateOnly), median(treeItems)];
    for (let i = 0; i < options.changes; i++) {
      // A new key point: the dashboard's preview of the note changes when it is shown; the index does not.
      // On a note without cards: a line added above cards moves them, which is a change the index must keep.
      let rel = files[Math.floor(rand() * files.length)];
      while (fs.readFileSync(path.join(root, rel), 'utf8').includes('## Study cards')) rel = files[Math.floor(rand() * files.length)];
      bodyEdits.push(edit(rel, (text) => text.replace('## Key points\n', `## Key points\n- Edit ${i}: another point.\n`), false));
    }
    const incrementalMs = median(incremental.map((x) => x.cost));
    const incrementalWallMs = median(incremental.map((x) => x.wall));
    sampleRss();

    // The command line on the same folder, as a user meets it: Node start-up, walk, read, index, certificates.
    const cli = path.resolve(__dirname, '../../dist/cli.js');
    let cliLine = 'cli: dist/cli.js not built, skipped';
    if (fs.existsSync(cli)) {
      const t0 = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [cli, 'check', root, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const cliMs = ms(t0);
      const problems = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as { problems: { code?: string }[] }).problems : [];
      const certificates = problems.filter((p) => p.code === 'certificate-missing').length;
      cliLine =
        `cli: \`pharmacy-ce check\` on ${options.notes} notes took ${fixed(cliMs, 0)} ms wall clock (exit ${run.status}; ` +
        `${problems.length} problems, ${certificates} of them missing certificates: the bench writes no certificate files)`;
    }

    gc?.();
    const rssAfterGc = process.memoryUsage().rss;
    const heapAfterGc = process.memoryUsage().heapUsed;
    const peakRss = Math.max(rssSamples, process.resourceUsage().maxRSS * 1024);

    if (options.profile) {
      gc?.();
      await withProfile(true, () => indexAll(root, files).evaluate(AS_OF));
    }

    const ratio = indexMs / readMs;
    const list = (spans: Span[], key: keyof Span) => spans.map((x) => fixed(x[key])).join(', ');
    console.log(
      `method: each timing is the smaller of wall clock and this process's CPU time (user + system), so neither other work on the machine ` +
        `(load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs) nor parallel GC threads inflate it; ` +
        `fastest of ${options.rounds} alternating read/index rounds after a cache-warming read, GC before each; ` +
        `index = read + parse + store of every note, eval = the first evaluation of every credential on it, timed right after; edits: median`,
    );
    console.log(`walk_ms=${fixed(walkMs)} read_cold_ms=${fixed(readColdMs)} (wall clock)`);
    console.log(`read rounds cpu [${list(readRounds, 'cpu')}] wall [${list(readRounds, 'wall')}]`);
    console.log(`index rounds cpu [${list(indexRounds, 'cpu')}] wall [${list(indexRounds, 'wall')}]`);
    console.log(`eval rounds cpu [${list(evalRounds, 'cpu')}] wall [${list(evalRounds, 'wall')}]`);
    console.log(`index: ${fixed(indexMs)} ms, ${fixed((options.notes / indexMs) * 1000, 0)} notes/s (first, cold-JIT round ${fixed(indexRounds[0].cost)} ms); read floor ${fixed(readMs)} ms; ratio ${fixed(ratio, 2)}`);
    console.log(
      `eval: ${fixed(evalMs)} ms for the first evaluation of ${progress.length} credentials (first, cold-JIT round ${fixed(evalRounds[0].cost)} ms); ` +
        `index + eval ${fixed(indexMs + evalMs)} ms, ratio to the read floor ${fixed((indexMs + evalMs) / readMs, 2)}`,
    );
    console.log(`wall clock: index ${fixed(indexWallMs)} ms, read ${fixed(readWallMs)} ms, ratio ${fixed(indexWallMs / readWallMs, 2)}; hours edit ${fixed(incrementalWallMs, 2)} ms`);
    console.log(
      `cards (issue #13): ${cardNotes} of ${options.notes} notes hold ${CARDS_PER_NOTE} cards each, ${cardCount} cards in the index; ` +
        `the card reader alone over every body ${fixed(cardsMs)} ms (first round ${fixed(cardRounds[0].cost)} ms); ` +
        `cold index with cards ${fixed(indexMs)} ms (first, cold-JIT round ${fixed(indexRounds[0].cost)} ms) vs read ${fixed(readMs)} ms: ratio ${fixed(ratio, 2)} (target <= 5)`,
    );
    console.log(`certificates_ms=${fixed(certificatesMs)} (stat of each certificate) report_ms=${fixed(reportMs)} (CLI report object)`);
    console.log(
      `hours edit (median of ${options.changes}): incremental_ms=${fixed(incrementalMs, 2)} = read + setNote ${fixed(setNoteMs, 2)} ms + evaluate ${fixed(evaluateMs, 2)} ms; max ${fixed(Math.max(...incremental.map((x) => x.cost)), 2)} ms`,
    );
    console.log(`body edit (median of ${options.changes}): ${fixed(median(bodyEdits.map((x) => x.cost)), 2)} ms (read + setNote, which finds nothing changed)`);
    console.log(`extension: tree_items_ms=${fixed(treeItemsMs, 2)} (after one hours edit: evaluate ${progress.length} credentials + note list + the note's problems, ${options.notes} notes)`);
    console.log(cliLine);
    console.log(`memory: peak rss ${fixed(peakRss / 1048576)} MB; after GC rss ${fixed(rssAfterGc / 1048576)} MB, heap ${fixed(heapAfterGc / 1048576)} MB holding the index`);
    const worst = measureWorstNotes().sort((a, b) => b.ms - a.ms);
    console.log(`worst notes at the ${FRONTMATTER_LIMIT / 1024} KB frontmatter cap (median of 21 reads): ${worst.map((w) => `${w.name} ${fixed(w.ms, 1)}`).join(', ')} ms`);
    const study = measureStudy(options.rounds, fixed);
    const targets = [
      ratio <= 5 ? 'ratio <= 5 ok' : `ratio ${fixed(ratio, 2)} > 5 MISSED`,
      incrementalMs <= 5 ? 'incremental <= 5 ms ok' : `incremental ${fixed(incrementalMs, 2)} ms > 5 MISSED`,
      worst[0].ms <= 50 ? 'any note <= 50 ms ok' : `${worst[0].name} ${fixed(worst[0].ms, 1)} ms > 50 MISSED`,
      study.replayMs <= 300 ? 'review log <= 300 ms ok' : `review log ${fixed(study.replayMs)} ms > 300 MISSED`,
      study.studyMs <= 50 ? 'study model <= 50 ms ok' : `study model ${fixed(study.studyMs)} ms > 50 MISSED`,
    ];
    console.log(`targets: ${targets.join('; ')}`);
    console.log(
      `bench: notes=${options.notes} cards=${cardCount} cards_ms=${fixed(cardsMs)} index_ms=${fixed(indexMs)} read_ms=${fixed(readMs)} ratio=${fixed(ratio, 2)} incremental_ms=${fixed(incrementalMs, 2)} rss_mb=${fixed(peakRss / 1048576)} eval_ms=${fixed(evalMs)} heap_mb=${fixed(heapAfterGc / 1048576)} worst_note_ms=${fixed(worst[0].ms, 1)} study_log_ms=${fixed(study.replayMs)} study_model_ms=${fixed(study.studyMs)}`,
    );
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
