// Running work over many items with a bound on what is in flight, and without one failure stopping the rest.
// No `vscode` import, so the unit tests run it in plain Node.

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Like forEachLimited, but an item whose `fn` throws is handed to `onError` and the others still run: one note
 * with a value nobody foresaw must never cost the update of every other note (and the change event after it).
 */
export function settleEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>, onError: (item: T, error: unknown) => void): Promise<void> {
  return forEachLimited(items, limit, async (item) => {
    try {
      await fn(item);
    } catch (error) {
      onError(item, error);
    }
  });
}
