// Reading one note or config file from an untrusted folder: the cap and the refusals, shared by the extension's
// index (services/files.ts, in the browser too) and the CLI (ce-folder.ts), so both refuse the same files. The
// reads with Node's fs are in read-regular-file.ts: nothing here may import a Node module (the web build).
import * as l10n from '@vscode/l10n';

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

/** Why a file of this kind is not read (a folder, a pipe), or undefined for a regular file. */
export function refusal(stat: { isFile(): boolean; isDirectory(): boolean }): RefusedReadError | undefined {
  if (stat.isDirectory()) return new RefusedReadError(l10n.t('it is a folder'), true);
  if (!stat.isFile()) return new RefusedReadError(l10n.t('it is not a regular file'));
  return undefined;
}

/** What was read: at most the cap (MAX_NOTE_BYTES for a note), and whether the file goes on after it. */
export interface FileHead<T> {
  content: T;
  cut: boolean;
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
