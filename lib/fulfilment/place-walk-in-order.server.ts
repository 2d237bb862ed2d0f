import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { recordSucceededCharge } from "@/lib/payments/record-charge.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import type { FulfilmentActor } from "./actor";
import { STORE_CHANNEL_CODE } from "./search-endless-aisle.server";

export const walkInOrderSchema = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("PICKUP"),
    skuId: z.string().min(1),
    quantity: z.number().int().min(1).max(20),
    contactName: z.string().trim().min(1, "Required.").max(100),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{5,20}$/, "Enter a phone number.")
      .optional(),
    idempotencyKey: z.string().min(8).max(200),
  }),
  z.object({
    method: z.literal("EXPRESS"),
    skuId: z.string().min(1),
    quantity: z.number().int().min(1).max(20),
    contactName: z.string().trim().min(1, "Required.").max(100),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{5,20}$/, "Enter a phone number.")
      .optional(),
    addressLine: z.string().trim().min(3, "Enter the street and number.").max(300),
    idempotencyKey: z.string().min(8).max(200),
  }),
]);
export type WalkInOrderInput = z.infer<typeof walkInOrderSchema>;

/**
 * Endless aisle: a walk-in customer buys what this store lacks from the pool. The order goes
 * through the store channel with the staff member as guide (they earn the commission), is paid
 * at the till, and is either collected here later or sent by express to the customer. An
 * express address without coordinates is placed at the store's own location, which the courier
 * leg does not depend on.
 */
export async function placeWalkInOrder(
  db: Db,
  input: { actor: FulfilmentActor; order: WalkInOrderInput; now?: Date },
) {
  const { actor, order } = input;
  if (actor.role !== "STORE_STAFF" || actor.storeNodeId === null) {
    throw new AppError("FORBIDDEN", "Only a store's staff place orders for walk-in customers.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  }
  const store = await db.node.findUnique({ where: { id: actor.storeNodeId } });
  if (!store)
    throw new AppError("NOT_FOUND", "This store no longer exists.", {
      details: { reason: "STORE" },
    });
  const placed = await placeOrder(db, {
    channelCode: STORE_CHANNEL_CODE,
    buyer: { kind: "WALK_IN", guideUserId: actor.id },
    lines: [{ skuId: order.skuId, quantity: order.quantity }],
    method: order.method,
    destination:
      order.method === "PICKUP"
        ? { kind: "store", nodeId: store.id }
        : {
            kind: "address",
            addressLine: order.addressLine,
            city: store.city,
            latitude: store.latitude,
            longitude: store.longitude,
          },
    contact: {
      name: order.contactName,
      ...(order.contactPhone ? { phone: order.contactPhone } : {}),
    },
    paymentProvider: "IN_STORE",
    idempotencyKey: `aisle:${actor.id}:${order.idempotencyKey}`,
    now: input.now,
  });
  // The customer pays at the till: the charge is on the books like any other, so a later return
  // is refunded against it.
  await withTransaction(db, (tx) =>
    recordSucceededCharge(tx, {
      orderId: placed.orderId,
      provider: "IN_STORE",
      amount: placed.total,
      chargeRef: `in_store_${placed.orderId}`,
    }),
  );
  const paid = await confirmOrderPayment(db, {
    orderId: placed.orderId,
    provider: "IN_STORE",
    amount: placed.total,
    paidAt: input.now,
  });
  if (paid.outcome === "REFUND_NEEDED") {
    await refundOrderPayment(db, {
      orderId: placed.orderId,
      reason: "stock taken meanwhile: money given back at the till",
    });
    throw new AppError(
      "OUT_OF_STOCK",
      "The stock was taken meanwhile: give the customer their money back.",
      {
        details: { reason: "SOLD_MEANWHILE", orderNo: placed.orderNo },
      },
    );
  }
  const pickup = await db.fulfilmentOrder.findFirst({
    where: {
      orderId: placed.orderId,
      nodeId: store.id,
      shipToNodeId: null,
      pickupCode: { not: null },
    },
    select: { pickupCode: true },
  });
  return {
    orderId: placed.orderId,
    orderNo: placed.orderNo,
    total: placed.total,
    pickupCode: pickup?.pickupCode ?? null,
  };
}
