import "server-only";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/transaction.server";
import { employeeSkuPrices, loadEmployeePolicy } from "@/lib/employee/employee-prices.server";
import { AppError } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import type { Lifecycle } from "@/lib/generated/prisma/enums";

/** The storefront's channel code: the shop cart and checkout sell through it. */
export const WEB_CHANNEL_CODE = "WEB";
/** The employee store's channel code: employees' carts and orders sell through it. */
export const EMPLOYEE_CHANNEL_CODE = "EMPLOYEE";

/**
 * The channel a cart and its checkout sell through: the web store for shoppers, the employee
 * store (its own allocation, employee prices) for a signed-in employee.
 */
export type ShopChannel = { code: typeof WEB_CHANNEL_CODE } | { code: "EMPLOYEE"; userId: string };

export const WEB_SHOP: ShopChannel = { code: WEB_CHANNEL_CODE };

export function shopChannelOf(user: Pick<SessionUser, "id" | "role"> | null): ShopChannel {
  return user && hasRole(user, ["EMPLOYEE"])
    ? { code: EMPLOYEE_CHANNEL_CODE, userId: user.id }
    : WEB_SHOP;
}

export async function shopChannelId(db: Db, shop: ShopChannel = WEB_SHOP): Promise<string> {
  const channel = await db.channel.findUnique({
    where: { code: shop.code },
    select: { id: true, active: true },
  });
  if (!channel || !channel.active)
    throw new AppError("NOT_FOUND", "The online store is not open.", {
      details: { reason: "SHOP_CLOSED" },
    });
  return channel.id;
}

/** What a shop channel can sell of one SKU right now, and at what price. */
export type ShopOffer = {
  skuId: string;
  shop: ShopChannel["code"];
  /**
   * False for SKUs or bundles the channel's allocation policy does not list, and in the web store
   * for clearance styles (they sell in the employee store and the outlet, not online).
   */
  sellable: boolean;
  /** Units the channel may sell now (channel ATS, plus open presale units on the web). */
  available: number;
  /** The web channel's price, or the employee's price in the employee store. */
  unitPrice: number;
  /** The item as the shopper knows it, for a refusal that names it. */
  naming: ItemNaming;
};

/**
 * Whether a shop sells an item its channel's allocation lists: the employee store sells what it
 * lists, clearance included; the web store leaves clearance styles to the employee store and the
 * outlet.
 */
export function shopSells(
  shop: ShopChannel,
  item: { listed: boolean; lifecycle: Lifecycle },
): boolean {
  return item.listed && (shop.code !== WEB_CHANNEL_CODE || item.lifecycle !== "CLEARANCE");
}

/**
 * Channel ATS is recomputed live (as a reservation would decide it) rather than read from the
 * published feed table, which may lag a moment behind stock changes. The cart still reserves
 * nothing: checkout re-decides under the stock engine's locks.
 */
export async function loadShopOffers(
  db: Db,
  shop: ShopChannel,
  skuIds: readonly string[],
): Promise<Map<string, ShopOffer>> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return new Map();
  const channelId = await shopChannelId(db, shop);
  // Channel ATS (one raw statement) on its own: in a transaction, batched with the model reads,
  // it would make Prisma compile the whole batch again on every call.
  const ats = await computeChannelAts(db, { skuIds: ids });
  const [skus, employeePrices] = await Promise.all([
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
    shop.code === EMPLOYEE_CHANNEL_CODE
      ? loadEmployeePolicy(db, { userId: shop.userId }).then((policy) =>
          employeeSkuPrices(db, policy.discountBps, ids),
        )
      : null,
  ]);
  const atsById = new Map(ats.map((a) => [a.skuId, a]));
  const offers = new Map<string, ShopOffer>();
  for (const sku of skus) {
    const channelAts = atsById.get(sku.id);
    const own = channelAts?.channels.find((c) => c.channelId === channelId);
    const web = shop.code === WEB_CHANNEL_CODE;
    offers.set(sku.id, {
      skuId: sku.id,
      shop: shop.code,
      sellable: shopSells(shop, { listed: own?.listed === true, lifecycle: sku.product.lifecycle }),
      // Presale is web only.
      available: Math.max(0, (own?.ats ?? 0) + (web ? (channelAts?.presaleAvailable ?? 0) : 0)),
      unitPrice:
        employeePrices?.get(sku.id) ??
        sku.channelPrices[0]?.price ??
        sku.listPrice ??
        sku.product.listPrice,
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

/** Refuses a quantity the shop channel cannot sell: unknown SKU, not offered, or above stock. */
export function assertShopCanSell(offer: ShopOffer | undefined, quantity: number): ShopOffer {
  if (!offer)
    throw new AppError("NOT_FOUND", "That product is not available.", {
      details: { reason: "PRODUCT" },
    });
  const employee = offer.shop === EMPLOYEE_CHANNEL_CODE;
  if (!offer.sellable) {
    throw new AppError(
      "INVALID_INPUT",
      employee
        ? "That item is not offered in the employee store."
        : "That item is not sold in the online store.",
      {
        details: {
          reason: employee ? "NOT_IN_EMPLOYEE_STORE" : "NOT_SOLD_ONLINE",
          skuId: offer.skuId,
          ...offer.naming,
        },
      },
    );
  }
  if (quantity > offer.available) {
    const where = employee ? "in the employee store" : "online";
    throw new AppError(
      "OUT_OF_STOCK",
      offer.available === 0
        ? `That item is out of stock ${where}.`
        : `Only ${offer.available} available ${where}.`,
      {
        details: {
          reason: employee ? "EMPLOYEE_STORE" : "ONLINE",
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
