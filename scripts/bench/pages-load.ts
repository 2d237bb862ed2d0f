import autocannon from "autocannon";

/** Server response times of one page under concurrent load. */
export type LoadFigures = {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
};

/** The value below which `p` percent of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

/**
 * Loads one URL with `connections` concurrent requests for `seconds` and measures every
 * response's time (autocannon's own histogram has no p95, so each sample is kept).
 */
export async function loadPage(
  url: string,
  options: { connections: number; seconds: number },
): Promise<LoadFigures> {
  const samples: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        headers: { "accept-language": "en" },
      },
      (error, finished) =>
        error
          ? reject(error instanceof Error ? error : new Error(String(error)))
          : resolve(finished),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      samples.push(responseTime);
    });
  });
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: samples.length,
    requestsPerSecond: Math.round(samples.length / options.seconds),
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(samples.at(-1) ?? 0),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
