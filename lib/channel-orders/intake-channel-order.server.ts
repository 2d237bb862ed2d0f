import "server-only";
import type { Redis } from "@upstash/redis";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { ChannelLineRefusal } from "@/lib/errors/error-details";
import type { Db } from "@/lib/db/transaction.server";
import { placeOrder, type PlaceOrderResult } from "@/lib/orders/place-order.server";
import type { OrderDestination } from "@/lib/orders/order-input";
import { parseInput } from "@/lib/validation/parse-input";
import {
  channelOrderSchema,
  takesOrdersThroughApi,
  type ChannelOrder,
} from "./channel-order-input";
import { channelOrderDestination } from "./channel-order-destination.server";
import {
  isSameChannelOrder,
  resolveChannelLines,
  shortLines,
  unroutableLines,
  type ChannelSku,
  type ResolvedLine,
} from "./channel-order-lines";
import {
  channelOrderReceipt,
  findChannelOrder,
  type ChannelOrderReceipt,
  type ChannelOrderRow,
} from "./channel-order-receipt.server";
import { channelAts, loadChannelSkus } from "./load-channel-skus.server";
import { settleChannelPayment } from "./settle-channel-payment.server";

export type IntakeChannelOrderOptions = {
  /** The order as the connector sent it, with the channel code from the path as `code`. */
  input: unknown;
  now?: Date;
  /** The Redis stock gate; defaults to placeOrder's. Null: the database alone decides. */
  stockGate?: Redis | null;
};

/** Stock refusals are re-read and the rest placed again at most this often (partial acceptance). */
const PARTIAL_ATTEMPTS = 3;

type Channel = {
  id: string;
  code: string;
  acceptsPartialOrders: boolean;
  /** How long the order holds its stock while the channel has not said it is paid. */
  unpaidHoldMinutes: number;
};

/**
 * Takes a marketplace order into the pool through the one order placement path (placeOrder:
 * the channel's own ATS, routing with its decision stored, fulfilment orders in the stores'
 * queues, holds; a paid order confirmed as any payment). The channel's order id is unique per
 * channel: a resend answers the order placed first (created false), other lines or method are
 * CONFLICT / CHANNEL_ORDER_ID. Lines the channel may not sell are INVALID_INPUT / ORDER_LINES,
 * lines its stock cannot fill OUT_OF_STOCK / ORDER_LINES, each line with its reason; a channel
 * that accepts partial orders gets the order without them instead. A refusal reserves nothing.
 */
export async function intakeChannelOrder(
  db: Db,
  options: IntakeChannelOrderOptions,
): Promise<ChannelOrderReceipt> {
  const order = parseInput(channelOrderSchema, options.input);
  const now = options.now ?? new Date();
  const channel = await db.channel.findUnique({
    where: { code: order.code },
    select: {
      id: true,
      code: true,
      kind: true,
      acceptsPartialOrders: true,
      unpaidHoldMinutes: true,
    },
  });
  if (!channel)
    throw new AppError("NOT_FOUND", `There is no channel ${order.code}.`, {
      details: { reason: "CHANNEL", channelCode: order.code },
    });
  if (!takesOrdersThroughApi(channel.kind))
    throw new AppError("FORBIDDEN", `${channel.code}'s orders are taken by its own shop.`, {
      details: { reason: "OWN_STOREFRONT", channelCode: channel.code },
    });
  const skus = await loadChannelSkus(db, { channelId: channel.id, lines: order.lines });
  const key = { channelId: channel.id, channelOrderId: order.channelOrderId };
  const earlier = await findChannelOrder(db, key);
  if (earlier) return answerResend(db, { channel, order, skus, placed: earlier, now });

  const { resolved, refused } = resolveChannelLines(order.lines, skus);
  if (refused.length > 0)
    throw new AppError("INVALID_INPUT", "Some lines are not this channel's to sell.", {
      details: { reason: "ORDER_LINES", lines: refused },
    });
  const destination = await channelOrderDestination(db, order);
  const atsOf = new Map(skus.map((s) => [s.id, s.ats]));
  const presaleLeftOf = new Map(
    skus.flatMap((s) => (s.presaleLeft === null ? [] : [[s.id, s.presaleLeft] as const])),
  );
  let lines = resolved;
  const left: ChannelLineRefusal[] = [];
  for (let attempt = 1; ; attempt++) {
    const short = shortLines(lines, atsOf, presaleLeftOf);
    if (short.length > 0) {
      if (!channel.acceptsPartialOrders || short.length === lines.length)
        throw linesShort([...left, ...short]);
      left.push(...short);
      lines = lines.filter((l) => !short.some((s) => s.line === l.line));
    }
    try {
      const placed = await place(db, { channel, order, lines, destination, now, options });
      const row = await findChannelOrder(db, key);
      if (!row) throw new AppError("INTERNAL", "The placed order is gone.");
      if (!placed.created) return answerResend(db, { channel, order, skus, placed: row, now });
      if (order.paid) await settleChannelPayment(db, { ...placed, now });
      const fresh = order.paid ? ((await findChannelOrder(db, key)) ?? row) : row;
      return channelOrderReceipt(fresh, { created: true, refused: left });
    } catch (error) {
      if (isAppError(error) && error.details?.reason === "IDEMPOTENCY_KEY") {
        // Another request with this id won the race with other lines.
        const winner = await findChannelOrder(db, key);
        if (winner) return answerResend(db, { channel, order, skus, placed: winner, now });
      }
      if (!isAppError(error) || error.code !== "OUT_OF_STOCK") throw error;
      // The stock moved since it was read: read it again and say which lines it refuses.
      const fresh = await channelAts(
        db,
        channel.id,
        lines.map((l) => l.skuId),
      );
      for (const [skuId, a] of fresh) atsOf.set(skuId, a.ats);
      // A presale cap another order used meanwhile says what it has left.
      if (error.details?.reason === "PRESALE_CAP")
        presaleLeftOf.set(error.details.skuId, error.details.available);
      const refusedNow = [
        ...shortLines(lines, atsOf, presaleLeftOf),
        ...unroutableLines(lines, routingAvailability(error)),
      ];
      if (refusedNow.length === 0) throw error;
      const partialLeft = lines.length > refusedNow.length;
      if (!channel.acceptsPartialOrders || !partialLeft || attempt >= PARTIAL_ATTEMPTS)
        throw linesShort([...left, ...refusedNow]);
      // Short lines (the channel's stock, a presale cap) are found again by the loop's check.
      left.push(...refusedNow.filter((r) => r.reason === "NO_NODE"));
      lines = lines.filter(
        (l) => !refusedNow.some((r) => r.line === l.line && r.reason === "NO_NODE"),
      );
    }
  }
}

/** What routing found where, when it refused for lack of stock. */
function routingAvailability(error: AppError) {
  const details = error.details;
  return details?.reason === "NO_NODE_CAN_FILL" || details?.reason === "SPLIT_LIMIT"
    ? details.availability
    : [];
}

function linesShort(lines: ChannelLineRefusal[]): AppError {
  return new AppError("OUT_OF_STOCK", "Some lines cannot be filled from this channel's stock.", {
    details: { reason: "ORDER_LINES", lines: [...lines].sort((a, b) => a.line - b.line) },
  });
}

/** The placement key of a channel's order id: one order per channel and id. */
export function channelOrderKey(channelId: string, channelOrderId: string): string {
  return `channel-order:${channelId}:${channelOrderId}`;
}

async function place(
  db: Db,
  input: {
    channel: Channel;
    order: ChannelOrder;
    lines: readonly ResolvedLine[];
    destination: OrderDestination;
    now: Date;
    options: IntakeChannelOrderOptions;
  },
): Promise<PlaceOrderResult> {
  const { channel, order, lines } = input;
  return placeOrder(db, {
    channelCode: channel.code,
    buyer: { kind: "MARKETPLACE" },
    lines: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
    method: order.method,
    destination: input.destination,
    contact: { name: order.buyer.name, ...(order.buyer.phone ? { phone: order.buyer.phone } : {}) },
    paymentProvider: "CHANNEL",
    idempotencyKey: channelOrderKey(channel.id, order.channelOrderId),
    holdMinutes: channel.unpaidHoldMinutes,
    channelOrderId: order.channelOrderId,
    channelPricing: {
      unitPrices: Object.fromEntries(lines.map((l) => [l.skuId, l.unitPrice])),
      shippingFee: order.shippingFee,
    },
    now: input.now,
    ...(input.options.stockGate !== undefined ? { stockGate: input.options.stockGate } : {}),
  });
}

/**
 * The same channel order id again: the order placed first when the request is the same order
 * (its payment confirmed now if the resend says paid), else CONFLICT naming that order.
 */
async function answerResend(
  db: Db,
  input: {
    channel: Channel;
    order: ChannelOrder;
    skus: readonly ChannelSku[];
    placed: ChannelOrderRow;
    now: Date;
  },
): Promise<ChannelOrderReceipt> {
  const { order, placed } = input;
  // A resend is compared by the SKUs it names, whatever the channel may sell of them now.
  const named = resolveChannelLines(
    order.lines,
    input.skus.map((s) => ({ ...s, listed: true })),
  );
  const same =
    named.refused.length === 0 &&
    isSameChannelOrder(
      placed,
      { method: order.method, lines: named.resolved },
      input.channel.acceptsPartialOrders,
    );
  if (!same)
    throw new AppError(
      "CONFLICT",
      `Channel order ${order.channelOrderId} is order ${placed.orderNo}, with other lines.`,
      {
        details: {
          reason: "CHANNEL_ORDER_ID",
          channelOrderId: order.channelOrderId,
          orderNo: placed.orderNo,
        },
      },
    );
  if (order.paid && placed.paymentStatus === "PENDING") {
    await settleChannelPayment(db, { ...placed, orderId: placed.id, now: input.now });
    const fresh = await findChannelOrder(db, {
      channelId: input.channel.id,
      channelOrderId: order.channelOrderId,
    });
    if (fresh) return channelOrderReceipt(fresh, { created: false });
  }
  return channelOrderReceipt(placed, { created: false });
}
