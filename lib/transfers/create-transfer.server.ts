import "server-only";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import type { FieldErrors } from "@/lib/errors/field-problem";
import { newRowId } from "@/lib/inventory/stock-writes.server";
import { parseInput } from "@/lib/validation/parse-input";
import {
  assertAdmin,
  assertDifferentNodes,
  createTransferSchema,
  giveable,
  newTransferNo,
  sourceShortError,
  type CreateTransferInput,
  type TransferActor,
} from "./transfer-rules";

export type CreatedTransfer = {
  transferId: string;
  transferNo: string;
  status: "DRAFT";
  lines: { lineId: string; skuId: string; quantity: number }[];
};

/** How many transfer numbers are tried before giving up (each clash is one in a million a day). */
const NUMBER_ATTEMPTS = 5;

/**
 * An admin plans a transfer (DRAFT): from one node to another, with a reason and up to 100
 * distinct SKUs. Nothing moves yet. Refused (and nothing written): a non-admin (FORBIDDEN
 * ADMIN_ONLY), the same node twice (INVALID_INPUT SAME_NODE), an unknown node or SKU
 * (NOT_FOUND), a bundle (INVALID_INPUT IS_BUNDLE), a quantity above what the source can give
 * now (OUT_OF_STOCK SOURCE_SHORT with `available`). Shipping decides again on the stock of then.
 */
export async function createTransfer(
  db: Db,
  input: { actor: TransferActor; transfer: CreateTransferInput; now?: Date },
): Promise<CreatedTransfer> {
  assertAdmin(input.actor);
  const transfer = parseInput(createTransferSchema, input.transfer);
  assertDifferentNodes(transfer.fromNodeId, transfer.toNodeId);
  const now = input.now ?? new Date();
  return withTransaction(db, async (tx) => {
    await checkNodes(tx, transfer.fromNodeId, transfer.toNodeId);
    const naming = await checkSkus(tx, transfer.lines);
    await checkGiveable(tx, transfer.fromNodeId, transfer.lines, naming);
    const header = await insertHeader(tx, {
      fromNodeId: transfer.fromNodeId,
      toNodeId: transfer.toNodeId,
      reason: transfer.reason,
      createdById: input.actor.id,
      now,
    });
    const lines = await tx.transferLine.createManyAndReturn({
      data: transfer.lines.map((l) => ({
        transferId: header.id,
        skuId: l.skuId,
        quantity: l.quantity,
      })),
      select: { id: true, skuId: true, quantity: true },
    });
    const bySku = new Map(lines.map((l) => [l.skuId, l]));
    return {
      transferId: header.id,
      transferNo: header.transferNo,
      status: "DRAFT" as const,
      lines: transfer.lines.map((l) => ({
        lineId: bySku.get(l.skuId)!.id,
        skuId: l.skuId,
        quantity: l.quantity,
      })),
    };
  });
}

async function checkNodes(tx: Tx, fromNodeId: string, toNodeId: string): Promise<void> {
  const found = await tx.node.findMany({
    where: { id: { in: [fromNodeId, toNodeId] } },
    select: { id: true },
  });
  const known = new Set(found.map((n) => n.id));
  const missing = [fromNodeId, toNodeId].filter((id) => !known.has(id));
  if (missing.length === 0) return;
  const fieldErrors: FieldErrors = {};
  if (!known.has(fromNodeId)) fieldErrors.fromNodeId = [{ problem: "INVALID" }];
  if (!known.has(toNodeId)) fieldErrors.toNodeId = [{ problem: "INVALID" }];
  throw new AppError("NOT_FOUND", "Unknown node.", {
    fieldErrors,
    details: { reason: "NODE", nodeIds: missing },
  });
}

/** Refuses unknown SKUs and bundles; returns the SKUs' naming for later refusals. */
async function checkSkus(
  tx: Tx,
  lines: readonly { skuId: string; quantity: number }[],
): Promise<Map<string, ItemNaming>> {
  const skus = await tx.sku.findMany({
    where: { id: { in: lines.map((l) => l.skuId) } },
    select: {
      id: true,
      isBundle: true,
      color: true,
      colorZh: true,
      size: true,
      product: { select: { name: true, nameZh: true } },
    },
  });
  const byId = new Map(skus.map((s) => [s.id, s]));
  const missing = lines.flatMap((l, i) => (byId.has(l.skuId) ? [] : [i]));
  if (missing.length > 0) {
    const skuId = lines[missing[0]!]!.skuId;
    throw new AppError("NOT_FOUND", `Unknown SKU ${skuId}.`, {
      fieldErrors: Object.fromEntries(
        missing.map((i) => [`lines.${i}.skuId`, [{ problem: "INVALID" as const }]]),
      ),
      details: { reason: "SKU", skuId },
    });
  }
  const naming = new Map<string, ItemNaming>(
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
  const bundle = lines.findIndex((l) => byId.get(l.skuId)!.isBundle);
  if (bundle >= 0)
    throw new AppError("INVALID_INPUT", "Bundles are stocked as their components.", {
      fieldErrors: { [`lines.${bundle}.skuId`]: [{ problem: "INVALID" }] },
      details: { reason: "IS_BUNDLE", ...naming.get(lines[bundle]!.skuId) },
    });
  return naming;
}

/** Refuses the first line asking more than the source can give on the committed stock. */
async function checkGiveable(
  tx: Tx,
  fromNodeId: string,
  lines: readonly { skuId: string; quantity: number }[],
  naming: ReadonlyMap<string, ItemNaming>,
): Promise<void> {
  const levels = await tx.stockLevel.findMany({
    where: { nodeId: fromNodeId, skuId: { in: lines.map((l) => l.skuId) } },
    select: { skuId: true, onHand: true, reserved: true, safetyStock: true, displayMin: true },
  });
  const bySku = new Map(levels.map((l) => [l.skuId, l]));
  const short = lines.findIndex((l) => {
    const level = bySku.get(l.skuId);
    return l.quantity > (level ? giveable(level) : 0);
  });
  if (short < 0) return;
  const line = lines[short]!;
  const level = bySku.get(line.skuId);
  throw sourceShortError({
    lineIndex: short,
    skuId: line.skuId,
    nodeId: fromNodeId,
    requested: line.quantity,
    available: level ? giveable(level) : 0,
    naming: naming.get(line.skuId),
  });
}

/**
 * Writes the transfer's row under a fresh number; a number already taken writes nothing (no
 * failed statement, so this works inside a caller's transaction too) and the next is tried.
 */
async function insertHeader(
  tx: Tx,
  row: { fromNodeId: string; toNodeId: string; reason: string; createdById: string; now: Date },
): Promise<{ id: string; transferNo: string }> {
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const id = newRowId();
    const transferNo = newTransferNo(row.now);
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "TransferOrder" ("id", "transferNo", "fromNodeId", "toNodeId", "reason",
        "createdById", "createdAt")
      VALUES (${id}, ${transferNo}, ${row.fromNodeId}, ${row.toNodeId}, ${row.reason},
        ${row.createdById}, ${row.now})
      ON CONFLICT ("transferNo") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 1) return { id, transferNo };
  }
  throw new Error(`no free transfer number after ${NUMBER_ATTEMPTS} attempts`);
}
