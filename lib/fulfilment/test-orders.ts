import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FulfilmentMethod, Role } from "@/lib/generated/prisma/enums";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { createWorld, type World } from "@/lib/reservations/test-world";
import type { FulfilmentActor } from "./actor";

// Test support: a small world (two stores, a warehouse, one channel, two SKUs) and paid orders
// built the way placeOrder leaves them, so fulfilment is tested on its own.

export const PICKUP_CODE = "482913";

export type FulfilmentWorld = World & {
  staffOf: (nodeKey: "sh" | "bj" | "wh") => FulfilmentActor;
  admin: FulfilmentActor;
  barcode: (skuKey: "a" | "b") => string;
};

export async function createFulfilmentWorld(prisma: PrismaClient): Promise<FulfilmentWorld> {
  const world = await createWorld(prisma, {
    nodes: ["sh", "bj", "wh"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: {
      a: { stock: { sh: 10, bj: 10, wh: 50 } },
      b: { stock: { sh: 5, bj: 5, wh: 50 } },
    },
  });
  const suffix = randomBytes(4).toString("hex");
  const user = async (
    key: string,
    role: Role,
    storeNodeId: string | null,
  ): Promise<FulfilmentActor> => {
    const u = await prisma.user.create({
      data: { email: `${key}-${suffix}@test`, name: key, passwordHash: "-", role, storeNodeId },
    });
    return { id: u.id, role, storeNodeId };
  };
  const staff = {
    sh: await user("staff-sh", "STORE_STAFF", world.node("sh")),
    bj: await user("staff-bj", "STORE_STAFF", world.node("bj")),
    wh: await user("staff-wh", "STORE_STAFF", world.node("wh")),
  };
  return {
    ...world,
    staffOf: (key) => staff[key],
    admin: await user("admin", "ADMIN", null),
    barcode: (key) => world.sku(key),
  };
}

type PartSpec = {
  node: "sh" | "bj" | "wh";
  shipTo?: "sh" | "bj";
  lines: { sku: "a" | "b"; qty: number }[];
};

/**
 * A paid order split into fulfilment orders as specified, each line's units reserved at its
 * node as an ORDER_ALLOCATION linked to the order line. A pickup order gets the store's own
 * fulfilment order with PICKUP_CODE even when it holds no lines.
 */
export async function createPaidOrder(
  prisma: PrismaClient,
  world: FulfilmentWorld,
  spec: {
    method: FulfilmentMethod;
    pickupAt?: "sh" | "bj";
    parts: PartSpec[];
    status?: "PAID" | "PENDING_PAYMENT";
  },
) {
  const skuQty = new Map<string, number>();
  for (const part of spec.parts)
    for (const l of part.lines) skuQty.set(l.sku, (skuQty.get(l.sku) ?? 0) + l.qty);
  const order = await prisma.order.create({
    data: {
      orderNo: `T${randomBytes(6).toString("hex")}`,
      channelId: world.channel("web"),
      buyerType: "WALK_IN",
      method: spec.method,
      pickupNodeId: spec.pickupAt ? world.node(spec.pickupAt) : null,
      contactName: "Li Wei",
      subtotal: 1000,
      total: 1000,
      status: spec.status ?? "PAID",
      paymentStatus: spec.status === "PENDING_PAYMENT" ? "PENDING" : "PAID",
      lines: {
        create: [...skuQty].map(([sku, qty]) => ({
          skuId: world.sku(sku),
          quantity: qty,
          unitPrice: 500,
          lineTotal: 500 * qty,
        })),
      },
    },
    include: { lines: true },
  });
  const lineOf = (sku: string) => order.lines.find((l) => l.skuId === world.sku(sku))!.id;
  const parts = [...spec.parts];
  if (spec.pickupAt && !parts.some((p) => p.node === spec.pickupAt && !p.shipTo)) {
    parts.push({ node: spec.pickupAt, lines: [] });
  }
  const fulfilmentOrderIds: Record<string, string> = {};
  for (const part of parts) {
    const isPickupStore = spec.pickupAt === part.node && !part.shipTo;
    const fo = await prisma.fulfilmentOrder.create({
      data: {
        orderId: order.id,
        nodeId: world.node(part.node),
        shipToNodeId: part.shipTo ? world.node(part.shipTo) : null,
        pickupCode: isPickupStore ? PICKUP_CODE : null,
        lines: {
          create: part.lines.map((l) => ({
            skuId: world.sku(l.sku),
            quantity: l.qty,
            orderLineId: lineOf(l.sku),
          })),
        },
        events: { create: { toStatus: "ROUTED", note: "routed" } },
      },
    });
    fulfilmentOrderIds[part.shipTo ? `${part.node}->${part.shipTo}` : part.node] = fo.id;
    for (const l of part.lines) {
      await reserveStock(prisma, {
        channelId: world.channel("web"),
        skuId: world.sku(l.sku),
        nodeId: world.node(part.node),
        quantity: l.qty,
        kind: "ORDER_ALLOCATION",
        orderId: order.id,
        orderLineId: lineOf(l.sku),
      });
    }
  }
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    fo: (key: string) => fulfilmentOrderIds[key]!,
  };
}

/** Everything a refused fulfilment step must leave untouched. */
export async function fulfilmentState(prisma: PrismaClient, orderId: string) {
  const [order, fos, events, reservations, movements, levels] = await Promise.all([
    prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { status: true, completedAt: true },
    }),
    prisma.fulfilmentOrder.findMany({
      where: { orderId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        status: true,
        pickupCodeAttempts: true,
        courierName: true,
        trackingNo: true,
        lines: { orderBy: { id: "asc" }, select: { id: true, pickedQty: true } },
      },
    }),
    prisma.fulfilmentEvent.count({ where: { fulfilmentOrder: { orderId } } }),
    prisma.reservation.findMany({
      where: { orderId },
      orderBy: { id: "asc" },
      select: { id: true, status: true },
    }),
    prisma.stockMovement.count(),
    prisma.stockLevel.findMany({
      orderBy: [{ nodeId: "asc" }, { skuId: "asc" }],
      select: { nodeId: true, skuId: true, onHand: true, reserved: true },
    }),
  ]);
  return { order, fos, events, reservations, movements, levels };
}
