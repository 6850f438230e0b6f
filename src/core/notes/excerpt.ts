// What a note's body offers: its first `# ` heading (the index's title fallback) and a short excerpt (the
// dashboard's preview, read only for the notes it shows). Only the start of the body is looked at, line by
// line with plain string operations, so a 5 MB note costs no more than a small one.

/** How much of the body is scanned for the heading and the excerpt. */
export const BODY_SCAN_LIMIT = 64 * 1024;
const KEY_POINTS_MAX = 400;
const PARAGRAPH_MAX = 300;
const ORDERED_MARKER = /^\d{1,9}[.)]$/;

export interface BodySummary {
  /** Text of the first level-1 ATX heading (`# Title`), if any. */
  heading?: string;
  /**
   * The `## Key points` section's Markdown if present, else the first paragraph; shortened. A string of its
   * own: it never keeps the note's text alive (the index holds thousands of excerpts).
   */
  excerpt: string;
}

/** The first level-1 heading's text, looking no further: what the index needs when a note has no title. */
export function bodyHeading(body: string): string | undefined {
  return summarizeBody(body, true).heading;
}

export function summarizeBody(body: string, headingOnly = false): BodySummary {
  const text = body.length > BODY_SCAN_LIMIT ? body.slice(0, BODY_SCAN_LIMIT) : body;
  let heading: string | undefined;
  let paragraph: string[] | undefined;
  let paragraphDone = false;
  let keyPoints: string[] | undefined;
  let keyPointsLevel = 0;
  let keyPointsDone = false;
  let fence = '';
  let inComment = false;
  let pos = 0;
  while (pos < text.length && !keyPointsDone) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    let line = text.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = end + 1;

    const trimmed = line.trim();
    if (fence) {
      if (trimmed.startsWith(fence)) fence = '';
      keyPoints?.push(line);
      continue;
    }
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      continue;
    }
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fence = trimmed.slice(0, 3);
      if (paragraph) paragraphDone = true;
      keyPoints?.push(line);
      continue;
    }
    const level = headingLevel(trimmed);
    if (level > 0) {
      if (paragraph) paragraphDone = true;
      const title = headingText(trimmed, level);
      if (keyPoints) {
        if (level <= keyPointsLevel) {
          keyPointsDone = true;
          continue;
        }
        keyPoints.push(line);
        continue;
      }
      if (level === 1 && heading === undefined) {
        heading = title;
        if (headingOnly) break;
      }
      if (headingOnly) continue;
      if (level >= 2 && isKeyPoints(title)) {
        keyPoints = [];
        keyPointsLevel = level;
      }
      continue;
    }
    if (keyPoints) {
      keyPoints.push(line);
      continue;
    }
    if (trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      continue;
    }
    if (trimmed === '') {
      if (paragraph) paragraphDone = true;
      continue;
    }
    if (!paragraphDone && !headingOnly) (paragraph ??= []).push(trimmed);
  }
  let excerpt = '';
  // A section holding only empty bullets (a fresh template's `- `) says nothing: fall back to the paragraph.
  if (keyPoints) excerpt = joined(keyPoints.filter((l) => !isEmptyBullet(l)), '\n', KEY_POINTS_MAX);
  if (!excerpt && paragraph) excerpt = joined(paragraph, ' ', PARAGRAPH_MAX);
  return { heading, excerpt };
}

/** The lines joined and shortened. */
function joined(lines: string[], separator: string, max: number): string {
  return shorten(lines.join(separator).trim(), max);
}

/** Level of an ATX heading line (`## x` is 2), 0 when the line is not one. */
function headingLevel(trimmed: string): number {
  let n = 0;
  while (n < trimmed.length && trimmed.charCodeAt(n) === 35 /* # */) n++;
  if (n === 0 || n > 6) return 0;
  const next = trimmed.charCodeAt(n);
  return Number.isNaN(next) || next === 32 || next === 9 ? n : 0;
}

/** Heading text without the leading hashes and an optional closing sequence (`## Title ##`). */
function headingText(trimmed: string, level: number): string {
  let text = trimmed.slice(level).trim();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 35) end--;
  if (end === 0) return '';
  if (end < text.length && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) text = text.slice(0, end).trimEnd();
  return text;
}

function isEmptyBullet(line: string): boolean {
  const t = line.trim();
  if (t.length > 10) return false; // the longest marker is nine digits and a dot
  return t === '-' || t === '*' || t === '+' || ORDERED_MARKER.test(t);
}

function isKeyPoints(title: string): boolean {
  const t = title.toLowerCase();
  return t === 'key points' || t === 'key points:';
}

/** Cuts at a line end (for lists) or a word boundary before `max`, marking the cut with an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, max);
  // Never split a surrogate pair (an emoji) in two.
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  const lineCut = head.lastIndexOf('\n');
  if (lineCut >= max / 2) return head.slice(0, lineCut).trimEnd() + '\n…';
  const wordCut = head.lastIndexOf(' ');
  return (wordCut >= max / 2 ? head.slice(0, wordCut) : head).trimEnd() + '…';
}
