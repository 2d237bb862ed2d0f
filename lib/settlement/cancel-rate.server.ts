import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { cancelRateSchema } from "./rates";
import { rateFacts } from "./save-rate.server";

/**
 * Takes back a rate that has not started yet, with its audit entry. A rate in force or ended
 * has been booked at and stays; the delete's condition decides, so a rate that starts while
 * the admin looks is refused rather than removed.
 */
export async function cancelRate(
  db: Db,
  raw: z.input<typeof cancelRateSchema>,
  actor: { userId: string | null },
  now: Date = new Date(),
) {
  const { id } = parseInput(cancelRateSchema, raw);
  return withTransaction(db, async (tx) => {
    const rate = await tx.settlementRate.findUnique({ where: { id } });
    if (!rate)
      throw new AppError("NOT_FOUND", "No such rate.", { details: { reason: "SETTLEMENT_RATE" } });
    const { count } = await tx.settlementRate.deleteMany({
      where: { id, effectiveFrom: { gt: now } },
    });
    if (count === 0)
      throw new AppError("CONFLICT", "This rate is already in force.", {
        details: { reason: "RATE_IN_FORCE" },
      });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "SETTLEMENT_RATE",
      entityId: id,
      action: "DELETE",
      before: rateFacts(rate),
      after: null,
    });
    return { id };
  });
}
