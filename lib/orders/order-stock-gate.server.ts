import "server-only";
import type { Redis } from "@upstash/redis";
import type { Db } from "@/lib/db/transaction.server";
import { readGateCounts, type AdmitRequest } from "@/lib/redis/stock-gate.server";
import { capAfterRefusal, DEFAULT_GATE_TTL_SECONDS } from "@/lib/reservations/fast-path";
import { isAppError } from "@/lib/errors/app-error";
import { invalidateStockGate } from "@/lib/reservations/fast-path-release.server";
import { admitAtStockGate, giveBackToStockGate } from "@/lib/reservations/fast-path.server";
import { warnGateUnavailable } from "@/lib/reservations/fast-path-warning";
import { outOfStock } from "@/lib/reservations/reserve-checks.server";

/** What an order took from the gate, to give back if the order is not placed after all. */
export type GatePass = { giveBack: (error: unknown) => Promise<void> };

const STOCK_REFUSALS: ReadonlySet<string> = new Set(["OUT_OF_STOCK", "UNDELIVERABLE"]);

const NOTHING_TAKEN: GatePass = { giveBack: async () => {} };

/**
 * The Redis stock gate in front of an order's transaction (lib/reservations/fast-path.server.ts):
 * each plain line's units are taken from the channel's count first, and once a SKU is sold out
 * the order is refused here, with what is left, before any transaction starts. The database
 * still decides every order the gate lets through, so a stale or lost count never oversells: too
 * high costs a transaction that refuses, too low refuses until the count expires or a release
 * drops it. Without Redis, or while it fails, the database alone decides.
 */
export async function passStockGate(
  db: Db,
  redis: Redis | null,
  options: { channelId: string; units: ReadonlyMap<string, number> },
): Promise<GatePass> {
  if (!redis || options.units.size === 0) return NOTHING_TAKEN;
  const taken: AdmitRequest[] = [];
  const giveBackAll = (cap: (request: AdmitRequest) => number | null) =>
    Promise.all(taken.map((r) => giveBackToStockGate(redis, { ...r, cap: cap(r) }))).then(
      () => undefined,
    );
  for (const [skuId, quantity] of options.units) {
    const request = {
      skuId,
      channelId: options.channelId,
      quantity,
      ttlSeconds: DEFAULT_GATE_TTL_SECONDS,
    };
    const answer = await admitAtStockGate(db, redis, request);
    if (answer?.kind === "refused") {
      await giveBackAll(() => null);
      throw outOfStock({
        skuId,
        channelId: options.channelId,
        requested: quantity,
        available: answer.left,
        channelAts: answer.left,
        reason: "CHANNEL",
        gate: "redis",
      });
    }
    // null: no count for this SKU (Redis failing, a SKU the gate cannot speak for).
    if (answer?.kind === "admitted") taken.push(request);
  }
  return {
    giveBack: async (error) => {
      // A refusal for lack of stock lowers the refused SKU's count to the channel's ATS it saw.
      const refusedSku = (error as { details?: { skuId?: unknown } })?.details?.skuId;
      const cap = capAfterRefusal(error);
      await giveBackAll((r) => (r.skuId === refusedSku ? cap : null));
      // Routing found no node for what the gate let through: the counts may be too high, so
      // they are read again from the database on the next attempt.
      if (cap === null && isAppError(error) && STOCK_REFUSALS.has(error.code))
        await invalidateStockGate({ redis, affectedSkuIds: taken.map((r) => r.skuId) });
    },
  };
}

/**
 * A look at the gate before anything else of a checkout is read: a SKU whose count is below what
 * the cart wants is refused at once (OUT_OF_STOCK, gate "redis"), so pressing "Place order" on a
 * sold-out size costs one Redis read. Takes nothing: the order still passes passStockGate. A SKU
 * without a count (bundles, presale, never asked) and a failing Redis let the checkout go on.
 */
export async function refuseSoldOutAtGate(
  redis: Redis | null,
  options: { channelId: string; units: ReadonlyMap<string, number> },
): Promise<void> {
  if (!redis || options.units.size === 0) return;
  let counts: Map<string, number>;
  try {
    counts = await readGateCounts(redis, options.channelId, [...options.units.keys()]);
  } catch (error) {
    warnGateUnavailable(error);
    return;
  }
  for (const [skuId, quantity] of options.units) {
    const left = counts.get(skuId);
    if (left !== undefined && left < quantity)
      throw outOfStock({
        skuId,
        channelId: options.channelId,
        requested: quantity,
        available: Math.max(0, left),
        channelAts: Math.max(0, left),
        reason: "CHANNEL",
        gate: "redis",
      });
  }
}
