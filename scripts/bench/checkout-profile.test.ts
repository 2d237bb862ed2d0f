import { describe, expect, it } from "vitest";
import {
  areaOf,
  mainThreadProfile,
  shortUrl,
  summariseProfile,
  type CpuProfile,
} from "./checkout-profile";

const frame = (functionName: string, url = "", lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

// root → idle, compare (bcryptjs), render (app bundle) → render again elsewhere in the tree
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)") },
    { id: 2, callFrame: frame("(idle)") },
    { id: 3, callFrame: frame("compare", "file:///w/node_modules/bcryptjs/index.js", 9) },
    { id: 4, callFrame: frame("render", "file:///w/.next-bench/server/chunks/a.js", 0) },
    { id: 5, callFrame: frame("render", "file:///w/.next-bench/server/chunks/a.js", 0) },
    { id: 6, callFrame: frame("query", "file:///w/node_modules/@prisma/client/x.js", 4) },
    { id: 7, callFrame: frame("(garbage collector)") },
  ],
  // Each sample stands for the next delta (the last one for its own): 2+1 ms idle, 3+3 ms
  // compare, 1+1 render, 1 query, 1 gc.
  samples: [2, 3, 3, 4, 5, 6, 7, 2],
  timeDeltas: [0, 2000, 3000, 3000, 1000, 1000, 1000, 1000],
};

describe("summariseProfile", () => {
  it("sums self time per function over the tree and ranks it, idle left out", () => {
    const summary = summariseProfile(profile, 3, "/w");
    expect(summary.totalMs).toBe(13);
    expect(summary.busyMs).toBe(10);
    expect(summary.top).toEqual([
      { function: "compare", location: "bcryptjs/index.js:10", selfMs: 6, percent: 60 },
      { function: "render", location: ".next-bench/server/chunks/a.js:1", selfMs: 2, percent: 20 },
      { function: "(garbage collector)", location: "", selfMs: 1, percent: 10 },
    ]);
  });

  it("groups self time by package", () => {
    expect(summariseProfile(profile, 10, "/w").byArea).toEqual([
      { area: "bcryptjs", selfMs: 6, percent: 60 },
      { area: "app bundle (.next/server)", selfMs: 2, percent: 20 },
      { area: "(garbage collector)", selfMs: 1, percent: 10 },
      { area: "@prisma/client", selfMs: 1, percent: 10 },
    ]);
  });

  it("keeps to a window counted back from the profile's end", () => {
    // Sample times: 0, 2, 5, 8, 9, 10, 11, 12 ms after the start; the profile ends at 13 ms.
    const timed = { ...profile, startTime: 0, endTime: 13_000 };
    // From 8 ms before the end (5 ms) to 3 ms before it (10 ms): compare, render ×2, query.
    const summary = summariseProfile(timed, 10, "/w", { fromMsBeforeEnd: 8, toMsBeforeEnd: 3 });
    expect(summary.totalMs).toBe(6);
    expect(summary.top.map((e) => [e.function, e.selfMs])).toEqual([
      ["compare", 3],
      ["render", 2],
      ["query", 1],
    ]);
  });

  it("copes with a profile without samples", () => {
    expect(summariseProfile({ nodes: [] })).toEqual({ totalMs: 0, busyMs: 0, top: [], byArea: [] });
  });
});

describe("shortUrl and areaOf", () => {
  it("shortens paths to the package or the working folder", () => {
    expect(shortUrl("file:///w/node_modules/next/dist/x.js")).toBe("next/dist/x.js");
    expect(shortUrl("file:///w/scripts/serve.ts", "/w")).toBe("scripts/serve.ts");
    expect(shortUrl("node:internal/streams")).toBe("node:internal/streams");
  });

  it("names the area of a function", () => {
    expect(areaOf("node:internal/streams", "x")).toBe("node internals");
    expect(areaOf("file:///w/node_modules/@upstash/redis/a.js", "x")).toBe("@upstash/redis");
    expect(areaOf("", "(program)")).toBe("(program)");
    expect(areaOf("", "JSON.parse")).toBe("(native)");
    expect(areaOf("file:///w/lib/x.ts", "x")).toBe("/w/lib/x.ts");
  });
});

describe("mainThreadProfile", () => {
  it("picks the main thread's newest profile, not a worker thread's", () => {
    expect(
      mainThreadProfile([
        "CPU.20261205.191303.19065.1.002.cpuprofile",
        "CPU.20261205.191303.19065.0.001.cpuprofile",
        "CPU.20261205.091303.18000.0.001.cpuprofile",
        "notes.txt",
      ]),
    ).toBe("CPU.20261205.191303.19065.0.001.cpuprofile");
    expect(mainThreadProfile(["CPU.20261205.191303.19065.1.002.cpuprofile"])).toBeNull();
    expect(mainThreadProfile([])).toBeNull();
  });
});
