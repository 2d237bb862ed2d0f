import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

/** Lighthouse's performance score (0–100) and the metrics behind it. */
export type LighthouseFigures = {
  score: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
  /**
   * When the browser really painted first, unthrottled. The scores come from Lighthouse's
   * simulation, which counts every script that finished before this paint as one the paint
   * waited for: a first frame that Chromium presents late (seen here at about 1.2 or 2.2 s even on
   * a script-free copy of a page with a stylesheet) inflates the simulated LCP.
   */
  observedFirstPaintMs: number;
  /** Lighthouse's own CPU benchmark of this machine during the run (higher is faster). */
  benchmarkIndex: number;
};

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's chromium; CHROME_PATH overrides it. */
export function chromePath(): string {
  return process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

function observedFirstPaint(lhr: { audits: Record<string, { details?: unknown }> }): number {
  const details = lhr.audits["metrics"]?.details as
    { items?: { observedFirstContentfulPaint?: number }[] } | undefined;
  return details?.items?.[0]?.observedFirstContentfulPaint ?? Number.NaN;
}

/** A page to audit: its URL, or its URL with requests Lighthouse should block (e.g. `*.js`). */
export type AuditTarget = string | { url: string; blockedUrlPatterns: string[] };

/**
 * Audits each URL for performance with Lighthouse's default (mobile) settings or its desktop
 * preset, `runs` times, keeping the median run by score.
 */
export async function auditPages(
  targets: Record<string, AuditTarget>,
  options: { runs: number; desktop: boolean },
): Promise<Record<string, LighthouseFigures>> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const figures: Record<string, LighthouseFigures> = {};
    for (const [name, target] of Object.entries(targets)) {
      const { url, blockedUrlPatterns } =
        typeof target === "string" ? { url: target, blockedUrlPatterns: [] } : target;
      const results: LighthouseFigures[] = [];
      for (let i = 0; i < options.runs; i++) {
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            onlyCategories: ["performance"],
            blockedUrlPatterns,
            logLevel: "error",
            output: "json",
          },
          options.desktop ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const { lhr } = result;
        const metric = (id: string) =>
          Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
        results.push({
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          firstContentfulPaintMs: Math.round(metric("first-contentful-paint")),
          largestContentfulPaintMs: Math.round(metric("largest-contentful-paint")),
          totalBlockingTimeMs: Math.round(metric("total-blocking-time")),
          cumulativeLayoutShift: metric("cumulative-layout-shift"),
          speedIndexMs: Math.round(metric("speed-index")),
          observedFirstPaintMs: Math.round(observedFirstPaint(lhr)),
          benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
        });
      }
      results.sort((a, b) => a.score - b.score);
      const median = results[Math.floor(results.length / 2)];
      if (median) figures[name] = median;
    }
    return figures;
  } finally {
    chrome.kill();
  }
}
