import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import {
  COUNTED_RETURN_LINES,
  orderIsReturnable,
  returnableQuantity,
} from "@/lib/returns/return-rules";

export type OrderSummary = {
  orderNo: string;
  placedAt: Date;
  status: "PENDING_PAYMENT" | "PAID" | "IN_FULFILMENT" | "COMPLETED" | "CANCELLED";
  method: "PICKUP" | "SAME_CITY" | "EXPRESS";
  total: number;
  itemCount: number;
  returnable: boolean;
};

/** The shopper's orders, newest first. */
export async function listOrdersOf(
  db: Db,
  input: { userId: string; take?: number },
): Promise<OrderSummary[]> {
  const orders = await db.order.findMany({
    where: { userId: input.userId },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: input.take ?? 100,
    select: {
      orderNo: true,
      placedAt: true,
      status: true,
      method: true,
      total: true,
      paymentStatus: true,
      lines: { select: { quantity: true } },
      fulfilmentOrders: { select: { status: true } },
    },
  });
  return orders.map((o) => ({
    orderNo: o.orderNo,
    placedAt: o.placedAt,
    status: o.status,
    method: o.method,
    total: o.total,
    itemCount: o.lines.reduce((s, l) => s + l.quantity, 0),
    returnable: orderIsReturnable({
      ...o,
      fulfilmentStatuses: o.fulfilmentOrders.map((f) => f.status),
    }),
  }));
}

export type ReturnFormLine = {
  orderLineId: string;
  productName: string;
  productNameZh: string;
  color: string;
  colorZh: string;
  size: string;
  imagePath: string;
  bought: number;
  returnable: number;
  lineTotal: number;
};

/** An order of the shopper's with, per line, how many units can still be returned. */
export async function loadReturnForm(db: Db, input: { userId: string; orderNo: string }) {
  const order = await db.order.findUnique({
    where: { orderNo: input.orderNo },
    select: {
      orderNo: true,
      userId: true,
      status: true,
      paymentStatus: true,
      placedAt: true,
      fulfilmentOrders: { select: { status: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          quantity: true,
          lineTotal: true,
          sku: {
            select: {
              color: true,
              colorZh: true,
              size: true,
              product: { select: { name: true, nameZh: true, imagePath: true } },
            },
          },
          returnLines: {
            where: COUNTED_RETURN_LINES,
            select: { quantity: true },
          },
        },
      },
    },
  });
  if (!order || order.userId !== input.userId)
    throw new AppError("NOT_FOUND", "We could not find that order.", {
      details: { reason: "ORDER" },
    });
  const lines: ReturnFormLine[] = order.lines.map((l) => ({
    orderLineId: l.id,
    productName: l.sku.product.name,
    productNameZh: l.sku.product.nameZh,
    color: l.sku.color,
    colorZh: l.sku.colorZh,
    size: l.sku.size,
    imagePath: l.sku.product.imagePath,
    bought: l.quantity,
    returnable: returnableQuantity({
      bought: l.quantity,
      returned: l.returnLines.reduce((s, r) => s + r.quantity, 0),
    }),
    lineTotal: l.lineTotal,
  }));
  return {
    orderNo: order.orderNo,
    placedAt: order.placedAt,
    returnable: orderIsReturnable({
      ...order,
      fulfilmentStatuses: order.fulfilmentOrders.map((f) => f.status),
    }),
    lines,
  };
}

export type ReturnSummary = {
  rmaNo: string;
  orderNo: string;
  status: "REQUESTED" | "RECEIVED" | "REFUNDED" | "REJECTED";
  atStore: boolean;
  returnCode: string | null;
  refundAmount: number;
  createdAt: Date;
  units: number;
  /** When and where the goods were taken back, and when the money went back. */
  receivedAt: Date | null;
  receivingNode: { name: string; nameZh: string } | null;
  refundedAt: Date | null;
  /** Items the counter refused, with the reason staff gave. */
  refusedLines: (ReturnedItem & { quantity: number; reason: string })[];
};

export type ReturnedItem = {
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
};

/** The shopper's returns, newest first: all of them, or one order's. */
export async function listReturnsOf(
  db: Db,
  input: { userId: string; orderNo?: string },
): Promise<ReturnSummary[]> {
  const returns = await db.return.findMany({
    where: {
      order: { userId: input.userId, ...(input.orderNo ? { orderNo: input.orderNo } : {}) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      rmaNo: true,
      status: true,
      atStore: true,
      returnCode: true,
      refundAmount: true,
      createdAt: true,
      receivedAt: true,
      refundedAt: true,
      receivingNode: { select: { name: true, nameZh: true } },
      order: { select: { orderNo: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          quantity: true,
          condition: true,
          refuseReason: true,
          orderLine: {
            select: {
              sku: {
                select: {
                  color: true,
                  colorZh: true,
                  size: true,
                  product: { select: { name: true, nameZh: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  return returns.map((r) => ({
    rmaNo: r.rmaNo,
    orderNo: r.order.orderNo,
    status: r.status,
    atStore: r.atStore,
    returnCode: r.returnCode,
    refundAmount: r.refundAmount,
    createdAt: r.createdAt,
    units: r.lines.reduce((s, l) => s + l.quantity, 0),
    receivedAt: r.receivedAt,
    receivingNode: r.receivingNode,
    refundedAt: r.refundedAt,
    refusedLines: r.lines
      .filter((l) => l.condition === "REFUSED")
      .map((l) => ({
        product: l.orderLine.sku.product.name,
        productZh: l.orderLine.sku.product.nameZh,
        colour: l.orderLine.sku.color,
        colourZh: l.orderLine.sku.colorZh,
        size: l.orderLine.sku.size,
        quantity: l.quantity,
        reason: l.refuseReason ?? "",
      })),
  }));
}
