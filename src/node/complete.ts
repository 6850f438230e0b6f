// `pharmacy-ce complete <note> [--date YYYY-MM-DD]`: the same edit as Mark Note Completed, for scripts and for
// trying the edit on any file. Exit 0 and the date written, or 1 with the reason and the file untouched (2 for
// bad arguments). Nothing is written through a symbolic link or outside the current folder.
import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, localToday } from '../core/common/dates';
import { completeNote } from '../core/notes/edit';

export const COMPLETE_USAGE = '  complete <note>   Mark a CE note completed (--date YYYY-MM-DD, default: today), as the editor command does\n';

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
      err.write(`pharmacy-ce complete: unexpected argument: ${arg}\nUsage: pharmacy-ce complete <note> [--date YYYY-MM-DD]\n`);
      return 2;
    } else note = arg;
  }
  if (note === undefined || (date !== undefined && !isCalendarDate(date))) {
    err.write(`pharmacy-ce complete: ${note === undefined ? 'which note?' : `not a calendar date: ${date} (expected YYYY-MM-DD)`}\nUsage: pharmacy-ce complete <note> [--date YYYY-MM-DD]\n`);
    return 2;
  }
  const day = date ?? localToday();
  const refuse = (reason: string): number => {
    err.write(`pharmacy-ce complete: ${note} was not changed: ${reason}\n`);
    return 1;
  };
  const target = checkedTarget(note);
  if (typeof target !== 'string' || target === '') return refuse(typeof target === 'string' ? 'no such file' : target.error);
  const bytes = fs.readFileSync(target);
  const text = bytes.toString('utf8');
  // Written back as UTF-8: a file that does not decode exactly would lose bytes.
  if (text.includes('\0') || !Buffer.from(text, 'utf8').equals(bytes)) return refuse('it is not a UTF-8 text file.');
  const result = completeNote(text, day);
  if (!result.ok) return refuse(result.error);
  if (result.text !== text) writeNote(target, result.text);
  out.write(`${day}\n`);
  return 0;
}

/**
 * The note's absolute path when it may be written: a regular file inside the current folder, reached without
 * a symbolic link on the way (the file itself included). '' when it does not exist.
 */
function checkedTarget(note: string): string | { error: string } {
  const root = fs.realpathSync(process.cwd());
  const absolute = path.resolve(root, note);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { error: 'it is outside the current folder.' };
  let at = root;
  for (const part of relative.split(path.sep)) {
    at = path.join(at, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(at);
    } catch {
      return '';
    }
    if (stat.isSymbolicLink()) return { error: `${path.relative(root, at)} is a symbolic link; nothing is written through one.` };
  }
  if (!fs.statSync(absolute).isFile()) return { error: 'it is not a file.' };
  const real = fs.realpathSync(absolute);
  if (path.relative(root, real).startsWith('..')) return { error: 'its real path is outside the current folder.' };
  return real;
}

/**
 * Replaces the file's content: a new file in the same folder (created exclusively), then renamed over the
 * note, so a crash leaves either the old note or the new one. (To move to the shared safe-write module.)
 */
function writeNote(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const mode = fs.statSync(file).mode & 0o777;
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
