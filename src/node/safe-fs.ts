// Writing inside a notes folder with Node's fs, and never anywhere else: no write through a symbolic link (at
// the file or at any folder on the way), nothing outside the folder, new files created exclusively. The CLI
// uses it directly, the extension for `file:` folders (src/features/safe-write.ts); every command that writes
// (transcripts, notes, `.pharmacy-ce.json`, and later the review log, card export and portfolio) goes through it.
import * as l10n from '@vscode/l10n';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { insideSegments } from '../core/common/paths';
import { RefusedWriteError, lengthBeforeTail, type TargetState, type WriteOptions } from '../core/common/write-rule';

export { RefusedWriteError, lengthBeforeTail, type TargetState, type WriteOptions };

/**
 * Checks the target without writing: each folder on the way from `folder` down must be a real folder (not a
 * link) or missing, and the target itself missing or a regular file (not a link). Throws RefusedWriteError.
 */
export function inspectInsideFolder(folder: string, relativePath: string): TargetState {
  const { target, shown } = walkTo(folder, relativePath, false);
  return target === undefined ? 'missing' : leafState(target, shown);
}

/** Checks the folders on the way to and including `relativeDir` (missing ones are fine). Throws RefusedWriteError. */
export function inspectFolderInside(folder: string, relativeDir: string): void {
  if (insideSegments(relativeDir)?.length === 0) return; // the folder itself
  walkTo(folder, `${relativeDir}/x`, false, l10n.t('a file in {0}', insideSegments(relativeDir)?.join('/') ?? '')); // `x` stands for a file in it: only the folders are looked at
}

/**
 * Writes `data` at `relativePath` inside `folder`, creating the folders on the way. A new file is created
 * exclusively (nothing that appeared meanwhile, not even a dangling link, is written through); with
 * `replace`, a regular file there is replaced by renaming a new file over it, so a link or a hard link that
 * turned up at the last moment is never written through. Throws RefusedWriteError with a message for the user.
 */
export function writeInsideFolder(folder: string, relativePath: string, data: string | Uint8Array, options: WriteOptions): void {
  const { target, shown, dir } = walkTo(folder, relativePath, true);
  const file = target ?? path.join(dir, path.basename(shown));
  const state = target === undefined ? 'missing' : leafState(file, shown);
  if (state === 'file' && !options.replace) throw new RefusedWriteError(l10n.t('Not written: {0} already exists.', shown));
  if (state === 'missing') {
    writeExclusive(file, data, shown);
    return;
  }
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  writeExclusive(temp, data, shown);
  try {
    leafState(file, shown); // re-checked right before the replace
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Appends `text` to the file at `relativePath` inside `folder` (made, with its folders, when missing), and
 * returns the bytes written: `text`, with a newline first when the file's last line had none (so a log
 * joined by hand or by a merge keeps its last line whole). O_APPEND writes after whatever is there, so nothing
 * already in the file is touched even when the write fails; O_NOFOLLOW refuses a link at the file itself,
 * the walk a link on the way. Throws RefusedWriteError with a message for the user.
 */
export function appendInsideFolder(folder: string, relativePath: string, text: string): string {
  const { target, shown, dir } = walkTo(folder, relativePath, true);
  const file = target ?? path.join(dir, path.basename(shown));
  leafState(file, shown);
  const fd = openNoFollow(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT, shown);
  try {
    const size = fs.fstatSync(fd).size;
    const needsNewline = size > 0 && readAt(fd, size - 1, 1)[0] !== 0x0a;
    const written = needsNewline ? `\n${text}` : text;
    fs.writeSync(fd, written);
    return written;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Takes back what appendInsideFolder wrote: when the file still ends with exactly `appended`, it is cut to the
 * length it had before (true); otherwise (something was added after it, or the file changed) nothing is
 * changed (false). Same refusals as appendInsideFolder.
 */
export function removeAppended(folder: string, relativePath: string, appended: string): boolean {
  const { target, shown } = walkTo(folder, relativePath, false);
  if (target === undefined || leafState(target, shown) === 'missing') return false;
  const fd = openNoFollow(target, fs.constants.O_RDWR, shown);
  try {
    const tail = Buffer.from(appended, 'utf8');
    const size = fs.fstatSync(fd).size;
    const at = lengthBeforeTail(readAt(fd, Math.max(0, size - tail.length), Math.min(size, tail.length)), tail);
    if (at === undefined) return false;
    fs.ftruncateSync(fd, size - tail.length + at);
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens an existing or new file without following a link at it; the open file must be a regular file in the folder walked to. */
function openNoFollow(file: string, flags: number, shown: string): number {
  let fd: number;
  try {
    // O_NONBLOCK: a named pipe put there meanwhile fails at once instead of hanging the extension host.
    fd = fs.openSync(file, flags | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    if (errorCode(error) === 'ELOOP') throw new RefusedWriteError(l10n.t('Not written: {0} is a symbolic link, and Pharmacy CE never writes through a link. Remove the link, then try again.', shown));
    throw error;
  }
  const at = openedAt(fd);
  if (!fs.fstatSync(fd).isFile() || (at !== undefined && path.dirname(at) !== path.dirname(file))) {
    fs.closeSync(fd);
    throw new RefusedWriteError(l10n.t('Not written: {0} changed while it was being written; nothing was changed.', shown));
  }
  // A hard link is the same file under another name, perhaps outside the folder: writing in place (an append,
  // an undo's cut) would change that file too. A replace (writeInsideFolder) is safe: the rename breaks the link.
  if (fs.fstatSync(fd).nlink > 1) {
    fs.closeSync(fd);
    throw new RefusedWriteError(l10n.t('Not written: {0} is also a file somewhere else (a hard link), and Pharmacy CE never changes a file that may be outside the folder. Replace it with a copy, then try again.', shown));
  }
  return fd;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * Follows `relativePath` from `folder`: every folder on the way is lstat'ed (a link is refused) and, with
 * `create`, made when missing; the last real folder must lie inside the folder's real path. `target` is the
 * full path when every folder on the way exists (the file itself may still be missing), else undefined.
 */
function walkTo(folder: string, relativePath: string, create: boolean, shownAs?: string): { target: string | undefined; shown: string; dir: string } {
  const segments = insideSegments(relativePath);
  const shown = shownAs ?? (segments ?? []).join('/');
  if (!segments || segments.length === 0) throw new RefusedWriteError(l10n.t('Not written: "{0}" is not a path inside the notes folder.', shownAs ?? relativePath));
  let root: string;
  try {
    root = fs.realpathSync(folder);
  } catch {
    throw new RefusedWriteError(l10n.t('Not written: the notes folder {0} cannot be found.', folder));
  }
  let dir = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const next = path.join(dir, segments[i]);
    const shownDir = segments.slice(0, i + 1).join('/');
    let stat = lstatOrUndefined(next);
    if (!stat) {
      if (!create) return { target: undefined, shown, dir };
      try {
        fs.mkdirSync(next);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      stat = lstatOrUndefined(next);
    }
    if (stat?.isSymbolicLink()) throw new RefusedWriteError(l10n.t('Not written: {0} (on the way to {1}) is a symbolic link, and Pharmacy CE never writes through a link.', shownDir, shown));
    if (!stat?.isDirectory()) throw new RefusedWriteError(l10n.t('Not written: {0} (on the way to {1}) is not a folder.', shownDir, shown));
    dir = next;
  }
  // No link on the way, so this holds unless the folders moved meanwhile; checked on the real paths anyway.
  const real = fs.realpathSync(dir);
  if (relativeInside(root, real) === undefined) throw new RefusedWriteError(l10n.t('Not written: {0} would land outside the notes folder.', shown));
  return { target: path.join(real, segments[segments.length - 1]), shown, dir: real };
}

/**
 * `target` relative to `folder` ('' for the folder itself), or undefined when it lies outside. Either may name
 * the folder through a link (a process's working folder is always a real path), so its real path counts too.
 * A name that merely starts with two dots (`..archive`) is inside.
 */
export function relativeInside(folder: string, target: string): string | undefined {
  let real = folder;
  try {
    real = fs.realpathSync(folder);
  } catch {
    // Not there: only the path as given can contain the target.
  }
  for (const base of new Set([folder, real])) {
    const rel = path.relative(base, target);
    if (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) return rel;
  }
  return undefined;
}

function leafState(file: string, shown: string): TargetState {
  const stat = lstatOrUndefined(file);
  if (!stat) return 'missing';
  if (stat.isSymbolicLink()) throw new RefusedWriteError(l10n.t('Not written: {0} is a symbolic link, and Pharmacy CE never writes through a link. Remove the link, then try again.', shown));
  if (!stat.isFile()) throw new RefusedWriteError(l10n.t('Not written: {0} is not a regular file.', shown));
  return 'file';
}

/** O_CREAT|O_EXCL: fails if anything, even a dangling link, is at `file`. */
function writeExclusive(file: string, data: string | Uint8Array, shown: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new RefusedWriteError(l10n.t('Not written: {0} appeared while it was being written; nothing was changed.', shown));
    throw error;
  }
  // A folder on the way swapped for a link after the walk (a race) puts the file elsewhere. On Linux the open
  // file says where it really is: one made elsewhere is removed before anything goes into it. Node has no
  // openat, so other systems keep the (narrow) race.
  const at = openedAt(fd);
  if (at !== undefined && path.dirname(at) !== path.dirname(file)) {
    fs.closeSync(fd);
    fs.rmSync(at, { force: true });
    throw new RefusedWriteError(l10n.t('Not written: a folder on the way to {0} changed while it was being written; nothing was changed.', shown));
  }
  try {
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/** The real path of an open file where the system tells it (Linux's /proc), else undefined. */
function openedAt(fd: number): string | undefined {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
