import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { cancelUnpaidOrder } from "./cancel-unpaid-order.server";

/**
 * The buyer's page asks, when its countdown reaches zero, for the lapsed order to be cancelled
 * now rather than at the sweeper's next pass, so the stock is back on sale at once. Refused
 * (changing nothing) while any unpaid hold is still running; a no-op once paid or cancelled.
 */
export async function expireOrderHold(
  db: Db,
  input: { orderNo: string; userId: string; now?: Date },
): Promise<{ cancelled: boolean }> {
  const now = input.now ?? new Date();
  const order = await db.order.findUnique({
    where: { orderNo: input.orderNo },
    select: {
      id: true,
      userId: true,
      reservations: {
        // Unpaid, every open promise (holds and presale demand) runs on the payment deadline.
        where: { status: { in: ["ACTIVE", "WAITING"] } },
        select: { expiresAt: true },
      },
    },
  });
  if (!order || order.userId !== input.userId)
    throw new AppError("NOT_FOUND", "Unknown order.", { details: { reason: "ORDER" } });
  const running = order.reservations.some((r) => r.expiresAt !== null && r.expiresAt > now);
  if (running) {
    throw new AppError("CONFLICT", "The hold on this order is still running.", {
      details: { reason: "HOLD_RUNNING" },
    });
  }
  const { cancelled } = await cancelUnpaidOrder(db, {
    orderId: order.id,
    reason: "HOLD_EXPIRED",
    now,
  });
  if (cancelled) notifyStockChanged();
  return { cancelled };
}
