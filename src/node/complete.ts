// `pharmacy-ce complete <note> [--date MM/DD/YYYY or YYYY-MM-DD]`: the same edit as Mark Note Completed, for scripts and for
// trying the edit on any file. Exit 0 and the date written, or 1 with the reason and the file untouched (2 for
// bad arguments). Nothing is written through a symbolic link or outside the current folder.
import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';
import { localToday, parseTypedDate } from '../core/common/dates';
import { completeNote } from '../core/notes/edit';
import { RefusedWriteError, inspectInsideFolder, writeInsideFolder } from './safe-fs';

/** The one-line usage shown after a mistake in the command. */
function completeUsage(): string {
  return l10n.t('Usage: pharmacy-ce complete <note> [--date MM/DD/YYYY or YYYY-MM-DD]');
}

interface Output {
  write(text: string): unknown;
}

export function runComplete(argv: readonly string[], out: Output, err: Output): number {
  let note: string | undefined;
  let date: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--date' || arg.startsWith('--date=')) date = arg === '--date' ? argv[++i] : arg.slice('--date='.length);
    else if (arg.startsWith('-') || note !== undefined) {
      err.write(`pharmacy-ce complete: ${l10n.t('unexpected argument: {0}', arg)}\n${completeUsage()}\n`);
      return 2;
    } else note = arg;
  }
  // The same reading of a typed date as the editor's question: as on the certificate, or YYYY-MM-DD.
  const typed = date === undefined ? undefined : parseTypedDate(date);
  if (note === undefined || (typed !== undefined && 'error' in typed)) {
    const why = note === undefined ? l10n.t('which note?') : l10n.t('not a date: {0}. {1}', date ?? '', typed && 'error' in typed ? typed.error : '');
    err.write(`pharmacy-ce complete: ${why}\n${completeUsage()}\n`);
    return 2;
  }
  const day = typed?.date ?? localToday();
  const refuse = (reason: string): number => {
    err.write(`pharmacy-ce complete: ${l10n.t('{0} was not changed: {1}', note ?? '', reason)}\n`);
    return 1;
  };
  // The same write rule as every other writer (src/node/safe-fs.ts): inside the current folder, through no link.
  const root = process.cwd();
  const relative = path.relative(root, path.resolve(root, note)).split(path.sep).join('/');
  let bytes: Buffer;
  try {
    if (inspectInsideFolder(root, relative) === 'missing') return refuse(l10n.t('no such file.'));
    bytes = fs.readFileSync(path.join(fs.realpathSync(root), relative));
  } catch (error) {
    if (error instanceof RefusedWriteError) return refuse(error.message);
    throw error;
  }
  const text = bytes.toString('utf8');
  // Written back as UTF-8: a file that does not decode exactly would lose bytes.
  if (text.includes('\0') || !Buffer.from(text, 'utf8').equals(bytes)) return refuse(l10n.t('it is not a UTF-8 text file.'));
  const result = completeNote(text, day);
  if (!result.ok) return refuse(result.error);
  if (result.text !== text) {
    try {
      writeInsideFolder(root, relative, result.text, { replace: true });
    } catch (error) {
      if (error instanceof RefusedWriteError) return refuse(error.message);
      throw error;
    }
  }
  out.write(`${day}\n`);
  return 0;
}
