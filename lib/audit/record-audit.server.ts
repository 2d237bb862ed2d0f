import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction.server";

/** What the console changed, as the audit trail keeps it. */
export type AuditChange = {
  actorUserId: string | null;
  /** The kind of thing changed, e.g. "ROUTING_RULES". */
  entity: string;
  entityId?: string | null;
  action: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
};

/**
 * Writes one audit entry inside the change's own transaction, so a change is never kept without
 * its entry, nor an entry without its change.
 */
export async function recordAudit(tx: Tx, change: AuditChange): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorUserId: change.actorUserId,
      entity: change.entity,
      entityId: change.entityId ?? null,
      action: change.action,
      before: change.before ?? undefined,
      after: change.after ?? undefined,
    },
  });
}
