import "server-only";
import { randomInt } from "node:crypto";
import { format } from "date-fns";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Tx } from "@/lib/db/transaction.server";
import { FEN_PER_POINT } from "@/lib/pricing/price-order";
import {
  chooseReturnLines,
  COUNTED_RETURN_LINES,
  makeReturnCode,
  orderIsReturnable,
  refundFor,
  returnWindowClosed,
  returnWindowOpen,
} from "./return-rules";

export type CreatedReturn = {
  returnId: string;
  rmaNo: string;
  returnCode: string | null;
  refundAmount: number;
};

/**
 * Writes a return for units of an order the caller has already identified (the buyer's own
 * order, or one a walk-in customer proved at the counter). The order row is locked so two
 * returns cannot give the same units back twice; the order must have reached the buyer, within
 * the return window, and no line may go above what is still returnable.
 */
export async function createReturn(
  tx: Tx,
  input: {
    orderId: string;
    atStore: boolean;
    withCode: boolean;
    /** A fixed id, derived by the caller from an idempotency key (an exchange). */
    id?: string;
    reason: string;
    lines: readonly { orderLineId: string; quantity: number }[];
    now: Date;
  },
): Promise<CreatedReturn> {
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${input.orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      pointsRedeemed: true,
      completedAt: true,
      fulfilmentOrders: { select: { status: true, updatedAt: true } },
    },
  });
  if (
    !orderIsReturnable({
      ...order,
      fulfilmentStatuses: order.fulfilmentOrders.map((f) => f.status),
    })
  ) {
    throw new AppError(
      "CONFLICT",
      "This order cannot be returned until it has been delivered or collected.",
      { details: { reason: "NOT_RETURNABLE_YET" } },
    );
  }
  const days = env.RETURN_WINDOW_DAYS;
  if (!returnWindowOpen(reachedBuyerAt(order), input.now, days)) throw returnWindowClosed(days);
  const lines = await tx.orderLine.findMany({
    where: { orderId: order.id },
    select: {
      id: true,
      quantity: true,
      lineTotal: true,
      sku: {
        select: {
          color: true,
          colorZh: true,
          size: true,
          product: { select: { name: true, nameZh: true } },
        },
      },
      returnLines: { where: COUNTED_RETURN_LINES, select: { quantity: true } },
    },
  });
  const chosen = chooseReturnLines(
    lines.map((l) => ({
      orderLineId: l.id,
      bought: l.quantity,
      returned: l.returnLines.reduce((s, r) => s + r.quantity, 0),
      lineTotal: l.lineTotal,
      naming: {
        product: l.sku.product.name,
        productZh: l.sku.product.nameZh,
        colour: l.sku.color,
        colourZh: l.sku.colorZh,
        size: l.sku.size,
      },
    })),
    input.lines,
  );
  const refundAmount = refundFor(
    {
      lines: lines.map((l) => ({
        orderLineId: l.id,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
      })),
      pointsValue: order.pointsRedeemed * FEN_PER_POINT,
    },
    chosen,
  );
  const created = await tx.return.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      rmaNo: `RMA${format(input.now, "yyyyMMdd")}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`,
      orderId: order.id,
      status: "REQUESTED",
      atStore: input.atStore,
      returnCode: input.withCode ? makeReturnCode((max) => randomInt(0, max)) : null,
      reason: input.reason,
      refundAmount,
      createdAt: input.now,
      lines: { create: chosen.map((c) => ({ orderLineId: c.orderLineId, quantity: c.quantity })) },
    },
    select: { id: true, rmaNo: true, returnCode: true, refundAmount: true },
  });
  return {
    returnId: created.id,
    rmaNo: created.rmaNo,
    returnCode: created.returnCode,
    refundAmount: created.refundAmount,
  };
}

/** When the goods reached the buyer: the order's completion, else its last handover. */
export function reachedBuyerAt(order: {
  completedAt: Date | null;
  fulfilmentOrders: readonly { status: string; updatedAt: Date }[];
}): Date | null {
  if (order.completedAt) return order.completedAt;
  const handed = order.fulfilmentOrders
    .filter((f) => f.status === "PICKED_UP" || f.status === "DELIVERED")
    .map((f) => f.updatedAt.getTime());
  return handed.length > 0 ? new Date(Math.max(...handed)) : null;
}
