import { z } from "zod";
import { message } from "../messages";
import { bindWith } from "./bind";
import { clampScore, scorePlanByUnits } from "./rule-types";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { RoutingRule } from "../types";

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

/**
 * True when daily capacity is a hard limit for orders of this method: a CAPACITY filter is on
 * for it. The stock engine then refuses a node's order beyond its capacity even when two
 * checkouts race for its last place (lib/capacity); without the filter a node takes any load.
 */
export function capacityIsLimit(
  rules: readonly Pick<RoutingRule, "kind" | "mode" | "enabled" | "method">[],
  method: FulfilmentMethod,
): boolean {
  return rules.some(
    (r) =>
      r.kind === "CAPACITY" &&
      r.mode === "FILTER" &&
      r.enabled &&
      (r.method === null || r.method === undefined || r.method === method),
  );
}
