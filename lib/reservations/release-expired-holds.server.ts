import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { lockSkus } from "@/lib/inventory/stock-writes.server";
import { returnUnits } from "./release-reservation.server";
import { allowedFrom } from "./reservation-target.server";
import { summarise, type ReservationSummary, type StockChange } from "./reservation-summary";
import { HOLD_KINDS, sweepInputSchema } from "./rules";
import { FROM_STATES } from "./transitions";

const EXPIRE = FROM_STATES.EXPIRE;

export type ReleaseExpiredHoldsOptions = { now?: Date; limit?: number };

/**
 * The sweeper: releases up to `limit` holds (and unpaid presale demand) past their expiry (status EXPIRED, one RELEASE
 * movement each) in one transaction; call again while it returns a full batch.
 *
 * Due holds are claimed with FOR UPDATE SKIP LOCKED, so concurrent sweepers split the work
 * instead of queueing, and the status change is still a compare-and-set: a hold released by a
 * shopper at the same moment is skipped, never released twice. Stock rows are then updated in
 * (node, SKU) order, the order every writer uses, so sweepers cannot deadlock with anything.
 */
export async function releaseExpiredHolds(
  db: Db,
  options: ReleaseExpiredHoldsOptions = {},
): Promise<StockChange & { expired: ReservationSummary[] }> {
  const { now = new Date(), ...raw } = options;
  const { limit } = parseInput(sweepInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const dueWhere = Prisma.sql`"status" IN (${Prisma.join([...EXPIRE.statuses])})
      AND "kind" IN (${Prisma.join([...EXPIRE.kinds])}) AND "expiresAt" <= ${now}`;
    // Unpaid presale demand holds the SKU row's presale count, and receiving inbound takes the
    // SKU lock before it touches waiting demand: take those SKU locks first, in the same order.
    const presaleSkus = await tx.$queryRaw<{ skuId: string }[]>`
      SELECT DISTINCT "skuId" FROM "Reservation"
      WHERE ${dueWhere} AND "kind" NOT IN (${Prisma.join([...HOLD_KINDS])})`;
    await lockSkus(
      tx,
      presaleSkus.map((r) => r.skuId),
    );
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Reservation" WHERE ${dueWhere}
      ORDER BY "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return { expired: [], affectedSkuIds: [] };

    const expired = await tx.reservation.updateManyAndReturn({
      where: { AND: [{ id: { in: due.map((d) => d.id) } }, allowedFrom("EXPIRE", now)] },
      data: { status: "EXPIRED", closedAt: now },
    });
    await returnUnits(tx, expired, now, "hold expired", "EXPIRE");
    return {
      expired: expired.map(summarise),
      affectedSkuIds: [...new Set(expired.map((r) => r.skuId))],
    };
  });
}
