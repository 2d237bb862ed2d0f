import { describe, expect, it } from "vitest";
import {
  isListed,
  requestedUnits,
  selectRegime,
  servingOrder,
  type ChannelPolicy,
  type ChannelState,
  type TierRule,
} from "./tier-switch";

const policy = (
  mode: ChannelPolicy["mode"],
  extra: Partial<ChannelPolicy> = {},
): ChannelPolicy => ({
  mode,
  ratioBps: null,
  fixedQty: null,
  safetyBuffer: 0,
  ...extra,
});

describe("selectRegime", () => {
  const rule: TierRule = { threshold: 500, strategy: "PRIORITY" };
  it.each<[number, TierRule | null, unknown]>([
    [500, rule, { kind: "SHARED_ALL" }],
    [501, rule, { kind: "SHARED_ALL" }],
    [499, rule, { kind: "PROTECTED", strategy: "PRIORITY" }],
    [0, rule, { kind: "PROTECTED", strategy: "PRIORITY" }],
    [10_000, null, { kind: "PROTECTED", strategy: "POLICY" }],
    [0, { threshold: 0, strategy: "POLICY" }, { kind: "SHARED_ALL" }],
  ])("pool %i with %j → %j", (pool, r, expected) => {
    expect(selectRegime(pool, r)).toEqual(expected);
  });
});

describe("isListed and requestedUnits", () => {
  it.each<[string, ChannelPolicy | null, boolean, number]>([
    ["no policy", null, false, 0],
    ["shared", policy("SHARED"), true, 200],
    ["ratio 25 %", policy("RATIO", { ratioBps: 2500 }), true, 50],
    ["ratio rounds down", policy("RATIO", { ratioBps: 3333 }), true, 66],
    ["ratio above 100 % is capped", policy("RATIO", { ratioBps: 20_000 }), true, 200],
    ["ratio 0 is unlisted", policy("RATIO", { ratioBps: 0 }), false, 0],
    ["fixed 30", policy("FIXED", { fixedQty: 30 }), true, 30],
    ["fixed 0 is unlisted", policy("FIXED", { fixedQty: 0 }), false, 0],
  ])("%s", (_name, p, listed, units) => {
    expect(isListed(p)).toBe(listed);
    if (p && listed) expect(requestedUnits(p, 200)).toBe(units);
  });
});

describe("servingOrder", () => {
  const ch = (channelId: string, priority: number, p: ChannelPolicy | null): ChannelState => ({
    channelId,
    priority,
    policy: p,
    open: 0,
  });
  const channels = [
    ch("tmall", 4, policy("RATIO", { ratioBps: 3000 })),
    ch("web", 1, policy("SHARED")),
    ch("jd", 5, policy("FIXED", { fixedQty: 10 })),
    ch("mini", 2, policy("SHARED")),
    ch("o2o", 2, policy("FIXED", { fixedQty: 5 })),
  ];
  it("POLICY serves every quota first, by priority, then shared channels", () => {
    expect(servingOrder(channels, "POLICY").map((c) => c.channelId)).toEqual([
      "o2o",
      "tmall",
      "jd",
      "web",
      "mini",
    ]);
  });
  it("PRIORITY serves by tier; within a tier the quota goes first", () => {
    expect(servingOrder(channels, "PRIORITY").map((c) => c.channelId)).toEqual([
      "web",
      "o2o",
      "mini",
      "tmall",
      "jd",
    ]);
  });
});
