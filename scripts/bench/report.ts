import os from "node:os";
import { isSound, type ScenarioFigures } from "./figures";
import type { BenchOptions, ScenarioName } from "./options";
import { ratio } from "./stats";

/** The attempts per second the fast path must reach on one hot SKU. */
export const TARGET_ATTEMPTS_PER_SEC = 2_000;

const COLUMNS: [string, (f: ScenarioFigures) => string | number][] = [
  ["scenario", (f) => f.scenario],
  ["attempts", (f) => (f.started === f.attempts ? f.attempts : `${f.started}/${f.attempts}`)],
  ["in flight", (f) => f.concurrency],
  ["attempts/s", (f) => f.attemptsPerSec],
  ["reserved/s", (f) => f.successesPerSec],
  ["p50 ms", (f) => f.p50Ms],
  ["p95 ms", (f) => f.p95Ms],
  ["p99 ms", (f) => f.p99Ms],
  ["successes", (f) => f.successes],
  ["units", (f) => f.unitsAtStart],
  ["oversold", (f) => f.oversold],
  ["lowest", (f) => f.lowestBalance],
  [
    "ledger",
    (f) =>
      f.ledgerMismatches === null ? "-" : f.ledgerMismatches === 0 ? "ok" : f.ledgerMismatches,
  ],
  ["sound", (f) => (isSound(f) ? "yes" : "NO")],
];

/** The figures as an aligned text table. */
export function formatTable(rows: readonly ScenarioFigures[]): string {
  const cells = [
    COLUMNS.map(([title]) => title),
    ...rows.map((r) => COLUMNS.map(([, get]) => String(get(r)))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [
    line(cells[0] ?? []),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

/** The ratios the issue asks for, from attempts per second on PostgreSQL. */
export function ratios(rows: readonly ScenarioFigures[]) {
  const rate = (name: ScenarioName) => rows.find((r) => r.scenario === name)?.attemptsPerSec;
  return {
    fastOverEngine: ratio(rate("pg-fast"), rate("pg-engine")),
    engineOverNaive: ratio(rate("pg-engine"), rate("pg-naive")),
    fastOverEngineAllocation: ratio(rate("pg-fast-allocation"), rate("pg-engine-allocation")),
    pgliteFastOverEngine: ratio(rate("pglite-fast"), rate("pglite-engine")),
  };
}

/** The whole run as one JSON object (printed as the last line, to compare runs). */
export function summaryJson(
  options: BenchOptions,
  rows: readonly ScenarioFigures[],
  skipped: string[],
) {
  const fast = rows.find((r) => r.scenario === "pg-fast");
  const correctPaths = rows.filter((r) => r.path !== "naive");
  return {
    bench: "reserve",
    version: 1,
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      load1: Number(os.loadavg()[0]?.toFixed(2)),
    },
    settings: {
      attempts: options.attempts,
      concurrency: options.concurrency,
      pool: options.pool,
      pgliteAttempts: options.pgliteAttempts,
      pgliteConcurrency: options.pgliteConcurrency,
      units: options.units,
      nodes: options.nodes,
      allocation: options.allocation,
      fastTtlSeconds: options.fastPathTtlSeconds,
    },
    scenarios: Object.fromEntries(rows.map((r) => [r.scenario, r])),
    ratios: ratios(rows),
    target: {
      attemptsPerSec: TARGET_ATTEMPTS_PER_SEC,
      fastAttemptsPerSec: fast?.attemptsPerSec ?? null,
      met: fast ? fast.attemptsPerSec >= TARGET_ATTEMPTS_PER_SEC && isSound(fast) : null,
    },
    oversoldByCorrectPaths: correctPaths.reduce((sum, r) => sum + r.oversold, 0),
    allCorrectPathsSound: correctPaths.every(isSound),
    skipped,
  };
}
