import "server-only";
import { revalidateTag } from "next/cache";
import { STORES_TAG } from "@/lib/catalogue/cache-tags";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { parseInput } from "@/lib/validation/parse-input";
import { nodeFingerprint } from "./node-fingerprint.server";
import { setNodeActiveSchema } from "./node-input";
import { lockNode, publishNodeSkus } from "./save-node.server";

/**
 * Switches a node on or off. An inactive node takes no new reservations and routing no longer
 * considers it; tasks already given to it stay open and are finished there. Its stock leaves
 * (or rejoins) the pool, so channel ATS of its SKUs is published in the same transaction.
 */
export async function setNodeActive(
  db: Db,
  raw: z.input<typeof setNodeActiveSchema> & { now?: Date },
  actor: { userId: string | null },
): Promise<{ nodeId: string; active: boolean; fingerprint: string }> {
  const { now = new Date(), ...rest } = raw;
  const input = parseInput(setNodeActiveSchema, rest);
  const result = await withTransaction(db, async (tx) => {
    const before = await lockNode(tx, input.nodeId, input.fingerprint);
    const saved = await tx.node.update({
      where: { id: input.nodeId },
      data: { active: input.active },
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "NODE",
      entityId: input.nodeId,
      action: input.active ? "ACTIVATE" : "DEACTIVATE",
      before: { active: before.active },
      after: { active: saved.active },
    });
    if (before.active !== saved.active) await publishNodeSkus(tx, input.nodeId, now);
    return { nodeId: saved.id, active: saved.active, fingerprint: nodeFingerprint(saved) };
  });
  // A store switched off must leave the cached pickup store lists at once.
  revalidateTag(STORES_TAG, "max");
  return result;
}
