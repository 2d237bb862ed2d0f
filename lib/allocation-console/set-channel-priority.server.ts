import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { parseInput } from "@/lib/validation/parse-input";
import { channelPriorityInputSchema } from "./allocation-input";
import { findChannelByCode } from "./allocation-targets.server";
import { publishAllocationChange, staleEdit } from "./publish-allocation-change.server";

/**
 * Sets a channel's value tier if the channel is still at the version the admin opened. Priority
 * orders every SKU's protected allocation, so every SKU is recomputed and published, in the same
 * transaction, with the audit entry.
 */
export async function setChannelPriority(
  db: Db,
  raw: z.input<typeof channelPriorityInputSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(channelPriorityInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const before = await findChannelByCode(tx, input.channelCode);
    const moved = await tx.channel.updateMany({
      where: { id: before.id, version: input.version },
      data: { priority: input.priority, version: { increment: 1 } },
    });
    if (moved.count === 0) throw staleEdit();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "CHANNEL_PRIORITY",
      entityId: before.id,
      action: "UPDATE",
      before: { code: before.code, priority: before.priority, version: before.version },
      after: { code: before.code, priority: input.priority, version: before.version + 1 },
    });
    const published = await publishAllocationChange(tx, "all");
    return { channelCode: before.code, version: before.version + 1, published };
  });
}
