import "server-only";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import type { StockDelta } from "@/lib/inventory/stock-writes.server";
import { assertTransferCanMove, giveable, sourceShortError } from "./transfer-rules";

// What the transfer steps share: the transfer row's lock and compare-and-set on its status, and
// the stock rows' updates. Lock order, as everywhere in the stock engine: the transfer row (only
// transfers take it), then the SKU rows, then the stock rows by (node, SKU).

/** Movements of a transfer belong to it by its number. */
export const TRANSFER_DOCUMENT = "TRANSFER";

export type LockedTransfer = {
  id: string;
  transferNo: string;
  fromNodeId: string;
  toNodeId: string;
  status: TransferStatus;
  lines: { id: string; skuId: string; quantity: number }[];
};

/** Locks the transfer's row for the rest of the transaction and loads its lines (by id). */
export async function lockTransfer(tx: Tx, transferId: string): Promise<LockedTransfer> {
  const rows = await tx.$queryRaw<Omit<LockedTransfer, "lines">[]>`
    SELECT "id", "transferNo", "fromNodeId", "toNodeId", "status"::text AS "status"
    FROM "TransferOrder" WHERE "id" = ${transferId} FOR UPDATE`;
  const row = rows[0];
  if (!row)
    throw new AppError("NOT_FOUND", "Unknown transfer.", {
      fieldErrors: { transferId: [{ problem: "INVALID" }] },
      details: { reason: "TRANSFER" },
    });
  const lines = await tx.transferLine.findMany({
    where: { transferId },
    orderBy: { id: "asc" },
    select: { id: true, skuId: true, quantity: true },
  });
  return { ...row, lines };
}

/**
 * Moves the locked transfer to `to`: refused (CONFLICT, TRANSFER_STATE with its status) when the
 * state machine does not allow it, then a compare-and-set on the status seen.
 */
export async function moveTransfer(
  tx: Tx,
  transfer: LockedTransfer,
  to: TransferStatus,
  data: Omit<Prisma.TransferOrderUncheckedUpdateManyInput, "status">,
): Promise<void> {
  assertTransferCanMove(transfer.status, to);
  const moved = await tx.transferOrder.updateMany({
    where: { id: transfer.id, status: transfer.status },
    data: { ...data, status: to },
  });
  if (moved.count !== 1)
    throw new AppError("CONFLICT", "This transfer was changed meanwhile.", {
      details: { reason: "CHANGED_MEANWHILE" },
    });
}

/** The SKUs' names as people know them, for refusals that name an item. */
export async function namingOf(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, ItemNaming>> {
  const skus = await db.sku.findMany({
    where: { id: { in: [...skuIds] } },
    select: {
      id: true,
      color: true,
      colorZh: true,
      size: true,
      product: { select: { name: true, nameZh: true } },
    },
  });
  return new Map(
    skus.map((s) => [
      s.id,
      {
        product: s.product.name,
        productZh: s.product.nameZh,
        colour: s.color,
        colourZh: s.colorZh,
        size: s.size,
      },
    ]),
  );
}

/**
 * Compare-and-set at the source: on hand goes down by the quantity only if what stays covers
 * the reserved units and the larger of safety stock and display minimum. False means refused.
 */
export async function takeGiveable(tx: Tx, delta: StockDelta, now: Date): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "StockLevel" SET "onHand" = "onHand" - ${delta.quantity},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${delta.nodeId} AND "skuId" = ${delta.skuId}
      AND "onHand" - ${delta.quantity} >= "reserved" + GREATEST("safetyStock", "displayMin")`;
  return count === 1;
}

/** Says how much the source could give when takeGiveable refused; the transaction rolls back. */
export async function refuseShort(
  tx: Tx,
  transfer: LockedTransfer,
  delta: StockDelta,
): Promise<never> {
  const [level, naming] = await Promise.all([
    tx.stockLevel.findUnique({
      where: { nodeId_skuId: { nodeId: delta.nodeId, skuId: delta.skuId } },
      select: { onHand: true, reserved: true, safetyStock: true, displayMin: true },
    }),
    namingOf(tx, [delta.skuId]),
  ]);
  throw sourceShortError({
    lineIndex: transfer.lines.findIndex((l) => l.skuId === delta.skuId),
    skuId: delta.skuId,
    nodeId: delta.nodeId,
    requested: delta.quantity,
    available: level ? giveable(level) : 0,
    naming: naming.get(delta.skuId),
  });
}

/** Inbound at the destination goes up (the level row is created by the caller if new). */
export async function addInbound(tx: Tx, delta: StockDelta, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "StockLevel" SET "inbound" = "inbound" + ${delta.quantity},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${delta.nodeId} AND "skuId" = ${delta.skuId}`;
}

/**
 * The units announced at a node stop being inbound, and those that arrived go on the shelf.
 * Fails loudly when less is inbound than was announced, which would mean drift.
 */
export async function settleInbound(
  tx: Tx,
  at: { nodeId: string; skuId: string },
  amounts: { announced: number; arrived: number },
  now: Date,
): Promise<void> {
  const count = await tx.$executeRaw`
    UPDATE "StockLevel" SET "inbound" = "inbound" - ${amounts.announced},
      "onHand" = "onHand" + ${amounts.arrived}, "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${at.nodeId} AND "skuId" = ${at.skuId} AND "inbound" >= ${amounts.announced}`;
  if (count !== 1)
    throw new Error(`inbound of ${at.skuId} at ${at.nodeId} is below ${amounts.announced}`);
}

/** Units back on the source's shelf (a cancelled shipment). Fails loudly without a level row. */
export async function putBackOnShelf(tx: Tx, delta: StockDelta, now: Date): Promise<void> {
  const count = await tx.$executeRaw`
    UPDATE "StockLevel" SET "onHand" = "onHand" + ${delta.quantity},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${delta.nodeId} AND "skuId" = ${delta.skuId}`;
  if (count !== 1) throw new Error(`no stock level of ${delta.skuId} at ${delta.nodeId}`);
}

/** The SKUs of a transfer, once each. */
export function skuIdsOf(transfer: LockedTransfer): string[] {
  return [...new Set(transfer.lines.map((l) => l.skuId))];
}
