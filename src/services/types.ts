// The contract between the workspace index service and the features that read it.
import type * as vscode from 'vscode';
import type { FolderIndex } from '../core/index/folder-index';
import type { StudyModel } from '../core/study/model';
import type { CalendarDate, CredentialProgress, ParsedNote } from '../core/types';

/** One workspace folder = one CE workspace with its own `.pharmacy-ce.json`. */
export interface IndexedFolder {
  readonly folder: vscode.WorkspaceFolder;
  /** The pure core index of this folder (notes, config, problems, evaluation). */
  readonly index: FolderIndex;
  /** True when the folder has a readable `.pharmacy-ce.json` (even a broken one). */
  readonly hasConfigFile: boolean;
}

export interface WorkspaceIndexChange {
  /** Folders whose notes or config changed. */
  readonly folders: readonly vscode.WorkspaceFolder[];
  /**
   * Note paths (folder-relative) that changed, when known; empty after a full rebuild. `.pharmacy-ce/reviews.jsonl`
   * when the review log or a study setting changed (every study model of the folder changes).
   */
  readonly paths: readonly string[];
}

export interface WorkspaceIndex extends vscode.Disposable {
  /** Resolves when the first full index of every folder is done. Features never block activation on it. */
  readonly ready: Promise<void>;
  readonly isReady: boolean;
  /** Fired (debounced, one event per burst) after notes or config change. */
  readonly onDidChange: vscode.Event<WorkspaceIndexChange>;
  /**
   * Fired when a note's file was read again after it changed on disk, whether or not anything the index
   * keeps changed (a body edit changes nothing it keeps, so onDidChange stays silent).
   */
  readonly onDidReadNote: vscode.Event<vscode.Uri>;
  folders(): readonly IndexedFolder[];
  folderOf(uri: vscode.Uri): IndexedFolder | undefined;
  /** The indexed note behind a file, if the file is an indexed note. */
  noteAt(uri: vscode.Uri): { folder: IndexedFolder; note: ParsedNote } | undefined;
  uriOf(folder: IndexedFolder, relPath: string): vscode.Uri;
  /** Folder-relative `/`-separated path of a uri inside a folder. */
  relativePath(folder: IndexedFolder, uri: vscode.Uri): string;
  /** Evaluation of every credential of a folder at today's date (memoized by the core until a change). */
  progress(folder: IndexedFolder): CredentialProgress[];
  /** The date evaluations are made at (the user's local today). */
  asOf(): CalendarDate;
  /** Re-parse one note from unsaved editor text (diagnostics as you type). */
  updateFromText(uri: vscode.Uri, text: string): void;
  /** A note's text as the index reads it: an open editor's text, else the file's. Undefined if unreadable. */
  readNoteText(uri: vscode.Uri): Promise<string | undefined>;
  /** Re-read one note from disk (after an editor closes without saving). */
  reloadFromDisk(uri: vscode.Uri): Promise<void>;
  /**
   * The study model of a folder now, with the study settings (desired retention) applied. Memoized by the core
   * until notes, config, log or settings change, or the minute passes.
   */
  study(folder: IndexedFolder): StudyModel;
  /**
   * Read `.pharmacy-ce/reviews.jsonl` again (after the review panel appended to it); resolves once the index has
   * it and, when it changed, onDidChange has fired.
   */
  reloadReviewLog(folder: IndexedFolder): Promise<void>;
  /** Drop everything and index every folder again. */
  rebuild(): Promise<void>;
}
