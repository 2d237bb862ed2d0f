import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { nodeAvailable } from "@/lib/inventory/availability";
import {
  ensureStockLevel,
  lockSkus,
  reservationDocument,
  reserveAtNode,
  writeMovements,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { allowedFrom } from "./reservation-target.server";
import type { StockChange } from "./reservation-summary";
import { stockDocumentInputSchema, type StockDocumentInput } from "@/lib/inventory/stock-document";

export type ReceivePresaleInboundOptions = StockDocumentInput & { now?: Date };

export type ReceiveResult = StockChange & {
  received: number;
  /** Presale reservations now backed by stock at this node, in the order they were placed. */
  allocated: { reservationId: string; quantity: number }[];
};

/**
 * Books inbound goods into a node (RECEIPT: on hand up, inbound down by what was expected) and
 * then allocates waiting presale demand for the SKU first-come first-served, before any channel
 * can sell the new units: both happen under the SKU lock in one transaction. Allocation is
 * strictly in order: it stops at the first reservation the node cannot fill, so a later small
 * order never jumps the queue. `presaleSold` keeps counting allocated units: the cap bounds
 * everything ever sold on presale, not only what is still waiting, or each receipt would reopen it.
 */
export async function receivePresaleInbound(
  db: Db,
  options: ReceivePresaleInboundOptions,
): Promise<ReceiveResult> {
  const { now = new Date(), ...raw } = options;
  const input = parseInput(stockDocumentInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const [node, sku] = await Promise.all([
      tx.node.findUnique({ where: { id: input.nodeId }, select: { id: true } }),
      tx.sku.findUnique({ where: { id: input.skuId }, select: { isBundle: true } }),
    ]);
    if (!node)
      throw new AppError("NOT_FOUND", "Unknown node.", {
        details: { reason: "NODE", nodeIds: [input.nodeId] },
      });
    if (!sku) {
      throw new AppError("NOT_FOUND", "Unknown SKU.", {
        details: { reason: "SKU", skuId: input.skuId },
      });
    }
    if (sku.isBundle) {
      throw new AppError("INVALID_INPUT", "Bundles are stocked as their components.", {
        fieldErrors: { skuId: [{ problem: "INVALID" }] },
        details: { reason: "IS_BUNDLE" },
      });
    }
    await lockSkus(tx, [input.skuId]);
    await bookReceipt(tx, input, now);
    const allocated = await allocateWaiting(tx, input, now);
    return { received: input.quantity, allocated, affectedSkuIds: [input.skuId] };
  });
}

async function bookReceipt(tx: Tx, input: StockDocumentInput, now: Date): Promise<void> {
  await ensureStockLevel(tx, input.nodeId, input.skuId, now);
  const [level] = await tx.$queryRaw<{ inbound: number }[]>`
    SELECT "inbound" FROM "StockLevel" WHERE "nodeId" = ${input.nodeId} AND "skuId" = ${input.skuId}
    FOR UPDATE`;
  // Goods that were announced leave `inbound`; goods nobody announced only raise on hand.
  const inboundDelta = -Math.min(level?.inbound ?? 0, input.quantity);
  await tx.$executeRaw`
    UPDATE "StockLevel" SET "onHand" = "onHand" + ${input.quantity}, "inbound" = "inbound" + ${inboundDelta},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${input.nodeId} AND "skuId" = ${input.skuId}`;
  await writeMovements(tx, [
    {
      nodeId: input.nodeId,
      skuId: input.skuId,
      kind: "RECEIPT",
      onHandDelta: input.quantity,
      inboundDelta,
      reason: "inbound received",
      documentType: "INBOUND",
      documentId: input.documentId,
    },
  ]);
}

async function allocateWaiting(
  tx: Tx,
  input: StockDocumentInput,
  now: Date,
): Promise<{ reservationId: string; quantity: number }[]> {
  const waiting = await tx.reservation.findMany({
    where: { skuId: input.skuId, ...allowedFrom("ALLOCATE", now) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const level = await tx.stockLevel.findUniqueOrThrow({
    where: { nodeId_skuId: { nodeId: input.nodeId, skuId: input.skuId } },
  });
  let available = nodeAvailable(level);
  const allocated: { reservationId: string; quantity: number }[] = [];
  for (const r of waiting) {
    if (r.quantity > available) break;
    const delta = { nodeId: input.nodeId, skuId: input.skuId, quantity: r.quantity };
    if (!(await reserveAtNode(tx, delta, now))) break;
    const moved = await tx.reservation.updateMany({
      where: { id: r.id, ...allowedFrom("ALLOCATE", now) },
      data: { status: "ACTIVE", kind: "ORDER_ALLOCATION", nodeId: input.nodeId },
    });
    if (moved.count !== 1)
      throw new Error(`presale reservation ${r.id} changed under the SKU lock`);
    await writeMovements(tx, [
      {
        ...delta,
        kind: "RESERVATION",
        reservedDelta: r.quantity,
        reason: "presale allocated on receipt",
        ...reservationDocument(r),
        reservationId: r.id,
      },
    ]);
    available -= r.quantity;
    allocated.push({ reservationId: r.id, quantity: r.quantity });
  }
  return allocated;
}
