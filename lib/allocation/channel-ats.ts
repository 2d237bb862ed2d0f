import type { ProtectedStrategy } from "@/lib/generated/prisma/enums";
import {
  isGuaranteed,
  isListed,
  requestedUnits,
  selectRegime,
  servingOrder,
  type ChannelState,
  type TierRule,
} from "./tier-switch";

/** Everything allocation needs for one SKU. */
export type AllocationInput = {
  /** Pool available (Σ node available): what can physically still be promised. */
  poolAvailable: number;
  channels: readonly ChannelState[];
  tierRule: TierRule | null;
};

/** One channel's share of one SKU. */
export type ChannelAllocation = {
  channelId: string;
  listed: boolean;
  /** True for a RATIO/FIXED channel in protected mode: its grant is carved out for it. */
  guaranteed: boolean;
  /** Units carved out for a guaranteed channel; null when the channel shares what is left. */
  grant: number | null;
  open: number;
  /** Available to sell: what the channel may still reserve now. */
  ats: number;
};

export type AllocationResult = {
  regime: "SHARED_ALL" | "PROTECTED";
  strategy: ProtectedStrategy | null;
  poolAvailable: number;
  /** Pool available plus every channel's open reservations: the base grants are computed on. */
  allocatable: number;
  /** Channels in serving order (protected mode) or input order (shared mode). */
  channels: ChannelAllocation[];
};

const clampCount = (n: number): number => Math.max(0, Math.floor(n));

/**
 * Every channel's available-to-sell for one SKU.
 *
 * Grants are computed on the allocatable pool P = pool available + open reservations, so that a
 * channel's own reservations do not shrink its grant: ATS = grant − open − safety buffer.
 * - Shared regime (tier switch above threshold): every listed channel may sell the whole pool
 *   less its buffer.
 * - Protected regime: channels are walked in serving order. A guaranteed channel's grant is its
 *   request (RATIO of P, FIXED units) capped by what earlier guaranteed channels left of P; its
 *   ATS is capped by the pool available not yet promised to earlier guaranteed channels. A
 *   shared channel may sell that same remainder less its buffer.
 *
 * Invariants (proven by property tests): every ATS lies in [0, pool available]; guaranteed grants
 * sum to at most P; and for every channel, its ATS plus the ATS of the guaranteed channels served
 * before it never exceeds pool available, so nothing a channel sells can take units promised to a
 * channel served before it. The physical guard remains the per-node compare-and-set.
 */
export function allocateChannelAts(input: AllocationInput): AllocationResult {
  const poolAvailable = clampCount(input.poolAvailable);
  const allocatable =
    poolAvailable + input.channels.reduce((sum, c) => sum + clampCount(c.open), 0);
  const regime = selectRegime(poolAvailable, input.tierRule);

  if (regime.kind === "SHARED_ALL") {
    return {
      regime: "SHARED_ALL",
      strategy: null,
      poolAvailable,
      allocatable,
      channels: input.channels.map((c) => {
        const listed = isListed(c.policy);
        const buffer = listed ? clampCount(c.policy?.safetyBuffer ?? 0) : 0;
        return {
          channelId: c.channelId,
          listed,
          guaranteed: false,
          grant: null,
          open: clampCount(c.open),
          ats: listed ? Math.max(0, poolAvailable - buffer) : 0,
        };
      }),
    };
  }

  let allocatableLeft = allocatable;
  let availableLeft = poolAvailable;
  const channels = servingOrder(input.channels, regime.strategy).map((c): ChannelAllocation => {
    const open = clampCount(c.open);
    if (!isListed(c.policy)) {
      return { channelId: c.channelId, listed: false, guaranteed: false, grant: 0, open, ats: 0 };
    }
    const buffer = clampCount(c.policy.safetyBuffer);
    if (!isGuaranteed(c.policy)) {
      const ats = Math.max(0, availableLeft - buffer);
      return { channelId: c.channelId, listed: true, guaranteed: false, grant: null, open, ats };
    }
    const grant = Math.min(requestedUnits(c.policy, allocatable), allocatableLeft);
    allocatableLeft -= grant;
    const ats = Math.min(Math.max(0, grant - open - buffer), availableLeft);
    availableLeft -= ats;
    return { channelId: c.channelId, listed: true, guaranteed: true, grant, open, ats };
  });
  return { regime: "PROTECTED", strategy: regime.strategy, poolAvailable, allocatable, channels };
}

/** The ATS of one channel in an allocation result (0 for a channel it does not know). */
export function atsOf(result: AllocationResult, channelId: string): number {
  return result.channels.find((c) => c.channelId === channelId)?.ats ?? 0;
}
