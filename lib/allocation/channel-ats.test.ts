import { describe, expect, it } from "vitest";
import { allocateChannelAts, atsOf, type AllocationInput } from "./channel-ats";
import type { ChannelPolicy, ChannelState, TierRule } from "./tier-switch";

const shared = (safetyBuffer = 0): ChannelPolicy => ({
  mode: "SHARED",
  ratioBps: null,
  fixedQty: null,
  safetyBuffer,
});
const ratio = (ratioBps: number, safetyBuffer = 0): ChannelPolicy => ({
  mode: "RATIO",
  ratioBps,
  fixedQty: null,
  safetyBuffer,
});
const fixed = (fixedQty: number, safetyBuffer = 0): ChannelPolicy => ({
  mode: "FIXED",
  ratioBps: null,
  fixedQty,
  safetyBuffer,
});
const ch = (
  channelId: string,
  priority: number,
  policy: ChannelPolicy | null,
  open = 0,
): ChannelState => ({
  channelId,
  priority,
  policy,
  open,
});

const PRIORITY_500: TierRule = { threshold: 500, strategy: "PRIORITY" };
const POLICY_500: TierRule = { threshold: 500, strategy: "POLICY" };

type Case = [string, AllocationInput, Record<string, number>, Record<string, number | null>?];

describe("allocateChannelAts", () => {
  it.each<Case>([
    [
      "at the threshold every listed channel shares the pool, less its buffer",
      {
        poolAvailable: 500,
        tierRule: POLICY_500,
        channels: [ch("web", 1, shared(1)), ch("tmall", 4, ratio(3000, 2)), ch("emp", 7, fixed(0))],
      },
      { web: 499, tmall: 498, emp: 0 },
    ],
    [
      "POLICY: quotas carved out first, shared channels split the rest",
      {
        poolAvailable: 100,
        tierRule: POLICY_500,
        channels: [
          ch("web", 1, shared(1)),
          ch("tmall", 4, ratio(3000, 2)),
          ch("jd", 5, ratio(2000, 2)),
          ch("emp", 7, fixed(0)),
        ],
      },
      { tmall: 28, jd: 18, web: 53, emp: 0 },
      { tmall: 30, jd: 20, web: null, emp: 0 },
    ],
    [
      "POLICY: grants are computed on pool + open, and open reservations count against them",
      {
        poolAvailable: 80,
        tierRule: POLICY_500,
        channels: [
          ch("web", 1, shared(1), 10),
          ch("tmall", 4, ratio(3000, 2), 10),
          ch("jd", 5, ratio(2000, 2)),
        ],
      },
      { tmall: 18, jd: 18, web: 43 },
      { tmall: 30, jd: 20 },
    ],
    [
      "POLICY: over-subscribed quotas are cut by priority",
      {
        poolAvailable: 50,
        tierRule: null,
        channels: [ch("b", 2, fixed(40)), ch("a", 1, fixed(40)), ch("c", 3, shared())],
      },
      { a: 40, b: 10, c: 0 },
      { a: 40, b: 10 },
    ],
    [
      "PRIORITY: a higher shared tier may sell everything; lower quotas are carved in order",
      {
        poolAvailable: 100,
        tierRule: PRIORITY_500,
        channels: [ch("web", 1, shared()), ch("tmall", 4, ratio(3000)), ch("jd", 5, fixed(80))],
      },
      { web: 100, tmall: 30, jd: 70 },
      { tmall: 30, jd: 70 },
    ],
    [
      "PRIORITY: a higher-tier quota is protected from a lower shared channel",
      {
        poolAvailable: 100,
        tierRule: PRIORITY_500,
        channels: [ch("o2o", 1, fixed(20)), ch("web", 2, shared(1))],
      },
      { o2o: 20, web: 79 },
    ],
    [
      "a quota already used up (e.g. reserved while shared) has nothing left",
      {
        poolAvailable: 50,
        tierRule: POLICY_500,
        channels: [ch("tmall", 4, ratio(3000), 40), ch("web", 1, shared())],
      },
      { tmall: 0, web: 50 },
      { tmall: 27 },
    ],
    [
      "FIXED 20 on 100 units, then with 20 open",
      {
        poolAvailable: 80,
        tierRule: null,
        channels: [ch("live", 1, fixed(20), 20), ch("web", 2, shared())],
      },
      { live: 0, web: 80 },
    ],
    [
      "no policy means the channel does not sell the SKU",
      {
        poolAvailable: 10,
        tierRule: { threshold: 1, strategy: "POLICY" },
        channels: [ch("new", 1, null)],
      },
      { new: 0 },
    ],
    [
      "a buffer larger than the pool leaves zero, not a negative",
      {
        poolAvailable: 3,
        tierRule: null,
        channels: [ch("web", 1, shared(5)), ch("tm", 2, fixed(10, 20))],
      },
      { web: 0, tm: 0 },
    ],
    [
      "an empty pool",
      {
        poolAvailable: 0,
        tierRule: PRIORITY_500,
        channels: [ch("web", 1, shared()), ch("tm", 2, ratio(5000))],
      },
      { web: 0, tm: 0 },
    ],
  ])("%s", (_name, input, expectedAts, expectedGrants) => {
    const result = allocateChannelAts(input);
    for (const [channelId, ats] of Object.entries(expectedAts)) {
      expect(atsOf(result, channelId), channelId).toBe(ats);
    }
    for (const [channelId, grant] of Object.entries(expectedGrants ?? {})) {
      expect(result.channels.find((c) => c.channelId === channelId)?.grant, channelId).toBe(grant);
    }
  });

  it("reports the regime and the allocatable pool", () => {
    const result = allocateChannelAts({
      poolAvailable: 120,
      tierRule: PRIORITY_500,
      channels: [ch("web", 1, shared(), 30)],
    });
    expect(result).toMatchObject({
      regime: "PROTECTED",
      strategy: "PRIORITY",
      poolAvailable: 120,
      allocatable: 150,
    });
  });

  it("switches to shared when reservations are released back above the threshold", () => {
    const channels = [ch("web", 1, shared()), ch("tm", 2, ratio(1000))];
    expect(
      allocateChannelAts({ poolAvailable: 499, tierRule: PRIORITY_500, channels }).regime,
    ).toBe("PROTECTED");
    expect(
      allocateChannelAts({ poolAvailable: 500, tierRule: PRIORITY_500, channels }).regime,
    ).toBe("SHARED_ALL");
  });

  it("is 0 for a channel it does not know", () => {
    expect(atsOf(allocateChannelAts({ poolAvailable: 5, tierRule: null, channels: [] }), "x")).toBe(
      0,
    );
  });
});
