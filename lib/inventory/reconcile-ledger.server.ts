import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findLedgerMismatches, type LedgerMismatch } from "./ledger";

export type ReconcileLedgerOptions = {
  /** Limit the check to these SKUs; all SKUs when absent. */
  skuIds?: readonly string[];
};

/**
 * Proves the stock levels: every onHand, reserved and inbound must equal the sum of its movement
 * deltas, and every reserved must equal the units of active reservations at that node. Returns
 * the mismatches (empty when the books are right). Reads in one REPEATABLE READ transaction so
 * that writes committing meanwhile cannot show up as false mismatches, which is why it takes a
 * client rather than a transaction.
 */
export async function reconcileLedger(
  db: PrismaClient,
  options: ReconcileLedgerOptions = {},
): Promise<LedgerMismatch[]> {
  const { skuIds } = options;
  const sku = skuIds ? { skuId: { in: [...skuIds] } } : {};
  return db.$transaction(
    async (tx) => {
      const [levels, sums, holds] = await Promise.all([
        tx.stockLevel.findMany({
          where: sku,
          select: { nodeId: true, skuId: true, onHand: true, reserved: true, inbound: true },
        }),
        tx.stockMovement.groupBy({
          by: ["nodeId", "skuId"],
          where: sku,
          _sum: { onHandDelta: true, reservedDelta: true, inboundDelta: true },
        }),
        tx.reservation.groupBy({
          by: ["nodeId", "skuId"],
          where: { ...sku, status: "ACTIVE", nodeId: { not: null } },
          _sum: { quantity: true },
        }),
      ]);
      return findLedgerMismatches(
        levels,
        sums.map((s) => ({
          nodeId: s.nodeId,
          skuId: s.skuId,
          onHand: s._sum.onHandDelta ?? 0,
          reserved: s._sum.reservedDelta ?? 0,
          inbound: s._sum.inboundDelta ?? 0,
        })),
        holds.flatMap((h) =>
          h.nodeId === null
            ? []
            : [{ nodeId: h.nodeId, skuId: h.skuId, quantity: h._sum.quantity ?? 0 }],
        ),
      );
    },
    { isolationLevel: "RepeatableRead", maxWait: 60_000, timeout: 60_000 },
  );
}
