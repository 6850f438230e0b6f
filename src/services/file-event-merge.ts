// How the watcher events of one burst for one path merge into the one event applied to the index. Kept free of
// the editor API so the rules are tested in plain Node.
import type { FileEvent } from './folder';

/**
 * A path's event once merged. 'replaced': deleted and made again within the burst (a folder removed and made
 * again, a branch switch swapping it): what was indexed under it is dropped, then it is read as new.
 */
export type PendingEvent = FileEvent | 'replaced';

export function mergeFileEvent(previous: PendingEvent | undefined, event: FileEvent): PendingEvent {
  if (event === 'deleted' || previous === undefined) return event;
  // Whatever follows a delete means the path is there again, with none of what was there before.
  if (previous === 'deleted' || previous === 'replaced') return 'replaced';
  if (previous === 'created') return 'created'; // made within the burst, then written to
  // A path that was there ('changed') is reported made: it went in between, unseen.
  return event === 'created' ? 'replaced' : 'changed';
}

/** The merge of a path's events in the order they came. */
export function mergeFileEvents(events: readonly FileEvent[]): PendingEvent | undefined {
  return events.reduce<PendingEvent | undefined>(mergeFileEvent, undefined);
}
