import { perSecond } from "../bench/stats";
import type { ChannelReport } from "./simulate-connectors";

const sum = (tally: Record<string, number>) => Object.values(tally).reduce((a, b) => a + b, 0);

/** Events every accepted paid order must have produced by the time the connector reads them. */
const EXPECTED_PER_ORDER = ["ACCEPTED", "PAID"] as const;

/**
 * The run's figures: accepted, refused (by reason), duplicates answered with the same order,
 * events seen. `ok` is false when a resend got another answer or an accepted order's events are
 * missing, which a real connector would turn into a double sale or a lost status.
 */
export function simulationSummary(report: Record<string, ChannelReport>, wallMs: number) {
  const channels = Object.entries(report).map(([channel, r]) => ({
    channel,
    accepted: r.placed,
    refused: sum(r.refused),
    refusedBy: r.refused,
    resent: r.resent,
    duplicatesAnsweredSame: r.resendsSame,
    eventsSeen: sum(r.events),
    events: r.events,
    p50Ms: r.latency.p50Ms,
    p95Ms: r.latency.p95Ms,
  }));
  const ok = Object.values(report).every(
    (r) =>
      r.resendsSame === r.resent &&
      EXPECTED_PER_ORDER.every((kind) => (r.events[kind] ?? 0) === r.placed),
  );
  const accepted = channels.reduce((a, c) => a + c.accepted, 0);
  const sent = accepted + channels.reduce((a, c) => a + c.refused, 0);
  return {
    ok,
    accepted,
    refused: sent - accepted,
    duplicates: channels.reduce((a, c) => a + c.resent, 0),
    duplicatesAnsweredSame: channels.reduce((a, c) => a + c.duplicatesAnsweredSame, 0),
    eventsSeen: channels.reduce((a, c) => a + c.eventsSeen, 0),
    ordersPerSecond: perSecond(sent, wallMs),
    wallMs: Math.round(wallMs),
    channels,
  };
}

/** One row per channel, aligned for a terminal. */
export function simulationTable(report: Record<string, ChannelReport>): string {
  const header = ["channel", "accepted", "refused", "resent", "same", "events", "p50 ms", "p95 ms"];
  const rows = Object.entries(report).map(([channel, r]) => [
    channel,
    r.placed,
    sum(r.refused),
    r.resent,
    r.resendsSame,
    sum(r.events),
    r.latency.p50Ms,
    r.latency.p95Ms,
  ]);
  const reasons = Object.entries(report).flatMap(([channel, r]) =>
    Object.entries(r.refused).map(([reason, n]) => `  ${channel} refused ${n} × ${reason}`),
  );
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const lines = cells.map((row) => row.map((cell, i) => cell.padStart(widths[i]!)).join("  "));
  return [...lines, ...reasons].join("\n");
}
