// `pharmacy-ce transcript`: the Export Transcript command for scripts and CI. The same CSV and HTML (the same
// core functions, file names and default folder), written under the same rule (src/node/safe-fs.ts: no link,
// nothing outside the notes folder, no silent replace).
import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, localToday } from '../core/common/dates';
import { plural } from '../core/common/plural';
import { TRANSCRIPT_DIR, buildTranscript, transcriptBaseName, transcriptCsvFile } from '../core/outputs/transcript';
import { transcriptHtml } from '../core/outputs/transcript-html';
import { loadCeFolder } from './ce-folder';
import { RefusedWriteError, inspectInsideFolder, relativeInside, writeInsideFolder } from './safe-fs';

interface TranscriptArgs {
  folder?: string;
  credential: string;
  out?: string;
  asOf?: string;
  name: string;
  replace: boolean;
}

/** Options of `transcript` that take a value (the dispatcher in cli.ts skips their values too). */
export const TRANSCRIPT_VALUE_OPTIONS = ['--credential', '--out', '--as-of', '--name'];

/** Runs `pharmacy-ce transcript ...` (argv with the command word; `language`: the page's, as the messages'). Exit code: 0 written, 1 written with notes left out for errors, 2 not written. */
export function runTranscript(argv: readonly string[], usage: string, language: string): number {
  let args: TranscriptArgs | 'help';
  try {
    args = parseTranscriptArgs(argv);
  } catch (error) {
    process.stderr.write(`pharmacy-ce: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const root = path.resolve(args.folder ?? '.');
  if (!isDirectory(root)) {
    process.stderr.write(`pharmacy-ce: ${l10n.t('not a folder: {0}', args.folder ?? root)}\n`);
    return 2;
  }
  const outDir = args.out === undefined ? TRANSCRIPT_DIR : relativeInside(root, path.resolve(args.out));
  if (outDir === undefined) {
    process.stderr.write(`pharmacy-ce: ${l10n.t('--out must be a folder inside the notes folder ({0}): {1}', args.folder ?? root, args.out ?? '')}\n`);
    return 2;
  }
  const asOf = args.asOf ?? localToday();
  const folder = loadCeFolder(root, asOf);
  const all = folder.workspace.evaluate(asOf);
  const progress = all.find((p) => p.credential.id === args.credential);
  if (!progress) {
    const known = all.map((p) => p.credential.id).join(', ');
    const where = args.folder ?? root;
    process.stderr.write(`pharmacy-ce: ${known ? l10n.t('no credential "{0}" in {1} (its credentials: {2})', args.credential, where, known) : l10n.t('no credential "{0}" in {1}', args.credential, where)}\n`);
    return 2;
  }
  const base = transcriptBaseName(progress.credential.id, progress.cycle.end);
  const files = [`${base}.csv`, `${base}.html`].map((name) => (outDir ? `${outDir.split(path.sep).join('/')}/${name}` : name));
  const transcript = buildTranscript(progress, folder.workspace.notes(), {
    learnerName: args.name.trim(),
    asOf,
    generated: localToday(),
    missingCertificates: folder.workspace.missingCertificates(),
    problems: folder.workspace.problems(),
  });
  try {
    // Both checked before either is written, so a refusal leaves nothing half done.
    for (const file of files) {
      if (inspectInsideFolder(root, file) === 'file' && !args.replace) throw new RefusedWriteError(l10n.t('Not written: {0} already exists (--replace replaces it).', file));
    }
    writeInsideFolder(root, files[0], transcriptCsvFile(transcript), { replace: args.replace });
    writeInsideFolder(root, files[1], transcriptHtml(transcript, language), { replace: args.replace });
  } catch (error) {
    if (!(error instanceof RefusedWriteError)) throw error;
    process.stderr.write(`pharmacy-ce: ${error.message}\n`);
    return 2;
  }
  for (const file of files) process.stdout.write(`${file}\n`);
  const errors = transcript.leftOut.errors;
  if (errors > 0) {
    process.stderr.write(`${plural(errors, l10n.t('1 note with errors left out of the transcript: fix it (pharmacy-ce check) and export again.'), l10n.t('{0} notes with errors left out of the transcript: fix them (pharmacy-ce check) and export again.', errors))}\n`);
    for (const note of transcript.errorNotes) process.stderr.write(`  ${note.path}: ${note.reason}\n`);
    return 1;
  }
  return 0;
}

function parseTranscriptArgs(argv: readonly string[]): TranscriptArgs | 'help' {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let replace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    const option = TRANSCRIPT_VALUE_OPTIONS.find((o) => arg === o || arg.startsWith(`${o}=`));
    if (option) {
      const value = arg === option ? argv[++i] : arg.slice(option.length + 1);
      if (value === undefined || value === '') throw new Error(l10n.t('{0} needs a value', option));
      values.set(option, value);
    } else if (arg === '--replace') replace = true;
    else if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    else if (arg.startsWith('-') && arg !== '-') throw new Error(l10n.t('unknown option for transcript: {0}', arg));
    else positional.push(arg);
  }
  const [, folder, ...rest] = positional;
  if (rest.length > 0) throw new Error(l10n.t('one folder at most (got also: {0})', rest.join(' ')));
  const credential = values.get('--credential');
  if (!credential) throw new Error(l10n.t('transcript needs --credential ID (the id in .pharmacy-ce.json, or the rule set id)'));
  const asOf = values.get('--as-of');
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new Error(l10n.t('--as-of: not a calendar date: {0} (expected YYYY-MM-DD)', asOf));
  return { folder, credential, out: values.get('--out'), asOf, name: values.get('--name') ?? '', replace };
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
