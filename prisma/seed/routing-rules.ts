import type { Prisma } from "@/lib/generated/prisma/client";

const STORES = ["STORE_DIRECT", "STORE_FRANCHISE"];

/**
 * The default routing set-up: filters run in `position` order, scores are combined by weight.
 * NODE_TYPES params name the node types allowed for the method.
 */
export function buildRoutingRules(): Prisma.RoutingRuleCreateManyInput[] {
  return [
    { id: "rr_01_capacity", kind: "CAPACITY", mode: "FILTER", position: 1, params: {} },
    {
      id: "rr_02_types_pickup",
      kind: "NODE_TYPES",
      mode: "FILTER",
      method: "PICKUP",
      position: 2,
      params: { nodeTypes: STORES },
    },
    {
      id: "rr_03_types_same_city",
      kind: "NODE_TYPES",
      mode: "FILTER",
      method: "SAME_CITY",
      position: 3,
      params: { nodeTypes: STORES },
    },
    {
      id: "rr_04_types_express",
      kind: "NODE_TYPES",
      mode: "FILTER",
      method: "EXPRESS",
      position: 4,
      params: { nodeTypes: ["CENTRAL_WAREHOUSE", "REGIONAL_WAREHOUSE", "STORE_DIRECT"] },
    },
    { id: "rr_05_nearest", kind: "NEAREST", mode: "SCORE", weight: 0.35, position: 5, params: {} },
    {
      id: "rr_06_fewest_splits",
      kind: "FEWEST_SPLITS",
      mode: "SCORE",
      weight: 0.3,
      position: 6,
      params: {},
    },
    {
      id: "rr_07_stock_depth",
      kind: "STOCK_DEPTH",
      mode: "SCORE",
      weight: 0.2,
      position: 7,
      params: { protectDisplayMin: true },
    },
    {
      id: "rr_08_lowest_cost",
      kind: "LOWEST_COST",
      mode: "SCORE",
      weight: 0.15,
      position: 8,
      params: {},
    },
  ];
}
