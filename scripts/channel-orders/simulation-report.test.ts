import { describe, expect, it } from "vitest";
import { latencyOf } from "../bench/stats";
import type { ChannelReport } from "./simulate-connectors";
import { simulationSummary, simulationTable } from "./simulation-report";

const channel = (over: Partial<ChannelReport>): ChannelReport => ({
  placed: 3,
  resent: 1,
  resendsSame: 1,
  refused: { "OUT_OF_STOCK/ORDER_LINES": 2 },
  events: { ACCEPTED: 3, PAID: 3, SHIPPED: 1 },
  latency: latencyOf([10, 20, 30, 40, 50]),
  ...over,
});

describe("simulation report", () => {
  it("adds up accepted, refused, duplicates and events over the channels", () => {
    const summary = simulationSummary(
      { TMALL: channel({}), JD: channel({ placed: 0, events: {} }) },
      2000,
    );
    expect(summary).toMatchObject({
      ok: true,
      accepted: 3,
      refused: 4,
      duplicates: 2,
      duplicatesAnsweredSame: 2,
      eventsSeen: 7,
      ordersPerSecond: 3.5,
    });
    expect(summary.channels[0]).toMatchObject({ channel: "TMALL", p50Ms: 30, p95Ms: 50 });
  });

  it("fails the run when a resend got another order or an accepted order's events are missing", () => {
    expect(simulationSummary({ TMALL: channel({ resendsSame: 0 }) }, 1000).ok).toBe(false);
    expect(
      simulationSummary({ TMALL: channel({ events: { ACCEPTED: 3, PAID: 2 } }) }, 1000).ok,
    ).toBe(false);
  });

  it("prints one aligned row per channel and each refusal reason", () => {
    const table = simulationTable({ TMALL: channel({}) }).split("\n");
    expect(table[0]).toMatch(/^channel\s+accepted\s+refused/);
    expect(table[1]).toMatch(/TMALL\s+3\s+2\s+1\s+1\s+7/);
    expect(table[2]).toBe("  TMALL refused 2 × OUT_OF_STOCK/ORDER_LINES");
  });
});
