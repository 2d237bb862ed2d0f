import { describe, expect, it } from "vitest";
import { buildPlan } from "../allocate";
import { computeReferences, describeNode, type NodeFacts, type RouteContext } from "../facts";
import { renderMessage } from "../messages";
import { PEOPLES_SQUARE, flagship, lujiazui, stockOf, warehouse } from "../testing/fixtures";
import type { RoutingRuleKind } from "../types";
import { RULE_BINDERS } from "./registry";
import type { RuleBehaviour, ScoreInput } from "./rule-types";

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

// Warehouse 33.9 km / 1,268 fen, flagship 0.481 km / 872 fen, Lujiazui 2.738 km / 1,211 fen.
const facts: Record<string, NodeFacts> = {
  cw: describeNode(warehouse({ stock: stockOf({ a: [100], b: [50] }) }), ctx),
  s1: describeNode(flagship({ shipmentsToday: 10, stock: stockOf({ a: [3, 1] }) }), ctx),
  s2: describeNode(lujiazui({ stock: stockOf({ a: [2], b: [1] }) }), ctx),
};
const input: ScoreInput = { ctx, refs: computeReferences(Object.values(facts)) };

function bind(kind: RoutingRuleKind, params: unknown = {}): RuleBehaviour {
  const behaviour = RULE_BINDERS[kind](params);
  if ("problem" in behaviour) throw new Error(behaviour.problem);
  return behaviour;
}

describe("scores are 0..1, relative to the best candidate, with a reason", () => {
  it.each<[RoutingRuleKind, unknown, string, number, string]>([
    // (0.481 + 1) / (d + 1): 1.481 / 3.738 = 0.396, 1.481 / 34.896 = 0.042.
    ["NEAREST", {}, "s1", 1, "0.5 km away, the nearest"],
    ["NEAREST", {}, "s2", 0.396, "2.7 km away"],
    ["NEAREST", {}, "cw", 0.042, "33.9 km away"],
    // 872 / cost: 872 / 1,211 = 0.720, 872 / 1,268 = 0.688.
    ["LOWEST_COST", {}, "s1", 1, "ships for ¥8.72, the cheapest"],
    ["LOWEST_COST", {}, "s2", 0.72, "ships for ¥12.11"],
    ["LOWEST_COST", {}, "cw", 0.688, "ships for ¥12.68"],
    // Spare units: warehouse 150, flagship 3 − 1 on display = 2, Lujiazui 3.
    // log(1 + 2) / log(1 + 150) = 1.0986 / 5.0173 = 0.219; log 4 / log 151 = 0.276.
    ["STOCK_DEPTH", {}, "cw", 1, "150 of these items to spare"],
    ["STOCK_DEPTH", {}, "s1", 0.219, "2 of these items to spare"],
    ["STOCK_DEPTH", {}, "s2", 0.276, "3 of these items to spare"],
    // Units of the order a node has: flagship 2 of 3.
    ["FEWEST_SPLITS", {}, "cw", 1, "has all 3 items"],
    ["FEWEST_SPLITS", {}, "s1", 0.667, "has 2 of 3 items"],
    // 10 of 40 used leaves 75 %.
    ["CAPACITY", {}, "s1", 0.75, "10 of 40 shipments used today"],
    ["CAPACITY", {}, "cw", 1, "0 of 5000 shipments used today"],
    [
      "NODE_TYPES",
      { nodeTypes: ["STORE_DIRECT"] },
      "s1",
      1,
      "STORE_DIRECT is a preferred node type",
    ],
    [
      "NODE_TYPES",
      { nodeTypes: ["STORE_DIRECT"] },
      "cw",
      0,
      "CENTRAL_WAREHOUSE is not a preferred node type",
    ],
  ])("%s %j: %s → %d", (kind, params, nodeId, value, reason) => {
    const score = bind(kind, params).scoreNode(facts[nodeId] as NodeFacts, input);
    expect(score.value).toBeCloseTo(value, 3);
    expect(renderMessage(score.reason)).toBe(reason);
  });
});

describe("plan scores", () => {
  // Flagship sends 2 of a, Lujiazui 1 of b: 872 + 1,211 = 2,083 fen.
  const plan = buildPlan(
    [facts.s1 as NodeFacts, facts.s2 as NodeFacts],
    [
      [2, 0],
      [0, 1],
    ],
  );
  const nodeScore = (kind: RoutingRuleKind) => (f: NodeFacts) => bind(kind).scoreNode(f, input);
  it.each<[RoutingRuleKind, number, string]>([
    // The cheapest single shipment over the plan's total: 872 / 2,083.
    ["LOWEST_COST", 0.419, "ships for ¥20.83"],
    // One over the number of parcels.
    ["FEWEST_SPLITS", 0.5, "2 parcels"],
    // Unit-weighted: (2 × 1 + 1 × 0.396) / 3; the weakest part gives the reason.
    ["NEAREST", 0.799, "2.7 km away"],
  ])("%s → %d", (kind, value, reason) => {
    const score = bind(kind).scorePlan(plan, input, nodeScore(kind));
    expect(plan.costFen).toBe(2083);
    expect(score.value).toBeCloseTo(value, 3);
    expect(renderMessage(score.reason)).toBe(reason);
  });
  it("a one-node plan scores exactly as its node", () => {
    const single = buildPlan([facts.cw as NodeFacts], [[2, 1]]);
    for (const kind of ["LOWEST_COST", "FEWEST_SPLITS", "NEAREST", "STOCK_DEPTH"] as const) {
      expect(bind(kind).scorePlan(single, input, nodeScore(kind)).value).toBeCloseTo(
        bind(kind).scoreNode(facts.cw as NodeFacts, input).value,
        9,
      );
    }
  });
});
