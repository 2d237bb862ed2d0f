import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction.server";
import { AUDIT_PAGE_SIZE, auditDateRange, type AuditFilter } from "./audit-filter";

/** One audit entry as the audit page shows it. */
export type AuditRow = {
  id: string;
  createdAt: Date;
  entity: string;
  entityId: string | null;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
};

/** The audit trail newest first, narrowed by the filter, one page at a time. */
export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const createdAt = auditDateRange(filter);
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorId ? { actorUserId: filter.actorId } : {}),
    ...(createdAt.gte || createdAt.lt ? { createdAt } : {}),
  };
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db.auditEntry.count({ where }),
  ]);
  return {
    rows: entries.map((e) => ({
      id: e.id,
      createdAt: e.createdAt,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      actorName: e.actor?.name ?? null,
      actorEmail: e.actor?.email ?? null,
      before: e.before,
      after: e.after,
    })),
    total,
    page: filter.page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/** The values the filters offer: entities and actions seen so far, and who made changes. */
export async function listAuditFacets(db: Db) {
  const [entities, actions, actors] = await Promise.all([
    db.auditEntry.groupBy({ by: ["entity"], orderBy: { entity: "asc" } }),
    db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.user.findMany({
      where: { auditEntries: { some: {} } },
      orderBy: { email: "asc" },
      select: { id: true, name: true, email: true },
    }),
  ]);
  return {
    entities: entities.map((e) => e.entity),
    actions: actions.map((a) => a.action),
    actors,
  };
}
