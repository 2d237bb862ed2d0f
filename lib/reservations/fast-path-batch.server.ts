import "server-only";
import type { SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { poolAvailable } from "@/lib/inventory/availability";
import {
  lockSkus,
  newRowId,
  reserveAndRecord,
  type NewReservation,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Tx } from "@/lib/db/transaction.server";
import { withPromise } from "./fast-path";
import { checkReserveContext, loadReserveContext, wantedNodeIds } from "./reserve-context.server";
import { decideChannelReserve } from "./reserve-decision";
import { outOfStock } from "./reserve-checks.server";
import { summarise, type ReserveStockResult } from "./reservation-summary";
import { holdExpiresAt, type ReserveInput } from "./rules";

// Group commit for one hot SKU. Every promise of a SKU holds its lock until it commits, and a
// commit waits for the write-ahead log to reach the disk (about 2 ms here): one at a time, a SKU
// cannot sell much faster than a few hundred units a second, however many connections wait.
// Attempts that arrive while a group is committing therefore wait in process and go together
// in the next group: one transaction, one SKU lock, one fresh snapshot, each attempt decided in
// arrival order on the state the previous ones leave (withPromise), exactly as reserveStock
// would decide them one after another; then one statement per node promises the group's units
// there by compare-and-set and records its reservations and movements. Under light load a
// group is one attempt, so nothing waits longer than it would have.

/** A reservation waiting for its group. */
export type GroupedReserve = {
  input: ReserveInput;
  ttlSeconds: number | null;
  now: Date;
  pickupHoldMinutes: number;
};

type Waiting = GroupedReserve & {
  resolve: (result: ReserveStockResult | null) => void;
  reject: (error: unknown) => void;
};

/** The most attempts one transaction decides; a longer queue is served in several groups. */
export const MAX_GROUP = 100;

const queues = new WeakMap<PrismaClient, Map<string, Waiting[]>>();

/**
 * Reserves through the SKU's group commit: same decisions and refusals as reserveStock, a
 * fraction of the commits under load. For requests without an idempotency key on a client
 * (not inside a caller's transaction): a key's replay and its unique index stay per request.
 * Resolves to null when its node's compare-and-set failed (a concurrent stock count): the
 * caller then decides the attempt on its own, as reserveStock would.
 */
export function reserveInGroup(
  db: PrismaClient,
  request: GroupedReserve,
): Promise<ReserveStockResult | null> {
  let bySku = queues.get(db);
  if (!bySku) {
    bySku = new Map();
    queues.set(db, bySku);
  }
  const skuQueues = bySku;
  return new Promise((resolve, reject) => {
    const queue = skuQueues.get(request.input.skuId);
    if (queue) {
      queue.push({ ...request, resolve, reject });
      return;
    }
    const fresh: Waiting[] = [{ ...request, resolve, reject }];
    skuQueues.set(request.input.skuId, fresh);
    void drain(db, skuQueues, request.input.skuId, fresh);
  });
}

/** Commits the queue group after group until it is empty, then forgets it. */
async function drain(
  db: PrismaClient,
  skuQueues: Map<string, Waiting[]>,
  skuId: string,
  queue: Waiting[],
) {
  while (queue.length > 0) {
    const group = queue.splice(0, MAX_GROUP);
    try {
      await commitGroup(db, skuId, group);
    } catch (error) {
      // Never leave a caller waiting, whatever failed.
      for (const w of group) w.reject(error);
    }
  }
  skuQueues.delete(skuId);
}

type Outcome =
  | { kind: "reserved"; result: ReserveStockResult }
  | { kind: "refused"; error: unknown }
  /** Its node's compare-and-set failed (a concurrent stock count): try again on its own. */
  | { kind: "retry" };

async function commitGroup(db: PrismaClient, skuId: string, group: Waiting[]): Promise<void> {
  if (group.length === 0) return;
  let outcomes: Outcome[];
  try {
    outcomes = await withTransaction(db, (tx) => decideAndWrite(tx, skuId, group));
  } catch (error) {
    // Nothing of the group committed; each caller gets the failure, as reserveStock would give it.
    for (const w of group) w.reject(error);
    return;
  }
  for (const [i, w] of group.entries()) {
    const outcome = outcomes[i] ?? { kind: "retry" };
    if (outcome.kind === "reserved") w.resolve(outcome.result);
    else if (outcome.kind === "refused") w.reject(outcome.error);
    else w.resolve(null);
  }
}

async function decideAndWrite(tx: Tx, skuId: string, group: Waiting[]): Promise<Outcome[]> {
  await lockSkus(tx, [skuId]);
  // Read after the lock: the snapshot holds everything committed by the previous holder.
  const context = await loadReserveContext(tx, skuId, [
    ...new Set(group.flatMap((w) => wantedNodeIds(w.input))),
  ]);
  const outcomes: Outcome[] = [];
  const byNode = new Map<string, { index: number; row: NewReservation }[]>();
  let state: SkuSnapshot | null = null;
  for (const [index, w] of group.entries()) {
    try {
      const checked = checkReserveContext(context, w.input);
      state ??= checked.snapshot;
      const decision = decideChannelReserve(state, w.input.channelId, w.input);
      if (!decision.ok) {
        throw outOfStock({
          skuId,
          channelId: w.input.channelId,
          requested: w.input.quantity,
          ...decision,
          poolAvailable: poolAvailable(state.levels),
        });
      }
      const nodeId = decision.nodeIds[0];
      if (nodeId === undefined) throw new Error("an accepted decision names no node");
      state = withPromise(state, w.input.channelId, nodeId, w.input.quantity);
      const rows = byNode.get(nodeId) ?? [];
      rows.push({ index, row: newReservation(w) });
      byNode.set(nodeId, rows);
      outcomes.push({ kind: "retry" });
    } catch (error) {
      outcomes.push({ kind: "refused", error });
    }
  }
  // Nodes in id order: the order every writer locks stock rows in, so groups cannot deadlock.
  for (const nodeId of [...byNode.keys()].sort()) {
    const entries = byNode.get(nodeId) ?? [];
    const now = new Date(Math.max(...entries.map((e) => group[e.index]?.now.getTime() ?? 0)));
    const recorded = await reserveAndRecord(
      tx,
      { nodeId, skuId },
      entries.map((e) => e.row),
      now,
    );
    for (const [i, row] of recorded.entries()) {
      const entry = entries[i];
      if (!entry) continue;
      const result = { reservation: summarise(row), replayed: false, affectedSkuIds: [skuId] };
      outcomes[entry.index] = { kind: "reserved", result };
    }
  }
  return outcomes;
}

function newReservation(w: Waiting): NewReservation {
  return {
    id: newRowId(),
    channelId: w.input.channelId,
    quantity: w.input.quantity,
    kind: w.input.kind,
    expiresAt: holdExpiresAt(w.now, w.ttlSeconds),
    orderId: w.input.orderId ?? null,
    orderLineId: w.input.orderLineId ?? null,
    idempotencyKey: null,
    reason: `${w.input.kind} for channel ${w.input.channelId}`,
  };
}
