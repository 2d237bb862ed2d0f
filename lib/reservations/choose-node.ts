import { BEST_NODE } from "./rules";

/** What one node can still promise of one SKU. */
export type NodeOption = { nodeId: string; available: number };

const byNodeId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The nodes that can fill `quantity` on their own, deepest stock first; equal depth is broken by
 * node id so that the same state always gives the same choice.
 */
export function rankNodes(options: readonly NodeOption[], quantity: number): NodeOption[] {
  return options
    .filter((o) => o.available >= quantity)
    .sort((a, b) => b.available - a.available || byNodeId(a.nodeId, b.nodeId));
}

/** The best node for `quantity` (deepest available stock), or null when no single node has it. */
export function chooseBestNode(options: readonly NodeOption[], quantity: number): string | null {
  return rankNodes(options, quantity)[0]?.nodeId ?? null;
}

/** The options a request may use: one named node, or every candidate for "best". */
export function eligibleOptions(
  options: readonly NodeOption[],
  nodeId: string,
  candidateNodeIds?: readonly string[],
): NodeOption[] {
  if (nodeId !== BEST_NODE) return options.filter((o) => o.nodeId === nodeId);
  if (!candidateNodeIds) return [...options];
  return options.filter((o) => candidateNodeIds.includes(o.nodeId));
}

/** One component's need and the nodes that stock it. */
export type ComponentNeed = { skuId: string; quantity: number; options: readonly NodeOption[] };

/**
 * The node for each component of a bundle: one node that has every component is preferred (the
 * bundle ships in one parcel), the deepest such node in bundle units; otherwise each component
 * from its own deepest node. Null when some component cannot be filled from any single node.
 */
export function chooseBundleNodes(needs: readonly ComponentNeed[]): Map<string, string> | null {
  const depthAt = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const need of needs) {
    for (const option of need.options) {
      if (option.available < need.quantity) continue;
      const depth = option.available / need.quantity;
      depthAt.set(option.nodeId, Math.min(depthAt.get(option.nodeId) ?? depth, depth));
      counts.set(option.nodeId, (counts.get(option.nodeId) ?? 0) + 1);
    }
  }
  const whole = [...depthAt.entries()]
    .filter(([nodeId]) => counts.get(nodeId) === needs.length)
    .sort(([a, da], [b, db]) => db - da || byNodeId(a, b))[0];
  const plan = new Map<string, string>();
  for (const need of needs) {
    const nodeId = whole ? whole[0] : chooseBestNode(need.options, need.quantity);
    if (nodeId === null) return null;
    plan.set(need.skuId, nodeId);
  }
  return plan;
}
