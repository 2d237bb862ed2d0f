import { describe, expect, it } from "vitest";
import { routeOrder, type RoutingResult, type RoutingSuccess } from "./route-order";
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
import type { CandidateNode, RoutingLine, RoutingRequest, RoutingRule } from "./types";

const HANGZHOU = { lat: 30.2741, lng: 120.1551 };
const express = (
  lines: RoutingLine[],
  to = PEOPLES_SQUARE,
  extra: Partial<RoutingRequest> = {},
): RoutingRequest => ({
  lines,
  method: "EXPRESS",
  destination: { kind: "point", ...to },
  ...extra,
});
const abc: RoutingLine[] = [
  { skuId: "a", quantity: 1 },
  { skuId: "b", quantity: 1 },
  { skuId: "c", quantity: 1 },
];

function routed(result: RoutingResult): RoutingSuccess {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}
const nodesOf = (result: RoutingResult) => routed(result).assignments.map((a) => a.nodeId);

// Both can fill a, b, c: the warehouse deep, the flagship with one of each beyond display.
const deep = warehouse({ stock: stockOf({ a: [100], b: [50], c: [20] }) });
const shallow = flagship({ stock: stockOf({ a: [3, 1], b: [2, 1], c: [2, 1] }) });
const only = (kind: RoutingRule["kind"], params: unknown = {}): RoutingRule[] => [
  rule(kind, "SCORE", { params }),
];

describe("one rule at a time, and the seeded combination", () => {
  it.each<[string, RoutingRule[], typeof PEOPLES_SQUARE, string]>([
    ["nearest: the flagship 0.5 km away", only("NEAREST"), PEOPLES_SQUARE, "s1"],
    ["stock depth: the warehouse with 170 to spare", only("STOCK_DEPTH"), PEOPLES_SQUARE, "cw"],
    // Flagship 800 + 150 × 0.48 = 872 fen against the warehouse's 1,268.
    ["lowest cost in town: the flagship", only("LOWEST_COST"), PEOPLES_SQUARE, "s1"],
    // Hangzhou: the flagship's riders would cost ¥250+, the warehouse 1,200 + 2 × 92 km.
    ["lowest cost to Hangzhou: the warehouse", only("LOWEST_COST"), HANGZHOU, "cw"],
    ["capacity score: the flagship is 30 of 40 used", only("CAPACITY"), PEOPLES_SQUARE, "cw"],
    // Seeded weights: flagship .35 + .3 + .2 × 0.313 + .15 = 0.863, warehouse 0.618.
    ["seeded rules: the flagship", DEFAULT_RULES, PEOPLES_SQUARE, "s1"],
  ])("%s", (_name, rules, to, winner) => {
    const nodes = [deep, flagship({ ...shallow, shipmentsToday: 30 })];
    expect(nodesOf(routeOrder(express(abc, to), nodes, rules))).toEqual([winner]);
  });

  it("explains the choice in words and in message keys", () => {
    const result = routed(routeOrder(express(abc), [deep, shallow], DEFAULT_RULES));
    expect(result.explanation.summary).toBe(
      "Shanghai Nanjing Road Flagship (0.5 km away) has all 3 items and is the nearest. " +
        "East China Central Warehouse had deeper stock (170 items to spare) but 33.9 km away.",
    );
    expect(result.explanation.summaryParts[0]?.key).toBe("routing.summary.single");
    expect(result.explanation.winners).toEqual(["s1"]);
    const [first, second] = result.explanation.candidates;
    expect(first).toMatchObject({ nodeId: "s1", chosen: true, total: 0.863, fillsAll: true });
    expect(second).toMatchObject({ nodeId: "cw", chosen: false, total: 0.618 });
    expect(first?.scores.NEAREST).toMatchObject({
      value: 1,
      weight: 0.35,
      reason: "0.5 km away, the nearest",
    });
    expect(result.costFen).toBe(872);
  });
});

describe("filters and protections", () => {
  it("capacity: a store at its daily limit is skipped and the warehouse takes over", () => {
    const result = routed(
      routeOrder(express(abc), [deep, flagship({ ...shallow, shipmentsToday: 40 })], DEFAULT_RULES),
    );
    expect(result.assignments.map((a) => a.nodeId)).toEqual(["cw"]);
    expect(result.explanation.summary).toBe(
      "East China Central Warehouse (33.9 km away) is the only node that has all 3 items.",
    );
    const skipped = result.explanation.candidates.find((c) => c.nodeId === "s1");
    expect(skipped?.filteredOut).toMatchObject({
      rule: "CAPACITY",
      reason: "at its daily limit (40 of 40 shipments today)",
    });
  });
  it("node types: a franchise store does not ship express under the seeded rules", () => {
    const franchise = flagship({ type: "STORE_FRANCHISE", stock: shallow.stock });
    expect(nodesOf(routeOrder(express(abc), [deep, franchise], DEFAULT_RULES))).toEqual(["cw"]);
  });
  it("stock depth keeps display units: the last unit on the shelf is not planned", () => {
    const lastOnShelf = flagship({ stock: stockOf({ a: [1, 1] }) });
    const nearestOnly: RoutingRule[] = [
      rule("NEAREST", "SCORE"),
      rule("STOCK_DEPTH", "SCORE", { weight: 0 }),
    ];
    const line = [{ skuId: "a", quantity: 1 }];
    expect(nodesOf(routeOrder(express(line), [deep, lastOnShelf], nearestOnly))).toEqual(["cw"]);
    // Without the stock-depth rule the display unit may go.
    expect(nodesOf(routeOrder(express(line), [deep, lastOnShelf], only("NEAREST")))).toEqual([
      "s1",
    ]);
  });
});

describe("splits", () => {
  // The warehouse lacks c; Lujiazui has c; the flagship has a little of everything.
  const partialCw = warehouse({ stock: stockOf({ a: [100], b: [50] }) });
  const cOnly = lujiazui({ shipsExpress: true, stock: stockOf({ c: [4] }) });

  it("never splits when one node can fill, even if splitting would be nearer", () => {
    const nodes = [
      deep,
      flagship({ stock: stockOf({ a: [5] }) }),
      lujiazui({ shipsExpress: true, stock: stockOf({ b: [5], c: [5] }) }),
    ];
    expect(nodesOf(routeOrder(express(abc), nodes, only("NEAREST")))).toEqual(["cw"]);
  });
  it("splits over the fewest, cheapest nodes when no node has everything", () => {
    const result = routed(routeOrder(express(abc), [partialCw, cOnly], DEFAULT_RULES));
    // Parts come most preferred first: Lujiazui, much nearer, before the warehouse.
    expect(result.assignments).toEqual([
      { nodeId: "s2", lines: [{ skuId: "c", quantity: 1 }] },
      {
        nodeId: "cw",
        lines: [
          { skuId: "a", quantity: 1 },
          { skuId: "b", quantity: 1 },
        ],
      },
    ]);
    // 1,268 + (800 + 150 × 2.738 = 1,211) fen.
    expect(result.costFen).toBe(2479);
    expect(result.explanation.summary).toContain(
      "No single node has all 3 items, so the order ships in 2 parcels.",
    );
    expect(result.explanation.summary).toContain("Shanghai Lujiazui (2.7 km away) sends 1 item.");
    expect(result.explanation.summary).toContain("Shipping costs ¥24.79 in total.");
  });
  it("splits a line across nodes only when no node has all of it", () => {
    const lines = [{ skuId: "a", quantity: 5 }];
    const nodes = [
      flagship({ stock: stockOf({ a: [3] }) }),
      lujiazui({ shipsExpress: true, stock: stockOf({ a: [2] }) }),
    ];
    expect(routed(routeOrder(express(lines), nodes, DEFAULT_RULES)).assignments).toEqual([
      { nodeId: "s1", lines: [{ skuId: "a", quantity: 3 }] },
      { nodeId: "s2", lines: [{ skuId: "a", quantity: 2 }] },
    ]);
  });
  it("merges repeated SKUs before planning", () => {
    const lines = [
      { skuId: "a", quantity: 1 },
      { skuId: "a", quantity: 2 },
    ];
    expect(routed(routeOrder(express(lines), [deep], DEFAULT_RULES)).assignments).toEqual([
      { nodeId: "cw", lines: [{ skuId: "a", quantity: 3 }] },
    ]);
  });
});

describe("re-routing after a rejection", () => {
  it("the next best node takes the order, and the rejecting node is listed with the reason", () => {
    const first = routed(routeOrder(express(abc), [deep, shallow], DEFAULT_RULES));
    expect(first.assignments.map((a) => a.nodeId)).toEqual(["s1"]);
    const again = routed(
      routeOrder(
        express(abc, PEOPLES_SQUARE, { excludedNodeIds: ["s1"] }),
        [deep, shallow],
        DEFAULT_RULES,
      ),
    );
    expect(again.assignments.map((a) => a.nodeId)).toEqual(["cw"]);
    const rejected = again.explanation.candidates.find((c) => c.nodeId === "s1");
    expect(rejected?.filteredOut?.reason).toBe("rejected this order earlier");
  });
  it("same-city re-routes to the next store in radius", () => {
    const stores = [
      flagship({ stock: stockOf({ a: [5] }) }),
      lujiazui({ stock: stockOf({ a: [5] }) }),
      xujiahui({ stock: stockOf({ a: [5] }) }),
    ];
    const request: RoutingRequest = {
      lines: [{ skuId: "a", quantity: 1 }],
      method: "SAME_CITY",
      destination: { kind: "point", ...PEOPLES_SQUARE },
    };
    expect(nodesOf(routeOrder(request, stores, DEFAULT_RULES))).toEqual(["s1"]);
    expect(
      nodesOf(routeOrder({ ...request, excludedNodeIds: ["s1"] }, stores, DEFAULT_RULES)),
    ).toEqual(["s2"]);
    // Xujiahui is 5.3 km away with a 5 km radius: nobody is left.
    const none = routeOrder({ ...request, excludedNodeIds: ["s1", "s2"] }, stores, DEFAULT_RULES);
    expect(none.ok).toBe(false);
  });
});

describe("ties are broken the same way every time", () => {
  it("equal scores: the cheaper node, then the node code", () => {
    const twin = (id: string, code: string, extra: Partial<CandidateNode> = {}) =>
      flagship({ id, code, stock: stockOf({ a: [5] }), ...extra });
    const lines = [{ skuId: "a", quantity: 1 }];
    expect(
      nodesOf(routeOrder(express(lines), [twin("x", "SH-009"), twin("y", "SH-008")], [])),
    ).toEqual(["y"]);
    expect(
      nodesOf(
        routeOrder(
          express(lines),
          [twin("x", "SH-009"), twin("y", "SH-008", { costPerShipment: 900 })],
          [],
        ),
      ),
    ).toEqual(["x"]);
  });
});
