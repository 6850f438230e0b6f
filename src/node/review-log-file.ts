// Reading `.pharmacy-ce/reviews.jsonl` with the notes' safe reader (no symbolic link, nothing outside the folder,
// no pipe), with a larger cap: the CLI reads it here, the extension's index (services/review-log.ts) shares the
// cap and the problems. No Node module here: the browser build reads the log through workspace.fs.
import * as l10n from '@vscode/l10n';
import { REVIEW_LOG_FILE } from '../core/study/types';
import type { Problem } from '../core/types';
import { RefusedReadError, unreadableMessage, type FileHead } from './read-note-file';

/**
 * How much of the log is read. A line is about 70 bytes: 100,000 reviews (years of daily study) are 7 MB, and
 * this is ten times that. A larger log is read up to here, with a problem: its later reviews are not counted.
 */
export const MAX_REVIEW_LOG_BYTES = 64 * 1024 * 1024;

/** The folder holding the log: a link there is refused as the log itself would be. */
export const REVIEW_LOG_FOLDER = REVIEW_LOG_FILE.slice(0, REVIEW_LOG_FILE.lastIndexOf('/'));

export interface ReviewLogText {
  /** undefined: no log (or none that may be read). */
  text: string | undefined;
  problems: Problem[];
}

/** The log as read up to the cap: a cut one ends at its last whole line, and a problem says what was left out. */
export function reviewLogFromHead(head: FileHead<string>): ReviewLogText {
  if (!head.cut) return { text: head.content, problems: [] };
  const mb = MAX_REVIEW_LOG_BYTES / 1024 / 1024;
  return {
    text: head.content.slice(0, head.content.lastIndexOf('\n') + 1),
    problems: [reviewLogProblem(l10n.t('The review log is larger than {0} MB: only its first {0} MB are read, so the reviews after them are not counted.', String(mb)))],
  };
}

/** The problem for a log that could not be read at all (a link, a pipe, no permission). */
export function reviewLogUnreadable(error: unknown): ReviewLogText {
  return { text: undefined, problems: [reviewLogProblem(unreadableMessage(error, l10n.t('no review is counted, so every card shows as never reviewed')))] };
}

/** Refused: the log's folder is a symbolic link (it could lead anywhere). */
export function linkedLogFolder(): RefusedReadError {
  return new RefusedReadError(l10n.t('{0} is a symbolic link', REVIEW_LOG_FOLDER));
}

function reviewLogProblem(message: string): Problem {
  return { file: REVIEW_LOG_FILE, line: 1, column: 1, severity: 'warning', code: 'unreadable', message };
}
