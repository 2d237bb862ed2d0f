import { z } from "zod";
import { message } from "../messages";
import { bindWith } from "./bind";
import { clampScore, scorePlanByUnits } from "./rule-types";

/** STOCK_DEPTH params: `protectDisplayMin` (default true) keeps a store's display units. */
export const stockDepthParams = z.object({ protectDisplayMin: z.boolean().optional() }).strict();

/**
 * Stock depth (库存深度优先): prefer nodes with more of the order's SKUs to spare, counted after
 * display protection. Score = log(1 + spare) / log(1 + deepest spare), because 200 vs 100 units
 * matters far less than 4 vs 2. As a filter it drops nodes that cannot send any line in full.
 */
export const bindStockDepth = bindWith(stockDepthParams, (params) => ({
  protectsDisplayMin: params.protectDisplayMin ?? true,
  exclude: (facts, ctx) =>
    facts.sellable.some((units, i) => units >= (ctx.lines[i]?.quantity ?? Number.POSITIVE_INFINITY))
      ? null
      : message("routing.filter.noSellable"),
  scoreNode: (facts, { refs }) => ({
    value:
      refs.maxSpareUnits > 0
        ? clampScore(Math.log1p(facts.spareUnits) / Math.log1p(refs.maxSpareUnits))
        : 0,
    reason: message("routing.score.depth", { units: facts.spareUnits }),
  }),
  scorePlan: (plan, _input, nodeScore) => scorePlanByUnits(plan, nodeScore),
}));
