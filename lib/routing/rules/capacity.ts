import { z } from "zod";
import { message } from "../messages";
import { bindWith } from "./bind";
import { clampScore, scorePlanByUnits } from "./rule-types";

/** CAPACITY takes no params. */
export const capacityParams = z.object({}).strict();

/**
 * Capacity: a node that has shipped its daily capacity today is skipped (warehouses, with their
 * large capacity, take over). Score = share of today's capacity still free.
 */
export const bindCapacity = bindWith(capacityParams, () => ({
  exclude: ({ node }) =>
    node.shipmentsToday >= node.dailyCapacity
      ? message("routing.filter.capacity", {
          used: node.shipmentsToday,
          capacity: node.dailyCapacity,
        })
      : null,
  scoreNode: ({ node }) => ({
    value: node.dailyCapacity > 0 ? clampScore(1 - node.shipmentsToday / node.dailyCapacity) : 0,
    reason: message("routing.score.capacity", {
      used: node.shipmentsToday,
      capacity: node.dailyCapacity,
    }),
  }),
  scorePlan: (plan, _input, nodeScore) => scorePlanByUnits(plan, nodeScore),
}));
