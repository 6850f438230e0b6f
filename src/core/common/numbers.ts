// Hours as numbers and as text, the same way in every output (CLI, transcript, dashboard, sidebar, new notes).

/** `value` to `digits` decimals; -0 becomes 0 (so it never prints or serialises as a sign). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Hours to the hundredth: binary noise goes (0.1 + 0.2 is 0.3, 0.3 CEU is 3 h), a quarter hour stays. */
export function roundHours(value: number): number {
  return roundTo(value, 2);
}

/** Hours as people write them: at most two decimals, no trailing zeros (`1.5`, `3`, `0.25`). */
export function formatHours(hours: number): string {
  return String(roundHours(hours));
}

/** A fraction (0 to 1) as a whole percent, clamped: readiness `0.424` reads `42`. */
export function wholePercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.max(0, Math.min(1, fraction)) * 100);
}
