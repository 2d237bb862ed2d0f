import { z } from "zod";
import { roundKm } from "../format";
import { message } from "../messages";
import { bindWith } from "./bind";
import { clampScore, scorePlanByUnits } from "./rule-types";

/** NEAREST params: FILTER mode drops nodes farther than `maxKm` from the destination. */
export const nearestParams = z
  .object({ maxKm: z.number().positive().max(20_000).optional() })
  .strict();

// One km of slack keeps a node at 0.2 km from looking ten times better than one at 2 km.
const SLACK_KM = 1;

/**
 * Nearest (就近): distance from the destination by haversine. Score = (nearest + 1 km) /
 * (distance + 1 km), so the nearest node scores 1 and one ten times as far about 0.1.
 */
export const bindNearest = bindWith(nearestParams, (params) => ({
  exclude: (facts) =>
    params.maxKm !== undefined && facts.distanceKm > params.maxKm
      ? message("routing.filter.tooFar", {
          distanceKm: roundKm(facts.distanceKm),
          maxKm: params.maxKm,
        })
      : null,
  scoreNode: (facts, { refs }) => ({
    value: clampScore((refs.minDistanceKm + SLACK_KM) / (facts.distanceKm + SLACK_KM)),
    reason: message(
      facts.distanceKm <= refs.minDistanceKm
        ? "routing.score.nearestBest"
        : "routing.score.nearest",
      { distanceKm: roundKm(facts.distanceKm) },
    ),
  }),
  scorePlan: (plan, _input, nodeScore) => scorePlanByUnits(plan, nodeScore),
}));
