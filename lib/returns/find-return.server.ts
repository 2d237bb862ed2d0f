import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { FEN_PER_POINT } from "@/lib/pricing/price-order";
import { parseInput } from "@/lib/validation/parse-input";
import { reachedBuyerAt } from "./create-return.server";
import type { ReturnActor } from "./return-counter.server";
import {
  contactMatches,
  COUNTED_RETURN_LINES,
  findReturnSchema,
  orderIsReturnable,
  refundFor,
  returnableQuantity,
  returnWindowOpen,
} from "./return-rules";

/** An item as staff see it at the counter: the shopper's naming plus the SKU code on the tag. */
export type CounterItem = {
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
  skuCode: string;
};

export type CounterReturnLine = CounterItem & {
  returnLineId: string;
  quantity: number;
  condition: "RESALABLE" | "DAMAGED" | "REFUSED" | null;
  refuseReason: string | null;
  /** What the buyer paid for these units (after coupon and points), in fen. */
  paidValue: number;
};

export type CounterReturn = {
  returnId: string;
  rmaNo: string;
  status: "REQUESTED" | "RECEIVED" | "REFUNDED" | "REJECTED";
  atStore: boolean;
  reason: string;
  createdAt: Date;
  receivedAt: Date | null;
  refundedAt: Date | null;
  refundAmount: number;
  receivingNode: { code: string; name: string; nameZh: string } | null;
  /** Whether this actor may pay it back: an admin always, staff where the goods were received. */
  mayRefund: boolean;
  order: { orderNo: string; placedAt: Date; contactName: string };
  lines: CounterReturnLine[];
};

export type WalkInLine = CounterItem & {
  orderLineId: string;
  bought: number;
  /** Units not yet given back by another return. */
  returnable: number;
  /** What the buyer paid per unit, rounded down, in fen. */
  paidPerUnit: number;
};

export type CounterOrder = {
  orderNo: string;
  placedAt: Date;
  contactName: string;
  /** Delivered or collected, paid, and within the return window. */
  returnable: boolean;
  /** Returns not finished yet: goods awaited (REQUESTED) or refund awaited (RECEIVED). */
  openReturns: CounterReturn[];
  lines: WalkInLine[];
};

export type CounterLookup =
  { kind: "RETURN"; found: CounterReturn } | { kind: "ORDER"; found: CounterOrder };

const RMA = /^RMA\d{8,20}$/;
const RETURN_CODE = /^[A-HJ-NP-Z2-9]{8}$/;

const ITEM = {
  skuCode: true,
  color: true,
  colorZh: true,
  size: true,
  product: { select: { name: true, nameZh: true } },
} as const;

const ORDER_MONEY = {
  pointsRedeemed: true,
  lines: { select: { id: true, quantity: true, lineTotal: true } },
} as const;

const RETURN_VIEW = {
  id: true,
  rmaNo: true,
  status: true,
  atStore: true,
  reason: true,
  createdAt: true,
  receivedAt: true,
  refundedAt: true,
  refundAmount: true,
  receivingNodeId: true,
  receivingNode: { select: { code: true, name: true, nameZh: true } },
  order: {
    select: {
      orderNo: true,
      placedAt: true,
      contactName: true,
      contactPhone: true,
      user: { select: { email: true } },
      ...ORDER_MONEY,
    },
  },
  lines: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      orderLineId: true,
      quantity: true,
      condition: true,
      refuseReason: true,
      orderLine: { select: { sku: { select: ITEM } } },
    },
  },
} as const;

/**
 * The counter's look-up: a return code or RMA number finds that return at any store or
 * warehouse, whatever channel sold it; an order number (or a marketplace's own order id) with the
 * buyer's phone or email finds the order's unfinished returns and what is still returnable (for a
 * walk-in return). Every miss is the same NOT_FOUND, so a guess never learns that a code or an
 * order exists; a marketplace id the buyer holds on two channels asks for the order number.
 */
export async function findReturnAtCounter(
  db: Db,
  input: { actor: ReturnActor; query: string; contact?: string; now?: Date },
): Promise<CounterLookup> {
  assertCounterRole(input.actor);
  const { query, contact } = parseInput(findReturnSchema, {
    query: input.query,
    contact: input.contact,
  });
  const key = query.replace(/\s+/g, "").toUpperCase();
  const given = contact || undefined;
  if (RMA.test(key) || RETURN_CODE.test(key)) {
    const ret = await db.return.findUnique({
      where: RMA.test(key) ? { rmaNo: key } : { returnCode: key },
      select: RETURN_VIEW,
    });
    // A contact typed with a code must be that order's buyer, so it never confirms a guessed
    // code; a miss then reads as a missing order, like any order number with that contact.
    if (ret && (!given || contactMatches(given, buyerContact(ret.order))))
      return { kind: "RETURN", found: counterReturn(ret, input.actor) };
  }
  if (!given)
    throw new AppError("NOT_FOUND", "No return with this code or number.", {
      details: { reason: "RETURN" },
    });
  const found = await orderAtCounter(db, input.actor, [query, key], given, input.now);
  return { kind: "ORDER", found };
}

/** Staff of a store or an admin; everyone else is refused before anything is read. */
function assertCounterRole(actor: ReturnActor): void {
  if (actor.role === "ADMIN" || (actor.role === "STORE_STAFF" && actor.storeNodeId)) return;
  throw new AppError("FORBIDDEN", "Returns are taken by store staff or at a warehouse.", {
    details: { reason: "STORE_STAFF_ONLY" },
  });
}

async function orderAtCounter(
  db: Db,
  actor: ReturnActor,
  orderNos: readonly string[],
  contact: string,
  now = new Date(),
): Promise<CounterOrder> {
  // As typed, or upper-cased: order numbers are read out and typed in either case; a
  // marketplace's own order id is matched as typed too, on any channel.
  const keys = [...new Set(orderNos)];
  const candidates = await db.order.findMany({
    where: { OR: [{ orderNo: { in: keys } }, { channelOrderId: { in: keys } }] },
    orderBy: { placedAt: "asc" },
    take: 10,
    select: {
      id: true,
      orderNo: true,
      placedAt: true,
      contactName: true,
      contactPhone: true,
      status: true,
      paymentStatus: true,
      completedAt: true,
      user: { select: { email: true } },
      fulfilmentOrders: { select: { status: true, updatedAt: true } },
      pointsRedeemed: true,
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          quantity: true,
          lineTotal: true,
          sku: { select: ITEM },
          returnLines: { where: COUNTED_RETURN_LINES, select: { quantity: true } },
        },
      },
    },
  });
  // Only the buyer's own orders count, so an ambiguity never tells a guess that an id exists.
  const theirs = candidates.filter((o) => contactMatches(contact, buyerContact(o)));
  const byOrderNo = theirs.find((o) => keys.includes(o.orderNo));
  const order = byOrderNo ?? theirs[0];
  if (!order)
    throw new AppError("NOT_FOUND", "No order with this number for this phone or email.", {
      details: { reason: "ORDER" },
    });
  if (!byOrderNo && theirs.length > 1)
    throw new AppError(
      "CONFLICT",
      "This channel order id names orders on several channels; give the order number.",
      { details: { reason: "AMBIGUOUS_CHANNEL_ORDER" } },
    );
  const open = await db.return.findMany({
    where: { orderId: order.id, status: { in: ["REQUESTED", "RECEIVED"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: RETURN_VIEW,
  });
  const delivered = orderIsReturnable({
    ...order,
    fulfilmentStatuses: order.fulfilmentOrders.map((f) => f.status),
  });
  return {
    orderNo: order.orderNo,
    placedAt: order.placedAt,
    contactName: order.contactName,
    returnable: delivered && returnWindowOpen(reachedBuyerAt(order), now, env.RETURN_WINDOW_DAYS),
    openReturns: open.map((r) => counterReturn(r, actor)),
    lines: order.lines.map((l) => ({
      ...itemOf(l.sku),
      orderLineId: l.id,
      bought: l.quantity,
      returnable: returnableQuantity({
        bought: l.quantity,
        returned: l.returnLines.reduce((s, r) => s + r.quantity, 0),
      }),
      paidPerUnit: refundFor(moneyOf(order), [{ orderLineId: l.id, quantity: 1 }]),
    })),
  };
}

type ReturnRow = {
  id: string;
  rmaNo: string;
  status: CounterReturn["status"];
  atStore: boolean;
  reason: string;
  createdAt: Date;
  receivedAt: Date | null;
  refundedAt: Date | null;
  refundAmount: number;
  receivingNodeId: string | null;
  receivingNode: CounterReturn["receivingNode"];
  order: Parameters<typeof moneyOf>[0] & {
    orderNo: string;
    placedAt: Date;
    contactName: string;
  };
  lines: {
    id: string;
    orderLineId: string;
    quantity: number;
    condition: CounterReturnLine["condition"];
    refuseReason: string | null;
    orderLine: { sku: Parameters<typeof itemOf>[0] };
  }[];
};

function counterReturn(ret: ReturnRow, actor: ReturnActor): CounterReturn {
  const money = moneyOf(ret.order);
  return {
    returnId: ret.id,
    rmaNo: ret.rmaNo,
    status: ret.status,
    atStore: ret.atStore,
    reason: ret.reason,
    createdAt: ret.createdAt,
    receivedAt: ret.receivedAt,
    refundedAt: ret.refundedAt,
    refundAmount: ret.refundAmount,
    receivingNode: ret.receivingNode,
    mayRefund:
      actor.role === "ADMIN" || (!!actor.storeNodeId && actor.storeNodeId === ret.receivingNodeId),
    order: {
      orderNo: ret.order.orderNo,
      placedAt: ret.order.placedAt,
      contactName: ret.order.contactName,
    },
    lines: ret.lines.map((l) => ({
      ...itemOf(l.orderLine.sku),
      returnLineId: l.id,
      quantity: l.quantity,
      condition: l.condition,
      refuseReason: l.refuseReason,
      paidValue: refundFor(money, [{ orderLineId: l.orderLineId, quantity: l.quantity }]),
    })),
  };
}

function buyerContact(order: { contactPhone: string | null; user: { email: string } | null }) {
  return { phone: order.contactPhone, email: order.user?.email ?? null };
}

function moneyOf(order: {
  pointsRedeemed: number;
  lines: readonly { id: string; quantity: number; lineTotal: number }[];
}) {
  return {
    pointsValue: order.pointsRedeemed * FEN_PER_POINT,
    lines: order.lines.map((l) => ({
      orderLineId: l.id,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
    })),
  };
}

function itemOf(sku: {
  skuCode: string;
  color: string;
  colorZh: string;
  size: string;
  product: { name: string; nameZh: string };
}): CounterItem {
  return {
    product: sku.product.name,
    productZh: sku.product.nameZh,
    colour: sku.color,
    colourZh: sku.colorZh,
    size: sku.size,
    skuCode: sku.skuCode,
  };
}
