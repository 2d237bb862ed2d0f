import { AppError } from "@/lib/errors/app-error";
import { atMost } from "@/lib/errors/field-problem";
import { poolAvailable, type NodeStock } from "@/lib/inventory/availability";
import type { AllocationResult } from "@/lib/allocation/channel-ats";
import {
  resolveScopedRule,
  type ScopedRule,
  type SkuTraits,
} from "@/lib/allocation/resolve-policy";
import {
  allocateSnapshot,
  buildSkuSnapshot,
  type AllocationConfig,
  type PolicyRow,
  type TierRuleRow,
} from "@/lib/allocation/sku-snapshot";

/** A console change with its targets resolved to ids, ready to apply to a configuration. */
export type ResolvedChange =
  | { kind: "policy"; row: PolicyRow }
  | { kind: "deletePolicy"; id: string }
  | { kind: "tierRule"; row: TierRuleRow }
  | { kind: "deleteTierRule"; id: string }
  | { kind: "priority"; channelId: string; priority: number };

/** The id a policy or rule not saved yet has in a configuration changed in memory. */
export const PENDING_ID = "(pending)";

/**
 * The configuration as it would be after the change, built in memory: the preview allocates on
 * it with the engine's own functions, so what it shows is what a save will publish. Inactive rows
 * are dropped, as loadAllocationConfig does.
 */
export function applyAllocationChange(
  config: AllocationConfig,
  change: ResolvedChange,
): AllocationConfig {
  switch (change.kind) {
    case "policy":
      return {
        ...config,
        policies: [
          ...config.policies.filter((p) => p.id !== change.row.id),
          ...(change.row.active ? [change.row] : []),
        ],
      };
    case "deletePolicy":
      return { ...config, policies: config.policies.filter((p) => p.id !== change.id) };
    case "tierRule":
      return {
        ...config,
        tierRules: [
          ...config.tierRules.filter((r) => r.id !== change.row.id),
          ...(change.row.active ? [change.row] : []),
        ],
      };
    case "deleteTierRule":
      return { ...config, tierRules: config.tierRules.filter((r) => r.id !== change.id) };
    case "priority":
      return {
        ...config,
        channels: config.channels.map((c) =>
          c.id === change.channelId ? { ...c, priority: change.priority } : c,
        ),
      };
  }
}

/** Two rules cover the same SKUs exactly when they have the same scope and target. */
export function sameScope(a: ScopedRule, b: ScopedRule): boolean {
  return (
    a.scope === b.scope &&
    (a.scope !== "CATEGORY" || a.categoryId === b.categoryId) &&
    (a.scope !== "LIFECYCLE" || a.lifecycle === b.lifecycle) &&
    (a.scope !== "SKU" || a.skuId === b.skuId)
  );
}

/**
 * The sum, in basis points, of the active RATIO policies on the scope of `rule`, one per
 * channel. Above 10 000 protected allocation could not give every channel its share: the later
 * channels in serving order would silently get less than their ratio.
 */
export function ratioSumOnScope(policies: readonly PolicyRow[], rule: ScopedRule): number {
  return policies
    .filter((p) => p.active && p.mode === "RATIO" && sameScope(p, rule))
    .reduce((sum, p) => sum + Math.max(0, p.ratioBps ?? 0), 0);
}

/** One channel's figures for one SKU in a preview. */
export type PreviewChannel = {
  channelId: string;
  ats: number;
  listed: boolean;
  /** The policy that decides the channel's share of this SKU (most specific scope), if any. */
  policyId: string | null;
};

/** One side (now or after the change) of a SKU's preview. */
export type PreviewSide = {
  /** True when the tier switch is on: the pool is below the threshold and protected allocation applies. */
  protected: boolean;
  strategy: AllocationResult["strategy"];
  threshold: number | null;
  channels: PreviewChannel[];
};

/** What a SKU's allocation is now and would be after the change, on the same stock. */
export type SkuPreview = { poolAvailable: number; now: PreviewSide; after: PreviewSide };

/** One SKU of a preview, named as the admin knows it. */
export type PreviewRow = SkuPreview & {
  skuId: string;
  skuCode: string;
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
};

function side(
  config: AllocationConfig,
  sku: SkuTraits,
  levels: readonly NodeStock[],
  open: ReadonlyMap<string, number>,
): PreviewSide {
  const snapshot = buildSkuSnapshot(config, sku, levels, open);
  const allocation = allocateSnapshot(snapshot);
  const byId = new Map(allocation.channels.map((c) => [c.channelId, c]));
  return {
    protected: allocation.regime === "PROTECTED",
    strategy: allocation.strategy,
    threshold: snapshot.tierRule?.threshold ?? null,
    // Channel order is the configuration's, so now and after line up column by column.
    channels: snapshot.channels.map((c) => ({
      channelId: c.channelId,
      ats: byId.get(c.channelId)?.ats ?? 0,
      listed: byId.get(c.channelId)?.listed ?? false,
      policyId:
        resolveScopedRule(
          config.policies.filter((p) => p.channelId === c.channelId),
          sku,
        )?.id ?? null,
    })),
  };
}

/**
 * Allocates one SKU on the configuration now and after the change, with the engine's own
 * snapshot and allocation functions and the same stock and open reservations on both sides.
 */
export function previewSku(
  now: AllocationConfig,
  after: AllocationConfig,
  sku: SkuTraits,
  levels: readonly NodeStock[],
  openByChannel: ReadonlyMap<string, number>,
): SkuPreview {
  return {
    poolAvailable: poolAvailable(levels),
    now: side(now, sku, levels, openByChannel),
    after: side(after, sku, levels, openByChannel),
  };
}

/** The refusal of a change that would make the ratios on one scope sum above 100 %. */
export function ratioSumRefusal(totalBps: number): AppError<"INVALID_INPUT"> {
  const totalPercent = totalBps / 100;
  return new AppError("INVALID_INPUT", `Ratios on this scope sum to ${totalPercent} %.`, {
    details: { reason: "RATIO_SUM", totalPercent },
    fieldErrors: { ratioPercent: [atMost(100)] },
  });
}
