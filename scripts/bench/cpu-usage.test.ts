import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuPerPress, parseMachineBusyTicks, parseProcStat, sampleCpu } from "./cpu-usage";

describe("CPU accounting for the checkout bench", () => {
  it("reads a process's group and CPU ticks, whatever its command holds", () => {
    const line =
      "4242 (next-server (v16)) S 4200 4200 4200 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 11 0 99 0 0";
    expect(parseProcStat(line)).toEqual({ command: "next-server (v16)", group: 4200, ticks: 1290 });
  });

  it("counts the machine's busy ticks without idle and iowait", () => {
    const stat = "cpu  100 5 50 1000 40 3 2 1 0 0\ncpu0 50 2 25 500 20 1 1 0 0 0\n";
    expect(parseMachineBusyTicks(stat)).toBe(100 + 5 + 50 + 3 + 2 + 1);
  });

  it("splits the CPU between two samples over the presses", () => {
    const before = { groupMs: 1_000, postgresMs: 500, machineBusyMs: 10_000 };
    const after = { groupMs: 4_000, postgresMs: 2_000, machineBusyMs: 16_000 };
    expect(cpuPerPress(before, after, 300)).toEqual({
      serverMs: 10,
      postgresMs: 5,
      machineMs: 20,
    });
  });

  it("sees this process's own CPU time grow as it works", () => {
    const { group } = parseProcStat(readFileSync("/proc/self/stat", "utf8"));
    const before = sampleCpu([group]);
    const until = Date.now() + 300;
    let spin = 0;
    while (Date.now() < until) spin += Math.sqrt(spin + 1);
    const after = sampleCpu([group]);
    expect(spin).toBeGreaterThan(0);
    expect(after.groupMs - before.groupMs).toBeGreaterThan(100);
    expect(after.machineBusyMs).toBeGreaterThanOrEqual(before.machineBusyMs);
  });
});
