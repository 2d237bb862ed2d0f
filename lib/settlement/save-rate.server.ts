import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { effectiveInstant, newRateSchema } from "./rates";

type Actor = { userId: string | null };

/** What the audit trail keeps of a rate. */
export function rateFacts(rate: {
  kind: string;
  bps: number;
  effectiveFrom: Date;
  note: string | null;
}) {
  return {
    kind: rate.kind,
    bps: rate.bps,
    effectiveFrom: rate.effectiveFrom.toISOString(),
    note: rate.note,
  };
}

/**
 * Schedules a fee or commission rate from a Shanghai day on (today: from now), with its audit
 * entry. A rate already scheduled for that kind and day is replaced; a day in the past is
 * refused before anything is written, so entries already booked keep the rate they were paid at.
 */
export async function saveRate(
  db: Db,
  raw: z.input<typeof newRateSchema>,
  actor: Actor,
  now: Date = new Date(),
) {
  const input = parseInput(newRateSchema, raw);
  const effectiveFrom = effectiveInstant(input.effectiveFrom, now);
  const data = { bps: input.bps, note: input.note ?? null, createdById: actor.userId };
  try {
    return await withTransaction(db, async (tx) => {
      const before = await tx.settlementRate.findUnique({
        where: { kind_effectiveFrom: { kind: input.kind, effectiveFrom } },
      });
      const saved = before
        ? await tx.settlementRate.update({ where: { id: before.id }, data })
        : await tx.settlementRate.create({ data: { ...data, kind: input.kind, effectiveFrom } });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        entity: "SETTLEMENT_RATE",
        entityId: saved.id,
        action: before ? "UPDATE" : "CREATE",
        before: before ? rateFacts(before) : null,
        after: rateFacts(saved),
      });
      return { id: saved.id, kind: saved.kind, bps: saved.bps, effectiveFrom: saved.effectiveFrom };
    });
  } catch (error) {
    // Another admin scheduled the same kind and day at the same moment.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A rate for this day was saved meanwhile.", {
        details: { reason: "CHANGED_MEANWHILE" },
      });
    throw error;
  }
}
