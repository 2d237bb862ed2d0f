const WARNING_INTERVAL_MS = 60_000;
let lastWarningAt = Number.NEGATIVE_INFINITY;

/** Says, at most once a minute, that the stock gate's Redis failed and the database decides alone. */
export function warnGateUnavailable(cause: unknown): void {
  const now = Date.now();
  if (now - lastWarningAt < WARNING_INTERVAL_MS) return;
  lastWarningAt = now;
  const detail = cause instanceof Error ? cause.message : String(cause);
  console.warn(`[stock-gate] Redis unavailable, reserving on the database alone (${detail})`);
}
