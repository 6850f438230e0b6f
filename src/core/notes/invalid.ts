// What a note with an error still tells the user: its hours as written and its errors in words, so every
// surface can say why it does not count instead of showing "0 h". Nothing here makes such a note count.
import type { Problem } from '../types';
import type { NoteValues } from './values';

/** Error messages carried on the note; more are summed up in one line (the Problems panel lists them all). */
const SHOWN_ERRORS = 3;
const WRITTEN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export interface InvalidNoteDetails {
  writtenHours?: number;
  errors: string[];
}

/** The written hours (`ce_hours`, else `ceu` in contact hours), when a number is written, and the note's errors. */
export function invalidNoteDetails(values: NoteValues, problems: readonly Problem[]): InvalidNoteDetails {
  const messages = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  const errors = messages.length > SHOWN_ERRORS ? [...messages.slice(0, SHOWN_ERRORS - 1), `...and ${messages.length - SHOWN_ERRORS + 1} more errors.`] : messages;
  const hours = writtenNumber(values.text('ce_hours'));
  const ceu = writtenNumber(values.text('ceu'));
  const writtenHours = hours ?? (ceu === undefined ? undefined : Math.round(ceu * 1e5) / 1e4);
  return writtenHours === undefined ? { errors } : { writtenHours, errors };
}

function writtenNumber(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  return WRITTEN_NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}
