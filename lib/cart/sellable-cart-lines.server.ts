import "server-only";
import { loadChannelListing } from "@/lib/allocation/load-channel-listing.server";
import type { Db } from "@/lib/db/transaction.server";
import { shopSells, type ShopChannel } from "./shop-channel.server";

/**
 * The cart lines its shop sells now, in cart order: what the checkout page shows and an order
 * takes. A line the channel's allocation no longer lists (or a clearance style in the web store)
 * stays in the cart. Reads policies and SKUs only: stock is the order's to decide.
 */
export async function sellableCartLines(
  db: Db,
  cart: { shop: ShopChannel; channelId: string; units: ReadonlyMap<string, number> },
): Promise<{ skuId: string; quantity: number }[]> {
  const listing = await loadChannelListing(db, {
    channelId: cart.channelId,
    skuIds: [...cart.units.keys()],
  });
  return [...cart.units].flatMap(([skuId, quantity]) => {
    const item = listing.get(skuId);
    return item && shopSells(cart.shop, item) ? [{ skuId, quantity }] : [];
  });
}
