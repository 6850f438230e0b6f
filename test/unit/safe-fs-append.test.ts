// Appending to the review log and taking a line back (src/node/safe-fs.ts), with real links in a temp folder:
// an append never goes through a link, never touches what is already in the file, and an undo cuts the file
// only when it still ends with exactly the bytes appended.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RefusedWriteError, appendInsideFolder, lengthBeforeTail, removeAppended } from '../../src/node/safe-fs';

const LOG = '.pharmacy-ce/reviews.jsonl';
const line = (n: number) => `{"card":"c${n}","at":"2026-11-30T08:00:0${n}.000Z","rating":3}\n`;

describe('safe-fs: appendInsideFolder and removeAppended (the review log)', () => {
  let base: string;
  let folder: string;
  let home: string;
  const log = () => path.join(folder, '.pharmacy-ce', 'reviews.jsonl');

  beforeEach(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-append-')));
    folder = path.join(base, 'notes');
    home = path.join(base, 'home');
    fs.mkdirSync(folder);
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, 'secret.txt'), 'keep me\n');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const refused = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (error: unknown) => error instanceof RefusedWriteError && pattern.test(error.message));

  it('makes .pharmacy-ce/ and the log, then appends line after line', () => {
    assert.equal(appendInsideFolder(folder, LOG, line(1)), line(1));
    assert.equal(appendInsideFolder(folder, LOG, line(2)), line(2));
    assert.equal(fs.readFileSync(log(), 'utf8'), line(1) + line(2));
  });

  it('keeps a last line without its newline whole: the new line starts on a line of its own', () => {
    fs.mkdirSync(path.join(folder, '.pharmacy-ce'));
    fs.writeFileSync(log(), line(1).trimEnd());
    assert.equal(appendInsideFolder(folder, LOG, line(2)), `\n${line(2)}`);
    assert.equal(fs.readFileSync(log(), 'utf8'), line(1) + line(2));
    // Undo takes back exactly what was written, newline included: the file is as it was.
    assert.equal(removeAppended(folder, LOG, `\n${line(2)}`), true);
    assert.equal(fs.readFileSync(log(), 'utf8'), line(1).trimEnd());
  });

  it('refuses a log that is a symbolic link, and leaves its target alone', () => {
    fs.mkdirSync(path.join(folder, '.pharmacy-ce'));
    fs.symlinkSync(path.join(home, 'secret.txt'), log());
    refused(() => appendInsideFolder(folder, LOG, line(1)), /\.pharmacy-ce\/reviews\.jsonl is a symbolic link/);
    refused(() => removeAppended(folder, LOG, 'keep me\n'), /symbolic link/);
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me\n');
    assert.equal(fs.lstatSync(log()).isSymbolicLink(), true);
  });

  it('refuses a dangling link at the log (nothing is created at its target)', () => {
    fs.mkdirSync(path.join(folder, '.pharmacy-ce'));
    fs.symlinkSync(path.join(home, 'new.jsonl'), log());
    refused(() => appendInsideFolder(folder, LOG, line(1)), /symbolic link/);
    assert.equal(fs.existsSync(path.join(home, 'new.jsonl')), false);
  });

  it('refuses .pharmacy-ce/ when it is a link to a folder elsewhere', () => {
    fs.symlinkSync(home, path.join(folder, '.pharmacy-ce'));
    refused(() => appendInsideFolder(folder, LOG, line(1)), /\.pharmacy-ce \(on the way to \.pharmacy-ce\/reviews\.jsonl\) is a symbolic link/);
    assert.deepEqual(fs.readdirSync(home), ['secret.txt']);
  });

  it('refuses a log that is a hard link to a file elsewhere: appending in place would change that file', () => {
    fs.mkdirSync(path.join(folder, '.pharmacy-ce'));
    fs.linkSync(path.join(home, 'secret.txt'), log());
    refused(() => appendInsideFolder(folder, LOG, line(1)), /\.pharmacy-ce\/reviews\.jsonl is also a file somewhere else \(a hard link\)/);
    refused(() => removeAppended(folder, LOG, 'me\n'), /hard link/);
    assert.equal(fs.readFileSync(path.join(home, 'secret.txt'), 'utf8'), 'keep me\n');
  });

  it('undo cuts the last line only while the file still ends with it', () => {
    appendInsideFolder(folder, LOG, line(1));
    const mine = appendInsideFolder(folder, LOG, line(2));
    fs.appendFileSync(log(), line(3)); // another program (or a sync) added a line after mine
    assert.equal(removeAppended(folder, LOG, mine), false);
    assert.equal(fs.readFileSync(log(), 'utf8'), line(1) + line(2) + line(3), 'nothing changed');
    assert.equal(removeAppended(folder, LOG, line(3)), true);
    assert.equal(removeAppended(folder, LOG, mine), true);
    assert.equal(fs.readFileSync(log(), 'utf8'), line(1));
  });

  it('undo of a missing log, or a log shorter than the line, changes nothing', () => {
    assert.equal(removeAppended(folder, LOG, line(1)), false);
    assert.equal(fs.existsSync(path.join(folder, '.pharmacy-ce')), false);
    fs.mkdirSync(path.join(folder, '.pharmacy-ce'));
    fs.writeFileSync(log(), '\n');
    assert.equal(removeAppended(folder, LOG, line(1)), false);
    assert.equal(fs.readFileSync(log(), 'utf8'), '\n');
  });
});

describe('safe-fs: lengthBeforeTail (undo\'s tail check)', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('is where the tail starts when the bytes end with exactly it', () => {
    assert.equal(lengthBeforeTail(bytes('a\nb\n'), bytes('b\n')), 2);
    assert.equal(lengthBeforeTail(bytes('b\n'), bytes('b\n')), 0);
    assert.equal(lengthBeforeTail(bytes('é\n'), bytes('é\n')), 0);
  });
  it('is undefined for any other ending, a longer tail or an empty one', () => {
    assert.equal(lengthBeforeTail(bytes('a\nb\nc\n'), bytes('b\n')), undefined);
    assert.equal(lengthBeforeTail(bytes('b\n'), bytes('ab\n')), undefined);
    assert.equal(lengthBeforeTail(bytes('a\nb'), bytes('b\n')), undefined);
    assert.equal(lengthBeforeTail(bytes('a'), bytes('')), undefined);
  });
});
