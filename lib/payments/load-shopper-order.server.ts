import "server-only";
import { getDb } from "@/lib/db/client.server";
import type { Db } from "@/lib/inventory/transaction.server";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order.server";

const include = {
  lines: {
    include: {
      sku: { include: { product: { select: { name: true, nameZh: true, styleCode: true } } } },
    },
  },
  pickupNode: { select: { name: true, nameZh: true, address: true, city: true, cityZh: true } },
  fulfilmentOrders: {
    include: {
      node: { select: { name: true, nameZh: true } },
      events: { orderBy: { createdAt: "asc" as const } },
    },
    orderBy: { createdAt: "asc" as const },
  },
  payments: { orderBy: { createdAt: "asc" as const } },
  reservations: { where: { status: "ACTIVE" as const }, select: { expiresAt: true, kind: true } },
};

async function load(prisma: Db, orderNo: string) {
  return prisma.order.findUnique({ where: { orderNo }, include });
}

export type ShopperOrder = NonNullable<Awaited<ReturnType<typeof load>>> & {
  holdExpiresAt: Date | null;
};

/** When the earliest unpaid hold of the order ends, or null when nothing is held unpaid. */
function holdExpiry(order: NonNullable<Awaited<ReturnType<typeof load>>>): Date | null {
  const times = order.reservations.flatMap((r) =>
    r.kind !== "ORDER_ALLOCATION" && r.expiresAt ? [r.expiresAt.getTime()] : [],
  );
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * The order as its buyer sees it, or null for anyone else (the page answers 404, not 403, so an
 * order number reveals nothing). An unpaid order whose hold has ended is cancelled on the spot,
 * before the sweeper gets to it, so the page never shows stock that is no longer held.
 */
export async function loadShopperOrder(input: {
  prisma?: Db;
  orderNo: string;
  userId: string;
  now?: Date;
}): Promise<ShopperOrder | null> {
  const { orderNo, userId, now = new Date() } = input;
  const prisma = input.prisma ?? (await getDb());
  let order = await load(prisma, orderNo);
  if (!order || order.userId !== userId) return null;
  const expiry = holdExpiry(order);
  if (
    order.status === "PENDING_PAYMENT" &&
    order.paymentStatus === "PENDING" &&
    (expiry === null || expiry <= now)
  ) {
    await cancelUnpaidOrder({ prisma, orderId: order.id, reason: "HOLD_EXPIRED", now });
    order = await load(prisma, orderNo);
    if (!order) return null;
  }
  return { ...order, holdExpiresAt: order.status === "PENDING_PAYMENT" ? holdExpiry(order) : null };
}
