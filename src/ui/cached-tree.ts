// What both sidebar trees share: children computed once per refresh and kept by parent id, so `getParent`
// and `reveal` see the same element objects the view was given, and one emitter refreshes the whole tree.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../services/types';

interface TreeElement {
  readonly kind: string;
  readonly id: string;
  readonly parent?: unknown;
}

export abstract class CachedTreeProvider<E extends TreeElement> implements vscode.TreeDataProvider<E>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<E | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** Children by parent id ('' = root), kept until the next refresh. */
  private children = new Map<string, E[]>();

  constructor(protected readonly index: WorkspaceIndex) {}

  refresh(): void {
    this.children = new Map();
    this.clearCaches();
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  getChildren(element?: E): E[] {
    if (!this.index.isReady) return [];
    const key = element?.id ?? '';
    let list = this.children.get(key);
    if (!list) {
      list = this.computeChildren(element);
      this.children.set(key, list);
    }
    return list;
  }

  getParent(element: E): E | undefined {
    return element.kind === 'folder' ? undefined : (element.parent as E | undefined);
  }

  abstract getTreeItem(element: E): vscode.TreeItem;

  protected abstract computeChildren(element?: E): E[];

  /** Drops a subclass's own per-refresh caches. */
  protected clearCaches(): void {}
}
