import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, Reservation } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction.server";
import type { ReservationTarget } from "./rules";
import { FROM_STATES, transition, type ReservationEvent } from "./transitions";

/** Selects the target: one reservation, or every reservation of a bundle's group. */
export function targetWhere(target: ReservationTarget): Prisma.ReservationWhereInput {
  return target.reservationId !== undefined
    ? { id: target.reservationId }
    : { groupId: target.groupId };
}

/**
 * The compare-and-set condition of an event, built from the transition table: an update with
 * this in its WHERE only touches rows still in an allowed state, so a concurrent second attempt
 * updates nothing.
 */
export function allowedFrom(event: ReservationEvent, now: Date): Prisma.ReservationWhereInput {
  const from = FROM_STATES[event];
  const where: Prisma.ReservationWhereInput = {
    status: { in: [...from.statuses] },
    kind: { in: [...from.kinds] },
  };
  if (from.due === "past") where.expiresAt = { lte: now };
  if (from.due === "before") where.OR = [{ expiresAt: null }, { expiresAt: { gt: now } }];
  return where;
}

/** The target's rows, oldest id first; NOT_FOUND when there are none. */
export async function readTarget(tx: Tx, target: ReservationTarget): Promise<Reservation[]> {
  const rows = await tx.reservation.findMany({
    where: targetWhere(target),
    orderBy: { id: "asc" },
  });
  if (rows.length === 0) {
    throw new AppError("NOT_FOUND", "Unknown reservation.", {
      details: { reason: "RESERVATION", ...target },
    });
  }
  return rows;
}

/**
 * Why an event was refused, from the rows as they are now (read again after a compare-and-set
 * updated fewer rows than expected, so the answer reflects whoever won the race).
 */
export async function refusalFor(
  tx: Tx,
  target: ReservationTarget,
  event: ReservationEvent,
  now: Date,
): Promise<AppError> {
  for (const row of await readTarget(tx, target)) {
    const outcome = transition(row, event, now);
    if (!outcome.ok) {
      return new AppError(outcome.code, outcome.message, {
        details: {
          reason: "RESERVATION",
          reservationId: row.id,
          status: row.status,
          kind: row.kind,
        },
      });
    }
  }
  return new AppError(
    "CONFLICT",
    "The reservation changed while this request ran; nothing was changed.",
    { details: { reason: "CHANGED_MEANWHILE" } },
  );
}
