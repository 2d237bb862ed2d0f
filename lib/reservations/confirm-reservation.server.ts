import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { allowedFrom, readTarget, refusalFor, targetWhere } from "./reservation-target.server";
import { summarise, type ReservationSummary } from "./reservation-summary";
import { confirmInputSchema, type ReservationTarget } from "./rules";

export type ConfirmReservationOptions = ReservationTarget & {
  /** The order the paid hold now belongs to. */
  orderId?: string;
  now?: Date;
};

/**
 * Payment arrived: the hold (or every hold of a bundle group, all or nothing) becomes an order
 * allocation that no longer expires. Compare-and-set on state and expiry: a hold past its expiry
 * is refused with HOLD_EXPIRED even if the sweeper has not released it yet, and nothing changes.
 * Stock counters do not move (the units stay reserved), so no movement is written.
 */
export async function confirmReservation(
  db: Db,
  options: ConfirmReservationOptions,
): Promise<{
  confirmed: ReservationSummary[];
}> {
  const { now = new Date(), ...raw } = options;
  const input = parseInput(confirmInputSchema, raw);
  const target: ReservationTarget =
    input.reservationId !== undefined
      ? { reservationId: input.reservationId }
      : { groupId: input.groupId };
  return withTransaction(db, async (tx) => {
    const rows = await readTarget(tx, target);
    const confirmed = await tx.reservation.updateManyAndReturn({
      where: { AND: [targetWhere(target), allowedFrom("CONFIRM", now)] },
      data: {
        kind: "ORDER_ALLOCATION",
        expiresAt: null,
        ...(input.orderId !== undefined ? { orderId: input.orderId } : {}),
      },
    });
    // Throwing rolls back a partly confirmed group.
    if (confirmed.length !== rows.length) throw await refusalFor(tx, target, "CONFIRM", now);
    return { confirmed: confirmed.map(summarise) };
  });
}
