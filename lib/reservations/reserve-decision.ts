import { atsOf } from "@/lib/allocation/channel-ats";
import { allocateSnapshot, type SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { matchesNodeFilter, nodeAvailable, type NodeStock } from "@/lib/inventory/availability";
import { eligibleOptions, rankNodes, type NodeOption } from "./choose-node";

/** A request for units of one SKU in one channel, at a named node or the best one. */
export type ReserveRequest = {
  quantity: number;
  nodeId: string;
  candidateNodeIds?: readonly string[];
};

/** Why a reservation is refused, with what could have been reserved instead. */
export type ReserveRefusal = {
  ok: false;
  /** CHANNEL: the channel's allocation is short; STOCK: no eligible node has the units. */
  reason: "CHANNEL" | "STOCK";
  /** The most this request could get now: min(channel ATS, deepest eligible node). */
  available: number;
  channelAts: number;
  nodeAvailable: number;
};

export type ReserveDecision = { ok: true; nodeIds: string[] } | ReserveRefusal;

/**
 * Decides a reservation from a consistent snapshot: refused unless the channel's ATS covers the
 * quantity and at least one eligible node has it on its own. On success, the nodes to try in
 * order (a named node, or every node deep enough, deepest first); the caller's compare-and-set
 * on the node is what finally promises the units.
 */
export function decideReserve(
  request: ReserveRequest,
  channelAts: number,
  options: readonly NodeOption[],
): ReserveDecision {
  const eligible = eligibleOptions(options, request.nodeId, request.candidateNodeIds);
  const nodeAvailable = eligible.reduce((max, o) => Math.max(max, o.available), 0);
  const available = Math.max(0, Math.min(channelAts, nodeAvailable));
  if (channelAts < request.quantity) {
    return { ok: false, reason: "CHANNEL", available, channelAts, nodeAvailable };
  }
  const ranked = rankNodes(eligible, request.quantity);
  if (ranked.length === 0) {
    return { ok: false, reason: "STOCK", available, channelAts, nodeAvailable };
  }
  return { ok: true, nodeIds: ranked.map((o) => o.nodeId) };
}

/** What each active node can still promise of the SKU. */
export function nodeOptions(levels: readonly NodeStock[]): NodeOption[] {
  return levels
    .filter((l) => matchesNodeFilter(l.node))
    .map((l) => ({ nodeId: l.node.nodeId, available: nodeAvailable(l) }));
}

/** The reserve decision for one channel on one SKU snapshot: channel ATS first, then the nodes. */
export function decideChannelReserve(
  snapshot: SkuSnapshot,
  channelId: string,
  request: ReserveRequest,
): ReserveDecision {
  const channelAts = atsOf(allocateSnapshot(snapshot), channelId);
  return decideReserve(request, channelAts, nodeOptions(snapshot.levels));
}
