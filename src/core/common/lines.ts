// Lines and columns of offsets in a text, counted as an editor counts them: LF, CRLF and a lone CR each end a
// line; columns are UTF-16 code units, 1-based.

/** Where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line and column of text[offset], given the text's `lineStarts`. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

/** Where something sits in a file: 1-based line and column (UTF-16, without a BOM) and its length on that line. */
export interface Span {
  line: number;
  column: number;
  length: number;
}

/** The span of text[start, end), cut at the end of its first line. */
export function spanIn(text: string, starts: readonly number[], start: number, end: number): Span {
  const at = Math.max(0, Math.min(start, text.length));
  const { line, column } = positionAt(starts, at);
  const stop = Math.min(Math.max(end, at), lineEnd(text, at, false));
  return { line: Math.max(1, line), column: Math.max(1, column), length: stop - at };
}

/** End of the line holding `at` (before a CR); with `trim`, trailing spaces and tabs dropped too. */
export function lineEnd(text: string, at: number, trim: boolean): number {
  let end = text.indexOf('\n', at);
  if (end === -1) end = text.length;
  if (end > at && text.charCodeAt(end - 1) === 13) end--;
  if (trim) while (end > at && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}
