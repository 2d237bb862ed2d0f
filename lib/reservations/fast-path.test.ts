import { describe, expect, it } from "vitest";
import { atsOf } from "@/lib/allocation/channel-ats";
import { allocateSnapshot, type SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { AppError } from "@/lib/errors/app-error";
import { nodeAvailable, type NodeStock } from "@/lib/inventory/availability";
import { capAfterRefusal, initialGateUnits, withPromise } from "./fast-path";
import { decideChannelReserve } from "./reserve-decision";
import { BEST_NODE } from "./rules";

const channels = [
  { channelId: "live", ats: 20, grant: 20, open: 0, listed: true, guaranteed: true },
  { channelId: "web", ats: -3, grant: null, open: 0, listed: true, guaranteed: false },
];

describe("initialGateUnits", () => {
  const rows = [
    { skuId: "tee", isBundle: false, channels },
    { skuId: "set", isBundle: true, channels },
  ];
  it("starts a channel's count from its ATS, never below zero", () => {
    expect(initialGateUnits(rows, "tee", "live")).toBe(20);
    expect(initialGateUnits(rows, "tee", "web")).toBe(0);
  });
  it("leaves unknown SKUs, bundles and unknown or inactive channels to the database", () => {
    expect(initialGateUnits(rows, "cap", "live")).toBeNull();
    expect(initialGateUnits(rows, "set", "live")).toBeNull();
    expect(initialGateUnits(rows, "tee", "closed")).toBeNull();
  });
});

describe("capAfterRefusal", () => {
  const SHORT = {
    reason: "CHANNEL",
    skuId: "tee",
    channelId: "web",
    requested: 2,
    available: 0,
  } as const;
  it("takes the channel's ATS from the database's OUT_OF_STOCK", () => {
    const refusal = new AppError("OUT_OF_STOCK", "Only 1 available.", {
      details: { ...SHORT, channelAts: 1, available: 1 },
    });
    expect(capAfterRefusal(refusal)).toBe(1);
  });
  it("caps nothing for other failures, or a refusal without the figure", () => {
    expect(capAfterRefusal(new AppError("CONFLICT", "inactive"))).toBeNull();
    expect(capAfterRefusal(new AppError("OUT_OF_STOCK", "gone", { details: SHORT }))).toBeNull();
    expect(capAfterRefusal(new Error("connection reset"))).toBeNull();
  });
});

function level(nodeId: string, onHand: number): NodeStock {
  return {
    onHand,
    reserved: 0,
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
  };
}

/** live: FIXED 6 at priority 1; web: SHARED at priority 2; no tier rule (protected). */
const snapshot: SkuSnapshot = {
  levels: [level("a", 8), level("b", 4)],
  tierRule: null,
  channels: [
    {
      channelId: "live",
      priority: 1,
      open: 0,
      policy: { mode: "FIXED", ratioBps: null, fixedQty: 6, safetyBuffer: 0 },
    },
    {
      channelId: "web",
      priority: 2,
      open: 0,
      policy: { mode: "SHARED", ratioBps: null, fixedQty: null, safetyBuffer: 0 },
    },
  ],
};

describe("withPromise", () => {
  it("adds the units to the node's reserved and the channel's open, nothing else", () => {
    const after = withPromise(snapshot, "live", "b", 3);
    expect(after.levels.map((l) => l.reserved)).toEqual([0, 3]);
    expect(after.channels.map((c) => c.open)).toEqual([3, 0]);
    expect(snapshot.levels.map((l) => l.reserved)).toEqual([0, 0]);
  });

  it("decided one after another, a group sells each channel exactly its ATS and no node more than it has", () => {
    let state = snapshot;
    const sold = new Map<string, number>();
    for (const channelId of Array.from({ length: 40 }, (_, i) => (i % 2 ? "web" : "live"))) {
      const decision = decideChannelReserve(state, channelId, { nodeId: BEST_NODE, quantity: 1 });
      if (!decision.ok) continue;
      const nodeId = decision.nodeIds[0] ?? "";
      state = withPromise(state, channelId, nodeId, 1);
      sold.set(channelId, (sold.get(channelId) ?? 0) + 1);
    }
    expect(sold.get("live")).toBe(atsOf(allocateSnapshot(snapshot), "live"));
    expect((sold.get("live") ?? 0) + (sold.get("web") ?? 0)).toBe(12);
    expect(state.levels.map(nodeAvailable)).toEqual([0, 0]);
  });
});
