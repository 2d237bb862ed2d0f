/** p50 / p95 / max / mean of a sample, rounded to 0.1 ms. */
export type Summary = { n: number; p50: number; p95: number; max: number; mean: number };

const round = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentiles: every figure is a delay that was actually measured. */
export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : 0;
  return {
    n: sorted.length,
    p50: round(rank(50)),
    p95: round(rank(95)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(mean),
  };
}

/** A deterministic generator in [0, 1), so two runs pick the same SKUs and pauses. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
