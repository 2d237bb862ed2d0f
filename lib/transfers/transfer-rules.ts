import { randomInt } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import { atMost } from "@/lib/errors/field-problem";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";
import type { Role, TransferStatus } from "@/lib/generated/prisma/enums";

// Transfer orders (调拨): the pure rules. A DRAFT names what should move; shipping takes the
// units off the source's shelf and announces them as inbound at the destination; receiving
// counts them in (a short receipt loses the difference in transit); cancelling a shipment puts
// the units back at the source.

export const TRANSFER_STATUSES = [
  "DRAFT",
  "SHIPPED",
  "RECEIVED",
  "CANCELLED",
] as const satisfies readonly TransferStatus[];

/** Units of one SKU on one transfer line, and SKUs on one transfer. */
export const MAX_TRANSFER_QUANTITY = 9_999;
export const MAX_TRANSFER_LINES = 100;

const rowId = z.string().min(1).max(64);

/** Problems at `lines.<i>.<field>` for every line repeating an earlier line's `field`. */
function distinctBy<K extends string>(field: K) {
  return (lines: readonly Record<K, string>[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (seen.has(line[field]))
        ctx.addIssue({ code: "custom", path: [i, field], message: "Listed twice." });
      seen.add(line[field]);
    });
  };
}

export const createTransferSchema = z.object({
  fromNodeId: rowId,
  toNodeId: rowId,
  reason: z.string().trim().min(1).max(500),
  lines: z
    .array(
      z.object({
        skuId: rowId,
        quantity: z.number().int().min(1).max(MAX_TRANSFER_QUANTITY),
      }),
    )
    .min(1)
    .max(MAX_TRANSFER_LINES)
    .superRefine(distinctBy("skuId")),
});
export type CreateTransferInput = z.input<typeof createTransferSchema>;

/** A transfer as the console's form sends it: each line names its SKU by code. */
export const createTransferByCodeSchema = createTransferSchema.extend({
  lines: z
    .array(
      z.object({
        skuCode: z.string().trim().min(1).max(64),
        quantity: z.number().int().min(1).max(MAX_TRANSFER_QUANTITY),
      }),
    )
    .min(1)
    .max(MAX_TRANSFER_LINES)
    .superRefine(distinctBy("skuCode")),
});
export type CreateTransferByCodeInput = z.input<typeof createTransferByCodeSchema>;

export const transferIdSchema = z.object({ transferId: rowId });

export const receiveTransferSchema = z.object({
  transferId: rowId,
  lines: z
    .array(
      z.object({
        lineId: rowId,
        receivedQty: z.number().int().min(0).max(MAX_TRANSFER_QUANTITY),
      }),
    )
    .min(1)
    .max(MAX_TRANSFER_LINES)
    .superRefine(distinctBy("lineId")),
});
export type ReceiveTransferInput = z.input<typeof receiveTransferSchema>;

export const listTransfersSchema = z.object({
  status: z.enum(TRANSFER_STATUSES).optional(),
  /** Transfers from or to this node. */
  nodeId: rowId.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type ListTransfersQuery = z.input<typeof listTransfersSchema>;

/** Where each status may go: one step forward, or cancelled while the goods are not counted in. */
export const TRANSFER_TRANSITIONS: Readonly<Record<TransferStatus, readonly TransferStatus[]>> = {
  DRAFT: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["RECEIVED", "CANCELLED"],
  RECEIVED: [],
  CANCELLED: [],
};

export function canMoveTransfer(from: TransferStatus, to: TransferStatus): boolean {
  return TRANSFER_TRANSITIONS[from].includes(to);
}

/** The states a step to `to` may start from: the compare-and-set's WHERE. */
export function transferFromStates(to: TransferStatus): TransferStatus[] {
  return TRANSFER_STATUSES.filter((from) => canMoveTransfer(from, to));
}

/** Refuses a step the state machine does not allow, naming the transfer's state. */
export function assertTransferCanMove(from: TransferStatus, to: TransferStatus): void {
  if (!canMoveTransfer(from, to))
    throw new AppError("CONFLICT", `A ${from} transfer cannot become ${to}.`, {
      details: { reason: "TRANSFER_STATE", status: from, wanted: to },
    });
}

/** A stock level as far as a transfer out of it is concerned. */
export type GiveableLevel = {
  onHand: number;
  reserved: number;
  safetyStock: number;
  displayMin: number;
};

/**
 * Units a node can give away: what it holds less the units promised to reservations and less
 * the larger of its safety stock and its shelf minimum. A transfer never touches reserved units
 * and never leaves a store below its display minimum or safety stock.
 */
export function giveable(level: GiveableLevel): number {
  return Math.max(0, level.onHand - level.reserved - Math.max(level.safetyStock, level.displayMin));
}

/** A transfer line asking more than its source can give, as the refusal the use case throws. */
export function sourceShortError(input: {
  lineIndex: number;
  skuId: string;
  nodeId: string;
  requested: number;
  available: number;
  naming?: ItemNaming;
}): AppError<"OUT_OF_STOCK"> {
  const { lineIndex, skuId, nodeId, requested, available, naming } = input;
  return new AppError(
    "OUT_OF_STOCK",
    `The source can give only ${available} of ${skuId}, not ${requested}.`,
    {
      fieldErrors: { [`lines.${lineIndex}.quantity`]: [atMost(available)] },
      details: { reason: "SOURCE_SHORT", skuId, nodeId, requested, available, ...naming },
    },
  );
}

/** Refuses a transfer from a node to itself. */
export function assertDifferentNodes(fromNodeId: string, toNodeId: string): void {
  if (fromNodeId === toNodeId)
    throw new AppError("INVALID_INPUT", "A transfer goes from one node to another.", {
      fieldErrors: { toNodeId: [{ problem: "INVALID" }] },
      details: { reason: "SAME_NODE" },
    });
}

/** A line as shipped, with its item's naming for refusals. */
export type ShippedLine = { id: string; skuId: string; quantity: number; naming?: ItemNaming };

/** A line as counted in. */
export type CountedLine = {
  lineId: string;
  skuId: string;
  quantity: number;
  receivedQty: number;
};

/**
 * Matches a count to the shipped lines: every line counted exactly once (0 when nothing
 * arrived), none above what was shipped on it, no line of another transfer.
 */
export function countReceipt(
  shipped: readonly ShippedLine[],
  counted: readonly { lineId: string; receivedQty: number }[],
): CountedLine[] {
  const byId = new Map(shipped.map((l) => [l.id, l]));
  counted.forEach((c, i) => {
    const line = byId.get(c.lineId);
    if (!line)
      throw new AppError("NOT_FOUND", "That line is not on this transfer.", {
        fieldErrors: { [`lines.${i}.lineId`]: [{ problem: "INVALID" }] },
        details: { reason: "TRANSFER_LINE", lineId: c.lineId },
      });
    if (c.receivedQty > line.quantity)
      throw new AppError(
        "INVALID_INPUT",
        `Only ${line.quantity} of ${line.skuId} were shipped on this line.`,
        {
          fieldErrors: { [`lines.${i}.receivedQty`]: [atMost(line.quantity)] },
          details: {
            reason: "ABOVE_SHIPPED",
            lineId: line.id,
            skuId: line.skuId,
            shipped: line.quantity,
            ...line.naming,
          },
        },
      );
  });
  const countedIds = new Set(counted.map((c) => c.lineId));
  const uncounted = shipped.filter((l) => !countedIds.has(l.id)).map((l) => l.id);
  if (uncounted.length > 0)
    throw new AppError("INVALID_INPUT", "Every line of the transfer must be counted.", {
      fieldErrors: { lines: [{ problem: "INVALID" }] },
      details: { reason: "UNCOUNTED_LINES", lineIds: uncounted },
    });
  const received = new Map(counted.map((c) => [c.lineId, c.receivedQty]));
  return shipped.map((l) => ({
    lineId: l.id,
    skuId: l.skuId,
    quantity: l.quantity,
    receivedQty: received.get(l.id) ?? 0,
  }));
}

/** Units lost in transit on a received line (0 when counted in full); null before receipt. */
export function shortBy(line: { quantity: number; receivedQty: number | null }): number | null {
  return line.receivedQty === null ? null : line.quantity - line.receivedQty;
}

/** A transfer number a person can read out: "TR" + Shanghai date + 6 random digits. */
export function newTransferNo(now: Date, pick: (max: number) => number = randomInt): string {
  const day = shanghaiDayOf(now).replaceAll("-", "");
  return `TR${day}${String(pick(1_000_000)).padStart(6, "0")}`;
}

/** Who acts on a transfer: admins plan, ship and cancel; a store's staff receive at it. */
export type TransferActor = {
  id: string;
  role: Role;
  storeNodeId: string | null;
};

/** Refuses anyone but an admin (creating, shipping, cancelling). */
export function assertAdmin(actor: TransferActor): void {
  if (actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an administrator may do this.", {
      details: { reason: "ADMIN_ONLY" },
    });
}

/** Refuses a receiver who is neither an admin nor staff of the destination store. */
export function assertCanReceive(actor: TransferActor, toNodeId: string): void {
  if (actor.role === "ADMIN") return;
  if (actor.role !== "STORE_STAFF" || actor.storeNodeId === null)
    throw new AppError("FORBIDDEN", "Transfers are received by the destination's staff.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  if (actor.storeNodeId !== toNodeId)
    throw new AppError("FORBIDDEN", "This transfer goes to another store.", {
      details: { reason: "OTHER_STORE" },
    });
}
