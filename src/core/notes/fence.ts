// Where a note's frontmatter block starts and ends: the one fence rule the reader, the edits and the editor
// features share. The rule is what YAML and gray-matter users expect: the first line is `---` (optionally
// followed by a language such as `yaml`, and spaces), and the block ends at the first later line that is
// exactly `---` or `...`, trailing spaces or tabs allowed. `----` or `--- x` do not close it.

export interface Fence {
  /** Offset of the opening `---` (1 after a BOM). */
  start: number;
  /** What follows the opening `---` on its line, trimmed ('' for a plain fence). */
  language: string;
  /** Offsets of the lines between the fences: text[blockStart, blockEnd), the last line's break included. */
  blockStart: number;
  blockEnd: number;
  /** 0-based line of the closing fence; -1 when the block is never closed (then blockEnd is the text's end). */
  closeLine: number;
  /** Offset where the body starts (after the closing line and its break); the text's length when unclosed. */
  bodyStart: number;
}

/** How far after the opening line a closing line is looked for. */
export const FENCE_SCAN_LIMIT = 64 * 1024;

/** The frontmatter fences of a note's text (a BOM is skipped); undefined when the text does not open with `---`. */
export function findFence(text: string): Fence | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // `----` at the top is a Markdown rule, not a fence (gray-matter's rule too).
  if (!text.startsWith('---', start) || text.charCodeAt(start + 3) === 45 /* - */) return undefined;
  const firstBreak = text.indexOf('\n', start);
  const openingEnd = firstBreak === -1 ? text.length : firstBreak;
  const language = text.slice(start + 3, openingEnd).trim();
  if (firstBreak === -1) return { start, language, blockStart: text.length, blockEnd: text.length, closeLine: -1, bodyStart: text.length };
  const blockStart = firstBreak + 1;
  let line = 1;
  // The close is looked for in the first FENCE_SCAN_LIMIT characters only: a block longer than that is never
  // read anyway (the frontmatter cap is 4 KB), and a line-by-line walk over a 5 MB note took over 50 ms.
  const scanEnd = Math.min(text.length, blockStart + FENCE_SCAN_LIMIT);
  for (let pos = blockStart; pos < scanEnd; line++) {
    const next = text.indexOf('\n', pos);
    const end = next === -1 ? text.length : next;
    if (isClosingLine(text, pos, end)) return { start, language, blockStart, blockEnd: pos, closeLine: line, bodyStart: next === -1 ? text.length : next + 1 };
    if (next === -1) break;
    pos = next + 1;
  }
  return { start, language, blockStart, blockEnd: text.length, closeLine: -1, bodyStart: text.length };
}

/** text[from, to) is `---` or `...` followed only by spaces, tabs and a final CR. */
function isClosingLine(text: string, from: number, to: number): boolean {
  const marker = text.slice(from, from + 3);
  return (marker === '---' || marker === '...') && /^[ \t]*\r?$/.test(text.slice(from + 3, to));
}
