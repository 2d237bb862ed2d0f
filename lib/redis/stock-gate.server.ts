import "server-only";
import type { Redis } from "@upstash/redis";
import { ADMIT_LUA, GIVE_BACK_LUA } from "./stock-gate-lua";
import { parseAdmitReply, parseGiveBackReply, stockGateKey, type AdmitAnswer } from "./stock-gate";

type GateScripts = {
  admit: ReturnType<Redis["createScript"]>;
  giveBack: ReturnType<Redis["createScript"]>;
};

// One pair of script handles per client: a handle remembers that Redis already knows the
// script, so later calls send only its SHA-1 (EVALSHA) instead of the source.
const scriptsByClient = new WeakMap<Redis, GateScripts>();

function scriptsOf(redis: Redis): GateScripts {
  let scripts = scriptsByClient.get(redis);
  if (!scripts) {
    scripts = { admit: redis.createScript(ADMIT_LUA), giveBack: redis.createScript(GIVE_BACK_LUA) };
    scriptsByClient.set(redis, scripts);
  }
  return scripts;
}

export type AdmitRequest = {
  skuId: string;
  channelId: string;
  quantity: number;
  /** The channel's ATS read from the database, when the count is missing. */
  initialUnits?: number;
  ttlSeconds: number;
};

/** Takes `quantity` units from the channel's count if it holds that many, atomically. */
export async function admitUnits(redis: Redis, request: AdmitRequest): Promise<AdmitAnswer> {
  const reply = await scriptsOf(redis).admit.exec(
    [stockGateKey(request.skuId)],
    [
      request.channelId,
      String(request.quantity),
      request.initialUnits === undefined ? "" : String(Math.max(0, request.initialUnits)),
      String(Math.max(1, Math.round(request.ttlSeconds * 1000))),
    ],
  );
  return parseAdmitReply(reply);
}

/**
 * Puts units back on the channel's count, then lowers it to `cap` (what the database said the
 * channel may still promise) when given. Returns the count, or null when it had expired.
 */
export async function giveBackUnits(
  redis: Redis,
  request: { skuId: string; channelId: string; quantity: number; cap: number | null },
): Promise<number | null> {
  const reply = await scriptsOf(redis).giveBack.exec(
    [stockGateKey(request.skuId)],
    [
      request.channelId,
      String(request.quantity),
      request.cap === null ? "" : String(Math.max(0, request.cap)),
    ],
  );
  return parseGiveBackReply(reply);
}

/** Drops the SKUs' counts in every channel; the next attempt reads them from the database. */
export async function invalidateGate(redis: Redis, skuIds: readonly string[]): Promise<void> {
  const keys = [...new Set(skuIds)].map(stockGateKey);
  if (keys.length > 0) await redis.del(...keys);
}

/** The channel's counts of these SKUs, in one round trip; a SKU without a count is left out. */
export async function readGateCounts(
  redis: Redis,
  channelId: string,
  skuIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return new Map();
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hget(stockGateKey(id), channelId);
  const replies = await pipeline.exec<(string | number | null)[]>();
  const counts = new Map<string, number>();
  ids.forEach((id, i) => {
    const reply = replies[i];
    if (reply !== null && reply !== undefined && Number.isFinite(Number(reply)))
      counts.set(id, Number(reply));
  });
  return counts;
}
