// The pure parts of the write rule, shared by the CLI's Node writer (src/node/safe-fs.ts) and the extension's
// (src/features/safe-write.ts), which in a browser has only workspace.fs: the error a refused write throws
// and the undo's tail check.

/** A write refused for the user's safety; the message names the path and says why. */
export class RefusedWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedWriteError';
  }
}

/** What is at a target that may be written: nothing yet, or a regular file. */
export type TargetState = 'missing' | 'file';

export interface WriteOptions {
  /** Replace a regular file already there (else an existing file is refused). */
  replace: boolean;
}

/**
 * Where `tail` starts when `bytes` ends with exactly it (the length to cut `bytes` to), else undefined. Pure:
 * the undo of a review grade for local and virtual file systems alike.
 */
export function lengthBeforeTail(bytes: Uint8Array, tail: Uint8Array): number | undefined {
  if (tail.length === 0 || bytes.length < tail.length) return undefined;
  const start = bytes.length - tail.length;
  for (let i = 0; i < tail.length; i++) if (bytes[start + i] !== tail[i]) return undefined;
  return start;
}
