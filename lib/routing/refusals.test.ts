import { describe, expect, it } from "vitest";
import { routeOrder, type RoutingRefusal, type RoutingResult } from "./route-order";
import {
  DEFAULT_RULES,
  PEOPLES_SQUARE,
  flagship,
  lujiazui,
  rule,
  stockOf,
  warehouse,
} from "./testing/fixtures";
import type { RoutingRequest, RoutingRule } from "./types";

const at = { kind: "point" as const, ...PEOPLES_SQUARE };
// Pudong airport: 33 km east of People's Square, beyond every store's delivery radius.
const AIRPORT = { kind: "point" as const, lat: 31.1443, lng: 121.8083 };

function refused(result: RoutingResult): RoutingRefusal {
  if (result.ok) throw new Error("expected a refusal");
  return result;
}

describe("bad requests and rules are refused with the problem named", () => {
  it.each<[string, RoutingRequest, RoutingRule[], string, string]>([
    [
      "no lines",
      { lines: [], method: "EXPRESS", destination: at },
      DEFAULT_RULES,
      "INVALID_REQUEST",
      "The order cannot be routed: lines: ",
    ],
    [
      "zero quantity",
      { lines: [{ skuId: "a", quantity: 0 }], method: "EXPRESS", destination: at },
      DEFAULT_RULES,
      "INVALID_REQUEST",
      "The order cannot be routed: lines.0.quantity: ",
    ],
    [
      "pickup at a point",
      { lines: [{ skuId: "a", quantity: 1 }], method: "PICKUP", destination: at },
      DEFAULT_RULES,
      "INVALID_REQUEST",
      "The order cannot be routed: destination: a pickup order needs a store.",
    ],
    [
      "unknown store",
      {
        lines: [{ skuId: "a", quantity: 1 }],
        method: "PICKUP",
        destination: { kind: "store", nodeId: "nope" },
      },
      DEFAULT_RULES,
      "UNKNOWN_STORE",
      "The store nope is not among the nodes routing may use.",
    ],
    [
      "empty node types",
      { lines: [{ skuId: "a", quantity: 1 }], method: "EXPRESS", destination: at },
      [rule("NODE_TYPES", "FILTER", { id: "types", params: { nodeTypes: [] } })],
      "INVALID_RULES",
      "The routing rules are not valid: types: nodeTypes: ",
    ],
    [
      "negative weight",
      { lines: [{ skuId: "a", quantity: 1 }], method: "EXPRESS", destination: at },
      [rule("NEAREST", "SCORE", { id: "near", weight: -1 })],
      "INVALID_RULES",
      "The routing rules are not valid: near: weight must be a number of at least 0.",
    ],
  ])("%s", (_name, request, rules, code, message) => {
    const result = refused(routeOrder(request, [warehouse({ stock: stockOf({ a: [5] }) })], rules));
    expect(result.code).toBe(code);
    expect(result.message.startsWith(message)).toBe(true);
  });
});

describe("no node can fill the order", () => {
  it("says what is short and where the stock is, eligible nodes first", () => {
    const nodes = [
      warehouse({ stock: stockOf({ a: [1] }) }),
      flagship({ shipmentsToday: 40, stock: stockOf({ a: [4] }) }),
      lujiazui({ stock: stockOf({ a: [2], b: [3] }) }),
    ];
    const request: RoutingRequest = {
      lines: [
        { skuId: "a", quantity: 3 },
        { skuId: "b", quantity: 1 },
      ],
      method: "EXPRESS",
      destination: at,
    };
    const result = refused(routeOrder(request, nodes, DEFAULT_RULES));
    expect(result.code).toBe("NO_NODE_CAN_FILL");
    expect(result.message).toBe(
      "No node can fill this order by express. a: 3 wanted, 1 available (CW-SH 1). b: 1 wanted, 0 available (nowhere).",
    );
    expect(result.availability[0]).toEqual({
      skuId: "a",
      requested: 3,
      eligibleTotal: 1,
      nodes: [
        {
          nodeId: "cw",
          code: "CW-SH",
          name: "East China Central Warehouse",
          quantity: 1,
          distanceKm: 33.9,
        },
        {
          nodeId: "s1",
          code: "SH-001",
          name: "Shanghai Nanjing Road Flagship",
          quantity: 4,
          distanceKm: 0.5,
          excludedBecause: "at its daily limit (40 of 40 shipments today)",
        },
        {
          nodeId: "s2",
          code: "SH-002",
          name: "Shanghai Lujiazui",
          quantity: 2,
          distanceKm: 2.7,
          excludedBecause: "does not ship express",
        },
      ],
    });
    // Lujiazui has b and is 2.7 km away: same-city can do b but not a, so only the refusal stands.
    expect(result.explanation?.candidates.map((c) => c.nodeId)).toEqual(["cw", "s1"]);
  });
  it("offers same-city delivery or a nearby store when they can do it", () => {
    const nodes = [warehouse({ stock: stockOf({}) }), lujiazui({ stock: stockOf({ a: [3] }) })];
    const request: RoutingRequest = {
      lines: [{ skuId: "a", quantity: 1 }],
      method: "EXPRESS",
      destination: at,
    };
    const result = refused(routeOrder(request, nodes, DEFAULT_RULES));
    expect(result.alternatives.map((a) => a.message)).toHaveLength(2);
    expect(result.alternatives[0]).toMatchObject({
      kind: "METHOD",
      method: "SAME_CITY",
      nodeIds: ["s2"],
      costFen: 1211,
    });
    expect(result.alternatives[1]).toMatchObject({
      kind: "PICKUP_STORE",
      nodeId: "s2",
      distanceKm: 2.7,
    });
  });
});

describe("same-city delivery outside every radius", () => {
  it("names the nearest same-city store and offers express", () => {
    const nodes = [
      warehouse({ stock: stockOf({ a: [5] }) }),
      flagship({ shipsExpress: false, stock: stockOf({ a: [5] }) }),
    ];
    const request: RoutingRequest = {
      lines: [{ skuId: "a", quantity: 1 }],
      method: "SAME_CITY",
      destination: AIRPORT,
    };
    const result = refused(routeOrder(request, nodes, DEFAULT_RULES));
    expect(result.code).toBe("OUTSIDE_DELIVERY_RADIUS");
    expect(result.message).toMatch(
      /^The address is outside every store's same-city delivery radius; the nearest same-city store, Shanghai Nanjing Road Flagship, delivers within 6 km and is 3\d\.\d km away\.$/,
    );
    expect(result.alternatives[0]).toMatchObject({
      kind: "METHOD",
      method: "EXPRESS",
      nodeIds: ["cw"],
    });
    expect(result.alternatives[0]?.message.key).toBe("routing.alternative.method");
  });
});

describe("a split beyond the admin's cap", () => {
  it("is refused when FEWEST_SPLITS as a filter allows one parcel", () => {
    const nodes = [
      warehouse({ stock: stockOf({ a: [5] }) }),
      flagship({ stock: stockOf({ b: [5] }) }),
    ];
    const rules = [
      ...DEFAULT_RULES,
      rule("FEWEST_SPLITS", "FILTER", { position: 9, params: { maxParcels: 1 } }),
    ];
    const request: RoutingRequest = {
      lines: [
        { skuId: "a", quantity: 1 },
        { skuId: "b", quantity: 1 },
      ],
      method: "EXPRESS",
      destination: at,
    };
    const result = refused(routeOrder(request, nodes, rules));
    expect(result.code).toBe("SPLIT_LIMIT");
    expect(result.message).toBe("The order would need 2 parcels, more than the 1 the rules allow.");
    // With the cap at 2 the same order ships in two parcels.
    const two = [
      ...DEFAULT_RULES,
      rule("FEWEST_SPLITS", "FILTER", { position: 9, params: { maxParcels: 2 } }),
    ];
    expect(routeOrder(request, nodes, two).ok).toBe(true);
  });
});
