// `pharmacy-ce`: the CE report and problem check of a notes folder, from a terminal or CI, with the same core
// as the extension, and the transcript the editor exports (src/node/transcript-cli.ts). Exit codes: 0 fine,
// 1 `check` found an error (or `transcript` left out notes with errors), 2 could not run (bad arguments, no
// folder, a write refused).
import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../package.json';
import { FIRST_DATE, LAST_DATE, isCalendarDate, isDateInRange, localToday } from './core/common/dates';
import { plural } from './core/common/plural';
import { buildReport, formatProblemLines, formatReport, hasErrors, reportInputOf } from './core/outputs/report';
import { buildCardsReport, endOfLocalDay, formatCards } from './core/outputs/cards';
import { buildCareerReport, formatCareer } from './core/outputs/career';
import { loadCeFolder } from './node/ce-folder';
import { useCliLanguage } from './node/cli-language';
import { runComplete } from './node/complete';
import { TRANSCRIPT_VALUE_OPTIONS, runTranscript } from './node/transcript-cli';

/** The help text: each command's and option's description wrapped after its syntax column. */
function usage(): string {
  const commands: [string, string][] = [
    ['report [folder]', l10n.t('Hours, requirements and deadlines of each credential (default folder: .)')],
    ['check [folder]', l10n.t('Problems as file:line:column: severity: message; exit 1 when any is an error')],
    ['cards [folder]', l10n.t('Study cards in the notes: how many are new and due, readiness per exam and domain, then each card (due times from the review log .pharmacy-ce/reviews.jsonl, desired retention 0.9)')],
    ['career [folder]', l10n.t('Credentials held, where you stand on the next credential (CPhT-Adv, CSPT, PTCB certificates) requirement by requirement, certificates, experience, suggestions, network')],
    ['complete <note>', l10n.t('Mark a CE note completed (--date MM/DD/YYYY or YYYY-MM-DD, default: today), as the editor command does')],
  ];
  const options: [string, string][] = [
    ['--json', l10n.t('Machine-readable output (report: the full report; check: the problems; cards: the cards; career: certificates, experience, eligibility, suggestions, network, problems)')],
    ['--as-of YYYY-MM-DD', l10n.t('Evaluate as on this date (default: today); cards: as at the end of that day')],
    ['--color, --no-color', l10n.t('Force or disable colours (default: on a terminal, unless NO_COLOR is set)')],
    ['-h, --help', l10n.t('Show this help')],
    ['-v, --version', l10n.t('Show the version')],
  ];
  return `${l10n.t('Usage: pharmacy-ce <command> [folder] [options]')}

${l10n.t('Commands:')}
${helpRows(commands, 18)}

  transcript [folder] --credential ID [--out DIR] [--as-of YYYY-MM-DD] [--name NAME] [--replace]
${wrap(l10n.t("Write transcripts/<credential>-<cycle end>.csv and .html for one credential's cycle, as the editor's Export Transcript does. --out: another folder inside the notes folder; --name: the learner's name on it; --replace: replace files already there (never a symbolic link). Exit 1 when notes with errors were left out of it."), 20)}

${l10n.t('Options:')}
${helpRows(options, 20)}

${wrap(l10n.t('Exit codes: 0 done, 1 check found an error (complete: the note was left unchanged; transcript: notes with errors left out), 2 could not run (transcript: nothing written; a symbolic link or a path outside the folder is refused).'), 0)}
`;
}

const HELP_WIDTH = 111;

/** Rows of `  syntax  description`, the description wrapped under itself. */
function helpRows(rows: readonly [string, string][], column: number): string {
  return rows.map(([syntax, description]) => `  ${syntax.padEnd(column)}${wrap(description, column + 2).trimStart()}`).join('\n');
}

/** Words wrapped to HELP_WIDTH columns, every line indented by `indent` spaces. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > HELP_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

interface Args {
  command: 'report' | 'check' | 'cards' | 'career';
  folder?: string;
  json: boolean;
  asOf?: string;
  color?: boolean;
}

/** The desired retention of the CLI's schedules: FSRS's default, the setting's default in the editor. */
const DEFAULT_RETENTION = 0.9;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' | 'version' {
  const positional: string[] = [];
  let json = false;
  let asOf: string | undefined;
  let color: boolean | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--json') json = true;
    else if (arg === '--color') color = true;
    else if (arg === '--no-color') color = false;
    else if (arg === '--as-of' || arg.startsWith('--as-of=')) {
      const value = arg === '--as-of' ? argv[++i] : arg.slice('--as-of='.length);
      if (value === undefined) throw new UsageError(l10n.t('--as-of needs a date (YYYY-MM-DD)'));
      if (!isCalendarDate(value)) throw new UsageError(l10n.t('--as-of: not a calendar date: {0} (expected YYYY-MM-DD)', value));
      if (!isDateInRange(value)) throw new UsageError(l10n.t('--as-of: {0} is outside {1}..{2}', value, FIRST_DATE, LAST_DATE));
      asOf = value;
    } else if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(l10n.t('unknown option: {0}', arg));
    else positional.push(arg);
  }
  const [command, folder, ...rest] = positional;
  if (command === undefined) throw new UsageError(l10n.t('a command is needed: report, check, cards or career'));
  if (command === 'help') return 'help';
  if (command !== 'report' && command !== 'check' && command !== 'cards' && command !== 'career') throw new UsageError(l10n.t('unknown command: {0}', command));
  if (rest.length > 0) throw new UsageError(l10n.t('one folder at most (got also: {0})', rest.join(' ')));
  return { command, folder, json, asOf, color };
}

function useColor(forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced;
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  if (process.env.NO_COLOR) return false;
  return process.stdout.isTTY === true && process.env.TERM !== 'dumb';
}

/** The command word: the first argument that is neither an option nor an option's value. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (TRANSCRIPT_VALUE_OPTIONS.includes(argv[i])) i++;
    else if (argv[i] === '--') return argv[i + 1];
    else if (!argv[i].startsWith('-') || argv[i] === '-') return argv[i];
  }
  return undefined;
}

/** Runs one command; `language` is the one the messages are in (`en` or a translated one), for the pages written. */
function run(argv: readonly string[], language: string): number {
  if (argv[0] === 'complete') return runComplete(argv.slice(1), process.stdout, process.stderr);
  if (commandOf(argv) === 'transcript') return runTranscript(argv, usage(), language);
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`pharmacy-ce: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }

  const root = path.resolve(args.folder ?? '.');
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(root);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) {
    process.stderr.write(`pharmacy-ce: ${l10n.t('not a folder: {0}', args.folder ?? root)}\n`);
    return 2;
  }

  const asOf = args.asOf ?? localToday();
  const folder = loadCeFolder(root, asOf);
  const shownName = args.folder ?? path.basename(root);
  if (args.command === 'cards') {
    const now = endOfLocalDay(asOf);
    const model = folder.workspace.study(now, { retention: DEFAULT_RETENTION });
    process.stdout.write(args.json ? JSON.stringify(buildCardsReport(model), null, 2) + '\n' : formatCards(model, now, shownName, asOf));
    return 0;
  }
  const report = buildReport(reportInputOf(folder.workspace, asOf, folder.fileProblems, shownName));
  if (args.command === 'career') {
    const model = folder.workspace.career(asOf);
    process.stdout.write(args.json ? JSON.stringify(buildCareerReport(model, report.problems), null, 2) + '\n' : formatCareer(model, report.problems.length, shownName));
    return 0;
  }

  if (args.command === 'report') {
    process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, { color: useColor(args.color) }));
    return 0;
  }

  if (args.json) {
    process.stdout.write(JSON.stringify({ asOf, problems: report.problems, summary: report.summary }, null, 2) + '\n');
  } else {
    if (report.problems.length > 0) process.stdout.write(formatProblemLines(report.problems) + '\n');
    const { errors, warnings, infos } = report.summary;
    const files = folder.files.length;
    const counts = [plural(errors, l10n.t('{0} error', errors), l10n.t('{0} errors', errors)), plural(warnings, l10n.t('{0} warning', warnings), l10n.t('{0} warnings', warnings))];
    if (infos) counts.push(l10n.t('{0} info', infos));
    const notes = plural(files, l10n.t('{0} note', files), l10n.t('{0} notes', files));
    process.stderr.write(`${report.problems.length === 0 ? plural(files, l10n.t('No problems in {0} note.', files), l10n.t('No problems in {0} notes.', files)) : l10n.t('{0} in {1}.', counts.join(', '), notes)}\n`);
  }
  return hasErrors(report.problems) ? 1 : 0;
}

function main(): void {
  // The bundles ship in l10n/ next to dist/ (dist/cli.js -> ../l10n).
  const language = useCliLanguage(process.env, path.join(__dirname, '..', 'l10n')) ?? 'en';
  // A closed pipe (`pharmacy-ce report | head`) is not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = run(process.argv.slice(2), language);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pharmacy-ce: ${l10n.t('could not finish: {0}', message)}\n`);
    if (process.env.PHARMACY_CE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}

main();
