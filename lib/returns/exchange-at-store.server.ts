import "server-only";
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { STORE_CHANNEL_CODE } from "@/lib/fulfilment/search-endless-aisle.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { parseInput } from "@/lib/validation/parse-input";
import { createReturn } from "./create-return.server";
import { settleExchange } from "./exchange-money.server";
import { receiveInTransaction } from "./receive-return.server";
import { retryOnCodeClash } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";
import { RETURN_REASONS } from "./return-rules";
import { provenOrderId } from "./walk-in-return.server";

/** One size back, another taken, at the counter: the order is proven by number and contact. */
export const exchangeSchema = z.object({
  orderNo: z.string().trim().min(1).max(40),
  contact: z.string().trim().min(3).max(200),
  orderLineId: z.string().min(1).max(64),
  quantity: z.number().int("Quantity must be a whole number.").min(1).max(99),
  newSkuId: z.string().trim().min(1).max(200),
  reason: z.enum(RETURN_REASONS),
  idempotencyKey: z.string().trim().min(8).max(200),
});
export type ExchangeInput = z.input<typeof exchangeSchema>;

export type Exchanged = {
  returnId: string;
  rmaNo: string;
  newOrderNo: string;
  pickupCode: string | null;
  /** What the returned units are worth (the return's refund amount), in fen. */
  returnedValue: number;
  newTotal: number;
  /** Paid at the till now. */
  toPay: number;
  /** Paid back through the old order's original payment. */
  toRefund: number;
};

type TakenBack = {
  returnId: string;
  rmaNo: string;
  orderId: string;
  value: number;
  contact: { name: string; phone?: string };
};

const PHONE = /^\+?[0-9 -]{5,20}$/;

/**
 * Exchange at the store: the customer's units go back on this store's shelf as a received return,
 * and the other size of the same style is ordered for pickup here (from this shelf, or routed
 * from another node) as a walk-in order guided by the staff member. The returned value pays for
 * the new order as EXCHANGE_CREDIT (refunded from the old order, charged on the new one); a
 * dearer size is topped up at the till, a cheaper one refunded through the original payment.
 * Every step is keyed (the return's id by the idempotency key, the order by the return, each
 * payment by its reference), so a second press finishes what the first left and repeats nothing.
 * With no node able to fill the new size the return stays RECEIVED and OUT_OF_STOCK is thrown.
 */
export async function exchangeAtStore(
  db: Db,
  input: { actor: ReturnActor; exchange: ExchangeInput; stripe?: Stripe; now?: Date },
): Promise<Exchanged> {
  const { actor } = input;
  const storeNodeId = actor.role === "STORE_STAFF" ? actor.storeNodeId : null;
  if (!storeNodeId)
    throw new AppError("FORBIDDEN", "Exchanges are made by a store's staff at their store.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  const exchange = parseInput(exchangeSchema, input.exchange);
  const now = input.now ?? new Date();
  const taken = await takeBack(db, actor, exchange, now);

  const placed = await placeOrder(db, {
    channelCode: STORE_CHANNEL_CODE,
    buyer: { kind: "WALK_IN", guideUserId: actor.id },
    lines: [{ skuId: exchange.newSkuId, quantity: exchange.quantity }],
    method: "PICKUP",
    destination: { kind: "store", nodeId: storeNodeId },
    contact: taken.contact,
    paymentProvider: "IN_STORE",
    idempotencyKey: `exchange:${taken.returnId}`,
    now,
  });
  const { toPay } = await settleExchange(db, {
    taken,
    placed,
    ...(input.stripe ? { stripe: input.stripe } : {}),
    now,
  });
  const pickup = await db.fulfilmentOrder.findFirst({
    where: { orderId: placed.orderId, nodeId: storeNodeId, shipToNodeId: null },
    select: { pickupCode: true },
  });
  return {
    returnId: taken.returnId,
    rmaNo: taken.rmaNo,
    newOrderNo: placed.orderNo,
    pickupCode: pickup?.pickupCode ?? null,
    returnedValue: taken.value,
    newTotal: placed.total,
    toPay,
    toRefund: Math.max(0, taken.value - placed.total),
  };
}

/**
 * The return of the units, received back on this store's shelf, in one transaction under the old
 * order's lock: made once per idempotency key (its id is derived from the key), found again by a
 * second press.
 */
async function takeBack(
  db: Db,
  actor: ReturnActor,
  exchange: z.output<typeof exchangeSchema>,
  now: Date,
): Promise<TakenBack> {
  const returnId = `exch_${createHash("sha256")
    .update(`${actor.id}:${exchange.idempotencyKey}`)
    .digest("hex")
    .slice(0, 32)}`;
  const taken = await retryOnCodeClash(() =>
    withTransaction(db, async (tx) => {
      const orderId = await provenOrderId(tx, exchange.orderNo, exchange.contact);
      await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
      await assertOtherSizeOfStyle(tx, orderId, exchange);
      const earlier = await tx.return.findUnique({
        where: { id: returnId },
        select: { orderId: true, lines: { select: { orderLineId: true, quantity: true } } },
      });
      if (earlier) {
        const line = earlier.lines[0];
        if (
          earlier.orderId !== orderId ||
          earlier.lines.length !== 1 ||
          line?.orderLineId !== exchange.orderLineId ||
          line.quantity !== exchange.quantity
        )
          throw new AppError("CONFLICT", "This exchange was already used for other items.", {
            details: { reason: "IDEMPOTENCY_KEY", idempotencyKey: exchange.idempotencyKey },
          });
        return { orderId, fresh: false };
      }
      await createReturn(tx, {
        id: returnId,
        orderId,
        atStore: true,
        withCode: false,
        reason: exchange.reason,
        lines: [{ orderLineId: exchange.orderLineId, quantity: exchange.quantity }],
        now,
      });
      const lines = await tx.returnLine.findMany({ where: { returnId }, select: { id: true } });
      await receiveInTransaction(
        tx,
        actor,
        { returnId, lines: lines.map((l) => ({ returnLineId: l.id, decision: "RESTOCK" })) },
        now,
      );
      return { orderId, fresh: true };
    }),
  );
  if (taken.fresh) notifyStockChanged();
  const ret = await db.return.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      rmaNo: true,
      status: true,
      refundAmount: true,
      exchangeOrderId: true,
      order: { select: { contactName: true, contactPhone: true } },
    },
  });
  // Refunded in money meanwhile (not by this exchange): the customer has their money already.
  if (ret.status !== "RECEIVED" && !(ret.status === "REFUNDED" && ret.exchangeOrderId))
    throw new AppError("CONFLICT", `This return is already ${ret.status.toLowerCase()}.`, {
      details: { reason: "RETURN_STATE", status: ret.status },
    });
  const phone = ret.order.contactPhone?.trim();
  return {
    returnId,
    rmaNo: ret.rmaNo,
    orderId: taken.orderId,
    value: ret.refundAmount,
    contact: { name: ret.order.contactName, ...(phone && PHONE.test(phone) ? { phone } : {}) },
  };
}

/** The new SKU is another size (or colour) of the returned line's style. */
async function assertOtherSizeOfStyle(
  tx: Tx,
  orderId: string,
  exchange: { orderLineId: string; newSkuId: string },
): Promise<void> {
  const line = await tx.orderLine.findFirst({
    where: { id: exchange.orderLineId, orderId },
    select: { skuId: true, sku: { select: { productId: true } } },
  });
  if (!line)
    throw new AppError("NOT_FOUND", "That item is not on this order.", {
      details: { reason: "ORDER_LINE" },
    });
  if (line.skuId === exchange.newSkuId)
    throw new AppError("INVALID_INPUT", "Choose another size to exchange for.", {
      fieldErrors: { newSkuId: [{ problem: "INVALID" }] },
      details: { reason: "SAME_ITEM" },
    });
  const sku = await tx.sku.findUnique({
    where: { id: exchange.newSkuId },
    select: { productId: true, isBundle: true },
  });
  if (!sku || sku.isBundle || sku.productId !== line.sku.productId)
    throw new AppError("NOT_FOUND", "No such size of this style.", {
      fieldErrors: { newSkuId: [{ problem: "INVALID" }] },
      details: { reason: "SKU", skuId: exchange.newSkuId },
    });
}
