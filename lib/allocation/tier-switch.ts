import type { AllocationMode, ProtectedStrategy } from "@/lib/generated/prisma/enums";

/** The policy that decides one channel's share of one SKU (already resolved by scope). */
export type ChannelPolicy = {
  mode: AllocationMode;
  /** RATIO: basis points of the allocatable pool (2500 = 25 %). */
  ratioBps: number | null;
  /** FIXED: units. */
  fixedQty: number | null;
  /** Units the channel never advertises, whatever its share (absorbs marketplace sync delays). */
  safetyBuffer: number;
};

/** One channel as allocation sees it for one SKU. */
export type ChannelState = {
  channelId: string;
  /** Value tier: lower is served first. */
  priority: number;
  policy: ChannelPolicy | null;
  /** Units of this SKU the channel holds in active reservations. */
  open: number;
};

/** The tier-switch rule resolved for one SKU. */
export type TierRule = { threshold: number; strategy: ProtectedStrategy };

/** How the pool is shared right now. */
export type AllocationRegime =
  { kind: "SHARED_ALL" } | { kind: "PROTECTED"; strategy: ProtectedStrategy };

/**
 * The tier switch: at or above the threshold every listed channel shares 100 % of the pool;
 * below it (or with no rule at all, i.e. the policies always apply) protected allocation applies.
 */
export function selectRegime(poolAvailable: number, rule: TierRule | null): AllocationRegime {
  if (rule && poolAvailable >= rule.threshold) return { kind: "SHARED_ALL" };
  return { kind: "PROTECTED", strategy: rule?.strategy ?? "POLICY" };
}

/**
 * A channel with no policy, or a policy that grants nothing (FIXED 0, RATIO 0), does not sell
 * the SKU at all, not even when the tier switch shares the pool: that is how a channel is kept
 * off a SKU (e.g. employees buy clearance stock only). Unconfigured channels sell nothing.
 */
export function isListed(policy: ChannelPolicy | null): policy is ChannelPolicy {
  if (!policy) return false;
  if (policy.mode === "RATIO") return (policy.ratioBps ?? 0) > 0;
  if (policy.mode === "FIXED") return (policy.fixedQty ?? 0) > 0;
  return true;
}

/** RATIO and FIXED channels hold a guaranteed grant; SHARED channels sell what is left. */
export function isGuaranteed(policy: ChannelPolicy | null): boolean {
  return isListed(policy) && policy.mode !== "SHARED";
}

/** Units a guaranteed policy asks for out of the allocatable pool (RATIO rounds down). */
export function requestedUnits(policy: ChannelPolicy, allocatable: number): number {
  if (policy.mode === "FIXED") return Math.max(0, policy.fixedQty ?? 0);
  if (policy.mode === "RATIO") {
    const bps = Math.min(10_000, Math.max(0, policy.ratioBps ?? 0));
    return Math.floor((allocatable * bps) / 10_000);
  }
  return allocatable;
}

function byPriority(a: ChannelState, b: ChannelState): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  // Within a tier a quota is served before a shared channel, so equals never eat each other's quota.
  const ga = isGuaranteed(a.policy) ? 0 : 1;
  const gb = isGuaranteed(b.policy) ? 0 : 1;
  if (ga !== gb) return ga - gb;
  return a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0;
}

/**
 * The order in which protected allocation serves channels; each channel can only take what the
 * guaranteed channels before it have not been promised.
 * - POLICY (fixed ratios): every RATIO/FIXED channel first (by priority), then the SHARED ones,
 *   so quotas are protected from everybody and shared channels split what is not carved out.
 * - PRIORITY (value tiers): strictly by priority, so a high-tier channel, shared or not, may sell
 *   stock that lower tiers' quotas would otherwise get, and never the other way round.
 */
export function servingOrder(
  channels: readonly ChannelState[],
  strategy: ProtectedStrategy,
): ChannelState[] {
  const sorted = [...channels].sort(byPriority);
  if (strategy === "PRIORITY") return sorted;
  return [
    ...sorted.filter((c) => isGuaranteed(c.policy)),
    ...sorted.filter((c) => !isGuaranteed(c.policy)),
  ];
}
