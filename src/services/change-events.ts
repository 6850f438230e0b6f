// The index's change event: changes are collected per folder and announced once per burst.
import type * as vscode from 'vscode';

/** Index changes are announced once per burst. */
const CHANGE_DEBOUNCE_MS = 50;

/** Per folder key: the note paths that changed, or 'all' (a rebuild, the config, the date). */
export type ChangedPaths = Map<string, Set<string> | 'all'>;

export class ChangeCollector implements vscode.Disposable {
  private readonly changed: ChangedPaths = new Map();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly fire: (changed: ChangedPaths) => void) {}

  /** Queues a change; `paths` undefined means "everything in these folders". */
  add(folderKeys: readonly string[], paths: readonly string[] | undefined): void {
    for (const key of folderKeys) {
      const known = this.changed.get(key);
      if (paths === undefined || known === 'all') this.changed.set(key, 'all');
      else this.changed.set(key, new Set([...(known ?? []), ...paths]));
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), CHANGE_DEBOUNCE_MS);
  }

  /** Fires what is queued now rather than after the debounce. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const changed = new Map(this.changed);
    this.changed.clear();
    this.fire(changed);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
