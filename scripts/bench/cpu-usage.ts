import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** CPU time used so far, in ms: by one process group (a server), by PostgreSQL, by the machine. */
export type CpuSample = { groupMs: number; postgresMs: number; machineBusyMs: number };

/** CPU ms spent between two samples, per press. */
export type CpuPerPress = { serverMs: number; postgresMs: number; machineMs: number };

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  return ticksPerSecond;
}

/** A /proc/<pid>/stat line's command, process group and user + system CPU ticks. */
export function parseProcStat(line: string): { command: string; group: number; ticks: number } {
  // The command sits in parentheses and may hold spaces or parentheses itself.
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  const fields = line.slice(close + 2).split(" ");
  // After the command: state, ppid, pgrp, …, utime (the 12th), stime (the 13th).
  return {
    command: line.slice(open + 1, close),
    group: Number(fields[2]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

/** The busy ticks of /proc/stat's first line (all but idle and iowait). */
export function parseMachineBusyTicks(procStat: string): number {
  const values = (procStat.split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = values;
  return user + nice + system + irq + softirq + steal;
}

/**
 * CPU used so far by every process of `groups` (the servers, each its own process group), by
 * every process named postgres, and by the whole machine. A process that exits before the second
 * sample takes its time with it: sample while the servers run.
 */
export function sampleCpu(groups: readonly number[]): CpuSample {
  const wanted = new Set(groups);
  let group = 0;
  let postgres = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let line: string;
    try {
      line = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const stat = parseProcStat(line);
    if (wanted.has(stat.group)) group += stat.ticks;
    else if (stat.command === "postgres") postgres += stat.ticks;
  }
  const ms = (ticks: number) => (ticks * 1000) / clockTicks();
  return {
    groupMs: ms(group),
    postgresMs: ms(postgres),
    machineBusyMs: ms(parseMachineBusyTicks(readFileSync("/proc/stat", "utf8"))),
  };
}

/** CPU ms per press between two samples. */
export function cpuPerPress(before: CpuSample, after: CpuSample, presses: number): CpuPerPress {
  const per = (a: number, b: number) => Number(((b - a) / Math.max(1, presses)).toFixed(2));
  return {
    serverMs: per(before.groupMs, after.groupMs),
    postgresMs: per(before.postgresMs, after.postgresMs),
    machineMs: per(before.machineBusyMs, after.machineBusyMs),
  };
}
