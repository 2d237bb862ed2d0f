import { describe, expect, it } from "vitest";
import type { NodeStock } from "@/lib/inventory/availability";
import type { SkuTraits } from "./resolve-policy";
import {
  allocateSnapshot,
  buildSkuSnapshot,
  type AllocationConfig,
  type PolicyRow,
} from "./sku-snapshot";

const scoped = { categoryId: null, lifecycle: null, skuId: null, active: true };
const policy = (id: string, channelId: string, extra: Partial<PolicyRow>): PolicyRow => ({
  id,
  channelId,
  scope: "ALL",
  mode: "SHARED",
  ratioBps: null,
  fixedQty: null,
  safetyBuffer: 0,
  ...scoped,
  ...extra,
});

const sku: SkuTraits = {
  skuId: "s1",
  lifecycle: "CLEARANCE",
  categoryPath: ["running", "footwear"],
};
const level = (nodeId: string, onHand: number, reserved = 0): NodeStock => ({
  onHand,
  reserved,
  safetyStock: 0,
  node: {
    nodeId,
    type: "STORE_DIRECT",
    city: "Shanghai",
    active: true,
    shipsExpress: true,
    offersPickup: true,
    offersSameCity: false,
  },
});

// The demo brand's shape: own channels shared, marketplaces on ratios, employees on clearance only.
const config: AllocationConfig = {
  channels: [
    { id: "web", priority: 1, active: true },
    { id: "tmall", priority: 4, active: true },
    { id: "emp", priority: 7, active: true },
    { id: "old", priority: 2, active: false },
  ],
  policies: [
    policy("p1", "web", { safetyBuffer: 1 }),
    policy("p2", "tmall", { mode: "RATIO", ratioBps: 3000 }),
    policy("p3", "tmall", {
      scope: "CATEGORY",
      categoryId: "footwear",
      mode: "RATIO",
      ratioBps: 2000,
    }),
    policy("p4", "emp", { mode: "FIXED", fixedQty: 0 }),
    policy("p5", "emp", { scope: "LIFECYCLE", lifecycle: "CLEARANCE", mode: "SHARED" }),
    policy("p6", "old", {}),
  ],
  tierRules: [
    { id: "t1", scope: "ALL", threshold: 500, strategy: "PRIORITY", ...scoped },
    {
      id: "t2",
      scope: "CATEGORY",
      threshold: 300,
      strategy: "POLICY",
      ...scoped,
      categoryId: "running",
    },
  ],
};

describe("buildSkuSnapshot", () => {
  const snapshot = buildSkuSnapshot(
    config,
    sku,
    [level("a", 80, 10), level("b", 30)],
    new Map([["tmall", 10]]),
  );

  it("resolves each active channel's most specific policy and joins its open units", () => {
    expect(
      snapshot.channels.map((c) => [
        c.channelId,
        c.policy?.mode,
        c.policy?.ratioBps ?? null,
        c.open,
      ]),
    ).toEqual([
      ["web", "SHARED", null, 0],
      ["tmall", "RATIO", 2000, 10],
      ["emp", "SHARED", null, 0],
    ]);
  });

  it("resolves the most specific tier rule", () => {
    expect(snapshot.tierRule).toEqual({ threshold: 300, strategy: "POLICY" });
  });

  it("allocates: below 300 units the quotas are protected", () => {
    const result = allocateSnapshot(snapshot);
    expect(result).toMatchObject({ regime: "PROTECTED", poolAvailable: 100, allocatable: 110 });
    // Tmall: 20 % of 110 = 22, less 10 open = 12; the shared channels sell the other 88.
    expect(Object.fromEntries(result.channels.map((c) => [c.channelId, c.ats]))).toEqual({
      tmall: 12,
      web: 87,
      emp: 88,
    });
  });
});
