import "server-only";
import { revalidateTag } from "next/cache";
import { STORES_TAG } from "@/lib/catalogue/cache-tags";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { nodeFingerprint } from "./node-fingerprint.server";
import { nodeFacts, saveNodeSchema, type NodeFacts } from "./node-input";

type Actor = { userId: string | null };

/**
 * Creates a node, or edits the one named by `id` if it still matches the fingerprint the admin
 * read, with its audit entry. An edit can change what the node may ship, so the channel ATS of
 * its SKUs is published in the same transaction.
 */
export async function saveNode(
  db: Db,
  raw: z.input<typeof saveNodeSchema> & { now?: Date },
  actor: Actor,
): Promise<{ id: string; fingerprint: string }> {
  const { now = new Date(), ...rest } = raw;
  const { id, fingerprint, ...data } = parseInput(saveNodeSchema, rest);
  try {
    const saved = await withTransaction(db, async (tx) => {
      const org = await tx.organization.findUnique({
        where: { id: data.organizationId },
        select: { id: true },
      });
      if (!org)
        throw new AppError("NOT_FOUND", "Unknown organisation.", {
          fieldErrors: { organizationId: [{ problem: "INVALID" }] },
          details: { reason: "ORGANIZATION" },
        });
      const before = id ? await lockNode(tx, id, fingerprint) : null;
      const taken = await tx.node.findFirst({
        // Codes are stored upper-case; a code from before that rule is matched whatever its case.
        where: {
          code: { equals: data.code, mode: "insensitive" },
          ...(id ? { id: { not: id } } : {}),
        },
        select: { id: true },
      });
      if (taken) throw codeTaken(data.code);
      const saved = id
        ? await tx.node.update({ where: { id }, data })
        : await tx.node.create({ data });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        entity: "NODE",
        entityId: saved.id,
        action: id ? "UPDATE" : "CREATE",
        before: before ? nodeFacts(before) : null,
        after: nodeFacts(saved),
      });
      if (before) await publishNodeSkus(tx, saved.id, now);
      return { id: saved.id, fingerprint: nodeFingerprint(saved) };
    });
    // Pickup stores are cached; a new, moved or renamed store shows at once.
    revalidateTag(STORES_TAG, "max");
    return saved;
  } catch (error) {
    // Two admins creating the same code at once: the unique index decides.
    if (isUniqueViolation(error)) throw codeTaken(data.code);
    throw error;
  }
}

function codeTaken(nodeCode: string): AppError {
  return new AppError("CONFLICT", "Another node uses this code.", {
    fieldErrors: { code: [{ problem: "INVALID" }] },
    details: { reason: "NODE_CODE_TAKEN", nodeCode },
  });
}

/**
 * Locks the node's row for the rest of the transaction and returns it, refusing an unknown node
 * or one changed since the admin read it (its fingerprint differs).
 */
export async function lockNode(
  tx: Tx,
  nodeId: string,
  fingerprint: string | undefined,
): Promise<NodeFacts & { id: string }> {
  await tx.$queryRaw`SELECT "id" FROM "Node" WHERE "id" = ${nodeId} FOR UPDATE`;
  const node = await tx.node.findUnique({ where: { id: nodeId } });
  if (!node)
    throw new AppError("NOT_FOUND", "Unknown node.", {
      details: { reason: "NODE", nodeIds: [nodeId] },
    });
  if (fingerprint === undefined || fingerprint !== nodeFingerprint(node))
    throw new AppError("CONFLICT", "The node changed since it was read.", {
      details: { reason: "CHANGED_MEANWHILE" },
    });
  return node;
}

/** Publishes the channel ATS of every SKU stocked at the node (a change that leaves no movement). */
export async function publishNodeSkus(tx: Tx, nodeId: string, now: Date): Promise<void> {
  const levels = await tx.stockLevel.findMany({ where: { nodeId }, select: { skuId: true } });
  if (levels.length > 0) await publishPolicyChange(tx, { skuIds: levels.map((l) => l.skuId), now });
}
