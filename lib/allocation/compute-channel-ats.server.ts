import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { z } from "zod";
import { bundleAvailable } from "@/lib/inventory/bundles";
import { poolAvailable } from "@/lib/inventory/availability";
import type { Db } from "@/lib/db/transaction.server";
import { atsOf, type AllocationResult, type ChannelAllocation } from "./channel-ats";
import { loadAllocationState, type AllocationState } from "./load-sku-snapshots.server";
import { allocateSnapshot } from "./sku-snapshot";

export type ComputeChannelAtsOptions = { skuIds: readonly string[] };

/** One SKU's availability per channel. Bundles carry `components` instead of a regime. */
export type SkuChannelAts = {
  skuId: string;
  isBundle: boolean;
  poolAvailable: number;
  regime: AllocationResult["regime"] | null;
  strategy: AllocationResult["strategy"];
  channels: Pick<
    ChannelAllocation,
    "channelId" | "ats" | "grant" | "open" | "listed" | "guaranteed"
  >[];
  /** Units still open on presale (cap − sold), 0 when the SKU is not on presale. */
  presaleAvailable: number;
};

/** The SKUs an availability read asks for: at least one, at most 5,000. */
export const skuIdsSchema = z.object({ skuIds: z.array(z.string().min(1)).min(1).max(5_000) });

/**
 * Every active channel's available-to-sell for the given SKUs, as reserveStock would decide it
 * now. A bundle's ATS in a channel is the minimum over its components of floor(component ATS in
 * that channel / quantity). Unknown ids are left out. The feed publishes from this; a reservation
 * re-decides under the SKU lock, so a stale figure can never oversell.
 */
export async function computeChannelAts(
  db: Db,
  options: ComputeChannelAtsOptions,
): Promise<SkuChannelAts[]> {
  const { skuIds } = parseInput(skuIdsSchema, { skuIds: options.skuIds });
  return channelAtsOf(await loadAllocationState(db, skuIds), skuIds);
}

/** computeChannelAts on an allocation state already read (with its stock). */
export function channelAtsOf(state: AllocationState, skuIds: readonly string[]): SkuChannelAts[] {
  const { config, records, snapshots } = state;
  const allocations = new Map(
    [...snapshots.entries()].map(([id, snapshot]) => [
      id,
      { snapshot, allocation: allocateSnapshot(snapshot) },
    ]),
  );

  return skuIds.flatMap((id): SkuChannelAts[] => {
    const sku = records.get(id);
    if (!sku) return [];
    const presaleAvailable = sku.presale.enabled
      ? Math.max(0, sku.presale.cap - sku.presale.sold)
      : 0;
    if (!sku.isBundle) {
      const entry = allocations.get(id);
      if (!entry) return [];
      const { allocation } = entry;
      return [
        {
          skuId: id,
          isBundle: false,
          poolAvailable: allocation.poolAvailable,
          regime: allocation.regime,
          strategy: allocation.strategy,
          presaleAvailable,
          channels: allocation.channels.map(
            ({ channelId, ats, grant, open, listed, guaranteed }) => ({
              channelId,
              ats,
              grant,
              open,
              listed,
              guaranteed,
            }),
          ),
        },
      ];
    }
    const pool = bundleAvailable(sku.components, (c) => {
      const entry = allocations.get(c);
      return entry ? poolAvailable(entry.snapshot.levels) : 0;
    });
    const componentAllocations = sku.components.map(
      (c) => allocations.get(c.componentSkuId)?.allocation,
    );
    const channels = config.channels
      .filter((c) => c.active)
      .map((c) => ({
        channelId: c.id,
        ats: bundleAvailable(sku.components, (comp) => {
          const entry = allocations.get(comp);
          return entry ? atsOf(entry.allocation, c.id) : 0;
        }),
        grant: null,
        open: 0,
        // A channel sells the bundle only if it may sell every component.
        listed: componentAllocations.every(
          (a) => a?.channels.some((ch) => ch.channelId === c.id && ch.listed) ?? false,
        ),
        guaranteed: false,
      }));
    return [
      {
        skuId: id,
        isBundle: true,
        poolAvailable: pool,
        regime: null,
        strategy: null,
        channels,
        presaleAvailable,
      },
    ];
  });
}
