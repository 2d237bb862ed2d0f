import "server-only";
import { recordChannelOrderEvent } from "@/lib/order-events/record-channel-order-event.server";
import type { Redis } from "@upstash/redis";
import { capacityIsLimit } from "@/lib/routing/rules/capacity";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { consumeEmployeeQuota } from "@/lib/employee/consume-quota.server";
import { quotaPeriodKey } from "@/lib/employee/quota";
import { env } from "@/lib/env";
import { newRowId } from "@/lib/inventory/stock-writes.server";
import { getRedis } from "@/lib/redis/client.server";
import { reservePresale } from "@/lib/reservations/reserve-presale.server";
import { holdTtlSeconds } from "@/lib/reservations/rules";
import { routeOrder } from "@/lib/routing/route-order";
import type { Destination } from "@/lib/routing/types";
import { planFulfilment, reserveFulfilment, type FulfilmentPlan } from "./create-fulfilment.server";
import { insertOrderRows } from "./order-rows.server";
import { newOrderNo } from "./order-codes";
import { nameRefusedItems } from "./name-refused-items.server";
import { loadOrderContext, type OrderContext } from "./order-context.server";
import { placeOrderSchema, type ParsedOrder, type PlaceOrderInput } from "./order-input";
import { priceForOrder, redeemForOrder } from "./order-pricing.server";
import { promisedBy } from "./promise-time";
import { routingDecisionRow } from "./record-routing-decision.server";
import { gatedUnits } from "./order-lines";
import { loadOrderRouting } from "./order-lines.server";
import { passStockGate } from "./order-stock-gate.server";
import { routingRefusalError } from "./routing-refusal";

export type { OrderBuyer, OrderDestination } from "./order-input";

export type PlaceOrderOptions = PlaceOrderInput & {
  now?: Date;
  /** The Redis stock gate; defaults to getRedis(). Null: the database alone decides. */
  stockGate?: Redis | null;
};

export type PlaceOrderResult = {
  orderId: string;
  orderNo: string;
  total: number;
  currency: string;
  holdExpiresAt: Date | null;
  /** False when the idempotency key matched an order placed before: nothing changed. */
  created: boolean;
};

/** A race lost between routing and reserving is tried again on fresh numbers this often. */
const ATTEMPTS = 3;

/**
 * Places an order: prices it, routes it (lib/routing) on the stock the channel may sell, and in
 * one transaction writes the order, the routing decision, the fulfilment orders and one hold per
 * line (lib/reservations): a bundle at one node holding all its components, reserved as a group;
 * a presale line counted against its cap, waiting for inbound (express only). All or nothing: a
 * refusal (INVALID_INPUT, NOT_FOUND, OUT_OF_STOCK with what is available where, UNDELIVERABLE
 * with what to choose instead, CONFLICT, QUOTA_EXCEEDED) leaves no order and no hold. An
 * employee's order is priced at employee prices and takes its units and spend from the quota
 * period it records (quotaPeriodKey), in the same transaction. The same idempotency key returns the first order (double click, retry).
 */
export async function placeOrder(db: Db, options: PlaceOrderOptions): Promise<PlaceOrderResult> {
  const { now = new Date(), stockGate = getRedis(), ...raw } = options;
  const input = parseInput(placeOrderSchema, raw);
  const earlier = await findByKey(db, input);
  if (earlier) return earlier;
  // Names are added only at the end, once, for the shopper: the stock engine refuses by id.
  const named = async (error: unknown): Promise<never> => {
    throw await nameRefusedItems(db, error);
  };
  const context = await loadOrderContext(db, input).catch(named);
  // A sold-out SKU is refused here, by Redis, before any transaction starts. The kinds (bundle,
  // presale) were read with the prices: routing in the transaction decides on the same ones.
  const gate = await passStockGate(db, stockGate, {
    channelId: context.channelId,
    units: gatedUnits(input.lines, context.kinds),
  }).catch(named);
  for (let attempt = 1; ; attempt++) {
    try {
      const placed = await withTransaction(db, (tx) => placeInTransaction(tx, input, context, now));
      notifyStockChanged();
      return placed;
    } catch (error) {
      if (attempt < ATTEMPTS && lostRace(error)) continue;
      // Whatever happens now, this attempt holds no stock: its gate units go back.
      await gate.giveBack(error);
      if (isUniqueViolation(error)) {
        const winner = await findByKey(db, input);
        if (winner) return winner;
      }
      return named(error);
    }
  }
}

/** Refusals decided on the order as a whole, not a race with another reservation. */
const FINAL_REASONS: ReadonlySet<unknown> = new Set([
  "NO_NODE_CAN_FILL",
  "SPLIT_LIMIT",
  "BUNDLE_COMPONENT",
  "PRESALE_CAP",
]);

/**
 * A reservation refused after routing said yes: someone took the units, or the node's last
 * capacity of the day, in between. Routing again reads the new figures.
 */
function lostRace(error: unknown): boolean {
  if (isAppError(error)) {
    if (error.code === "CONFLICT") return error.details?.reason === "NODE_AT_CAPACITY";
    return error.code === "OUT_OF_STOCK" && !FINAL_REASONS.has(error.details?.reason);
  }
  // PostgreSQL's deadlock and serialization failures are safe to try again.
  const text = String((error as { message?: unknown })?.message ?? "");
  return /40P01|40001|deadlock/i.test(text);
}

async function findByKey(db: Db, input: ParsedOrder): Promise<PlaceOrderResult | null> {
  const order = await db.order.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    include: { lines: true, reservations: { where: { status: { in: ["ACTIVE", "WAITING"] } } } },
  });
  if (!order) return null;
  const sameLines =
    order.lines.length === input.lines.length &&
    input.lines.every((l) =>
      order.lines.some((o) => o.skuId === l.skuId && o.quantity === l.quantity),
    );
  if (order.method !== input.method || !sameLines)
    throw new AppError("CONFLICT", "This checkout was already used for a different order.", {
      details: { reason: "IDEMPOTENCY_KEY", idempotencyKey: input.idempotencyKey },
    });
  const expiries = order.reservations.flatMap((r) => (r.expiresAt ? [r.expiresAt] : []));
  const holdExpiresAt = expiries.length
    ? new Date(Math.min(...expiries.map((d) => d.getTime())))
    : null;
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    total: order.total,
    currency: order.currency,
    holdExpiresAt,
    created: false,
  };
}

function routingDestination(input: ParsedOrder): Destination {
  return input.destination.kind === "store"
    ? { kind: "store", nodeId: input.destination.nodeId }
    : { kind: "point", lat: input.destination.latitude, lng: input.destination.longitude };
}

async function placeInTransaction(
  tx: Tx,
  input: ParsedOrder,
  context: OrderContext,
  now: Date,
): Promise<PlaceOrderResult> {
  const plan = await loadOrderRouting(tx, {
    channelId: context.channelId,
    lines: input.lines,
    method: input.method,
    now,
    kinds: context.kinds,
  });
  const { candidates, rules } = plan;
  // An order of presale lines only waits for inbound supply: there is nothing to route now.
  const routed =
    plan.routed.length > 0
      ? routeOrder(
          { lines: plan.routed, method: input.method, destination: routingDestination(input) },
          candidates,
          rules,
        )
      : null;
  if (routed && !routed.ok) throw routingRefusalError(routed);

  const priced = await priceForOrder(tx, input, context, now);
  const shippedIn = routed?.assignments.some((a) => a.shipToNodeId) ?? false;
  const address = input.destination.kind === "address" ? input.destination : null;
  const employeeQuota = context.employeeQuota;
  const periodKey = employeeQuota ? quotaPeriodKey(now, employeeQuota.period) : null;
  const orderId = newRowId();
  const orderLines = priced.lines.map((l) => ({
    ...l,
    id: newRowId(),
    orderId,
    isPresale: plan.kinds.presale.has(l.skuId),
  }));
  const lineOfSku = new Map(orderLines.map((l) => [l.skuId, l.id]));
  const holdKind = input.method === "PICKUP" ? "PICKUP_HOLD" : "CHECKOUT_HOLD";
  const ttlSeconds = input.holdMinutes
    ? Math.max(1, Math.round(input.holdMinutes * 60))
    : undefined;
  const decision = routed
    ? routingDecisionRow({ orderId, attempt: 1, method: input.method, rules, result: routed })
    : null;
  const fulfilmentPlan: FulfilmentPlan | null =
    routed && decision
      ? {
          orderId,
          channelId: context.channelId,
          routingDecisionId: decision.id,
          assignments: routed.assignments,
          lineOfSku,
          bundles: plan.kinds.bundles,
          kind: holdKind,
          ttlSeconds,
          pickupNodeId: context.pickupNode?.id ?? null,
          capacityLimits: capacityIsLimit(rules, input.method),
          now,
        }
      : null;
  const fulfilment = fulfilmentPlan ? planFulfilment(fulfilmentPlan) : null;
  // The order, its lines, the routing decision and the fulfilment orders: one statement.
  const [order] = await insertOrderRows(tx, {
    orders: [
      {
        id: orderId,
        orderNo: newOrderNo(now),
        channelId: context.channelId,
        buyerType: context.buyer.buyerType,
        userId: context.buyer.userId,
        memberId: context.buyer.memberId,
        employeeId: context.buyer.employeeId,
        guideUserId: context.buyer.guideUserId,
        method: input.method,
        pickupNodeId: context.pickupNode?.id ?? null,
        contactName: input.contact.name,
        contactPhone: input.contact.phone ?? null,
        addressLine: address?.addressLine ?? null,
        city: address?.city ?? null,
        latitude: address?.latitude ?? null,
        longitude: address?.longitude ?? null,
        subtotal: priced.subtotal,
        discountTotal: priced.discountTotal,
        shippingFee: priced.shippingFee,
        total: priced.total,
        pointsRedeemed: priced.pointsRedeemed,
        pointsEarned: priced.pointsEarned,
        quotaPeriodKey: periodKey,
        paymentProvider: input.paymentProvider ?? null,
        idempotencyKey: input.idempotencyKey,
        channelOrderId: input.channelOrderId ?? null,
        placedAt: now,
        promisedBy: promisedBy(input.method, now, { shippedIn }),
      },
    ],
    orderLines,
    decisions: decision ? [decision] : [],
    ...fulfilment?.rows,
  });
  if (!order) throw new Error("the order was not written");
  // Presale lines count against the SKU's presale cap and wait, with no node, for the inbound;
  // unpaid, they lapse with the order's hold, giving the cap back.
  const presaleTtl = holdTtlSeconds(holdKind, ttlSeconds, env.PICKUP_HOLD_MINUTES);
  const expiries: Date[] = [];
  for (const line of plan.presale) {
    const { reservation } = await reservePresale(tx, {
      channelId: context.channelId,
      skuId: line.skuId,
      quantity: line.quantity,
      orderId: order.id,
      orderLineId: lineOfSku.get(line.skuId),
      ttlSeconds: presaleTtl ?? undefined,
      now,
    });
    if (reservation.expiresAt) expiries.push(reservation.expiresAt);
  }
  if (fulfilmentPlan && fulfilment) {
    const reserved = await reserveFulfilment(tx, fulfilmentPlan, fulfilment);
    if (reserved.holdExpiresAt) expiries.push(reserved.holdExpiresAt);
  }
  const holdExpiresAt = expiries.length
    ? new Date(Math.min(...expiries.map((d) => d.getTime())))
    : null;
  // After the stock rows (lock order SKU → stock → reservations → quota rows).
  if (employeeQuota && periodKey && context.buyer.employeeId)
    await consumeEmployeeQuota(tx, {
      employeeId: context.buyer.employeeId,
      periodKey,
      period: employeeQuota.period,
      limits: employeeQuota.limits,
      lines: input.lines,
      spend: priced.subtotal,
    });
  await redeemForOrder(tx, input, context, {
    orderId: order.id,
    subtotal: priced.subtotal,
    now,
    pointsRedeemed: priced.pointsRedeemed,
  });
  // A marketplace hears that its order was taken, with the order (its last lock).
  if (input.channelOrderId)
    await recordChannelOrderEvent(tx, {
      orderId: order.id,
      kind: "ACCEPTED",
      dedupeKey: `ACCEPTED:${order.id}`,
    });
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    total: order.total,
    currency: order.currency,
    holdExpiresAt,
    created: true,
  };
}
