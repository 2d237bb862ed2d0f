/** The q-th percentile (0–100) of ascending values, by nearest rank; 0 when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** Rounds to the given number of decimals (figures are printed and compared, not computed on). */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Latency percentiles in milliseconds. */
export type Latency = { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

/** p50, p95, p99 and max of the latencies, in milliseconds with two decimals. */
export function latencyOf(latenciesMs: readonly number[]): Latency {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 50), 2),
    p95Ms: round(percentile(sorted, 95), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 2),
  };
}

/** Events per second over a wall time; 0 when no time passed. */
export function perSecond(count: number, wallMs: number): number {
  return wallMs > 0 ? round((count * 1000) / wallMs, 1) : 0;
}

/** a / b rounded to two decimals, or null when either side is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || b === 0) return null;
  return round(a / b, 2);
}
