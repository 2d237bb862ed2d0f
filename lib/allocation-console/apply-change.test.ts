import { describe, expect, it } from "vitest";
import type { NodeStock } from "@/lib/inventory/availability";
import { PENDING_ID, applyAllocationChange, previewSku, ratioSumOnScope } from "./apply-change";
import type { AllocationConfig, PolicyRow } from "@/lib/allocation/sku-snapshot";

const scopeAll = { scope: "ALL" as const, categoryId: null, lifecycle: null, skuId: null };
const policy = (id: string, channelId: string, change: Partial<PolicyRow> = {}): PolicyRow => ({
  id,
  channelId,
  ...scopeAll,
  mode: "SHARED",
  ratioBps: null,
  fixedQty: null,
  safetyBuffer: 0,
  active: true,
  ...change,
});
const config: AllocationConfig = {
  channels: [
    { id: "web", priority: 1, active: true },
    { id: "tm", priority: 2, active: true },
  ],
  policies: [policy("p-web", "web"), policy("p-tm", "tm")],
  tierRules: [{ id: "t", ...scopeAll, threshold: 100, strategy: "POLICY", active: true }],
};
const sku = { skuId: "s", lifecycle: "IN_SEASON" as const, categoryPath: ["c"] };
const node = {
  nodeId: "n",
  type: "CENTRAL_WAREHOUSE" as const,
  city: "Shanghai",
  active: true,
  shipsExpress: true,
  offersPickup: false,
  offersSameCity: false,
};
const levels = (onHand: number): NodeStock[] => [{ onHand, reserved: 0, safetyStock: 0, node }];

describe("applyAllocationChange", () => {
  it("replaces an edited policy, adds a new one and drops a deactivated one", () => {
    const edited = applyAllocationChange(config, {
      kind: "policy",
      row: policy("p-tm", "tm", { mode: "RATIO", ratioBps: 3000 }),
    });
    expect(edited.policies.find((p) => p.id === "p-tm")?.ratioBps).toBe(3000);
    expect(edited.policies).toHaveLength(2);
    const added = applyAllocationChange(config, { kind: "policy", row: policy(PENDING_ID, "tm") });
    expect(added.policies).toHaveLength(3);
    const off = applyAllocationChange(config, {
      kind: "policy",
      row: policy("p-tm", "tm", { active: false }),
    });
    expect(off.policies.map((p) => p.id)).toEqual(["p-web"]);
    expect(config.policies).toHaveLength(2);
  });

  it("removes deleted rules and moves a channel's priority", () => {
    expect(applyAllocationChange(config, { kind: "deleteTierRule", id: "t" }).tierRules).toEqual(
      [],
    );
    expect(
      applyAllocationChange(config, { kind: "deletePolicy", id: "p-web" }).policies,
    ).toHaveLength(1);
    const moved = applyAllocationChange(config, { kind: "priority", channelId: "tm", priority: 9 });
    expect(moved.channels.find((c) => c.id === "tm")?.priority).toBe(9);
  });
});

describe("ratioSumOnScope", () => {
  it("adds active RATIO policies on the same scope only", () => {
    const policies = [
      policy("a", "tm", { mode: "RATIO", ratioBps: 3000 }),
      policy("b", "jd", { mode: "RATIO", ratioBps: 2000 }),
      policy("c", "dy", { mode: "RATIO", ratioBps: 9000, active: false }),
      policy("d", "dy", { mode: "RATIO", ratioBps: 9000, scope: "CATEGORY", categoryId: "c" }),
      policy("e", "web", { mode: "FIXED", fixedQty: 5 }),
    ];
    expect(ratioSumOnScope(policies, { id: "x", ...scopeAll, active: true })).toBe(5000);
  });
});

describe("previewSku", () => {
  it("shows a channel's ATS now and after on the same stock, and when the tier switch is on", () => {
    const after = applyAllocationChange(config, {
      kind: "policy",
      row: policy("p-tm", "tm", { mode: "RATIO", ratioBps: 3000 }),
    });
    const low = previewSku(config, after, sku, levels(40), new Map());
    expect(low.poolAvailable).toBe(40);
    expect(low.now.protected).toBe(true);
    expect(low.now.channels.map((c) => c.ats)).toEqual([40, 40]);
    expect(low.after.channels.map((c) => c.ats)).toEqual([28, 12]);
    const high = previewSku(config, after, sku, levels(200), new Map());
    expect(high.after.protected).toBe(false);
    expect(high.after.channels.map((c) => c.ats)).toEqual([200, 200]);
  });
});
