import { poolAvailable, type NodeStock } from "@/lib/inventory/availability";
import { allocateChannelAts, type AllocationResult } from "./channel-ats";
import { resolveScopedRule, type ScopedRule, type SkuTraits } from "./resolve-policy";
import { isListed, type ChannelPolicy, type ChannelState, type TierRule } from "./tier-switch";

/** An allocation policy row as stored. */
export type PolicyRow = ScopedRule & ChannelPolicy & { channelId: string };
/** A tier-switch rule row as stored. */
export type TierRuleRow = ScopedRule & TierRule;
/** A channel row as stored. */
export type ChannelRow = { id: string; priority: number; active: boolean };

/** The allocation configuration: channels, their policies and the tier-switch rules. */
export type AllocationConfig = {
  channels: readonly ChannelRow[];
  policies: readonly PolicyRow[];
  tierRules: readonly TierRuleRow[];
};

/** A consistent view of one SKU: its stock per node and every channel's policy and open units. */
export type SkuSnapshot = {
  levels: readonly NodeStock[];
  channels: readonly ChannelState[];
  tierRule: TierRule | null;
};

/** The channel's most specific active policy for the SKU (resolveScopedRule), or null. */
export function channelPolicyFor<P extends PolicyRow>(
  policies: readonly P[],
  channelId: string,
  sku: SkuTraits,
): P | null {
  return resolveScopedRule(
    policies.filter((p) => p.channelId === channelId),
    sku,
  );
}

/**
 * Whether the channel lists the SKU: its policy lets it sell some share of the SKU (isListed).
 * Stock does not matter: a listed SKU may have nothing to sell now. The channel is taken as active.
 */
export function channelListsSku(
  policies: readonly PolicyRow[],
  channelId: string,
  sku: SkuTraits,
): boolean {
  return isListed(channelPolicyFor(policies, channelId, sku));
}

/**
 * Resolves, for one SKU, each active channel's most specific policy and the tier rule, and joins
 * the channels' open reservations. Inactive channels sell nothing and are left out.
 */
export function buildSkuSnapshot(
  config: AllocationConfig,
  sku: SkuTraits,
  levels: readonly NodeStock[],
  openByChannel: ReadonlyMap<string, number>,
): SkuSnapshot {
  const channels = config.channels
    .filter((c) => c.active)
    .map((c): ChannelState => {
      const policy = channelPolicyFor(config.policies, c.id, sku);
      return {
        channelId: c.id,
        priority: c.priority,
        open: openByChannel.get(c.id) ?? 0,
        policy: policy && {
          mode: policy.mode,
          ratioBps: policy.ratioBps,
          fixedQty: policy.fixedQty,
          safetyBuffer: policy.safetyBuffer,
        },
      };
    });
  const rule = resolveScopedRule(config.tierRules, sku);
  return {
    levels,
    channels,
    tierRule: rule && { threshold: rule.threshold, strategy: rule.strategy },
  };
}

/** Every channel's allocation of the SKU in this snapshot (the pool is every active node). */
export function allocateSnapshot(snapshot: SkuSnapshot): AllocationResult {
  return allocateChannelAts({
    poolAvailable: poolAvailable(snapshot.levels),
    channels: snapshot.channels,
    tierRule: snapshot.tierRule,
  });
}
