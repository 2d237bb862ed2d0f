import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { bundleAvailable, type BundlePart } from "@/lib/inventory/bundles";
import { loadRoutingInputs } from "@/lib/orders/routing-inputs.server";
import { nodeSellable, protectsDisplayMin } from "@/lib/routing/sellable";
import type { CandidateNode } from "@/lib/routing/types";
import { WEB_CHANNEL_CODE } from "./load-catalogue.server";
import { stockState, type StockState } from "./stock-state";

/**
 * What the web channel may sell of each SKU, read fresh (never cached): the published channel
 * stock (`ChannelAts`; a SKU without a row has none for the channel), and never more than the
 * nodes can send as routing counts them (`sellableFromNode`: a store's shelf minimum is kept
 * while routing protects display stock).
 */
export async function getWebStock(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, { ats: number; state: StockState }>> {
  const result = new Map<string, { ats: number; state: StockState }>();
  for (const id of skuIds) result.set(id, { ats: 0, state: "OUT" });
  if (skuIds.length === 0) return result;
  const channel = await db.channel.findUnique({
    where: { code: WEB_CHANNEL_CODE },
    select: { id: true },
  });
  if (!channel) return result;
  const [rows, components] = await Promise.all([
    db.channelAts.findMany({
      where: { channelId: channel.id, skuId: { in: [...skuIds] } },
      select: { skuId: true, ats: true },
    }),
    db.bundleComponent.findMany({
      where: { bundleSkuId: { in: [...skuIds] } },
      select: { bundleSkuId: true, componentSkuId: true, quantity: true },
    }),
  ]);
  const partsOf = new Map<string, BundlePart[]>();
  for (const c of components)
    partsOf.set(c.bundleSkuId, [...(partsOf.get(c.bundleSkuId) ?? []), c]);
  const inputs = await loadRoutingInputs(db, {
    channelId: channel.id,
    skuIds: [...new Set([...skuIds, ...components.map((c) => c.componentSkuId)])],
    now: new Date(),
  });
  const protect = protectsDisplayMin(inputs.rules, "EXPRESS");
  // A bundle counts the complete sets its components make at each node.
  const unitsAt = (node: CandidateNode, skuId: string): number => {
    const parts = partsOf.get(skuId);
    if (!parts) return nodeSellable(node, skuId, protect);
    return bundleAvailable(parts, (component) => nodeSellable(node, component, protect));
  };
  for (const row of rows) {
    const sendable = inputs.candidates.reduce((sum, node) => sum + unitsAt(node, row.skuId), 0);
    const ats = Math.min(row.ats, sendable);
    result.set(row.skuId, { ats, state: stockState(ats) });
  }
  return result;
}
