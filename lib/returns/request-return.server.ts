import "server-only";
import { randomInt } from "node:crypto";
import { format } from "date-fns";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { FEN_PER_POINT } from "@/lib/pricing/price-order";
import {
  chooseReturnLines,
  makeReturnCode,
  orderIsReturnable,
  refundFor,
  requestReturnSchema,
  type RequestReturnInput,
} from "./return-rules";

export type RequestedReturn = {
  returnId: string;
  rmaNo: string;
  returnCode: string | null;
  refundAmount: number;
};

/**
 * A shopper asks to return units of a delivered or collected order: online (status REQUESTED,
 * the parcel goes back by courier) or at any store (a return code to show there). The order row
 * is locked so two requests cannot return the same units twice. Someone else's order is
 * NOT_FOUND, never a hint that it exists. Receiving the goods (`receiveReturn`, store console)
 * and refunding (`refundReturn`, payments) are separate steps.
 */
export async function requestReturn(
  db: Db,
  input: { userId: string; request: RequestReturnInput; now?: Date },
): Promise<RequestedReturn> {
  const request = requestReturnSchema.parse(input.request);
  const now = input.now ?? new Date();
  // A generated code or RMA number may collide with an existing one: try again with new ones.
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTransaction(db, (tx) => writeReturn(tx, input.userId, request, now));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function writeReturn(
  tx: Tx,
  userId: string,
  request: RequestReturnInput,
  now: Date,
): Promise<RequestedReturn> {
  const order = await tx.order.findUnique({
    where: { orderNo: request.orderNo },
    select: {
      id: true,
      userId: true,
      status: true,
      paymentStatus: true,
      pointsRedeemed: true,
      fulfilmentOrders: { select: { status: true } },
    },
  });
  if (!order || order.userId !== userId)
    throw new AppError("NOT_FOUND", "We could not find that order.", {
      details: { reason: "ORDER" },
    });
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${order.id} FOR UPDATE`;
  if (
    !orderIsReturnable({
      ...order,
      fulfilmentStatuses: order.fulfilmentOrders.map((f) => f.status),
    })
  ) {
    throw new AppError(
      "CONFLICT",
      "This order cannot be returned until it has been delivered or collected.",
      {
        details: { reason: "NOT_RETURNABLE_YET" },
      },
    );
  }
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
      returnLines: {
        where: { return: { status: { not: "REJECTED" } } },
        select: { quantity: true },
      },
    },
  });
  const returnable = lines.map((l) => ({
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
  }));
  const chosen = chooseReturnLines(returnable, request.lines);
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
  const atStore = request.mode === "AT_STORE";
  const created = await tx.return.create({
    data: {
      rmaNo: `RMA${format(now, "yyyyMMdd")}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`,
      orderId: order.id,
      status: "REQUESTED",
      atStore,
      returnCode: atStore ? makeReturnCode((max) => randomInt(0, max)) : null,
      reason: request.note ? `${request.reason}: ${request.note}` : request.reason,
      refundAmount,
      createdAt: now,
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
