import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import type { FulfilmentStepInput } from "./accept-fulfilment.server";
import {
  completeOrderIfDone,
  consumeLineReservations,
  loadForActor,
  moveStatus,
} from "./fulfilment-steps.server";
import {
  attemptsLeft,
  MAX_PICKUP_CODE_ATTEMPTS,
  PICKUP_CODE_PATTERN,
  pickupCodeMatches,
} from "./pickup-code";

type Outcome = { ok: true; orderCompleted: boolean } | { ok: false; attemptsLeft: number };

/**
 * The customer shows their code at the store's counter. The right code hands the order over
 * (READY_FOR_PICKUP → PICKED_UP) and takes the store's units out of stock. A wrong code is
 * refused, and the attempt is counted even so (in its own committed write); after
 * MAX_PICKUP_CODE_ATTEMPTS wrong codes every further try is refused with RATE_LIMITED.
 */
export async function verifyPickupCode(
  db: Db,
  input: FulfilmentStepInput & { code: string },
): Promise<{ status: "PICKED_UP"; orderCompleted: boolean }> {
  const code = input.code.trim();
  if (!PICKUP_CODE_PATTERN.test(code)) {
    throw new AppError("INVALID_INPUT", "A pickup code is 6 digits.", {
      fieldErrors: { code: [{ problem: "BAD_FORMAT" }] },
      details: { reason: "PICKUP_CODE_FORMAT" },
    });
  }
  const now = input.now ?? new Date();
  const outcome = await withTransaction(db, async (tx): Promise<Outcome> => {
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor);
    if (fo.status === "PICKED_UP") {
      throw new AppError("CONFLICT", "This pickup code was already used.", {
        details: { reason: "PICKUP_CODE_USED" },
      });
    }
    if (fo.status !== "READY_FOR_PICKUP") {
      throw new AppError(
        "CONFLICT",
        `Out of order: this order is ${fo.status}, not ready for pickup.`,
        {
          details: { reason: "TASK_STATE", status: fo.status },
        },
      );
    }
    if (fo.pickupCodeAttempts >= MAX_PICKUP_CODE_ATTEMPTS) {
      throw new AppError(
        "RATE_LIMITED",
        "Too many wrong codes for this order. Ask the store manager.",
        {
          details: { reason: "PICKUP_CODE_ATTEMPTS", attemptsLeft: 0 },
        },
      );
    }
    if (!pickupCodeMatches(fo.pickupCode, code)) {
      const counted = await tx.fulfilmentOrder.updateMany({
        where: { id: fo.id, status: "READY_FOR_PICKUP", pickupCodeAttempts: fo.pickupCodeAttempts },
        data: { pickupCodeAttempts: { increment: 1 } },
      });
      if (counted.count === 0)
        throw new AppError("CONFLICT", "This order was changed meanwhile. Try again.", {
          details: { reason: "CHANGED_MEANWHILE" },
        });
      return { ok: false, attemptsLeft: attemptsLeft(fo.pickupCodeAttempts + 1) };
    }
    await moveStatus(tx, fo, "PICKED_UP", input.actor, { note: "pickup code verified" });
    await consumeLineReservations(tx, fo, "picked up", now);
    return { ok: true, orderCompleted: await completeOrderIfDone(tx, fo.orderId, now) };
  });
  // Thrown after the commit so that the counted attempt stays: the only thing a wrong code changes.
  if (!outcome.ok) {
    throw new AppError("INVALID_INPUT", "Wrong pickup code.", {
      fieldErrors: { code: [{ problem: "INVALID" }] },
      details: { reason: "WRONG_PICKUP_CODE", attemptsLeft: outcome.attemptsLeft },
    });
  }
  notifyStockChanged();
  return { status: "PICKED_UP", orderCompleted: outcome.orderCompleted };
}
