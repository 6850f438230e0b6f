// The problems found in one note, capped: a hostile or mangled note must not bury the Problems panel under
// thousands of entries (12,075 misspelt keys on one note, once). At most PER_KIND problems of one kind are
// kept, in file order, then one summary problem says how many more there are.
import * as l10n from '@vscode/l10n';
import type { Problem, ProblemCode, Severity } from '../types';
import type { Span } from '../common/lines';

export const PER_KIND = 5;

/** The summary of the problems of one kind that are not shown (`more` of them, already written as a number). */
function moreOfKind(code: string, more: string): string {
  if (code === 'unknown-key') return l10n.t('...and {0} more unknown keys in this note.', more);
  if (code === 'unknown-topic') return l10n.t('...and {0} more unknown topics in this note.', more);
  if (code === 'bad-value') return l10n.t('...and {0} more wrong values in this note.', more);
  return l10n.t('...and {0} more problems of this kind in this note.', more);
}

export class NoteProblems {
  private readonly list: Problem[] = [];
  private errors = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly file: string) {}

  push(span: Span, severity: Severity, code: ProblemCode, message: string, replacement?: string): void {
    const problem: Problem = { file: this.file, line: span.line, column: span.column, severity, code, message };
    if (span.length > 0) problem.length = span.length;
    if (replacement !== undefined) problem.replacement = replacement;
    this.list.push(problem);
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (severity === 'error') this.errors++;
  }

  /** Whether another problem of this kind would still be shown (so a costly suggestion is worth working out). */
  shown(code: ProblemCode): boolean {
    return (this.counts.get(code) ?? 0) < PER_KIND;
  }

  hasError(): boolean {
    return this.errors > 0;
  }

  /** In file order, PER_KIND of each kind at most, then a summary of the rest of that kind. */
  sorted(): Problem[] {
    const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column;
    const seen = new Map<string, number>();
    const kept: Problem[] = [];
    for (const p of this.list.sort(byPosition)) {
      const code = p.code ?? '';
      const n = (seen.get(code) ?? 0) + 1;
      seen.set(code, n);
      if (n <= PER_KIND) kept.push(p);
      else if (n === PER_KIND + 1) {
        // The summary has no code, so no quick fix applies to it; it sits where the first hidden one was.
        const more = (this.counts.get(code) ?? 0) - PER_KIND;
        kept.push({ file: this.file, line: p.line, column: p.column, severity: p.severity, message: moreOfKind(code, more.toLocaleString('en-US')) });
      }
    }
    return kept;
  }
}

/** A note's errors for the views: the first few, then how many more (the Problems panel lists them all). */
export function errorSummary(problems: readonly Problem[], shown = 3): string[] {
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  return errors.length > shown ? [...errors.slice(0, shown - 1), l10n.t('...and {0} more errors.', String(errors.length - shown + 1))] : errors;
}

/** A value as quoted in a message: at most 60 characters, on one line. */
export function quoteExcerpt(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
