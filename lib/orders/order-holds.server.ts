import "server-only";
import { recordFulfilmentForChannel } from "@/lib/order-events/record-channel-order-event.server";
import type { Reservation } from "@/lib/generated/prisma/client";
import type { FulfilmentStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/transaction.server";
import { releaseReservation } from "@/lib/reservations/release-reservation.server";

/** Fulfilment orders that no longer ship anything. */
export const CLOSED_FULFILMENT = ["REJECTED", "CANCELLED"] as const;
/** Fulfilment orders whose goods have left for good. */
export const DONE_FULFILMENT = ["PICKED_UP", "DELIVERED", "HANDED_TO_COURIER"] as const;

/** Reservations still holding something: stock (ACTIVE) or presale cap (WAITING for inbound). */
export const OPEN_RESERVATION = ["ACTIVE", "WAITING"] as const;

/**
 * Releases the given open reservations of an order (a waiting presale gives its cap back), one
 * by one in id order. A reservation the sweeper released a moment earlier is skipped: both paths
 * give the units back exactly once.
 */
export async function releaseHolds(
  tx: Tx,
  holds: readonly Reservation[],
  reason: string,
  now: Date,
): Promise<string[]> {
  const affected = new Set<string>();
  for (const hold of [...holds].sort((a, b) => a.id.localeCompare(b.id))) {
    const still = await tx.reservation.findFirst({
      where: { id: hold.id, status: { in: [...OPEN_RESERVATION] } },
    });
    if (!still) continue;
    const { affectedSkuIds } = await releaseReservation(tx, {
      reservationId: hold.id,
      reason,
      now,
    });
    affectedSkuIds.forEach((id) => affected.add(id));
  }
  return [...affected];
}

/** Puts a fulfilment order's status change in its event log. */
export async function logFulfilmentEvent(
  tx: Tx,
  event: {
    fulfilmentOrderId: string;
    from: FulfilmentStatus | null;
    to: FulfilmentStatus;
    actorUserId?: string | null;
    note?: string;
  },
): Promise<void> {
  await tx.fulfilmentEvent.create({
    data: {
      fulfilmentOrderId: event.fulfilmentOrderId,
      fromStatus: event.from,
      toStatus: event.to,
      actorUserId: event.actorUserId ?? null,
      note: event.note ?? null,
    },
  });
  await recordFulfilmentForChannel(tx, {
    fulfilmentOrderId: event.fulfilmentOrderId,
    to: event.to,
  });
}
