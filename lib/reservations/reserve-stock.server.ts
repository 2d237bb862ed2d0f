import "server-only";
import {
  loadAllocationConfig,
  loadSkuRecords,
  loadSkuSnapshots,
} from "@/lib/allocation/load-sku-snapshots.server";
import { poolAvailable } from "@/lib/inventory/availability";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import {
  lockSkus,
  reservationDocument,
  reserveAtNode,
  writeMovements,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Db, type Tx } from "@/lib/inventory/transaction.server";
import { decideChannelReserve } from "./reserve-decision";
import {
  idempotencyConflict,
  isUniqueViolation,
  outOfStock,
  requireChannel,
  requireNodes,
} from "./reserve-checks.server";
import { summarise, type ReservationSummary, type StockChange } from "./reservation-summary";
import {
  holdExpiresAt,
  holdTtlSeconds,
  parseOrThrow,
  reserveInputSchema,
  type ReserveInput,
} from "./rules";

export type ReserveStockOptions = ReserveInput & {
  prisma: Db;
  now?: Date;
  /** Overrides env.PICKUP_HOLD_MINUTES (tests, or a per-store setting later). */
  pickupHoldMinutes?: number;
};

export type ReserveStockResult = StockChange & {
  reservation: ReservationSummary;
  /** True when the idempotency key matched an earlier identical request: nothing changed. */
  replayed: boolean;
};

/**
 * Promises `quantity` units of a SKU to a channel at one node (named, or the best one), as one
 * transaction that checks both the channel's ATS and the node's availability. Refusals are typed
 * (INVALID_INPUT, NOT_FOUND, OUT_OF_STOCK with what is available) and change nothing.
 *
 * Race-proofing the channel check: the SKU's row is locked (FOR NO KEY UPDATE) before the ATS is
 * computed, so every promise of a SKU, in any channel, decides on the state the previous promise
 * committed. A per-(channel, SKU) lock would not be enough: in protected mode one channel's ATS
 * depends on other channels' reservations (shared channels split one remainder, priority tiers
 * take from lower ones), and the tier switch itself flips on the whole pool. The extra
 * serialisation costs little, as promises at one node already queue on its stock row. The
 * node's compare-and-set stays the physical guard.
 */
export async function reserveStock(options: ReserveStockOptions): Promise<ReserveStockResult> {
  const { prisma, now = new Date(), pickupHoldMinutes = env.PICKUP_HOLD_MINUTES, ...raw } = options;
  const input = parseOrThrow(reserveInputSchema, raw);
  const ttlSeconds = holdTtlSeconds(input.kind, input.ttlSeconds, pickupHoldMinutes);
  try {
    return await withTransaction(prisma, (tx) => reserveInTransaction(tx, input, ttlSeconds, now));
  } catch (error) {
    // Keys are checked under the SKU lock; a key reused for another SKU is caught by the index.
    if (input.idempotencyKey && isUniqueViolation(error))
      throw idempotencyConflict(input.idempotencyKey);
    throw error;
  }
}

async function reserveInTransaction(
  tx: Tx,
  input: ReserveInput,
  ttlSeconds: number | null,
  now: Date,
): Promise<ReserveStockResult> {
  const sku = (await loadSkuRecords(tx, [input.skuId])).get(input.skuId);
  if (!sku) throw new AppError("NOT_FOUND", "Unknown SKU.", { details: { skuId: input.skuId } });
  if (sku.isBundle) {
    throw new AppError("INVALID_INPUT", "This SKU is a bundle; reserve it as a bundle.", {
      fieldErrors: { skuId: ["Bundles are reserved through their components."] },
    });
  }
  await requireChannel(tx, input.channelId);
  await requireNodes(tx, input.nodeId, input.candidateNodeIds);
  const config = await loadAllocationConfig(tx);

  const facts = { skuId: sku.id, channelId: input.channelId, requested: input.quantity };
  const decide = async () => {
    const snapshot = (await loadSkuSnapshots(tx, config, [sku])).get(sku.id);
    if (!snapshot) throw new Error(`no snapshot for ${sku.id}`);
    const decision = decideChannelReserve(snapshot, input.channelId, input);
    if (decision.ok) return decision;
    throw outOfStock({ ...facts, ...decision, poolAvailable: poolAvailable(snapshot.levels) });
  };

  // A refusal decided on a committed snapshot is as valid as one decided under the lock, so
  // requests that cannot succeed are answered without queueing behind the ones that can.
  if (!(await findReplay(tx, input))) await decide();
  await lockSkus(tx, [sku.id]);
  const replay = await findReplay(tx, input);
  if (replay) return { reservation: replay, replayed: true, affectedSkuIds: [] };
  const decision = await decide();

  let nodeId: string | null = null;
  for (const candidate of decision.nodeIds) {
    if (
      await reserveAtNode(tx, { nodeId: candidate, skuId: sku.id, quantity: input.quantity }, now)
    ) {
      nodeId = candidate;
      break;
    }
  }
  // Only a concurrent stock count or deactivation can get here: promises hold the SKU lock.
  if (!nodeId) throw outOfStock({ ...facts, reason: "STOCK", available: 0 });

  const reservation = await tx.reservation.create({
    data: {
      channelId: input.channelId,
      skuId: sku.id,
      nodeId,
      quantity: input.quantity,
      kind: input.kind,
      expiresAt: holdExpiresAt(now, ttlSeconds),
      orderId: input.orderId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
    },
  });
  await writeMovements(tx, [
    {
      nodeId,
      skuId: sku.id,
      kind: "RESERVATION",
      reservedDelta: input.quantity,
      reason: `${input.kind} for channel ${input.channelId}`,
      ...reservationDocument(reservation),
      reservationId: reservation.id,
    },
  ]);
  return { reservation: summarise(reservation), replayed: false, affectedSkuIds: [sku.id] };
}

/**
 * An earlier reservation with the same key, returned as it is now (it may since have been
 * confirmed or released) when it asked for the same channel, SKU and quantity.
 */
async function findReplay(tx: Tx, input: ReserveInput): Promise<ReservationSummary | null> {
  if (!input.idempotencyKey) return null;
  const earlier = await tx.reservation.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
  });
  if (!earlier) return null;
  const same =
    earlier.channelId === input.channelId &&
    earlier.skuId === input.skuId &&
    earlier.quantity === input.quantity;
  if (!same) throw idempotencyConflict(input.idempotencyKey);
  return summarise(earlier);
}
