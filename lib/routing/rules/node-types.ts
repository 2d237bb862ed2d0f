import { z } from "zod";
import { message } from "../messages";
import type { NodeType } from "../types";
import { bindWith } from "./bind";
import { scorePlanByUnits } from "./rule-types";

const NODE_TYPES = [
  "CENTRAL_WAREHOUSE",
  "REGIONAL_WAREHOUSE",
  "STORE_DIRECT",
  "STORE_FRANCHISE",
  "DEALER_WAREHOUSE",
  "FRONT_WAREHOUSE",
] as const satisfies readonly NodeType[];

/** NODE_TYPES params: the node types allowed (FILTER) or preferred (SCORE) for the method. */
export const nodeTypesParams = z.object({ nodeTypes: z.array(z.enum(NODE_TYPES)).min(1) }).strict();

/** Node types per method: a filter keeps only the listed types; a score gives them 1, others 0. */
export const bindNodeTypes = bindWith(nodeTypesParams, (params) => {
  const allowed = new Set<NodeType>(params.nodeTypes);
  return {
    exclude: ({ node }, ctx) =>
      allowed.has(node.type)
        ? null
        : message("routing.filter.nodeType", {
            type: node.type,
            method: message(`routing.method.${ctx.method}`),
          }),
    scoreNode: ({ node }) =>
      allowed.has(node.type)
        ? { value: 1, reason: message("routing.score.typePreferred", { type: node.type }) }
        : { value: 0, reason: message("routing.score.typeOther", { type: node.type }) },
    scorePlan: (plan, _input, nodeScore) => scorePlanByUnits(plan, nodeScore),
  };
});
