import "server-only";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { AppError } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import type { Db } from "@/lib/db/transaction.server";

/** The storefront's channel code: the shop cart and checkout sell through it. */
export const WEB_CHANNEL_CODE = "WEB";

export async function webChannelId(db: Db): Promise<string> {
  const channel = await db.channel.findUnique({
    where: { code: WEB_CHANNEL_CODE },
    select: { id: true, active: true },
  });
  if (!channel || !channel.active)
    throw new AppError("NOT_FOUND", "The online store is not open.", {
      details: { reason: "SHOP_CLOSED" },
    });
  return channel.id;
}

/** What the web channel can sell of one SKU right now, and at what price. */
export type WebOffer = {
  skuId: string;
  /**
   * False for clearance styles (they sell in the employee store and the outlet, not online) and
   * for SKUs or bundles the web channel's allocation policy does not list.
   */
  sellable: boolean;
  /** Units the web channel may sell now (channel ATS plus open presale units). */
  available: number;
  unitPrice: number;
  /** The item as the shopper knows it, for a refusal that names it. */
  naming: ItemNaming;
};

/**
 * Channel ATS is recomputed live (as a reservation would decide it) rather than read from the
 * published feed table, which may lag a moment behind stock changes. The cart still reserves
 * nothing: checkout re-decides under the stock engine's locks.
 */
export async function loadWebOffers(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, WebOffer>> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return new Map();
  const channelId = await webChannelId(db);
  const [skus, ats] = await Promise.all([
    db.sku.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        listPrice: true,
        color: true,
        colorZh: true,
        size: true,
        product: { select: { listPrice: true, lifecycle: true, name: true, nameZh: true } },
        channelPrices: { where: { channelId }, select: { price: true } },
      },
    }),
    computeChannelAts(db, { skuIds: ids }),
  ]);
  const atsById = new Map(ats.map((a) => [a.skuId, a]));
  const offers = new Map<string, WebOffer>();
  for (const sku of skus) {
    const channelAts = atsById.get(sku.id);
    const web = channelAts?.channels.find((c) => c.channelId === channelId);
    offers.set(sku.id, {
      skuId: sku.id,
      sellable: sku.product.lifecycle !== "CLEARANCE" && web?.listed === true,
      available: Math.max(0, (web?.ats ?? 0) + (channelAts?.presaleAvailable ?? 0)),
      unitPrice: sku.channelPrices[0]?.price ?? sku.listPrice ?? sku.product.listPrice,
      naming: {
        product: sku.product.name,
        productZh: sku.product.nameZh,
        colour: sku.color,
        colourZh: sku.colorZh,
        size: sku.size,
      },
    });
  }
  return offers;
}

/** Refuses a quantity the web channel cannot sell: unknown SKU, not sold online, or above stock. */
export function assertWebCanSell(offer: WebOffer | undefined, quantity: number): WebOffer {
  if (!offer)
    throw new AppError("NOT_FOUND", "That product is not available.", {
      details: { reason: "PRODUCT" },
    });
  if (!offer.sellable) {
    throw new AppError("INVALID_INPUT", "That item is not sold in the online store.", {
      details: { reason: "NOT_SOLD_ONLINE", skuId: offer.skuId, ...offer.naming },
    });
  }
  if (quantity > offer.available) {
    throw new AppError(
      "OUT_OF_STOCK",
      offer.available === 0
        ? "That item is out of stock online."
        : `Only ${offer.available} available online.`,
      {
        details: {
          reason: "ONLINE",
          skuId: offer.skuId,
          available: offer.available,
          availability: { [offer.skuId]: offer.available },
          ...offer.naming,
        },
      },
    );
  }
  return offer;
}
