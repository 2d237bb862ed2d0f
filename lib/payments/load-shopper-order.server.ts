import "server-only";
import type { Db } from "@/lib/db/transaction.server";

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
  reservations: {
    where: { status: { in: ["ACTIVE" as const, "WAITING" as const] } },
    select: { expiresAt: true, kind: true },
  },
};

async function load(db: Db, orderNo: string) {
  return db.order.findUnique({ where: { orderNo }, include });
}

export type ShopperOrder = NonNullable<Awaited<ReturnType<typeof load>>> & {
  /** When the unpaid hold ends; null once paid, cancelled or lapsed. */
  holdExpiresAt: Date | null;
  /** Unpaid and its hold has ended: no longer payable, about to be cancelled. */
  holdLapsed: boolean;
};

/** When the earliest unpaid hold of the order ends, or null when nothing is held unpaid. */
function holdExpiry(order: NonNullable<Awaited<ReturnType<typeof load>>>): Date | null {
  const times = order.reservations.flatMap((r) => (r.expiresAt ? [r.expiresAt.getTime()] : []));
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * The order as its buyer sees it, or null for anyone else (the page answers 404, not 403, so an
 * order number reveals nothing). An unpaid order whose hold has ended is shown as lapsed
 * (`holdLapsed`): reading never writes; the sweeper, or the shopper's page through
 * `expireOrderHold`, cancels it and gives the stock back.
 */
export async function loadShopperOrder(
  db: Db,
  input: { orderNo: string; userId: string; now?: Date },
): Promise<ShopperOrder | null> {
  const { orderNo, userId, now = new Date() } = input;
  const order = await load(db, orderNo);
  if (!order || order.userId !== userId) return null;
  const pending = order.status === "PENDING_PAYMENT" && order.paymentStatus === "PENDING";
  const expiry = pending ? holdExpiry(order) : null;
  // Every promise of an unpaid order runs on the payment deadline, presale demand included.
  const holdLapsed = pending && (expiry === null || expiry <= now);
  return { ...order, holdExpiresAt: holdLapsed ? null : expiry, holdLapsed };
}
