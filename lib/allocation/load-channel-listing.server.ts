import "server-only";
import type { Lifecycle } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import { loadAllocationState } from "./load-sku-snapshots.server";
import { channelListsSku } from "./sku-snapshot";

/** Whether a channel lists a SKU, with the SKU's lifecycle (shops may exclude some stages). */
export type ChannelListing = { listed: boolean; lifecycle: Lifecycle };

/**
 * Which of these SKUs an active channel lists now, from its policies alone (one statement, no
 * stock read): the same `listed` computeChannelAts reports, a bundle listed only when every
 * component is. For a
 * filter that decides nothing about stock; a reservation still re-decides under the SKU lock.
 * In the order asked; unknown ids are left out, an inactive channel lists nothing.
 */
export async function loadChannelListing(
  db: Db,
  options: { channelId: string; skuIds: readonly string[] },
): Promise<Map<string, ChannelListing>> {
  const { channelId } = options;
  const ids = [...new Set(options.skuIds)];
  if (ids.length === 0) return new Map();
  const { config, records } = await loadAllocationState(db, ids, { stock: false });
  const active = config.channels.some((c) => c.id === channelId && c.active);
  const lists = (skuId: string): boolean => {
    const sku = records.get(skuId);
    return (
      sku !== undefined && !sku.isBundle && channelListsSku(config.policies, channelId, sku.traits)
    );
  };
  const listing = new Map<string, ChannelListing>();
  for (const id of ids) {
    const sku = records.get(id);
    if (!sku) continue;
    const listed =
      active &&
      (sku.isBundle ? sku.components.every((c) => lists(c.componentSkuId)) : lists(sku.id));
    listing.set(sku.id, { listed, lifecycle: sku.traits.lifecycle });
  }
  return listing;
}
