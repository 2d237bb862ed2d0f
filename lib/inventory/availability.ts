import type { NodeType } from "@/lib/generated/prisma/enums";

/** The stock figures of one SKU at one node that decide what can still be promised. */
export type StockFigures = { onHand: number; reserved: number; safetyStock: number };

/** What a node filter can look at. */
export type NodeTraits = {
  nodeId: string;
  type: NodeType;
  city: string;
  active: boolean;
  shipsExpress: boolean;
  offersPickup: boolean;
  offersSameCity: boolean;
};

/** One SKU's stock at one node, with the node's traits. */
export type NodeStock = StockFigures & { node: NodeTraits };

/**
 * Which nodes count. Every given condition must hold; inactive nodes never count, because their
 * stock cannot be fulfilled from.
 */
export type NodeFilter = {
  nodeIds?: readonly string[];
  types?: readonly NodeType[];
  city?: string;
  shipsExpress?: boolean;
  offersPickup?: boolean;
  offersSameCity?: boolean;
};

/** Node available = onHand − reserved − safetyStock, never below zero. */
export function nodeAvailable(level: StockFigures): number {
  return Math.max(0, level.onHand - level.reserved - level.safetyStock);
}

/** True when the node is active and meets every condition of the filter. */
export function matchesNodeFilter(node: NodeTraits, filter: NodeFilter = {}): boolean {
  if (!node.active) return false;
  if (filter.nodeIds && !filter.nodeIds.includes(node.nodeId)) return false;
  if (filter.types && !filter.types.includes(node.type)) return false;
  if (filter.city !== undefined && node.city !== filter.city) return false;
  if (filter.shipsExpress !== undefined && node.shipsExpress !== filter.shipsExpress) return false;
  if (filter.offersPickup !== undefined && node.offersPickup !== filter.offersPickup) return false;
  if (filter.offersSameCity !== undefined && node.offersSameCity !== filter.offersSameCity) {
    return false;
  }
  return true;
}

/** Pool available of one SKU: the sum of node available over the nodes the filter admits. */
export function poolAvailable(levels: readonly NodeStock[], filter: NodeFilter = {}): number {
  let total = 0;
  for (const level of levels) {
    if (matchesNodeFilter(level.node, filter)) total += nodeAvailable(level);
  }
  return total;
}
