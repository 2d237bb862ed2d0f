import { z } from "zod";
import { message } from "../messages";
import { bindWith } from "./bind";
import { clampScore } from "./rule-types";

/** FEWEST_SPLITS params: FILTER mode caps the parcels of one order (default 1: never split). */
export const fewestSplitsParams = z
  .object({ maxParcels: z.number().int().min(1).max(50).optional() })
  .strict();

/**
 * Fewest splits (就全): a node scores the share of the order's units it has; a plan scores
 * 1 / parcels. As a filter it removes no node but caps the parcels a plan may have.
 */
export const bindFewestSplits = bindWith(fewestSplitsParams, (params) => ({
  exclude: () => null,
  maxParcels: params.maxParcels ?? 1,
  scoreNode: (facts, { ctx }) => ({
    value: clampScore(ctx.totalUnits > 0 ? facts.coveredUnits / ctx.totalUnits : 0),
    reason: facts.fillsAll
      ? message("routing.score.coverageAll", { items: ctx.totalUnits })
      : message("routing.score.coverage", { covered: facts.coveredUnits, items: ctx.totalUnits }),
  }),
  scorePlan: (plan, _input, nodeScore) => {
    const first = plan.parts[0];
    if (plan.parts.length === 1 && first) return nodeScore(first.facts);
    return {
      value: 1 / Math.max(1, plan.parts.length),
      reason: message("routing.score.planCoverage", { parcels: plan.parts.length }),
    };
  },
}));
