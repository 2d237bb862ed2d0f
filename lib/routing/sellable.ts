import { sellableFromNode } from "@/lib/inventory/availability";
import { prepareRules } from "./prepare-rules";
import type { CandidateNode, FulfilmentMethod, RoutingLine, RoutingRule } from "./types";

/**
 * Whether routing keeps stores' display units for this method (an enabled STOCK_DEPTH rule that
 * protects them). Rules routing would refuse sell nothing, so display units stay protected then.
 */
export function protectsDisplayMin(
  rules: readonly RoutingRule[],
  method: FulfilmentMethod,
): boolean {
  const prepared = prepareRules(rules, method);
  return prepared.ok ? prepared.ruleSet.protectDisplayMin : true;
}

/** Units of one SKU a candidate node can sell, counted exactly as routing counts them. */
export function nodeSellable(
  node: CandidateNode,
  skuId: string,
  protectDisplayMin: boolean,
): number {
  const stock = node.stock[skuId];
  return stock ? sellableFromNode(stock, protectDisplayMin) : 0;
}

/** True when the node can hand over every line now, counted as routing counts it. */
export function hasEverything(
  node: CandidateNode,
  lines: readonly RoutingLine[],
  protectDisplayMin: boolean,
): boolean {
  return lines.every((l) => nodeSellable(node, l.skuId, protectDisplayMin) >= l.quantity);
}
