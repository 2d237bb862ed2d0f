import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { SkuRecord } from "@/lib/allocation/load-sku-snapshots.server";
import { loadSkuSnapshots } from "@/lib/allocation/load-sku-snapshots.server";
import type { AllocationConfig, SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { poolAvailable } from "@/lib/inventory/availability";
import { env } from "@/lib/env";
import {
  lockSkus,
  newRowId,
  reserveAndRecord,
  type AlsoWhenPromised,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { decideChannelReserve } from "./reserve-decision";
import { checkReserveContext, loadReserveContext, wantedNodeIds } from "./reserve-context.server";
import { idempotencyConflict, outOfStock } from "./reserve-checks.server";
import { reserveInGroup } from "./fast-path-batch.server";
import { summarise, type ReservationSummary, type ReserveStockResult } from "./reservation-summary";
import { holdExpiresAt, holdTtlSeconds, reserveInputSchema, type ReserveInput } from "./rules";

export type ReserveStockOptions = ReserveInput & {
  now?: Date;
  /** Overrides env.PICKUP_HOLD_MINUTES (tests, or a per-store setting later). */
  pickupHoldMinutes?: number;
  /**
   * Inside a caller's transaction: a write made in the promise's own statement, only if the
   * units are promised (an order's capacity for the day). Ignored on a client.
   */
  alsoWhenPromised?: AlsoWhenPromised;
};

export type { ReserveStockResult };

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
 *
 * Speed under a flash sale: everything that needs no lock is read first, in one statement and,
 * on a client, outside the transaction, so a refusal costs one query and no transaction. Under
 * the lock there are three statements: the lock, the fresh snapshot, and one statement that
 * promises the units and records the reservation and its movement. On a client, attempts
 * without an idempotency key then join the SKU's group commit (fast-path-batch.server.ts):
 * attempts arriving while a transaction holds the SKU lock are decided together, in arrival
 * order, in the next one, so one commit serves many promises instead of one. Inside a caller's
 * transaction (an order's holds) the lock comes first and the one read after it decides.
 */
export async function reserveStock(
  db: Db,
  options: ReserveStockOptions,
): Promise<ReserveStockResult> {
  const {
    now = new Date(),
    pickupHoldMinutes = env.PICKUP_HOLD_MINUTES,
    alsoWhenPromised,
    ...raw
  } = options;
  const input = parseInput(reserveInputSchema, raw);
  const ttlSeconds = holdTtlSeconds(input.kind, input.ttlSeconds, pickupHoldMinutes);
  try {
    // Inside a caller's transaction (an order) nothing is gained by deciding before the lock.
    if (!("$connect" in db))
      return await reserveLockedFirst(db, { input, ttlSeconds, now, also: alsoWhenPromised });
    const context = await loadReserveContext(db, input.skuId, wantedNodeIds(input));
    const { sku, snapshot } = checkReserveContext(context, input);
    // A refusal decided on a committed snapshot is as valid as one decided under the lock, so
    // requests that cannot succeed are answered without queueing behind the ones that can.
    if (!(await findReplay(db, input))) decide(snapshot, input);
    if ("$connect" in db && !input.idempotencyKey) {
      const grouped = await reserveInGroup(db, { input, ttlSeconds, now, pickupHoldMinutes });
      if (grouped) return grouped;
    }
    const locked = { input, sku, config: context.config, ttlSeconds, now };
    return await withTransaction(db, (tx) => reserveUnderLock(tx, locked));
  } catch (error) {
    // Keys are checked under the SKU lock; a key reused for another SKU is caught by the index.
    if (input.idempotencyKey && isUniqueViolation(error))
      throw idempotencyConflict(input.idempotencyKey);
    throw error;
  }
}

/** The nodes to try, in order, or the refusal (OUT_OF_STOCK with what is available). */
function decide(snapshot: SkuSnapshot, input: ReserveInput): string[] {
  const decision = decideChannelReserve(snapshot, input.channelId, input);
  if (decision.ok) return decision.nodeIds;
  throw outOfStock({
    skuId: input.skuId,
    channelId: input.channelId,
    requested: input.quantity,
    ...decision,
    poolAvailable: poolAvailable(snapshot.levels),
  });
}

type LockedReserve = {
  input: ReserveInput;
  sku: SkuRecord;
  config: AllocationConfig;
  ttlSeconds: number | null;
  now: Date;
  also?: AlsoWhenPromised;
};

async function reserveUnderLock(tx: Tx, locked: LockedReserve): Promise<ReserveStockResult> {
  const { input, sku, config, ttlSeconds, now } = locked;
  await lockSkus(tx, [sku.id]);
  const replay = await findReplay(tx, input);
  if (replay) return { reservation: replay, replayed: true, affectedSkuIds: [] };
  const snapshot = (await loadSkuSnapshots(tx, config, [sku])).get(sku.id);
  if (!snapshot) throw new Error(`no snapshot for ${sku.id}`);
  return promiseUnits(tx, { input, sku, snapshot, ttlSeconds, now });
}

/**
 * In a caller's transaction: the SKU lock first, then everything the reservation is decided on
 * in one statement (the lock, that read and the promise: three statements).
 */
async function reserveLockedFirst(
  tx: Tx,
  locked: Pick<LockedReserve, "input" | "ttlSeconds" | "now" | "also">,
): Promise<ReserveStockResult> {
  const { input } = locked;
  await lockSkus(tx, [input.skuId]);
  const context = await loadReserveContext(tx, input.skuId, wantedNodeIds(input));
  const { sku, snapshot } = checkReserveContext(context, input);
  const replay = await findReplay(tx, input);
  if (replay) return { reservation: replay, replayed: true, affectedSkuIds: [] };
  return promiseUnits(tx, { ...locked, sku, snapshot });
}

/** Decides on a snapshot taken under the SKU lock and promises the units at the first node that has them. */
async function promiseUnits(
  tx: Tx,
  locked: Omit<LockedReserve, "config"> & { snapshot: SkuSnapshot },
): Promise<ReserveStockResult> {
  const { input, sku, snapshot, ttlSeconds, now, also } = locked;
  const nodeIds = decide(snapshot, input);

  const reservation = {
    id: newRowId(),
    channelId: input.channelId,
    quantity: input.quantity,
    kind: input.kind,
    expiresAt: holdExpiresAt(now, ttlSeconds),
    orderId: input.orderId ?? null,
    orderLineId: input.orderLineId ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    reason: `${input.kind} for channel ${input.channelId}`,
  };
  for (const nodeId of nodeIds) {
    const [row] = await reserveAndRecord(tx, { nodeId, skuId: sku.id }, [reservation], now, also);
    if (row) return { reservation: summarise(row), replayed: false, affectedSkuIds: [sku.id] };
  }
  // Only a concurrent stock count or deactivation can get here: promises hold the SKU lock.
  throw outOfStock({
    skuId: sku.id,
    channelId: input.channelId,
    requested: input.quantity,
    reason: "STOCK",
    available: 0,
  });
}

/**
 * An earlier reservation with the same key, returned as it is now (it may since have been
 * confirmed or released) when it asked for the same channel, SKU and quantity.
 */
async function findReplay(db: Db, input: ReserveInput): Promise<ReservationSummary | null> {
  if (!input.idempotencyKey) return null;
  const earlier = await db.reservation.findUnique({
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
