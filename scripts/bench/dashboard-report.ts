import { alignRows } from "./checkout-report";
import type { Latency } from "./stats";

/** The p95 a dashboard view (and each suggestion list) must stay under at 10× data. */
export const TARGET_P95_MS = 300;

/** Rows of the tables the dashboard reads, before and after scaling. */
export type RowCounts = { orders: number; orderLines: number; movements: number };

/** One view's server time (in-process) and, in HTTP mode, the page's response time. */
export type ViewFigures = {
  name: string;
  kind: string;
  windowDays: number;
  runs: number;
  server: Latency;
  http: Latency | null;
};

export type DashboardRun = {
  scale: number;
  rows: { before: RowCounts; after: RowCounts };
  views: ViewFigures[];
  warmup: number;
  /** Why the page was not measured over HTTP (null when it was). */
  httpSkipped: string | null;
  /** The 1-minute load average when the measuring began and when it ended. */
  load1: { atStart: number; atEnd: number };
  cpus: number;
  database: string;
};

/** A view passes when its server time, and its page's when measured, keep p95 under target. */
export function viewPasses(view: ViewFigures, target = TARGET_P95_MS): boolean {
  return view.server.p95Ms < target && (view.http === null || view.http.p95Ms < target);
}

const ms = (l: Latency | null, key: keyof Latency) => (l ? String(l[key]) : "-");

/** The figures as a text table. */
export function formatDashboardTable(run: DashboardRun): string {
  const { before, after } = run.rows;
  return [
    `Inventory dashboard at ${run.scale}× the demo history on ${run.database}`,
    alignRows([
      ["rows", "orders", "order lines", "movements"],
      ["before", String(before.orders), String(before.orderLines), String(before.movements)],
      ["after", String(after.orders), String(after.orderLines), String(after.movements)],
    ]),
    "",
    `server time: ${run.warmup} warm-up run(s), then the runs counted; target p95 < ${TARGET_P95_MS} ms`,
    alignRows([
      ["view", "window", "runs", "p50 ms", "p95 ms", "max ms", "http p50", "http p95", "pass"],
      ...run.views.map((v) => [
        v.name,
        String(v.windowDays),
        String(v.runs),
        String(v.server.p50Ms),
        String(v.server.p95Ms),
        String(v.server.maxMs),
        ms(v.http, "p50Ms"),
        ms(v.http, "p95Ms"),
        viewPasses(v) ? "yes" : "NO",
      ]),
    ]),
    run.httpSkipped ? `HTTP: not measured (${run.httpSkipped})` : "",
    `load average (1 min) ${run.load1.atStart} at the start, ${run.load1.atEnd} at the end, on ${run.cpus} CPUs`,
  ].join("\n");
}

/** The run as one JSON object (printed as the last line, to compare runs). */
export function dashboardJson(run: DashboardRun, at = new Date()) {
  return {
    bench: "dashboard",
    version: 1,
    at: at.toISOString(),
    scale: run.scale,
    rows: run.rows,
    targetP95Ms: TARGET_P95_MS,
    warmup: run.warmup,
    views: Object.fromEntries(
      run.views.map((v) => [
        v.name,
        {
          kind: v.kind,
          windowDays: v.windowDays,
          runs: v.runs,
          p50Ms: v.server.p50Ms,
          p95Ms: v.server.p95Ms,
          maxMs: v.server.maxMs,
          http: v.http ? { p50Ms: v.http.p50Ms, p95Ms: v.http.p95Ms, maxMs: v.http.maxMs } : null,
          pass: viewPasses(v),
        },
      ]),
    ),
    worstP95Ms: Math.max(0, ...run.views.map((v) => v.server.p95Ms)),
    http: run.httpSkipped === null,
    httpSkipped: run.httpSkipped,
    pass: run.views.length > 0 && run.views.every((v) => viewPasses(v)),
    machine: {
      cpus: run.cpus,
      node: process.version,
      load1AtStart: run.load1.atStart,
      load1: run.load1.atEnd,
    },
  };
}
