import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { atMost } from "@/lib/errors/field-problem";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import type { FulfilmentStepInput } from "./accept-fulfilment.server";
import { loadForActor, moveStatus, type LoadedFulfilment } from "./fulfilment-steps.server";

/** Ticks set a line's picked quantity; a scan adds one unit of the scanned SKU. */
export const pickSchema = z.union([
  z.object({
    ticks: z
      .array(z.object({ lineId: z.string().min(1), pickedQty: z.number().int().min(0) }))
      .max(200),
  }),
  z.object({ barcode: z.string().trim().min(1, "Required.").max(64) }),
]);
export type PickInput = z.infer<typeof pickSchema>;

export type PickResult = {
  status: "ACCEPTED" | "PICKED";
  lines: { id: string; quantity: number; pickedQty: number }[];
};

/**
 * Records picked units on an accepted task; once every line is fully picked the task becomes
 * PICKED. A scan of a barcode that is not on the task, or of a line already complete, and a
 * quantity out of 0…ordered are refused and change nothing.
 */
export async function pickLines(
  db: Db,
  input: FulfilmentStepInput & PickInput,
): Promise<PickResult> {
  return withTransaction(db, async (tx) => {
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor);
    if (fo.status !== "ACCEPTED") {
      throw new AppError(
        "CONFLICT",
        `Out of order: lines are picked on an accepted task, this one is ${fo.status}.`,
        {
          details: { reason: "TASK_STATE", status: fo.status },
        },
      );
    }
    // Touching the row first serialises concurrent picks of one task behind its row lock.
    const held = await tx.fulfilmentOrder.updateMany({
      where: { id: fo.id, status: "ACCEPTED" },
      data: { updatedAt: input.now ?? new Date() },
    });
    if (held.count === 0)
      throw new AppError("CONFLICT", "Out of order: this task was changed meanwhile.", {
        details: { reason: "CHANGED_MEANWHILE" },
      });
    const fresh = await tx.fulfilmentLine.findMany({
      where: { fulfilmentOrderId: fo.id },
      orderBy: { id: "asc" },
    });
    const picked =
      "barcode" in input
        ? await scan(tx, fresh, input.barcode)
        : await tick(tx, fresh, input.ticks);
    const allPicked = picked.every((l) => l.pickedQty === l.quantity);
    if (allPicked) await moveStatus(tx, { ...fo, lines: fresh }, "PICKED", input.actor);
    return {
      status: allPicked ? ("PICKED" as const) : ("ACCEPTED" as const),
      lines: picked.map(({ id, quantity, pickedQty }) => ({ id, quantity, pickedQty })),
    };
  });
}

type Line = LoadedFulfilment["lines"][number];

async function scan(tx: Tx, lines: Line[], barcode: string): Promise<Line[]> {
  const sku = await tx.sku.findUnique({ where: { barcode }, select: { id: true } });
  const matching = lines.filter((l) => l.skuId === sku?.id);
  if (matching.length === 0) {
    throw new AppError("INVALID_INPUT", "This barcode is not on this task.", {
      fieldErrors: { barcode: [{ problem: "INVALID" }] },
      details: { reason: "BARCODE_NOT_ON_TASK" },
    });
  }
  const open = matching.find((l) => l.pickedQty < l.quantity);
  if (!open) {
    throw new AppError("CONFLICT", "Every unit of this item is already picked.", {
      details: { reason: "ALREADY_PICKED" },
    });
  }
  return setPicked(tx, lines, open.id, open.pickedQty + 1);
}

async function tick(
  tx: Tx,
  lines: Line[],
  ticks: { lineId: string; pickedQty: number }[],
): Promise<Line[]> {
  let current = lines;
  for (const t of ticks) {
    const line = current.find((l) => l.id === t.lineId);
    if (!line)
      throw new AppError("NOT_FOUND", "This line is not on this task.", {
        details: { reason: "TASK_LINE", lineId: t.lineId },
      });
    if (t.pickedQty > line.quantity) {
      throw new AppError("INVALID_INPUT", `At most ${line.quantity} can be picked for this line.`, {
        fieldErrors: { [t.lineId]: [atMost(line.quantity)] },
        details: { reason: "ABOVE_ORDERED", ordered: line.quantity },
      });
    }
    current = await setPicked(tx, current, line.id, t.pickedQty);
  }
  return current;
}

async function setPicked(
  tx: Tx,
  lines: Line[],
  lineId: string,
  pickedQty: number,
): Promise<Line[]> {
  await tx.fulfilmentLine.update({ where: { id: lineId }, data: { pickedQty } });
  return lines.map((l) => (l.id === lineId ? { ...l, pickedQty } : l));
}
