import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import type { Reservation } from "@/lib/generated/prisma/client";
import {
  inLockOrder,
  lockSkus,
  reservationDocument,
  unreserveAtNode,
  writeMovements,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { allowedFrom, readTarget, refusalFor, targetWhere } from "./reservation-target.server";
import { summarise, type ReservationSummary, type StockChange } from "./reservation-summary";
import { reservationTargetSchema, type ReservationTarget } from "./rules";

export type ReleaseReservationOptions = ReservationTarget & {
  now?: Date;
  /** Why, for the ledger (e.g. "cart abandoned", "order cancelled"). */
  reason?: string;
};

export type ReleaseResult = StockChange & { released: ReservationSummary[] };

/**
 * Gives a reservation's units back to the pool (or a whole bundle group's). The status changes
 * by compare-and-set from ACTIVE/WAITING to RELEASED, so of two concurrent releases (or a release
 * and the sweeper) exactly one succeeds and writes the RELEASE movement; the other is refused
 * with CONFLICT and changes nothing.
 */
export async function releaseReservation(
  db: Db,
  options: ReleaseReservationOptions,
): Promise<ReleaseResult> {
  const { now = new Date(), reason = "released", ...raw } = options;
  const target = parseInput(reservationTargetSchema, raw);
  return withTransaction(db, async (tx) => {
    const rows = await readTarget(tx, target);
    // Waiting presale demand gives back presale capacity held on the SKU row; take the SKU
    // lock before the reservation's, in the order every promise takes them.
    const presaleSkus = rows.filter((r) => r.status === "WAITING").map((r) => r.skuId);
    await lockSkus(tx, presaleSkus);

    const released = await tx.reservation.updateManyAndReturn({
      where: { AND: [targetWhere(target), allowedFrom("RELEASE", now)] },
      data: { status: "RELEASED", closedAt: now },
    });
    if (released.length === 0) throw await refusalFor(tx, target, "RELEASE", now);
    await returnUnits(tx, released, now, reason, "RELEASE");
    return {
      released: released.map(summarise),
      affectedSkuIds: [...new Set(released.map((r) => r.skuId))],
    };
  });
}

/**
 * Puts the units of reservations that just left ACTIVE/WAITING back: node stock for promised
 * ones (in lock order), presale capacity for waiting ones; one RELEASE movement per reservation.
 */
export async function returnUnits(
  tx: Tx,
  rows: readonly Reservation[],
  now: Date,
  reason: string,
  event: "RELEASE" | "EXPIRE",
): Promise<void> {
  const promised = rows.filter((r): r is Reservation & { nodeId: string } => r.nodeId !== null);
  for (const delta of inLockOrder(
    promised.map((r) => ({ nodeId: r.nodeId, skuId: r.skuId, quantity: r.quantity })),
  )) {
    await unreserveAtNode(tx, delta, now);
  }
  for (const r of rows.filter((row) => row.nodeId === null && row.kind === "PRESALE")) {
    await tx.sku.updateMany({
      where: { id: r.skuId, presaleSold: { gte: r.quantity } },
      data: { presaleSold: { decrement: r.quantity } },
    });
  }
  await writeMovements(
    tx,
    promised.map((r) => ({
      nodeId: r.nodeId,
      skuId: r.skuId,
      kind: "RELEASE" as const,
      reservedDelta: -r.quantity,
      reason: event === "EXPIRE" ? `hold expired (${r.kind})` : reason,
      ...reservationDocument(r),
      reservationId: r.id,
    })),
  );
}
