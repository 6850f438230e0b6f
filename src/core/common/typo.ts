// How far a misspelt word is from a known one, for "did you mean" suggestions.

/**
 * Edit distance counting a swap of two neighbours as one edit (`compelted`), with an early exit: anything
 * above `max` is reported as `max + 1`. Only cells within `max` of the diagonal are worked out (any other
 * is above `max` already), so the cost is at most about `a.length * (2 * max + 1)` whatever the strings.
 */
export function typoDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  // Rows i - 2, i - 1 and i of the table; each row writes its band and one cell either side of it.
  let before = new Array<number>(b.length + 2).fill(over);
  let previous = new Array<number>(b.length + 2).fill(over);
  let row = new Array<number>(b.length + 2).fill(over);
  for (let j = 0; j <= Math.min(b.length, max); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    row[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = row[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost, over);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    row[hi + 1] = over;
    if (rowMin > max) return over;
    [before, previous, row] = [previous, row, before];
  }
  return Math.min(previous[b.length], over);
}

/** The choice nearest to `word` within `max` edits (the first of equals), or undefined. */
export function nearestWord(word: string, choices: readonly string[], max: number): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const choice of choices) {
    const d = typoDistance(word, choice, bestDistance - 1);
    if (d < bestDistance) [best, bestDistance] = [choice, d];
  }
  return best;
}
