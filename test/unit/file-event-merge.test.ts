// How the index service merges the file events of one burst for one path (src/services/file-event-merge.ts):
// a path deleted and made again is 'replaced' (everything indexed under it is dropped, then it is read again),
// whatever came between; a path that ends deleted is deleted.
import assert from 'node:assert/strict';
import type { FileEvent } from '../../src/services/folder';
import { mergeFileEvent, mergeFileEvents, type PendingEvent } from '../../src/services/file-event-merge';

const burst = (...events: FileEvent[]) => mergeFileEvents(events);

describe('mergeFileEvent (one burst of watcher events for one path)', () => {
  it('keeps a lone event as it is', () => {
    for (const event of ['created', 'changed', 'deleted'] as const) assert.equal(mergeFileEvent(undefined, event), event);
  });

  it('a path deleted and then made again (or written) is replaced, not merely changed', () => {
    assert.equal(burst('deleted', 'created'), 'replaced');
    assert.equal(burst('deleted', 'changed'), 'replaced');
    assert.equal(burst('deleted', 'created', 'changed'), 'replaced');
    assert.equal(burst('changed', 'deleted', 'created'), 'replaced');
  });

  it('a path that existed and is reported created again was deleted in between: replaced', () => {
    assert.equal(burst('changed', 'created'), 'replaced');
  });

  it('a path made within the burst stays created when written to', () => {
    assert.equal(burst('created', 'changed'), 'created');
    assert.equal(burst('created', 'changed', 'changed'), 'created');
  });

  it('a path that ends deleted is deleted, whatever came before (made and deleted leaves nothing)', () => {
    const histories: FileEvent[][] = [['created'], ['changed'], ['deleted'], ['deleted', 'created'], ['created', 'changed']];
    for (const before of histories) assert.equal(burst(...before, 'deleted'), 'deleted', before.join(' + '));
  });

  it('a replaced path stays replaced when written to or reported created again', () => {
    const replaced: PendingEvent = 'replaced';
    assert.equal(mergeFileEvent(replaced, 'changed'), 'replaced');
    assert.equal(mergeFileEvent(replaced, 'created'), 'replaced');
  });
});
