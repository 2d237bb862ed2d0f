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

/** One SKU at one node as a sales channel sees it. */
export type ChannelNodeStock = {
  /** What the channel may take from the node, shelf units included: node available ∧ channel ATS. */
  available: number;
  /** Units a store keeps on its shelf (0 for a warehouse). */
  displayMin: number;
};

/** Node available capped by the channel's ATS (its allocation of the pool), never below 0. */
export function channelNodeStock(
  level: StockFigures & { displayMin: number },
  channelAts: number,
): ChannelNodeStock {
  return {
    available: Math.min(nodeAvailable(level), Math.max(0, channelAts)),
    displayMin: level.displayMin,
  };
}

/**
 * The availability rule every screen and routing share: units of one SKU a channel can sell from
 * one node = what the channel may take there (`channelNodeStock`), less the store's shelf minimum
 * while routing protects display stock (a STOCK_DEPTH rule). A unit reachable only by breaking
 * the shelf minimum is not counted. Never below 0.
 */
export function sellableFromNode(stock: ChannelNodeStock, protectDisplayMin: boolean): number {
  return Math.max(0, stock.available - (protectDisplayMin ? stock.displayMin : 0));
}
