import type { z } from "zod";
import type { RoutingRuleKind } from "../types";
import type { RuleBinder } from "./bind";
import { bindCapacity, capacityParams } from "./capacity";
import { bindFewestSplits, fewestSplitsParams } from "./fewest-splits";
import { bindLowestCost, lowestCostParams } from "./lowest-cost";
import { bindNearest, nearestParams } from "./nearest";
import { bindNodeTypes, nodeTypesParams } from "./node-types";
import { bindStockDepth, stockDepthParams } from "./stock-depth";

/** Every rule kind's params schema: what its binder accepts, for the editor to check each field. */
export const RULE_PARAMS: Record<RoutingRuleKind, z.ZodType> = {
  NEAREST: nearestParams,
  FEWEST_SPLITS: fewestSplitsParams,
  STOCK_DEPTH: stockDepthParams,
  LOWEST_COST: lowestCostParams,
  CAPACITY: capacityParams,
  NODE_TYPES: nodeTypesParams,
};

/** Every rule kind and how to build it from its stored params. */
export const RULE_BINDERS: Record<RoutingRuleKind, RuleBinder> = {
  NEAREST: bindNearest,
  FEWEST_SPLITS: bindFewestSplits,
  STOCK_DEPTH: bindStockDepth,
  LOWEST_COST: bindLowestCost,
  CAPACITY: bindCapacity,
  NODE_TYPES: bindNodeTypes,
};
