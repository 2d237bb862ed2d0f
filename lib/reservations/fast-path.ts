import type { SkuChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { isAppError } from "@/lib/errors/app-error";

// Pure decisions of the Redis fast path (fast-path.server.ts).

/** How long a gate count is trusted before it is read from the database again. */
export const DEFAULT_GATE_TTL_SECONDS = 5;

/**
 * The units a channel's gate count starts from: the channel's ATS for the SKU. Null when the
 * gate cannot speak for the request (unknown SKU, a bundle, an inactive or unknown channel):
 * such requests go straight to the database, which gives the precise refusal.
 */
export function initialGateUnits(
  rows: readonly Pick<SkuChannelAts, "skuId" | "isBundle" | "channels">[],
  skuId: string,
  channelId: string,
): number | null {
  const sku = rows.find((row) => row.skuId === skuId);
  if (!sku || sku.isBundle) return null;
  const channel = sku.channels.find((c) => c.channelId === channelId);
  return channel ? Math.max(0, channel.ats) : null;
}

/**
 * After the database refused an admitted attempt for lack of stock, the most the channel may
 * still promise according to the database (its ATS as the refusal saw it), to lower a gate count
 * that had drifted above it. Null for every other failure: the units simply go back.
 */
export function capAfterRefusal(error: unknown): number | null {
  if (!isAppError(error) || error.code !== "OUT_OF_STOCK") return null;
  const channelAts = error.details?.channelAts;
  return typeof channelAts === "number" && Number.isInteger(channelAts)
    ? Math.max(0, channelAts)
    : null;
}

/**
 * The snapshot once a promise of `quantity` at `nodeId` to `channelId` commits: the node holds
 * that much more reserved and the channel that much more open. Deciding a group of attempts one
 * after another on this is deciding each on the state the previous one left, as reserveStock
 * does when they queue on the SKU lock one by one.
 */
export function withPromise(
  snapshot: SkuSnapshot,
  channelId: string,
  nodeId: string,
  quantity: number,
): SkuSnapshot {
  return {
    ...snapshot,
    levels: snapshot.levels.map((l) =>
      l.node.nodeId === nodeId ? { ...l, reserved: l.reserved + quantity } : l,
    ),
    channels: snapshot.channels.map((c) =>
      c.channelId === channelId ? { ...c, open: c.open + quantity } : c,
    ),
  };
}
