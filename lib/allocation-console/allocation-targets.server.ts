import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { categoryPath, type ScopedRule } from "@/lib/allocation/resolve-policy";
import type { PolicyInput, TierRuleInput } from "./allocation-input";
import { percentToBps } from "./allocation-input";
import type { PolicyRow, TierRuleRow } from "@/lib/allocation/sku-snapshot";

type ScopeInput = Pick<PolicyInput, "scope" | "categoryId" | "lifecycle" | "skuCode">;

/** The channel by its code; an unknown code is refused next to the channel field. */
export async function findChannelByCode(tx: Tx, code: string) {
  const channel = await tx.channel.findUnique({ where: { code } });
  if (!channel)
    throw new AppError("NOT_FOUND", `No channel ${code}.`, {
      details: { reason: "CHANNEL", channelCode: code },
      fieldErrors: { channelCode: [{ problem: "INVALID" }] },
    });
  return channel;
}

/**
 * The scope's target as stored: only the field the scope uses is kept, the others are null, so
 * a stale category on an ALL policy can never make it look more specific than it is.
 */
export async function resolveScope(
  tx: Tx,
  input: ScopeInput,
): Promise<Omit<ScopedRule, "id" | "active">> {
  const none = { categoryId: null, lifecycle: null, skuId: null };
  switch (input.scope) {
    case "ALL":
      return { scope: "ALL", ...none };
    case "LIFECYCLE":
      return { scope: "LIFECYCLE", ...none, lifecycle: input.lifecycle ?? null };
    case "CATEGORY": {
      const category = input.categoryId
        ? await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } })
        : null;
      if (!category)
        throw new AppError("NOT_FOUND", "No such category.", {
          details: { reason: "CATEGORY" },
          fieldErrors: { categoryId: [{ problem: "INVALID" }] },
        });
      return { scope: "CATEGORY", ...none, categoryId: category.id };
    }
    case "SKU": {
      const code = input.skuCode ?? "";
      const sku = await tx.sku.findUnique({ where: { skuCode: code }, select: { id: true } });
      if (!sku)
        throw new AppError("NOT_FOUND", `No SKU ${code}.`, {
          details: { reason: "SKU_CODE", skuCode: code },
          fieldErrors: { skuCode: [{ problem: "INVALID" }] },
        });
      return { scope: "SKU", ...none, skuId: sku.id };
    }
  }
}

/** A policy input as the row it would store, under `id` (PENDING_ID for a new one). */
export async function resolvePolicyRow(tx: Tx, input: PolicyInput, id: string): Promise<PolicyRow> {
  const channel = await findChannelByCode(tx, input.channelCode);
  const scope = await resolveScope(tx, input);
  return {
    id,
    channelId: channel.id,
    ...scope,
    mode: input.mode,
    // Only the mode's own figure is kept, so a ratio left in the form never lingers on a FIXED policy.
    ratioBps: input.mode === "RATIO" ? percentToBps(input.ratioPercent ?? 0) : null,
    fixedQty: input.mode === "FIXED" ? (input.fixedQty ?? 0) : null,
    safetyBuffer: input.safetyBuffer,
    active: input.active,
  };
}

/** A tier rule input as the row it would store. */
export async function resolveTierRuleRow(
  tx: Tx,
  input: TierRuleInput,
  id: string,
): Promise<TierRuleRow> {
  const scope = await resolveScope(tx, input);
  return {
    id,
    ...scope,
    threshold: input.threshold,
    strategy: input.strategy,
    active: input.active,
  };
}

/** The SKUs a rule on this scope can reach (a category with its subcategories), or "all". */
export async function skusInScope(
  tx: Tx,
  rule: Omit<ScopedRule, "id" | "active">,
): Promise<string[] | "all"> {
  switch (rule.scope) {
    case "ALL":
      return "all";
    case "SKU":
      return rule.skuId ? [rule.skuId] : [];
    case "LIFECYCLE": {
      if (!rule.lifecycle) return [];
      const skus = await tx.sku.findMany({
        where: { product: { lifecycle: rule.lifecycle } },
        select: { id: true },
      });
      return skus.map((s) => s.id);
    }
    case "CATEGORY": {
      if (!rule.categoryId) return [];
      const categoryIds = await categorySubtree(tx, rule.categoryId);
      const skus = await tx.sku.findMany({
        where: { product: { categoryId: { in: categoryIds } } },
        select: { id: true },
      });
      return skus.map((s) => s.id);
    }
  }
}

/** The category and every category below it. */
export async function categorySubtree(tx: Tx, categoryId: string): Promise<string[]> {
  const categories = await tx.category.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  return categories
    .filter((c) => categoryPath(c.id, parentOf).includes(categoryId))
    .map((c) => c.id);
}

/** The union of SKU sets, where "all" absorbs everything. */
export function unionSkus(...sets: (string[] | "all")[]): string[] | "all" {
  if (sets.includes("all")) return "all";
  return [...new Set(sets.flatMap((s) => (s === "all" ? [] : s)))];
}
