// Reading one note or config file from an untrusted folder with Node: the extension's index (services/files.ts)
// and the CLI (ce-folder.ts) share it, so both refuse the same files.
import * as l10n from '@vscode/l10n';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * How much of a file is read. A CE note is a few kilobytes; a 200 MB file named `.md` took 7 s and 440 MB of
 * memory to read and parse, on every window load. 1 MiB reads in well under the 50 ms a file may take. A
 * larger note (a pasted image as base64) is read up to here, not dropped: its details at the top still count.
 */
export const MAX_NOTE_BYTES = 1024 * 1024;

/** A file refused before reading: not a regular file. `reason` is in the user's words. */
export class RefusedReadError extends Error {
  constructor(
    readonly reason: string,
    readonly folder = false,
  ) {
    super(reason);
  }
}

// O_NOFOLLOW: a note swapped for a symbolic link after the walk (which never lists links) is refused at open,
// not read from wherever the link points. O_NONBLOCK: a named pipe would block the open until a writer came.
// Windows has neither flag (undefined | n is n); it has no named pipes in a folder either.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);

function refusal(stat: { isFile(): boolean; isDirectory(): boolean }): RefusedReadError | undefined {
  if (stat.isDirectory()) return new RefusedReadError(l10n.t('it is a folder'), true);
  if (!stat.isFile()) return new RefusedReadError(l10n.t('it is not a regular file'));
  return undefined;
}

/** What was read: at most the cap (MAX_NOTE_BYTES for a note), and whether the file goes on after it. */
export interface FileHead<T> {
  content: T;
  cut: boolean;
}

/** A regular file's first `maxBytes` bytes (all of a smaller one). */
export async function readRegularFile(path: string, maxBytes = MAX_NOTE_BYTES): Promise<FileHead<Uint8Array>> {
  const handle = await open(path, FLAGS);
  try {
    const stat = await handle.stat();
    const refused = refusal(stat);
    if (refused) throw refused;
    // The size seen at open is what is read: a file that changes meanwhile is read again on its change event.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes));
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = (await handle.read(buffer, length, buffer.length - length)).bytesRead;
    return { content: buffer.subarray(0, length), cut: stat.size > maxBytes };
  } finally {
    await handle.close();
  }
}

/** The same read, synchronous, as UTF-8 text (the CLI). */
export function readRegularFileSync(path: string, maxBytes = MAX_NOTE_BYTES): FileHead<string> {
  const fd = openSync(path, FLAGS);
  try {
    const stat = fstatSync(fd);
    const refused = refusal(stat);
    if (refused) throw refused;
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes));
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    return { content: buffer.toString('utf8', 0, length), cut: stat.size > maxBytes };
  } finally {
    closeSync(fd);
  }
}

/** The problem text for a file that could not be read: `Could not read this file (permission denied); it is not counted.` */
export function unreadableMessage(error: unknown, consequence: string, what: 'file' | 'folder' = 'file'): string {
  return what === 'folder' ? l10n.t('Could not read this folder ({0}); {1}.', unreadableWhy(error), consequence) : l10n.t('Could not read this file ({0}); {1}.', unreadableWhy(error), consequence);
}

/** Why a file could not be read, in the user's words. */
function unreadableWhy(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  if (error instanceof RefusedReadError) return error.reason;
  if (code === 'ELOOP') return l10n.t('it is a symbolic link');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('it is a folder');
  return code ?? String(error);
}
