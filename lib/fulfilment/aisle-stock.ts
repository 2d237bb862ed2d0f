import { nodeAvailable } from "@/lib/inventory/availability";

export type AisleStockLevel<N extends { id: string }> = {
  onHand: number;
  reserved: number;
  safetyStock: number;
  node: N;
};

/**
 * One SKU's stock as the endless aisle shows it to a store: what this store can sell, what the
 * other nodes can, and those other nodes (never the store itself), deepest first.
 */
export function aisleStock<N extends { id: string }>(
  levels: readonly AisleStockLevel<N>[],
  storeNodeId: string,
  maxOtherNodes: number,
) {
  const withStock = levels
    .map((l) => ({ ...l.node, available: nodeAvailable(l) }))
    .filter((n) => n.available > 0);
  const others = withStock
    .filter((n) => n.id !== storeNodeId)
    .sort((a, b) => b.available - a.available || a.id.localeCompare(b.id));
  return {
    atThisStore: withStock.find((n) => n.id === storeNodeId)?.available ?? 0,
    elsewhere: others.reduce((sum, n) => sum + n.available, 0),
    otherNodes: others.slice(0, maxOtherNodes),
  };
}
