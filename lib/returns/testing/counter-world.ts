import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import { handToCourier } from "@/lib/fulfilment/hand-to-courier.server";
import { markDelivered } from "@/lib/fulfilment/mark-delivered.server";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines } from "@/lib/fulfilment/pick-lines.server";
import { verifyPickupCode } from "@/lib/fulfilment/verify-pickup-code.server";
import { placeOrder, type PlaceOrderOptions } from "@/lib/orders/place-order.server";
import { createOrderWorld, NEAR_POINT, type OrderWorld } from "@/lib/orders/testing/order-world";
import { payDemoOrder } from "@/lib/payments/pay-demo-order.server";
import type { ReturnActor } from "../return-counter.server";

// Test support for returns at the counter and the settlement ledger: the order world (stores
// `near` and `far` in Shanghai, warehouse `wh`) with each store owned by its own franchisee, so a
// return taken at the other store crosses organisations. `near` alone delivers same-city, so a
// delivered order is fulfilled by store A = `near`; store B = `far` receives returns.

export const BUYER_PHONE = "+86 138 0000 0000";

export type CounterWorld = OrderWorld & {
  brandOrg: string;
  orgA: string;
  orgB: string;
  storeA: string;
  storeB: string;
  staffA: ReturnActor;
  staffB: ReturnActor;
  admin: ReturnActor;
  /** The member buyer, as an actor (who may not take returns). */
  consumer: ReturnActor;
  /** An employee account, as an actor (who may not take returns). */
  employee: ReturnActor;
};

export async function createCounterWorld(prisma: PrismaClient): Promise<CounterWorld> {
  const w = await createOrderWorld(prisma);
  const suffix = w.node("near").split("_").pop() ?? randomBytes(4).toString("hex");
  const brand = await prisma.organization.findFirstOrThrow({
    where: { code: { endsWith: suffix } },
  });
  const franchisee = (side: string) =>
    prisma.organization.create({
      data: {
        code: `FR-${side}-${suffix}`,
        name: `Franchise ${side}`,
        nameZh: `加盟商 ${side}`,
        kind: "FRANCHISEE",
      },
    });
  const orgA = await franchisee("A");
  const orgB = await franchisee("B");
  await prisma.node.update({
    where: { id: w.node("near") },
    data: { type: "STORE_FRANCHISE", organizationId: orgA.id },
  });
  await prisma.node.update({
    where: { id: w.node("far") },
    data: { type: "STORE_FRANCHISE", organizationId: orgB.id, offersSameCity: false },
  });
  const actor = async (key: string, role: Role, storeNodeId: string | null) => {
    const user = await prisma.user.create({
      data: { email: `${key}-${suffix}@test.dev`, name: key, passwordHash: "-", role, storeNodeId },
    });
    return { id: user.id, role, storeNodeId } satisfies ReturnActor;
  };
  return {
    ...w,
    brandOrg: brand.id,
    orgA: orgA.id,
    orgB: orgB.id,
    storeA: w.node("near"),
    storeB: w.node("far"),
    staffA: { id: w.staffUserId, role: "STORE_STAFF", storeNodeId: w.node("near") },
    staffB: await actor("staff-b", "STORE_STAFF", w.node("far")),
    admin: await actor("admin", "ADMIN", null),
    consumer: { id: w.memberUserId, role: "CONSUMER", storeNodeId: null },
    employee: await actor("employee", "EMPLOYEE", null),
  };
}

let keys = 0;

/** A member's same-city order to a point near store A (Nanjing Road). */
export function sameCityOrder(
  w: OrderWorld,
  lines: [string, number][],
  now?: Date,
): PlaceOrderOptions {
  return {
    channelCode: w.webCode,
    buyer: { kind: "MEMBER", userId: w.memberUserId },
    lines: lines.map(([sku, quantity]) => ({ skuId: w.sku(sku), quantity })),
    method: "SAME_CITY",
    destination: {
      kind: "address",
      addressLine: "1 Nanjing Road",
      city: "Shanghai",
      ...NEAR_POINT,
    },
    contact: { name: "Li Wei", phone: BUYER_PHONE },
    paymentProvider: "DEMO",
    idempotencyKey: `counter-${Date.now()}-${++keys}-${randomBytes(3).toString("hex")}`,
    ...(now ? { now } : {}),
  };
}

/** A member's pickup order at a store of the world. */
export function pickupOrder(
  w: OrderWorld,
  store: string,
  lines: [string, number][],
  now?: Date,
): PlaceOrderOptions {
  return {
    ...sameCityOrder(w, lines, now),
    method: "PICKUP",
    destination: { kind: "store", nodeId: w.node(store) },
  };
}

/**
 * Takes every open fulfilment order of a paid order through its steps: a delivery to the buyer
 * (courier, delivered), a pickup to the counter (`upTo: "READY"`) or into the buyer's hands.
 */
export async function fulfil(
  prisma: PrismaClient,
  orderId: string,
  actor: ReturnActor,
  options: { now?: Date; upTo?: "READY" | "DONE" } = {},
): Promise<void> {
  const fos = await prisma.fulfilmentOrder.findMany({
    where: { orderId, status: "ROUTED" },
    include: { lines: true, order: { select: { method: true } } },
    orderBy: { id: "asc" },
  });
  for (const fo of fos) {
    const step = { fulfilmentOrderId: fo.id, actor, now: options.now };
    await acceptFulfilment(prisma, step);
    await pickLines(prisma, {
      ...step,
      ticks: fo.lines.map((l) => ({ lineId: l.id, pickedQty: l.quantity })),
    });
    await packFulfilment(prisma, step);
    if (fo.order.method === "PICKUP") {
      await markReadyForPickup(prisma, step);
      if (options.upTo === "READY") continue;
      await verifyPickupCode(prisma, { ...step, code: fo.pickupCode ?? "" });
    } else {
      await handToCourier(prisma, { ...step, courierName: "SF Express", trackingNo: "SF0000001" });
      await markDelivered(prisma, step);
    }
  }
}

/**
 * A member's order placed, paid with the demo provider and delivered (or collected) by the
 * store it was routed to; `deliveredAt` is when the goods reached the buyer.
 */
export async function deliveredOrder(
  prisma: PrismaClient,
  w: CounterWorld,
  options: PlaceOrderOptions,
  deliveredAt: Date = new Date(),
) {
  const placed = await placeOrder(prisma, options);
  const paid = await payDemoOrder(prisma, {
    orderNo: placed.orderNo,
    userId: w.memberUserId,
    enabled: true,
    ...(options.now ? { now: options.now } : {}),
  });
  if (paid.outcome !== "PAID") throw new Error(`order not paid: ${paid.outcome}`);
  await fulfil(prisma, placed.orderId, w.admin, { now: deliveredAt });
  return prisma.order.findUniqueOrThrow({
    where: { id: placed.orderId },
    include: {
      lines: { orderBy: { id: "asc" } },
      fulfilmentOrders: { select: { nodeId: true, status: true } },
    },
  });
}

/** Everything a refused counter step or refund must leave untouched, across the database. */
export async function counterBooks(prisma: PrismaClient) {
  const [levels, movements, payments, entries, returns, returnLines, points, members, orders] =
    await Promise.all([
      prisma.stockLevel.findMany({
        orderBy: [{ nodeId: "asc" }, { skuId: "asc" }],
        select: { nodeId: true, skuId: true, onHand: true, reserved: true },
      }),
      prisma.stockMovement.count(),
      prisma.payment.count(),
      prisma.settlementEntry.count(),
      prisma.return.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          status: true,
          refundAmount: true,
          receivingNodeId: true,
          receivedAt: true,
          refundedAt: true,
        },
      }),
      prisma.returnLine.findMany({
        orderBy: { id: "asc" },
        select: { id: true, condition: true, refuseReason: true },
      }),
      prisma.pointsEntry.count(),
      prisma.member.findMany({
        orderBy: { id: "asc" },
        select: { id: true, pointsBalance: true },
      }),
      prisma.order.findMany({
        orderBy: { id: "asc" },
        select: { id: true, status: true, paymentStatus: true },
      }),
    ]);
  return { levels, movements, payments, entries, returns, returnLines, points, members, orders };
}

/**
 * The settlement identity over the whole database: what the books hold equals what was paid
 * (orders past PENDING) less what was given back (REFUND rows not FAILED).
 */
export async function settlementIdentity(prisma: PrismaClient) {
  const [entries, paid, refunded] = await Promise.all([
    prisma.settlementEntry.aggregate({ _sum: { amount: true } }),
    prisma.order.aggregate({ where: { paymentStatus: { not: "PENDING" } }, _sum: { total: true } }),
    prisma.payment.aggregate({
      where: { kind: "REFUND", status: { not: "FAILED" } },
      _sum: { amount: true },
    }),
  ]);
  return {
    booked: entries._sum.amount ?? 0,
    expected: (paid._sum.total ?? 0) - (refunded._sum.amount ?? 0),
  };
}

/** Per order: entries booked against what was paid less what was refunded, where they differ. */
export async function ordersOffTheBooks(prisma: PrismaClient) {
  const orders = await prisma.order.findMany({
    where: { paymentStatus: { not: "PENDING" } },
    select: {
      orderNo: true,
      total: true,
      settlement: { select: { amount: true } },
      payments: { where: { kind: "REFUND", status: { not: "FAILED" } }, select: { amount: true } },
    },
  });
  return orders
    .map((o) => ({
      orderNo: o.orderNo,
      booked: o.settlement.reduce((s, e) => s + e.amount, 0),
      expected: o.total - o.payments.reduce((s, p) => s + p.amount, 0),
    }))
    .filter((o) => o.booked !== o.expected);
}
