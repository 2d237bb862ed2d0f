import { describe, expect, it } from "vitest";
import { rankPickupStores } from "./rank-pickup-stores";
import { routeOrder } from "./route-order";
import { hasEverything, nodeSellable, protectsDisplayMin } from "./sellable";
import {
  DEFAULT_RULES,
  PEOPLES_SQUARE,
  flagship,
  lujiazui,
  rule,
  stockOf,
  warehouse,
  xujiahui,
} from "./testing/fixtures";
import type { CandidateNode } from "./types";

/** A Beijing store, about 1,070 km from People's Square. */
const beijing = (extra: Partial<CandidateNode> = {}): CandidateNode =>
  flagship({
    id: "b1",
    code: "BJ-001",
    name: "Beijing Sanlitun",
    lat: 39.9358,
    lng: 116.4551,
    ...extra,
  });

describe("nodeSellable and hasEverything: what a store can hand over, as routing counts it", () => {
  it.each([
    // stock [available, displayMin], quantity, STOCK_DEPTH rules on → sellable, has everything
    [[1, 1], 1, true, 0, false],
    [[1, 1], 1, false, 1, true],
    [[3, 1], 2, true, 2, true],
    [[3, 1], 3, true, 2, false],
    [[0, 0], 1, true, 0, false],
  ] as const)("%j × %i (protect %s) → %i, %s", (stock, quantity, protect, sellable, all) => {
    const store = flagship({ stock: stockOf({ a: [stock[0], stock[1]] }) });
    expect(nodeSellable(store, "a", protect)).toBe(sellable);
    expect(hasEverything(store, [{ skuId: "a", quantity }], protect)).toBe(all);
  });

  it("protects display stock exactly when routing does", () => {
    expect(protectsDisplayMin(DEFAULT_RULES, "PICKUP")).toBe(true);
    expect(protectsDisplayMin([], "PICKUP")).toBe(false);
    const off = [rule("STOCK_DEPTH", "SCORE", { params: { protectDisplayMin: false } })];
    expect(protectsDisplayMin(off, "PICKUP")).toBe(false);
  });

  it.each([
    [[1, 1], DEFAULT_RULES],
    [[1, 1], []],
    [[2, 1], DEFAULT_RULES],
    [[5, 2], DEFAULT_RULES],
  ] as const)(
    "a store with %j says 'has everything' iff pickup routing ships nothing in",
    (stock, rules) => {
      const store = flagship({ stock: stockOf({ a: [stock[0], stock[1]] }) });
      const candidates = [store, warehouse({ stock: stockOf({ a: [50] }) })];
      const lines = [{ skuId: "a", quantity: 1 }];
      const routed = routeOrder(
        { lines, method: "PICKUP", destination: { kind: "store", nodeId: store.id } },
        candidates,
        rules,
      );
      expect(routed.ok).toBe(true);
      const shippedIn = routed.ok && routed.assignments.some((a) => a.shipToNodeId);
      const [ranked] = rankPickupStores({ candidates, lines, rules, origin: PEOPLES_SQUARE });
      expect(ranked?.node.code).toBe("SH-001");
      expect(ranked?.hasEverything).toBe(!shippedIn);
    },
  );
});

describe("rankPickupStores", () => {
  const lines = [{ skuId: "a", quantity: 1 }];
  const candidates = [
    beijing({ stock: stockOf({ a: [9] }) }),
    xujiahui({ stock: stockOf({ a: [0] }) }),
    lujiazui({ stock: stockOf({ a: [4, 1] }) }),
    flagship({ stock: stockOf({ a: [1, 1] }) }),
    warehouse({ stock: stockOf({ a: [100] }) }),
  ];

  it("lists pickup stores nearest first, whatever they hold, each with 'has everything'", () => {
    const ranked = rankPickupStores({
      candidates,
      lines,
      rules: DEFAULT_RULES,
      origin: PEOPLES_SQUARE,
    });
    expect(ranked.map((r) => [r.node.code, r.distanceKm, r.hasEverything])).toEqual([
      ["SH-001", 0.5, false],
      ["SH-002", 2.7, true],
      ["SH-003", 5.3, false],
      ["BJ-001", 1069.6, true],
    ]);
  });

  it("without a point, puts the stores that have everything first", () => {
    const ranked = rankPickupStores({ candidates, lines, rules: DEFAULT_RULES });
    expect(ranked.map((r) => [r.node.code, r.distanceKm, r.hasEverything])).toEqual([
      ["BJ-001", null, true],
      ["SH-002", null, true],
      ["SH-001", null, false],
      ["SH-003", null, false],
    ]);
  });
});
