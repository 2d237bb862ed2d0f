import type { RoutingRuleKind } from "../types";
import type { RuleBinder } from "./bind";
import { bindCapacity } from "./capacity";
import { bindFewestSplits } from "./fewest-splits";
import { bindLowestCost } from "./lowest-cost";
import { bindNearest } from "./nearest";
import { bindNodeTypes } from "./node-types";
import { bindStockDepth } from "./stock-depth";

/** Every rule kind and how to build it from its stored params. */
export const RULE_BINDERS: Record<RoutingRuleKind, RuleBinder> = {
  NEAREST: bindNearest,
  FEWEST_SPLITS: bindFewestSplits,
  STOCK_DEPTH: bindStockDepth,
  LOWEST_COST: bindLowestCost,
  CAPACITY: bindCapacity,
  NODE_TYPES: bindNodeTypes,
};
