import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { aisleStock } from "@/lib/fulfilment/aisle-stock";
import { STORE_CHANNEL_CODE } from "@/lib/fulfilment/search-endless-aisle.server";
import { FEN_PER_POINT } from "@/lib/pricing/price-order";
import { reachedBuyerAt } from "./create-return.server";
import type { ReturnActor } from "./return-counter.server";
import {
  contactMatches,
  COUNTED_RETURN_LINES,
  orderIsReturnable,
  refundFor,
  returnableQuantity,
  returnWindowOpen,
} from "./return-rules";

/** A size the customer may take instead: its price in the store channel and the stock seen now. */
export type ExchangeSize = {
  skuId: string;
  skuCode: string;
  colour: string;
  colourZh: string;
  size: string;
  /** Unit price in fen. */
  price: number;
  /** Units this store can hand over now; the rest is routed here from other nodes. */
  atThisStore: number;
  elsewhere: number;
};

/** A line of the order that can still be exchanged, with the other sizes of its style. */
export type ExchangeLine = {
  orderLineId: string;
  skuId: string;
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
  /** Units not yet given back. */
  returnable: number;
  /** What the buyer paid per unit (after coupon and points), rounded down, in fen. */
  paidPerUnit: number;
  sizes: ExchangeSize[];
};

export type ExchangeOptions = {
  orderNo: string;
  contactName: string;
  /** Delivered or collected, paid, and within the return window. */
  returnable: boolean;
  lines: ExchangeLine[];
};

const SKU_VIEW = { skuCode: true, color: true, colorZh: true, size: true } as const;

/**
 * What the counter may offer in exchange on an order the customer proves with its number and
 * their phone or email (a wrong pair is NOT_FOUND): each line still returnable, and every other
 * SKU of its style with this store's stock and the stock elsewhere. The stock is a hint: the
 * exchange itself reserves on fresh numbers.
 */
export async function loadExchangeOptions(
  db: Db,
  input: { actor: ReturnActor; orderNo: string; contact: string; now?: Date },
): Promise<ExchangeOptions> {
  const storeNodeId = input.actor.role === "STORE_STAFF" ? input.actor.storeNodeId : null;
  if (!storeNodeId)
    throw new AppError("FORBIDDEN", "Exchanges are made by a store's staff at their store.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  const order = await db.order.findUnique({
    where: { orderNo: input.orderNo.trim() },
    select: {
      orderNo: true,
      contactName: true,
      contactPhone: true,
      status: true,
      paymentStatus: true,
      completedAt: true,
      pointsRedeemed: true,
      user: { select: { email: true } },
      fulfilmentOrders: { select: { status: true, updatedAt: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          skuId: true,
          quantity: true,
          lineTotal: true,
          sku: {
            select: {
              ...SKU_VIEW,
              productId: true,
              product: { select: { name: true, nameZh: true } },
            },
          },
          returnLines: { where: COUNTED_RETURN_LINES, select: { quantity: true } },
        },
      },
    },
  });
  if (
    !order ||
    !contactMatches(input.contact, { phone: order.contactPhone, email: order.user?.email ?? null })
  )
    throw new AppError("NOT_FOUND", "No order with this number for this phone or email.", {
      details: { reason: "ORDER" },
    });
  const sizesByStyle = await sizesOfStyles(
    db,
    [...new Set(order.lines.map((l) => l.sku.productId))],
    storeNodeId,
  );
  const money = {
    lines: order.lines.map((l) => ({
      orderLineId: l.id,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
    })),
    pointsValue: order.pointsRedeemed * FEN_PER_POINT,
  };
  const delivered = orderIsReturnable({
    ...order,
    fulfilmentStatuses: order.fulfilmentOrders.map((f) => f.status),
  });
  return {
    orderNo: order.orderNo,
    contactName: order.contactName,
    returnable:
      delivered &&
      returnWindowOpen(reachedBuyerAt(order), input.now ?? new Date(), env.RETURN_WINDOW_DAYS),
    lines: order.lines
      .map((l) => ({
        orderLineId: l.id,
        skuId: l.skuId,
        product: l.sku.product.name,
        productZh: l.sku.product.nameZh,
        colour: l.sku.color,
        colourZh: l.sku.colorZh,
        size: l.sku.size,
        returnable: returnableQuantity({
          bought: l.quantity,
          returned: l.returnLines.reduce((s, r) => s + r.quantity, 0),
        }),
        paidPerUnit: refundFor(money, [{ orderLineId: l.id, quantity: 1 }]),
        sizes: (sizesByStyle.get(l.sku.productId) ?? []).filter((s) => s.skuId !== l.skuId),
      }))
      .filter((l) => l.returnable > 0),
  };
}

/** Every sellable (non-bundle) SKU of these styles at its store-channel price, with stock. */
async function sizesOfStyles(
  db: Db,
  productIds: readonly string[],
  storeNodeId: string,
): Promise<Map<string, ExchangeSize[]>> {
  const channel = await db.channel.findUnique({
    where: { code: STORE_CHANNEL_CODE },
    select: { id: true },
  });
  const skus = await db.sku.findMany({
    where: { productId: { in: [...productIds] }, isBundle: false },
    orderBy: [{ color: "asc" }, { sizeOrder: "asc" }, { size: "asc" }],
    select: {
      id: true,
      ...SKU_VIEW,
      productId: true,
      listPrice: true,
      product: { select: { listPrice: true } },
      channelPrices: channel
        ? { where: { channelId: channel.id }, select: { price: true } }
        : false,
      stockLevels: {
        where: { node: { active: true } },
        select: { onHand: true, reserved: true, safetyStock: true, node: { select: { id: true } } },
      },
    },
  });
  const byStyle = new Map<string, ExchangeSize[]>();
  for (const s of skus) {
    const stock = aisleStock(s.stockLevels, storeNodeId, 0);
    const sizes = byStyle.get(s.productId) ?? [];
    sizes.push({
      skuId: s.id,
      skuCode: s.skuCode,
      colour: s.color,
      colourZh: s.colorZh,
      size: s.size,
      price: s.channelPrices?.[0]?.price ?? s.listPrice ?? s.product.listPrice,
      atThisStore: stock.atThisStore,
      elsewhere: stock.elsewhere,
    });
    byStyle.set(s.productId, sizes);
  }
  return byStyle;
}
