import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SettlementKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import { pivotStatement, type StatementRow } from "./report";
import { shanghaiDayRange } from "./shanghai-days";
import type { StatementFilter } from "./statement-filter";

// Fixed fragments only: the bucket is chosen from this table, never from the request's text.
const BUCKET = {
  day: Prisma.sql`to_char(date_trunc('day', (e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`,
  month: Prisma.sql`to_char(date_trunc('month', (e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')`,
} as const;

/**
 * The statement of a range: per organisation and Shanghai day or month, the sum of each entry
 * kind and the net. The database sums (by the organisation-and-time index), so a statement over
 * years of history reads a few hundred rows, not the entries.
 */
export async function settlementStatement(
  db: Db,
  filter: StatementFilter,
): Promise<StatementRow[]> {
  const { gte, lt } = shanghaiDayRange(filter.from, filter.to);
  const organization = filter.organizationId
    ? Prisma.sql`AND e."organizationId" = ${filter.organizationId}`
    : Prisma.empty;
  const sums = await db.$queryRaw<
    { organizationId: string; period: string; kind: SettlementKind; amount: bigint }[]
  >`
    SELECT e."organizationId" AS "organizationId", ${BUCKET[filter.period]} AS period,
           e."kind"::text AS kind, SUM(e."amount")::bigint AS amount
    FROM "SettlementEntry" e
    WHERE e."createdAt" >= ${gte} AND e."createdAt" < ${lt} ${organization}
    GROUP BY 1, 2, 3`;
  return pivotStatement(sums.map((s) => ({ ...s, amount: Number(s.amount) })));
}

/** The organisations a statement can be about, by code. */
export async function listStatementOrganizations(db: Db) {
  return db.organization.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, nameZh: true, kind: true },
  });
}
