import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiDayRange } from "./shanghai-days";

/** One Shanghai day of the books: what was booked, and what orders and refunds say it should be. */
export type BooksDay = {
  day: string;
  /** Σ settlement entries booked that day. */
  booked: number;
  /** Σ totals of orders paid that day. */
  paid: number;
  /** Σ refunds paid back that day (positive). */
  refunded: number;
  /** booked − (paid − refunded); 0 when the day reconciles. */
  difference: number;
};

export type BooksReconciliation = {
  days: number;
  booked: number;
  expected: number;
  differing: BooksDay[];
};

/**
 * Compares the books with the money, per Shanghai day: the entries of a paid order sum to its
 * total and those of a refund to minus the refund, so each day's entries must equal the orders
 * paid that day less the refunds made that day. Every day with any of the three is listed once;
 * `range` limits the check to some days (all history without it).
 */
export async function reconcileBooks(
  db: Db,
  range?: { from: string; to: string },
): Promise<BooksReconciliation> {
  const bounds = range ? shanghaiDayRange(range.from, range.to) : null;
  const within = (column: Prisma.Sql) =>
    bounds ? Prisma.sql`AND ${column} >= ${bounds.gte} AND ${column} < ${bounds.lt}` : Prisma.empty;
  const dayOf = (column: Prisma.Sql) =>
    Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await db.$queryRaw<
    { day: string; booked: bigint; paid: bigint; refunded: bigint }[]
  >`
    WITH booked AS (
      SELECT ${dayOf(Prisma.sql`e."createdAt"`)} AS day, SUM(e."amount")::bigint AS amount
      FROM "SettlementEntry" e WHERE TRUE ${within(Prisma.sql`e."createdAt"`)} GROUP BY 1
    ), paid AS (
      SELECT ${dayOf(Prisma.sql`o."paidAt"`)} AS day, SUM(o."total")::bigint AS amount
      FROM "Order" o
      WHERE o."paidAt" IS NOT NULL AND o."paymentStatus" <> 'PENDING' ${within(Prisma.sql`o."paidAt"`)}
      GROUP BY 1
    ), refunded AS (
      SELECT ${dayOf(Prisma.sql`p."createdAt"`)} AS day, SUM(p."amount")::bigint AS amount
      FROM "Payment" p
      WHERE p."kind" = 'REFUND' AND p."status" <> 'FAILED' ${within(Prisma.sql`p."createdAt"`)}
      GROUP BY 1
    )
    SELECT d.day, COALESCE(b.amount, 0)::bigint AS booked, COALESCE(pd.amount, 0)::bigint AS paid,
           COALESCE(r.amount, 0)::bigint AS refunded
    FROM (SELECT day FROM booked UNION SELECT day FROM paid UNION SELECT day FROM refunded) d
    LEFT JOIN booked b ON b.day = d.day
    LEFT JOIN paid pd ON pd.day = d.day
    LEFT JOIN refunded r ON r.day = d.day
    ORDER BY d.day`;
  const days = rows.map((r): BooksDay => {
    const [booked, paid, refunded] = [Number(r.booked), Number(r.paid), Number(r.refunded)];
    return { day: r.day, booked, paid, refunded, difference: booked - (paid - refunded) };
  });
  return {
    days: days.length,
    booked: days.reduce((s, d) => s + d.booked, 0),
    expected: days.reduce((s, d) => s + d.paid - d.refunded, 0),
    differing: days.filter((d) => d.difference !== 0),
  };
}
