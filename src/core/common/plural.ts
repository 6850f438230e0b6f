// Choosing between a message's singular and plural form, the same way on every surface.

/**
 * `one` when `count` is exactly 1, `other` for every other count (0, 2, 1.5 hours): English has these two
 * forms. Both are whole messages already passed through `l10n.t` by the caller, so each stays a literal a
 * translator sees, and a translation can word each form as it needs.
 */
export function plural<T>(count: number, one: T, other: T): T {
  return count === 1 ? one : other;
}
