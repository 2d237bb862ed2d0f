import { describe, expect, it } from "vitest";
import { routeOrder, type RoutingResult, type RoutingSuccess } from "./route-order";
import {
  DEFAULT_RULES,
  flagship,
  lujiazui,
  stockOf,
  warehouse,
  xujiahui,
} from "./testing/fixtures";
import type { CandidateNode, RoutingLine, RoutingRequest } from "./types";

const pickupAt = (nodeId: string, lines: RoutingLine[]): RoutingRequest => ({
  lines,
  method: "PICKUP",
  destination: { kind: "store", nodeId },
});
const ab: RoutingLine[] = [
  { skuId: "a", quantity: 1 },
  { skuId: "b", quantity: 2 },
];
function routed(result: RoutingResult): RoutingSuccess {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}
const deep = warehouse({ stock: stockOf({ a: [50], b: [50] }) });

describe("pickup at the customer's store", () => {
  it("the store has everything: it alone fulfils, at no shipping cost", () => {
    const nodes: CandidateNode[] = [deep, lujiazui({ stock: stockOf({ a: [3], b: [2] }) })];
    const result = routed(routeOrder(pickupAt("s2", ab), nodes, DEFAULT_RULES));
    expect(result.assignments).toEqual([{ nodeId: "s2", lines: ab }]);
    expect(result.costFen).toBe(0);
    expect(result.explanation.summary).toBe("Shanghai Lujiazui has all 3 items ready for pickup.");
  });

  it("the store lacks some: the rest is shipped to the store, and a nearby store with everything is offered", () => {
    const nodes: CandidateNode[] = [
      deep,
      lujiazui({ stock: stockOf({ a: [3] }) }),
      // 2.4 km from Lujiazui, and has both.
      flagship({ shipsExpress: false, stock: stockOf({ a: [4], b: [4] }) }),
    ];
    const result = routed(routeOrder(pickupAt("s2", ab), nodes, DEFAULT_RULES));
    expect(result.assignments).toEqual([
      { nodeId: "s2", lines: [{ skuId: "a", quantity: 1 }] },
      { nodeId: "cw", lines: [{ skuId: "b", quantity: 2 }], shipToNodeId: "s2" },
    ]);
    expect(result.explanation.summary).toBe(
      "Shanghai Lujiazui has 1 of 3 items; the rest is shipped to the store. " +
        "East China Central Warehouse (36.6 km away) ships 2 items to Shanghai Lujiazui.",
    );
    expect(result.explanation.winners).toEqual(["s2", "cw"]);
    expect(result.explanation.candidates[0]).toMatchObject({
      nodeId: "s2",
      role: "PICKUP_STORE",
      chosen: true,
    });
    expect(result.alternatives).toEqual([
      expect.objectContaining({ kind: "PICKUP_STORE", nodeId: "s1", distanceKm: 2.4 }),
    ]);
    expect(result.alternatives[0]?.message.key).toBe("routing.alternative.pickupStore");
  });

  it("the store has none: everything is shipped to it", () => {
    const result = routed(routeOrder(pickupAt("s2", ab), [deep, lujiazui()], DEFAULT_RULES));
    expect(result.assignments).toEqual([{ nodeId: "cw", lines: ab, shipToNodeId: "s2" }]);
    expect(result.explanation.summaryParts[0]?.key).toBe("routing.summary.pickupNone");
  });

  it("display units stay on the shelf: the store's last unit of a is shipped in", () => {
    const nodes = [deep, lujiazui({ stock: stockOf({ a: [1, 1], b: [5] }) })];
    const result = routed(routeOrder(pickupAt("s2", ab), nodes, DEFAULT_RULES));
    expect(result.assignments).toEqual([
      { nodeId: "s2", lines: [{ skuId: "b", quantity: 2 }] },
      { nodeId: "cw", lines: [{ skuId: "a", quantity: 1 }], shipToNodeId: "s2" },
    ]);
  });
});

describe("pickup re-routed after the store rejected it", () => {
  it("the store stays the pickup point and everything is shipped to it", () => {
    const nodes = [deep, lujiazui({ stock: stockOf({ a: [3], b: [3] }) })];
    const request = { ...pickupAt("s2", ab), excludedNodeIds: ["s2"] };
    const result = routed(routeOrder(request, nodes, DEFAULT_RULES));
    expect(result.assignments).toEqual([{ nodeId: "cw", lines: ab, shipToNodeId: "s2" }]);
  });
});

describe("pickup refusals", () => {
  it("a store at its daily limit refuses and nearby stores with everything are offered", () => {
    const nodes = [
      deep,
      lujiazui({ shipmentsToday: 30, stock: stockOf({ a: [3], b: [3] }) }),
      flagship({ stock: stockOf({ a: [3], b: [3] }) }),
      xujiahui({ stock: stockOf({ a: [3] }) }),
    ];
    const result = routeOrder(pickupAt("s2", ab), nodes, DEFAULT_RULES);
    expect(result).toMatchObject({
      ok: false,
      code: "PICKUP_NOT_AVAILABLE",
      message:
        "Shanghai Lujiazui cannot take pickup orders now: at its daily limit (30 of 30 shipments today).",
    });
    expect(
      result.ok ? [] : result.alternatives.map((a) => a.kind === "PICKUP_STORE" && a.nodeId),
    ).toEqual(["s1"]);
  });
  it("a store that does not offer pickup refuses", () => {
    const result = routeOrder(pickupAt("cw", ab), [deep], DEFAULT_RULES);
    expect(result).toMatchObject({ ok: false, code: "PICKUP_NOT_AVAILABLE" });
  });
  it("nothing anywhere: no node can fill, with what is available where", () => {
    const result = routeOrder(
      pickupAt("s2", ab),
      [warehouse(), lujiazui({ stock: stockOf({ a: [1] }) })],
      DEFAULT_RULES,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "NO_NODE_CAN_FILL",
      message: "No node can fill this order by store pickup. b: 2 wanted, 0 available (nowhere).",
    });
  });
});
