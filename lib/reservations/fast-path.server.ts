import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import type { Redis } from "@upstash/redis";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { Db } from "@/lib/db/transaction.server";
import { getRedis } from "@/lib/redis/client.server";
import { admitUnits, giveBackUnits, type AdmitRequest } from "@/lib/redis/stock-gate.server";
import type { AdmitAnswer } from "@/lib/redis/stock-gate";
import { capAfterRefusal, DEFAULT_GATE_TTL_SECONDS, initialGateUnits } from "./fast-path";
import { warnGateUnavailable } from "./fast-path-warning";
import { outOfStock } from "./reserve-checks.server";
import {
  reserveStock,
  type ReserveStockOptions,
  type ReserveStockResult,
} from "./reserve-stock.server";
import { reserveInputSchema } from "./rules";

export type FastPathOptions = {
  /** The gate's Redis; defaults to getRedis(). Null: the database alone decides. */
  redis?: Redis | null;
  /** How long a gate count is trusted before it is read from the database again. */
  gateTtlSeconds?: number;
};

export type ReserveStockFastOptions = ReserveStockOptions & FastPathOptions;

/**
 * reserveStock behind a Redis gate, for flash sales: one atomic script per attempt keeps, per
 * (channel, SKU), the units the channel may still promise, and refuses at once (OUT_OF_STOCK,
 * with the count left) when they are gone; only admitted attempts reach the database. Without
 * Redis configured, or while Redis fails, this is exactly reserveStock.
 *
 * Why it cannot oversell: the gate only chooses which attempts reach the database. An admitted
 * attempt is still decided by the database as reserveStock decides it (on its own, or in a
 * group commit: the same SKU lock, the same decision on a fresh snapshot, the same node
 * compare-and-set); so whatever the gate holds (stale, too high, lost, initialised twice), the
 * promises made are a subset of those the database alone would make. A count that is too high
 * costs database work (the refusal then gives the units back, lowered to the database's ATS);
 * one that is too low refuses attempts the database would have accepted, until the count
 * expires (`gateTtlSeconds`) or is invalidated (releases, see fast-path-release.server.ts).
 */
export async function reserveStockFast(
  db: Db,
  options: ReserveStockFastOptions,
): Promise<ReserveStockResult> {
  const { redis = getRedis(), gateTtlSeconds, ...engine } = options;
  if (!redis) return reserveStock(db, engine);
  const { now: _now, pickupHoldMinutes: _minutes, ...raw } = engine;
  // Bad input is refused exactly as reserveStock refuses it, before Redis is asked.
  const input = parseInput(reserveInputSchema, raw);
  const request = {
    skuId: input.skuId,
    channelId: input.channelId,
    quantity: input.quantity,
    ttlSeconds: gateTtlSeconds ?? DEFAULT_GATE_TTL_SECONDS,
  };
  const answer = await admitAtStockGate(db, redis, request);
  if (answer === null) return reserveStock(db, engine);
  if (answer.kind === "refused") {
    // A retried request whose first try succeeded must get its reservation back, not a refusal.
    if (input.idempotencyKey && (await hasReservation(db, input.idempotencyKey))) {
      return reserveStock(db, engine);
    }
    throw outOfStock({
      skuId: input.skuId,
      channelId: input.channelId,
      requested: input.quantity,
      available: answer.left,
      channelAts: answer.left,
      reason: "CHANNEL",
      gate: "redis",
    });
  }
  let result: ReserveStockResult;
  try {
    // Admitted attempts of a hot SKU commit in groups, as reserveStock commits them.
    result = await reserveStock(db, engine);
  } catch (error) {
    await giveBackToStockGate(redis, { ...request, cap: capAfterRefusal(error) });
    throw error;
  }
  // A replay changed nothing in the database, so it must not keep the units it was admitted with.
  if (result.replayed) await giveBackToStockGate(redis, { ...request, cap: null });
  return result;
}

/** The gate's answer, reading the channel's ATS when the count is missing; null: ask the database. */
export async function admitAtStockGate(
  db: Db,
  redis: Redis,
  request: AdmitRequest,
): Promise<AdmitAnswer | null> {
  const first = await askGate(() => admitUnits(redis, request));
  if (first === null || first.kind !== "missing") return first;
  const initialUnits = await gateUnitsFromDatabase(db, request.skuId, request.channelId);
  if (initialUnits === null) return null;
  const second = await askGate(() => admitUnits(redis, { ...request, initialUnits }));
  return second === null || second.kind === "missing" ? null : second;
}

/** Runs a gate call; a Redis failure (null) sends the attempt to the database instead. */
async function askGate<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    warnGateUnavailable(error);
    return null;
  }
}

/** Units an admitted attempt did not use go back to the count, lowered to `cap` when given. */
export async function giveBackToStockGate(
  redis: Redis,
  request: { skuId: string; channelId: string; quantity: number; cap: number | null },
): Promise<void> {
  // Units lost here only make the gate stricter until the count expires; never oversell.
  await askGate(() => giveBackUnits(redis, request));
}

// When a count is missing, every attempt arriving at that moment would read the same ATS; one
// read per (database, SKU, channel) is shared by all of them instead.
const pendingReads = new WeakMap<Db, Map<string, Promise<number | null>>>();

function gateUnitsFromDatabase(db: Db, skuId: string, channelId: string) {
  let pending = pendingReads.get(db);
  if (!pending) {
    pending = new Map();
    pendingReads.set(db, pending);
  }
  const key = `${skuId}\u0000${channelId}`;
  let read = pending.get(key);
  if (!read) {
    const reads = pending;
    read = computeChannelAts(db, { skuIds: [skuId] })
      .then((rows) => initialGateUnits(rows, skuId, channelId))
      .finally(() => reads.delete(key));
    pending.set(key, read);
  }
  return read;
}

async function hasReservation(db: Db, idempotencyKey: string): Promise<boolean> {
  const row = await db.reservation.findUnique({
    where: { idempotencyKey },
    select: { id: true },
  });
  return row !== null;
}
