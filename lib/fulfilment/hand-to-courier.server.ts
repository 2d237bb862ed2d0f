import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/validation/parse-input";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import type { FulfilmentStepInput } from "./accept-fulfilment.server";
import { consumeLineReservations, loadForActor, moveStatus } from "./fulfilment-steps.server";

export const courierSchema = z.object({
  courierName: z.string().trim().min(1, "Required.").max(80),
  trackingNo: z
    .string()
    .trim()
    .min(4, "At least 4 characters.")
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, "Letters, digits and dashes only."),
});

/**
 * The packed goods leave with a courier (PACKED → HANDED_TO_COURIER): the node's reserved units
 * are taken out of stock as a sale. Delivery orders and parcels to a pickup store only.
 */
export async function handToCourier(
  db: Db,
  input: FulfilmentStepInput & { courierName: string; trackingNo: string },
): Promise<{ status: "HANDED_TO_COURIER" }> {
  const parsed = courierSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some fields are not valid.", {
      fieldErrors: fieldErrorsOf(parsed.error.issues, input),
    });
  }
  const now = input.now ?? new Date();
  const result = await withTransaction(db, async (tx) => {
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor);
    await moveStatus(tx, fo, "HANDED_TO_COURIER", input.actor, {
      note: `${parsed.data.courierName} ${parsed.data.trackingNo}`,
      data: parsed.data,
    });
    await consumeLineReservations(tx, fo, "handed to courier", now);
    return { status: "HANDED_TO_COURIER" as const };
  });
  // Stock left the pool: channel feeds recompute.
  notifyStockChanged();
  return result;
}
