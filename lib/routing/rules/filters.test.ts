import { describe, expect, it } from "vitest";
import { describeNode, type RouteContext } from "../facts";
import { renderMessage } from "../messages";
import {
  PEOPLES_SQUARE,
  flagship,
  lujiazui,
  stockOf,
  warehouse,
  xujiahui,
} from "../testing/fixtures";
import type { CandidateNode, RoutingRuleKind } from "../types";
import { RULE_BINDERS } from "./registry";

const ctx: RouteContext = {
  method: "EXPRESS",
  lines: [
    { skuId: "a", quantity: 2 },
    { skuId: "b", quantity: 1 },
  ],
  totalUnits: 3,
  destination: PEOPLES_SQUARE,
  protectDisplayMin: true,
};

function excludeWith(kind: RoutingRuleKind, params: unknown, node: CandidateNode): string | null {
  const behaviour = RULE_BINDERS[kind](params);
  if ("problem" in behaviour) throw new Error(behaviour.problem);
  const reason = behaviour.exclude(describeNode(node, ctx), ctx);
  return reason ? renderMessage(reason) : null;
}

describe("filters remove a node with a reason", () => {
  it.each<[string, RoutingRuleKind, unknown, CandidateNode, string | null]>([
    [
      "capacity: at the limit",
      "CAPACITY",
      {},
      flagship({ shipmentsToday: 40 }),
      "at its daily limit (40 of 40 shipments today)",
    ],
    ["capacity: one shipment left", "CAPACITY", {}, flagship({ shipmentsToday: 39 }), null],
    [
      "node types: store for express",
      "NODE_TYPES",
      { nodeTypes: ["CENTRAL_WAREHOUSE"] },
      flagship(),
      "STORE_DIRECT nodes are not used for express orders",
    ],
    [
      "node types: listed type",
      "NODE_TYPES",
      { nodeTypes: ["CENTRAL_WAREHOUSE"] },
      warehouse(),
      null,
    ],
    // Lujiazui is 2.7 km away, Xujiahui 5.3 km.
    ["nearest: within 5 km", "NEAREST", { maxKm: 5 }, lujiazui(), null],
    [
      "nearest: beyond 5 km",
      "NEAREST",
      { maxKm: 5 },
      xujiahui(),
      "5.3 km away, beyond the 5 km limit",
    ],
    ["nearest: no limit set", "NEAREST", {}, warehouse(), null],
    // Lujiazui: 800 + 150 × 2.738 = 1,211 fen; Xujiahui: 1,000 + 150 × 5.339 = 1,801 fen.
    ["lowest cost: under the cap", "LOWEST_COST", { maxCostFen: 1500 }, lujiazui(), null],
    [
      "lowest cost: over the cap",
      "LOWEST_COST",
      { maxCostFen: 1500 },
      xujiahui(),
      "shipping costs ¥18.01, above the ¥15.00 limit",
    ],
    // a needs 2: 3 on hand less 1 on display leaves 2, a full line.
    [
      "stock depth: one line in full",
      "STOCK_DEPTH",
      {},
      flagship({ stock: stockOf({ a: [3, 1] }) }),
      null,
    ],
    // 2 on hand less 1 on display leaves 1 of a (needs 2), and no b.
    [
      "stock depth: no line in full",
      "STOCK_DEPTH",
      {},
      flagship({ stock: stockOf({ a: [2, 1] }) }),
      "has none of these items beyond its display stock",
    ],
    ["fewest splits removes no node", "FEWEST_SPLITS", {}, flagship(), null],
  ])("%s", (_name, kind, params, node, expected) => {
    expect(excludeWith(kind, params, node)).toBe(expected);
  });
});

describe("rule params are validated", () => {
  it.each<[RoutingRuleKind, unknown, string]>([
    ["NODE_TYPES", { nodeTypes: [] }, "nodeTypes"],
    ["NODE_TYPES", { nodeTypes: ["SHOP"] }, "nodeTypes.0"],
    ["NEAREST", { maxKm: -1 }, "maxKm"],
    ["LOWEST_COST", { maxCostFen: 12.5 }, "maxCostFen"],
    ["FEWEST_SPLITS", { maxParcels: 0 }, "maxParcels"],
    ["CAPACITY", { spare: 1 }, "params"],
  ])("%s %j → problem at %s", (kind, params, path) => {
    const result = RULE_BINDERS[kind](params);
    expect("problem" in result && result.problem.startsWith(path)).toBe(true);
  });
  it("defaults: split cap 1, display protected", () => {
    const splits = RULE_BINDERS.FEWEST_SPLITS({});
    const depth = RULE_BINDERS.STOCK_DEPTH({});
    expect("problem" in splits ? null : splits.maxParcels).toBe(1);
    expect("problem" in depth ? null : depth.protectsDisplayMin).toBe(true);
  });
});
