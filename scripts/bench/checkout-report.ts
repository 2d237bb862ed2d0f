import type { PressFigures } from "./checkout-figures";
import type { ActionFloor } from "./checkout-floor";
import type { CheckoutOptions } from "./checkout-options";
import type { ProfileSummary } from "./checkout-profile";
import type { CpuPerPress } from "./cpu-usage";
import { perSecond, ratio, type Latency } from "./stats";

/** Everything a run found, printed as the table and the JSON line. */
export type CheckoutRun = {
  options: CheckoutOptions;
  /** Units free at the store before the sale, and what the web channel could sell of them. */
  unitsFree: number;
  channelMaySell: number;
  expectedSuccesses: number;
  figures: PressFigures;
  oversold: number;
  ledgerOk: boolean;
  problems: string[];
  redis: string;
  load1: number;
  cpus: number;
  /**
   * CPU per press while the shoppers pressed (from /proc): the store's servers, PostgreSQL, and
   * the whole machine (the shoppers' client and Redis too).
   */
  cpu: CpuPerPress;
  /** The Node.js version the benchmark and the servers it starts run on (the same `node`). */
  node: string;
  /** A bare Next.js server action on this machine (`--floor`), or null. */
  floor: ActionFloor | null;
  /** The server's CPU profile while the shoppers pressed, and over its whole life. */
  profile: { presses: ProfileSummary; whole: ProfileSummary } | null;
};

/** Rows as aligned text, first column left, the others right. */
export function alignRows(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const show = (value: number | null) => (value === null ? "-" : String(value));

function latencyRow(name: string, count: number, perSec: number | null, l: Latency): string[] {
  return [
    name,
    String(count),
    show(perSec),
    String(l.p50Ms),
    String(l.p95Ms),
    String(l.p99Ms),
    String(l.maxMs),
  ];
}

/** The run's figures as a text table. */
export function formatCheckoutTable(run: CheckoutRun): string {
  const f = run.figures;
  const o = run.options;
  const lines = [
    `Checkout: ${o.shoppers} shoppers, ${o.concurrency} at once, mode ${o.mode}, ${o.quantity} × ${o.sku} for pickup at ${o.store}; Redis: ${run.redis}; servers: ${o.instances}; Node ${run.node}`,
    `units free ${run.unitsFree}, the web channel may sell ${run.channelMaySell}, orders expected ${run.expectedSuccesses}`,
    "",
    alignRows([
      ["presses", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"],
      ["-------", "-----", "-----", "------", "------", "------", "------"],
      latencyRow("placed", f.successes, f.successesPerSec, f.placed),
      latencyRow("refused", f.refusals, null, f.refused),
      latencyRow(
        "refused after sell-out",
        f.refusalsAfterSellOut,
        f.refusalsPerSecAfterSellOut,
        f.refusedAfterSellOut,
      ),
      latencyRow("all", f.presses, perSecond(f.presses, f.wallMs), f.all),
    ]),
    "",
    `refusals by code: ${JSON.stringify(f.refusalCodes)}; errors ${f.errors}; wall ${f.wallMs} ms`,
    `oversold ${run.oversold}; ledger ${run.ledgerOk ? "ok" : "NOT BALANCED"}; load average ${run.load1} on ${run.cpus} cores`,
    `CPU per press: server ${run.cpu.serverMs} ms, PostgreSQL ${run.cpu.postgresMs} ms, whole machine ${run.cpu.machineMs} ms`,
    run.problems.length === 0 ? "sound: yes" : `sound: NO: ${run.problems.join("; ")}`,
  ];
  if (run.floor) lines.push(formatFloor(run.floor, f, o.concurrency));
  if (run.profile) {
    lines.push("", formatProfile("while the shoppers pressed Place order", run.profile.presses));
    lines.push(
      "",
      formatProfile("over the server's whole life (sign-ins and pages too)", run.profile.whole),
    );
  }
  return lines.join("\n");
}

/** The floor line: what a bare action answers, and the store's presses as a share of it. */
function formatFloor(floor: ActionFloor, f: PressFigures, concurrency: number): string {
  const share = (perSec: number | null) => {
    const r = ratio(perSec ?? undefined, floor.callsPerSec);
    return r === null ? "-" : `${r}×`;
  };
  return [
    `floor: a bare Next.js server action answers ${floor.callsPerSec}/s, ${concurrency} at once`,
    `(p50 ${floor.latency.p50Ms} ms, p95 ${floor.latency.p95Ms} ms, ${floor.calls} calls);`,
    `refusals after sell-out at ${share(f.refusalsPerSecAfterSellOut)} of it, placed orders at ${share(f.successesPerSec)}`,
  ].join(" ");
}

/** The profile's top self times and areas. */
export function formatProfile(when: string, p: ProfileSummary): string {
  return [
    `Server CPU profile ${when}: ${p.busyMs} ms busy of ${p.totalMs} ms sampled; top self time:`,
    alignRows([
      ["function", "self ms", "% busy", "where"],
      ...p.top.map((e) => [e.function, String(e.selfMs), String(e.percent), e.location]),
    ]),
    "",
    "self time by package:",
    alignRows([
      ["area", "self ms", "% busy"],
      ...p.byArea.map((a) => [a.area, String(a.selfMs), String(a.percent)]),
    ]),
  ].join("\n");
}

/** The run as one JSON object (the last line printed). */
export function checkoutJson(run: CheckoutRun) {
  const f = run.figures;
  return {
    bench: "checkout",
    mode: run.options.mode,
    N: run.options.shoppers,
    C: run.options.concurrency,
    instances: run.options.instances,
    units: run.unitsFree,
    channelMaySell: run.channelMaySell,
    expectedSuccesses: run.expectedSuccesses,
    successes: f.successes,
    successesPerSec: f.successesPerSec,
    refusals: f.refusals,
    refusalsAfterSellOut: f.refusalsAfterSellOut,
    refusalsPerSecAfterSellOut: f.refusalsPerSecAfterSellOut,
    errors: f.errors,
    p50Ms: f.all.p50Ms,
    p95Ms: f.all.p95Ms,
    p99Ms: f.all.p99Ms,
    placedLatency: f.placed,
    refusedLatency: f.refused,
    refusedAfterSellOutLatency: f.refusedAfterSellOut,
    wallMs: f.wallMs,
    oversold: run.oversold,
    ledgerOk: run.ledgerOk,
    loadAverage: run.load1,
    cpus: run.cpus,
    cpuPerPress: run.cpu,
    node: run.node,
    redis: run.redis,
    sound: run.problems.length === 0,
    problems: run.problems,
    floor: run.floor
      ? {
          actionsPerSec: run.floor.callsPerSec,
          calls: run.floor.calls,
          p50Ms: run.floor.latency.p50Ms,
          p95Ms: run.floor.latency.p95Ms,
          refusalsShare: ratio(f.refusalsPerSecAfterSellOut ?? undefined, run.floor.callsPerSec),
          successesShare: ratio(f.successesPerSec, run.floor.callsPerSec),
        }
      : null,
    profile: run.profile
      ? {
          busyMs: run.profile.presses.busyMs,
          sampledMs: run.profile.presses.totalMs,
          top: run.profile.presses.top,
          byArea: run.profile.presses.byArea,
        }
      : null,
  };
}
