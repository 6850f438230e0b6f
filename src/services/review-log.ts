// The review log in the extension's index: `.pharmacy-ce/reviews.jsonl` read into a folder's FolderIndex when the
// folder is indexed and again on its file events, with the notes' safe reader and the log's larger cap
// (node/review-log-file.ts, shared with the CLI); and the study model with the study settings applied.
import * as vscode from 'vscode';
import type { FolderIndex } from '../core/index/folder-index';
import type { StudyModel } from '../core/study/model';
import { REVIEW_LOG_FILE } from '../core/study/types';
import { RefusedReadError, readRegularFile } from '../node/read-note-file';
import { MAX_REVIEW_LOG_BYTES, REVIEW_LOG_FOLDER, linkedLogFolder, reviewLogFromHead, reviewLogUnreadable, type ReviewLogText } from '../node/review-log-file';
import { isFileNotFound } from './files';
import { uriIn } from './folder';
import { isLink } from './links';
import { reportError } from './log';
import { readSettings, settingName } from './settings';
import type { IndexedFolder } from './types';

export { REVIEW_LOG_FILE };

/** The settings whose change changes every study model (the views refresh). */
export const STUDY_SETTINGS: readonly string[] = [settingName('studyDesiredRetention')];

const decoder = new TextDecoder('utf-8');

/** Reads the folder's log into `workspace`; true when the index changed. Never throws: a bad read is a problem at the log. */
export async function readReviewLog(folderUri: vscode.Uri, workspace: FolderIndex): Promise<boolean> {
  const read = await reviewLogText(folderUri);
  return workspace.setReviewLog(read.text, read.problems);
}

/** True for a folder-relative path whose event may change the log: the file, or its folder as a whole. */
export function isReviewLogPath(path: string): boolean {
  return path === REVIEW_LOG_FILE || path === REVIEW_LOG_FOLDER;
}

async function reviewLogText(folderUri: vscode.Uri): Promise<ReviewLogText> {
  const uri = uriIn(folderUri, REVIEW_LOG_FILE);
  try {
    // Never read through a link, in the folder or as the file (it could lead anywhere).
    if (await isLink(uriIn(folderUri, REVIEW_LOG_FOLDER))) return reviewLogUnreadable(linkedLogFolder());
    if (uri.scheme === 'file') {
      const head = await readRegularFile(uri.fsPath, MAX_REVIEW_LOG_BYTES);
      return reviewLogFromHead({ content: decoder.decode(head.content), cut: head.cut });
    }
    // Another file system (a remote or virtual one): its own stat says what the file is.
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.SymbolicLink) return reviewLogUnreadable(new RefusedReadError(vscode.l10n.t('it is a symbolic link')));
    if (!(stat.type & vscode.FileType.File)) return reviewLogUnreadable(new RefusedReadError(vscode.l10n.t('it is not a regular file')));
    const bytes = await vscode.workspace.fs.readFile(uri);
    return reviewLogFromHead({ content: decoder.decode(bytes.subarray(0, MAX_REVIEW_LOG_BYTES)), cut: bytes.length > MAX_REVIEW_LOG_BYTES });
  } catch (error) {
    return isFileNotFound(error) ? { text: undefined, problems: [] } : reviewLogUnreadable(error);
  }
}

const EMPTY_MODEL: StudyModel = Object.freeze({ cards: [], summary: { total: 0, new: 0, due: 0, exams: [], forecast: new Array<number>(30).fill(0) }, problems: [] });

/**
 * The study model of a folder now, with the desired-retention setting. A failure (a bug) is reported once and
 * the views show no cards rather than break.
 */
export function studyModelOf(folder: IndexedFolder, failed: { reported: boolean }): StudyModel {
  try {
    const model = folder.index.study(Date.now(), { retention: readSettings(folder.folder.uri).studyDesiredRetention });
    failed.reported = false;
    return model;
  } catch (error) {
    if (!failed.reported) reportError(vscode.l10n.t('Pharmacy CE could not work out your study cards.'), error);
    failed.reported = true;
    return EMPTY_MODEL;
  }
}
