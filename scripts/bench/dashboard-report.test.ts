import { describe, expect, it } from "vitest";
import {
  dashboardJson,
  formatDashboardTable,
  viewPasses,
  type DashboardRun,
} from "./dashboard-report";

const latency = (p95Ms: number) => ({ p50Ms: p95Ms / 2, p95Ms, p99Ms: p95Ms, maxMs: p95Ms + 1 });

function run(p95s: number[], http: number | null = null): DashboardRun {
  return {
    scale: 10,
    rows: {
      before: { orders: 10, orderLines: 20, movements: 30 },
      after: { orders: 100, orderLines: 200, movements: 300 },
    },
    views: p95s.map((p95, i) => ({
      name: `v${i}`,
      kind: "dashboard",
      windowDays: 28,
      runs: 30,
      server: latency(p95),
      http: http === null ? null : latency(http),
    })),
    warmup: 3,
    httpSkipped: http === null ? "not asked for (--http)" : null,
    load1: { atStart: 1.5, atEnd: 2 },
    cpus: 2,
    database: "PostgreSQL",
  };
}

describe("viewPasses", () => {
  it("holds the server time and, when measured, the page's p95 under 300 ms", () => {
    const [fast] = run([120], 250).views;
    const [slowPage] = run([120], 300).views;
    const [slow] = run([300]).views;
    expect(viewPasses(fast!)).toBe(true);
    expect(viewPasses(slowPage!)).toBe(false);
    expect(viewPasses(slow!)).toBe(false);
  });
});

describe("dashboardJson", () => {
  it("passes only when every view does, with the figures per view", () => {
    const json = dashboardJson(run([100, 299.9]), new Date("2026-12-06T00:00:00Z"));
    expect(json).toMatchObject({
      bench: "dashboard",
      scale: 10,
      targetP95Ms: 300,
      worstP95Ms: 299.9,
      pass: true,
      http: false,
      machine: { load1AtStart: 1.5, load1: 2 },
      rows: { after: { movements: 300 } },
    });
    expect(json.views.v0).toEqual({
      kind: "dashboard",
      windowDays: 28,
      runs: 30,
      p50Ms: 50,
      p95Ms: 100,
      maxMs: 101,
      http: null,
      pass: true,
    });
    expect(dashboardJson(run([100, 300])).pass).toBe(false);
    expect(dashboardJson(run([])).pass).toBe(false);
  });
});

describe("formatDashboardTable", () => {
  it("shows the row counts, one line per view and why HTTP was not measured", () => {
    const table = formatDashboardTable(run([100, 400]));
    expect(table).toMatch(/after\s+100\s+200\s+300/);
    expect(table).toMatch(/v1\s+28\s+30\s+200\s+400\s+401\s+-\s+-\s+NO/);
    expect(table).toContain("HTTP: not measured (not asked for (--http))");
  });
});
