// Reading a regular file's first bytes with Node's fs, refusing a link, a pipe or a folder: the desktop
// extension's index (through src/node/platform-node.ts) and the CLI (ce-folder.ts) share it.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_NOTE_BYTES, refusal, type FileHead } from './read-note-file';

// O_NOFOLLOW: a note swapped for a symbolic link after the walk (which never lists links) is refused at open,
// not read from wherever the link points. O_NONBLOCK: a named pipe would block the open until a writer came.
// Windows has neither flag (undefined | n is n); it has no named pipes in a folder either.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);

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
