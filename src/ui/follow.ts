// Both trees follow the active editor: its note is selected without taking focus, only while the view is
// visible (revealing a hidden view would open it). After an index change the note is revealed again only if
// its row moved (a new id, e.g. another status group) or it was not in the tree before, so a row the user
// picked by hand is not taken away on every keystroke.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../services/types';

export class EditorFollower<T extends { id: string }> implements vscode.Disposable {
  /** Uri and row id of the note last revealed; undefined id: the editor's note was not found yet. */
  private last: { uri: string; id: string | undefined } | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<T>,
    private readonly find: (uri: vscode.Uri) => T | undefined,
    private readonly index: WorkspaceIndex,
  ) {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.follow(true)),
      view.onDidChangeVisibility(() => this.follow(true)),
    ];
  }

  /** `always`: the editor or the view changed, reveal even if the row is the one revealed before. */
  follow(always = false): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || !this.view.visible || !this.index.isReady) {
      this.last = undefined;
      return;
    }
    const element = this.find(uri);
    const key = uri.toString();
    if (!always && this.last?.uri === key && this.last.id === element?.id) return;
    this.last = { uri: key, id: element?.id };
    if (!element || this.view.selection.some((s) => s.id === element.id)) return;
    this.view.reveal(element, { select: true, focus: false }).then(undefined, () => {
      // The tree changed under the reveal (a refresh raced it): the next change reveals again.
      this.last = undefined;
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
