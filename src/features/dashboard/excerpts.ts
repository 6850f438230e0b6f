// The previews of the notes the dashboard lists. The index keeps no excerpts (it would hold one per note for
// the few shown here): a preview is read when its note is shown, kept while it is, and dropped when the note
// changes: in the index, in an editor (typing, or closing without saving) or on disk (a body edit, which
// changes nothing the index keeps, so only the index's onDidReadNote tells of it).
import * as vscode from 'vscode';
import { noteExcerpt } from '../../core/notes/note';
import { log } from '../../services/log';
import type { WorkspaceIndex } from '../../services/types';

/** A change to a shown note redraws the dashboard after this pause (typing comes in bursts). */
const REDRAW_DELAY_MS = 300;

export class ExcerptCache implements vscode.Disposable {
  private readonly previews = new Map<string, string>();
  /** Bumped each time a note's preview is dropped: a read started before that is not kept. */
  private readonly generations = new Map<string, number>();
  /** The notes the dashboard listed when it last asked (URI strings). */
  private shown = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** `onStale`: a shown note's preview changed; the dashboard should draw again (it then calls load). */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly onStale: () => void,
  ) {
    this.disposables.push(
      index.onDidChange((change) => {
        if (change.paths.length === 0) this.clear();
        else for (const folder of change.folders) for (const path of change.paths) this.drop(this.uriKey(folder, path));
      }),
      index.onDidReadNote((uri) => this.changed(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.changed(e.document.uri);
      }),
      // Closed without saving: the preview goes back to the file's text.
      vscode.workspace.onDidCloseTextDocument((doc) => this.changed(doc.uri)),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** The preview of a note, when read. */
  get(uri: vscode.Uri): string | undefined {
    return this.previews.get(uri.toString());
  }

  /**
   * Reads the previews of `uris` not read yet, and forgets those of notes no longer shown (the cache never
   * grows with the folder). Resolves true when a preview was added. Never rejects.
   */
  async load(uris: readonly vscode.Uri[]): Promise<boolean> {
    this.shown = new Set(uris.map((u) => u.toString()));
    for (const key of this.previews.keys()) if (!this.shown.has(key)) this.previews.delete(key);
    const missing = uris.filter((u) => !this.previews.has(u.toString()));
    if (missing.length === 0) return false;
    const added = await Promise.all(missing.map((uri) => this.read(uri)));
    return added.some((a) => a);
  }

  /** Forgets every preview (files may have changed while the dashboard was hidden). */
  clear(): void {
    for (const key of [...this.previews.keys(), ...this.shown]) this.drop(key);
  }

  private async read(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const generation = this.generations.get(key) ?? 0;
    let preview = '';
    try {
      const text = await this.index.readNoteText(uri);
      preview = text === undefined ? '' : noteExcerpt(text);
    } catch (error) {
      log()?.warn(`Dashboard: no preview for ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Dropped meanwhile (the note changed while it was being read): this text may be the old one.
    if ((this.generations.get(key) ?? 0) !== generation) return false;
    this.previews.set(key, preview);
    return true;
  }

  private changed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.shown.has(key)) return;
    this.drop(key);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onStale(), REDRAW_DELAY_MS);
  }

  private drop(key: string): void {
    this.previews.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  private uriKey(folder: vscode.WorkspaceFolder, path: string): string {
    const indexed = this.index.folderOf(folder.uri);
    return (indexed ? this.index.uriOf(indexed, path) : vscode.Uri.joinPath(folder.uri, path)).toString();
  }
}
