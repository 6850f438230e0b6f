// What a review covers: the folder (from the argument, the active editor, or a question), and the scope inside
// it (one note, one folder, one exam or domain) from the command's argument or a quick pick, and the past
// grades the buttons' intervals and the daily new-card limit need.
import * as vscode from 'vscode';
import type { ReviewScope } from '../../core/study/queue';
import { REVIEW_LOG_FILE, type StudyCard } from '../../core/study/types';
import type { StudyModel } from '../../core/study/model';
import type { IndexedFolder, WorkspaceIndex } from '../../services/types';
import { isPlainRelativePath } from '../dashboard/messages';
import { inspectTarget } from '../safe-write';
import { historyByCard, type PastReview } from './session';

/** The argument of `pharmacyCe.startReview` (from the Study view's menus, or automation). */
export interface ReviewArgument {
  /** The workspace folder's URI string. */
  folder?: string;
  /** Folder-relative, `/`-separated paths of one note or one folder. */
  note?: string;
  dir?: string;
  exam?: string;
  domain?: string;
}

const MAX_FIELD = 4096;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD ? value : undefined;
}

/** The argument's known fields, each checked; undefined when `arg` is not such an object. */
export function reviewArgument(arg: unknown): ReviewArgument | undefined {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || arg instanceof vscode.Uri) return undefined;
  const raw = arg as Record<string, unknown>;
  const note = text(raw.note);
  const dir = text(raw.dir);
  return {
    folder: text(raw.folder),
    note: note && isPlainRelativePath(note) ? note : undefined,
    dir: dir && isPlainRelativePath(dir) ? dir : undefined,
    exam: text(raw.exam),
    domain: text(raw.domain),
  };
}

/** The scope part of an argument (undefined when it names none). */
export function scopeOf(arg: ReviewArgument): ReviewScope | undefined {
  const scope: ReviewScope = {};
  if (arg.note) scope.note = arg.note;
  if (arg.dir) scope.folder = arg.dir;
  if (arg.exam) scope.exam = arg.exam;
  if (arg.domain) scope.domain = arg.domain;
  return Object.keys(scope).length > 0 ? scope : undefined;
}

/** The folder named by URI string, else the active editor's, else the only one, else the user's pick. */
export async function pickFolder(index: WorkspaceIndex, title: string, named?: string): Promise<IndexedFolder | undefined> {
  const folders = index.folders();
  if (named !== undefined) return folders.find((f) => f.folder.uri.toString() === named);
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active && index.folderOf(active);
  if (fromEditor) return fromEditor;
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of notes first.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const choice = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: f.folder.name, description: f.folder.uri.fsPath || f.folder.uri.toString(), folder: f })),
    { title, placeHolder: vscode.l10n.t('Folder of the notes') },
  );
  return choice?.folder;
}

/**
 * From the palette: every card of the folder, or, when its cards belong to more than one exam, the user's
 * choice of all of them or one exam. `null` when the question was dismissed.
 */
export async function pickScope(model: StudyModel, title: string): Promise<ReviewScope | undefined | null> {
  const exams = model.summary.exams.filter((x) => x.cards > 0);
  if (exams.length <= 1) return undefined;
  const all = { label: vscode.l10n.t('All cards'), description: vscode.l10n.t('{0} cards', model.summary.total), scope: undefined as ReviewScope | undefined };
  const choice = await vscode.window.showQuickPick(
    [all, ...exams.map((x) => ({ label: x.name, description: vscode.l10n.t('{0} cards, {1} due', x.cards, x.due), scope: { exam: x.id } as ReviewScope | undefined }))],
    { title, placeHolder: vscode.l10n.t('Cards to review') },
  );
  return choice ? choice.scope : null;
}

/** The argument a note or folder in the Explorer or an editor title gives (a URI), as a review argument. */
export function argumentForResource(index: WorkspaceIndex, uri: vscode.Uri | undefined, kind: 'note' | 'dir'): ReviewArgument | undefined {
  const folder = uri && index.folderOf(uri);
  if (!uri || !folder) return undefined;
  const path = index.relativePath(folder, uri);
  const base = { folder: folder.folder.uri.toString() };
  if (kind === 'note') return { ...base, note: path };
  return path === '' ? base : { ...base, dir: path };
}

/**
 * The past grades of `cards`, as the index read them from the log (FolderIndex.reviewsOf). A link at the log
 * (or on the way) is refused first, as every write would refuse it, so a review never starts that could not
 * save its grades.
 */
export async function pastReviews(folder: IndexedFolder, cards: readonly StudyCard[]): Promise<Map<string, PastReview[]>> {
  await inspectTarget(folder.folder.uri, REVIEW_LOG_FILE);
  return historyByCard(cards.flatMap((card) => folder.index.reviewsOf(card.id)));
}
