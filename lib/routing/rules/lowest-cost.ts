import { z } from "zod";
import { formatFen } from "../format";
import { message } from "../messages";
import { bindWith } from "./bind";
import { clampScore } from "./rule-types";

/** LOWEST_COST params: FILTER mode drops nodes whose shipment would cost more than `maxCostFen`. */
export const lowestCostParams = z
  .object({ maxCostFen: z.number().int().nonnegative().max(100_000_000).optional() })
  .strict();

const ratioToCheapest = (cheapest: number, cost: number): number =>
  cost <= 0 ? 1 : clampScore(cheapest / cost);

/**
 * Lowest cost (成本最优): a shipment costs the node's fixed fee plus its per-km fee times the
 * distance. Score = cheapest / cost, so a plan of two parcels pays for both.
 */
export const bindLowestCost = bindWith(lowestCostParams, (params) => ({
  exclude: (facts) =>
    params.maxCostFen !== undefined && facts.costFen > params.maxCostFen
      ? message("routing.filter.tooCostly", {
          cost: formatFen(facts.costFen),
          maxCost: formatFen(params.maxCostFen),
        })
      : null,
  scoreNode: (facts, { refs }) => ({
    value: ratioToCheapest(refs.minCostFen, facts.costFen),
    reason: message(
      facts.costFen <= refs.minCostFen ? "routing.score.costBest" : "routing.score.cost",
      {
        cost: formatFen(facts.costFen),
      },
    ),
  }),
  scorePlan: (plan, { refs }, nodeScore) => {
    const first = plan.parts[0];
    if (plan.parts.length === 1 && first) return nodeScore(first.facts);
    return {
      value: ratioToCheapest(refs.minCostFen, plan.costFen),
      reason: message("routing.score.cost", { cost: formatFen(plan.costFen) }),
    };
  },
}));
