import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import {
  consumeAtNode,
  inLockOrder,
  reservationDocument,
  writeMovements,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { allowedFrom, readTarget, refusalFor, targetWhere } from "./reservation-target.server";
import { summarise, type ReservationSummary, type StockChange } from "./reservation-summary";
import { reservationTargetSchema, type ReservationTarget } from "./rules";

export type ConsumeReservationOptions = ReservationTarget & {
  now?: Date;
  /** Why, for the ledger (e.g. "shipped", "picked up"). */
  reason?: string;
};

/**
 * The goods left the node (shipped, or picked up): on hand and reserved both go down and a SALE
 * movement is written per reservation. Only a confirmed allocation can be consumed; a bundle
 * group is consumed all or nothing; a second attempt is refused and changes nothing.
 */
export async function consumeReservation(
  db: Db,
  options: ConsumeReservationOptions,
): Promise<StockChange & { consumed: ReservationSummary[] }> {
  const { now = new Date(), reason = "shipped", ...raw } = options;
  const target = parseInput(reservationTargetSchema, raw);
  return withTransaction(db, async (tx) => {
    const rows = await readTarget(tx, target);
    const consumed = await tx.reservation.updateManyAndReturn({
      where: { AND: [targetWhere(target), allowedFrom("CONSUME", now)] },
      data: { status: "CONSUMED", closedAt: now },
    });
    if (consumed.length !== rows.length) throw await refusalFor(tx, target, "CONSUME", now);

    const promised = consumed.flatMap((r) =>
      r.nodeId === null ? [] : [{ ...r, nodeId: r.nodeId }],
    );
    for (const delta of inLockOrder(
      promised.map((r) => ({ nodeId: r.nodeId, skuId: r.skuId, quantity: r.quantity })),
    )) {
      await consumeAtNode(tx, delta, now);
    }
    await writeMovements(
      tx,
      promised.map((r) => ({
        nodeId: r.nodeId,
        skuId: r.skuId,
        kind: "SALE" as const,
        onHandDelta: -r.quantity,
        reservedDelta: -r.quantity,
        reason,
        ...reservationDocument(r),
        reservationId: r.id,
      })),
    );
    return {
      consumed: consumed.map(summarise),
      affectedSkuIds: [...new Set(consumed.map((r) => r.skuId))],
    };
  });
}
