import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeOrder } from "./route-order";
import { flagship, rule } from "./testing/fixtures";
import type { CandidateNode, RoutingRequest, RoutingRule, SkuStock } from "./types";

const SKUS = ["a", "b", "c", "d"];
const KINDS = ["NEAREST", "FEWEST_SPLITS", "STOCK_DEPTH", "LOWEST_COST", "CAPACITY"] as const;

const stockArb = fc.dictionary(
  fc.constantFrom(...SKUS),
  fc.record({
    available: fc.integer({ min: 0, max: 6 }),
    displayMin: fc.integer({ min: 0, max: 2 }),
  }),
);
// Express nodes around Shanghai: every node is eligible, so "one node can fill" is plain arithmetic.
const nodeArb = fc.record({
  lat: fc.double({ min: 30.9, max: 31.5, noNaN: true }),
  lng: fc.double({ min: 121.1, max: 121.8, noNaN: true }),
  costPerShipment: fc.integer({ min: 500, max: 1500 }),
  costPerKm: fc.integer({ min: 0, max: 200 }),
  stock: stockArb,
});
const linesArb = fc.uniqueArray(
  fc.record({ skuId: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 3 }) }),
  { minLength: 1, maxLength: 4, selector: (l) => l.skuId },
);
const rulesArb = fc.record({
  weights: fc.array(fc.integer({ min: 0, max: 10 }), {
    minLength: KINDS.length,
    maxLength: KINDS.length,
  }),
  protect: fc.boolean(),
});

// Stock depth on (even at weight 0) means display units are protected.
function toRules({ weights, protect }: { weights: number[]; protect: boolean }): RoutingRule[] {
  return KINDS.map((kind, i) =>
    rule(kind, "SCORE", {
      weight: weights[i] ?? 0,
      position: i + 1,
      enabled: kind !== "STOCK_DEPTH" || protect,
    }),
  );
}

describe("routeOrder properties", () => {
  it("never splits when one node can fill; plans exactly the order from sellable stock", () => {
    fc.assert(
      fc.property(
        fc.array(nodeArb, { minLength: 1, maxLength: 12 }),
        linesArb,
        rulesArb,
        (raw, lines, ruleSpec) => {
          const nodes: CandidateNode[] = raw.map((n, i) => {
            const stock: Record<string, SkuStock> = {};
            for (const [sku, s] of Object.entries(n.stock))
              stock[sku] = { ...s, onHand: s.available };
            return flagship({ ...n, id: `n${i}`, code: `N${String(i).padStart(2, "0")}`, stock });
          });
          const rules = toRules(ruleSpec);
          const protect = rules.some((r) => r.kind === "STOCK_DEPTH" && r.enabled);
          const sellable = (node: CandidateNode, sku: string) => {
            const s = node.stock[sku];
            return s ? Math.max(0, s.available - (protect ? s.displayMin : 0)) : 0;
          };
          const request: RoutingRequest = {
            lines,
            method: "EXPRESS",
            destination: { kind: "point", lat: 31.23, lng: 121.47 },
          };
          const result = routeOrder(request, nodes, rules);
          const oneCan = nodes.some((n) => lines.every((l) => sellable(n, l.skuId) >= l.quantity));
          const poolCan = lines.every(
            (l) => nodes.reduce((sum, n) => sum + sellable(n, l.skuId), 0) >= l.quantity,
          );
          expect(result.ok).toBe(poolCan);
          if (!result.ok) {
            expect(result.code).toBe("NO_NODE_CAN_FILL");
            return;
          }
          if (oneCan) expect(result.assignments).toHaveLength(1);
          else expect(result.assignments.length).toBeGreaterThan(1);
          const ids = result.assignments.map((a) => a.nodeId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const line of lines) {
            const sent = result.assignments
              .flatMap((a) => a.lines)
              .filter((l) => l.skuId === line.skuId);
            expect(sent.reduce((sum, l) => sum + l.quantity, 0)).toBe(line.quantity);
          }
          for (const a of result.assignments) {
            const node = nodes.find((n) => n.id === a.nodeId) as CandidateNode;
            for (const l of a.lines)
              expect(l.quantity).toBeLessThanOrEqual(sellable(node, l.skuId));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
