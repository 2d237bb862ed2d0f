import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { parseInput } from "@/lib/validation/parse-input";
import { intakeSettingsInputSchema } from "./channel-order-input";

/**
 * Sets how a channel's orders are taken, if the channel is still at the version the admin
 * opened: with the lines that can be filled (the rest refused by line) or refused whole, and how
 * long an unpaid order holds its stock (orders already placed keep their hold). Audited in the
 * same transaction. Stock is not touched, so nothing is republished.
 */
export async function setChannelIntakeSettings(
  db: Db,
  raw: z.input<typeof intakeSettingsInputSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(intakeSettingsInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const before = await tx.channel.findUnique({ where: { code: input.channelCode } });
    if (!before)
      throw new AppError("NOT_FOUND", `No channel ${input.channelCode}.`, {
        details: { reason: "CHANNEL", channelCode: input.channelCode },
      });
    const moved = await tx.channel.updateMany({
      where: { id: before.id, version: input.version },
      data: {
        acceptsPartialOrders: input.acceptsPartialOrders,
        unpaidHoldMinutes: input.unpaidHoldMinutes,
        version: { increment: 1 },
      },
    });
    if (moved.count === 0)
      throw new AppError("CONFLICT", "Changed since you opened it.", {
        details: { reason: "CHANGED_SINCE_OPENED" },
      });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "CHANNEL_ORDER_INTAKE",
      entityId: before.id,
      action: "UPDATE",
      before: {
        code: before.code,
        acceptsPartialOrders: before.acceptsPartialOrders,
        unpaidHoldMinutes: before.unpaidHoldMinutes,
        version: before.version,
      },
      after: {
        code: before.code,
        acceptsPartialOrders: input.acceptsPartialOrders,
        unpaidHoldMinutes: input.unpaidHoldMinutes,
        version: before.version + 1,
      },
    });
    return { channelCode: before.code, version: before.version + 1 };
  });
}
