import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiDayRange } from "./shanghai-days";
import type { EntriesFilter } from "./statement-filter";

/** Entries shown per page of the drill-down. */
export const ENTRIES_PAGE_SIZE = 50;

/**
 * The entries behind a statement cell, newest first: order, kind, amount, the store that
 * fulfilled, the guide who earned, the return that reversed.
 */
export async function listSettlementEntries(db: Db, filter: EntriesFilter) {
  const where: Prisma.SettlementEntryWhereInput = {
    createdAt: shanghaiDayRange(filter.from, filter.to),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const [total, sum, rows] = await Promise.all([
    db.settlementEntry.count({ where }),
    db.settlementEntry.aggregate({ where, _sum: { amount: true } }),
    db.settlementEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * ENTRIES_PAGE_SIZE,
      take: ENTRIES_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        amount: true,
        rateBps: true,
        createdAt: true,
        order: { select: { orderNo: true } },
        organization: { select: { code: true, name: true, nameZh: true } },
        node: { select: { code: true, name: true, nameZh: true } },
        beneficiary: { select: { name: true } },
        return: { select: { rmaNo: true } },
      },
    }),
  ]);
  return {
    total,
    sum: sum._sum.amount ?? 0,
    pageSize: ENTRIES_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: r.amount,
      rateBps: r.rateBps,
      createdAt: r.createdAt,
      orderNo: r.order.orderNo,
      organization: r.organization,
      node: r.node,
      beneficiary: r.beneficiary?.name ?? null,
      rmaNo: r.return?.rmaNo ?? null,
    })),
  };
}
