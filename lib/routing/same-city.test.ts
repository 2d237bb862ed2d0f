import { describe, expect, it } from "vitest";
import { routeOrder } from "./route-order";
import { sameCityVerdict, type SameCityShortfall } from "./same-city";
import { DEFAULT_RULES, flagship, lujiazui, stockOf, warehouse } from "./testing/fixtures";
import type { CandidateNode } from "./types";

/** Chongming Island, about 44 km north of People's Square: no store's radius reaches it. */
const CHONGMING = { lat: 31.623, lng: 121.397 };
/** 1 km south of the flagship, inside its 6 km radius. */
const NEAR_FLAGSHIP = { lat: 31.2265, lng: 121.475 };

const lines = [
  { skuId: "a", quantity: 1 },
  { skuId: "b", quantity: 2 },
];

function verdict(point: { lat: number; lng: number }, candidates: CandidateNode[]) {
  const routed = routeOrder(
    { lines, method: "SAME_CITY", destination: { kind: "point", ...point } },
    candidates,
    DEFAULT_RULES,
  );
  return { routed, verdict: sameCityVerdict({ point, lines, candidates, rules: DEFAULT_RULES }) };
}

describe("sameCityVerdict", () => {
  it("says no store delivers to an address outside every radius, naming the nearest", () => {
    const { routed, verdict: v } = verdict(CHONGMING, [
      flagship({ stock: stockOf({ a: [5], b: [5] }) }),
      warehouse({ stock: stockOf({ a: [50], b: [50] }) }),
    ]);
    expect(routed.ok).toBe(false);
    expect(v).toEqual({
      kind: "OUTSIDE_EVERY_RADIUS",
      nearest: {
        code: "SH-001",
        name: "Shanghai Nanjing Road Flagship",
        distanceKm: 43.8,
        radiusKm: 6,
      },
    });
  });

  type Case = [Record<string, [number, number?]>, SameCityShortfall[]];
  it.each<Case>([
    // flagship stock of a and b [available, displayMin] → what is missing
    [
      { a: [0], b: [0] },
      [
        { skuId: "a", requested: 1, available: 0 },
        { skuId: "b", requested: 2, available: 0 },
      ],
    ],
    [{ a: [3], b: [1] }, [{ skuId: "b", requested: 2, available: 1 }]],
    // Two on hand, one of them the shelf minimum: one can be sent.
    [{ a: [3], b: [2, 1] }, [{ skuId: "b", requested: 2, available: 1 }]],
  ])(
    "1 km from a delivering store short of stock (%j): stores deliver here, this is missing",
    (stock, missing) => {
      const { routed, verdict: v } = verdict(NEAR_FLAGSHIP, [
        flagship({ stock: stockOf(stock) }),
        warehouse({ stock: stockOf({ a: [50], b: [50] }) }),
      ]);
      expect(routed.ok || routed.code).toBe("NO_NODE_CAN_FILL");
      expect(v).toEqual({ kind: "MISSING", storeCount: 1, missing });
    },
  );

  it("says a store that has everything is at today's capacity", () => {
    const { routed, verdict: v } = verdict(NEAR_FLAGSHIP, [
      flagship({ stock: stockOf({ a: [5], b: [5] }), shipmentsToday: 40, dailyCapacity: 40 }),
      lujiazui({ stock: stockOf({ a: [5] }) }),
    ]);
    expect(routed.ok).toBe(false);
    expect(v).toEqual({
      kind: "AT_CAPACITY",
      stores: [
        { nodeId: "s1", code: "SH-001", name: "Shanghai Nanjing Road Flagship", capacity: 40 },
      ],
    });
  });
});
