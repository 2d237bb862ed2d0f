import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { previewInputSchema, type AllocationChangeInput } from "./allocation-input";
import {
  findChannelByCode,
  resolvePolicyRow,
  resolveTierRuleRow,
  skusInScope,
  unionSkus,
} from "./allocation-targets.server";
import {
  PENDING_ID,
  applyAllocationChange,
  previewSku,
  ratioSumOnScope,
  ratioSumRefusal,
  type ResolvedChange,
  type PreviewRow,
} from "./apply-change";
import {
  loadAllocationConfig,
  loadSkuRecords,
  loadSkuSnapshots,
} from "@/lib/allocation/load-sku-snapshots.server";
import { staleEdit } from "./publish-allocation-change.server";

/** How many SKUs a preview shows when the change reaches more: the ones with most pool stock. */
export const PREVIEW_SKUS = 8;

/**
 * Every channel's ATS now and after a pending change, for the SKUs it touches (or the one the
 * admin chose): the change is applied to the configuration in memory and both sides are
 * allocated by the engine's own functions on the same current stock. Nothing is written. A
 * change the save would refuse (unknown target, stale version, ratios above 100 %) is refused
 * here the same way, so the admin learns it before saving.
 */
export async function previewAllocationChange(
  db: Db,
  raw: z.input<typeof previewInputSchema>,
): Promise<{ skus: PreviewRow[] }> {
  const input = parseInput(previewInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const now = await loadAllocationConfig(tx);
    const { change, reached } = await resolveChange(tx, input.change);
    const after = applyAllocationChange(now, change);
    if (change.kind === "policy") {
      const total = ratioSumOnScope(after.policies, change.row);
      if (total > 10_000) throw ratioSumRefusal(total);
    }
    const skuIds = input.previewSkuCode
      ? [await skuIdByCode(tx, input.previewSkuCode)]
      : await topSkusByPool(tx, reached, PREVIEW_SKUS);
    const records = await loadSkuRecords(tx, skuIds);
    const plain = [...records.values()].filter((r) => !r.isBundle);
    const snapshots = await loadSkuSnapshots(tx, now, plain);
    const names = await tx.sku.findMany({
      where: { id: { in: skuIds } },
      select: {
        id: true,
        skuCode: true,
        color: true,
        colorZh: true,
        size: true,
        product: { select: { name: true, nameZh: true } },
      },
    });
    const nameOf = new Map(names.map((n) => [n.id, n]));
    return {
      skus: skuIds.flatMap((id): PreviewRow[] => {
        const record = records.get(id);
        const snapshot = snapshots.get(id);
        const name = nameOf.get(id);
        if (!record || !snapshot || !name) return [];
        const open = new Map(snapshot.channels.map((c) => [c.channelId, c.open]));
        return [
          {
            skuId: id,
            skuCode: name.skuCode,
            product: name.product.name,
            productZh: name.product.nameZh,
            colour: name.color,
            colourZh: name.colorZh,
            size: name.size,
            ...previewSku(now, after, record.traits, snapshot.levels, open),
          },
        ];
      }),
    };
  });
}

/** The change with ids, and the SKUs it can reach (before and after, for an edit). */
async function resolveChange(
  tx: Tx,
  input: AllocationChangeInput,
): Promise<{ change: ResolvedChange; reached: string[] | "all" }> {
  switch (input.kind) {
    case "policy": {
      const { policy } = input;
      const before = policy.id
        ? await tx.allocationPolicy.findUnique({ where: { id: policy.id } })
        : null;
      if (policy.id && !before)
        throw new AppError("NOT_FOUND", "No such allocation policy.", {
          details: { reason: "ALLOCATION_POLICY" },
        });
      if (before && before.version !== policy.version) throw staleEdit();
      const row = await resolvePolicyRow(tx, policy, policy.id ?? PENDING_ID);
      const reached = unionSkus(
        before ? await skusInScope(tx, before) : [],
        await skusInScope(tx, row),
      );
      return { change: { kind: "policy", row }, reached };
    }
    case "tierRule": {
      const { rule } = input;
      const before = rule.id
        ? await tx.tierSwitchRule.findUnique({ where: { id: rule.id } })
        : null;
      if (rule.id && !before)
        throw new AppError("NOT_FOUND", "No such tier-switch rule.", {
          details: { reason: "TIER_RULE" },
        });
      if (before && before.version !== rule.version) throw staleEdit();
      const row = await resolveTierRuleRow(tx, rule, rule.id ?? PENDING_ID);
      const reached = unionSkus(
        before ? await skusInScope(tx, before) : [],
        await skusInScope(tx, row),
      );
      return { change: { kind: "tierRule", row }, reached };
    }
    case "deletePolicy": {
      const before = await tx.allocationPolicy.findUnique({ where: { id: input.target.id } });
      if (!before)
        throw new AppError("NOT_FOUND", "No such allocation policy.", {
          details: { reason: "ALLOCATION_POLICY" },
        });
      if (before.version !== input.target.version) throw staleEdit();
      return {
        change: { kind: "deletePolicy", id: before.id },
        reached: await skusInScope(tx, before),
      };
    }
    case "deleteTierRule": {
      const before = await tx.tierSwitchRule.findUnique({ where: { id: input.target.id } });
      if (!before)
        throw new AppError("NOT_FOUND", "No such tier-switch rule.", {
          details: { reason: "TIER_RULE" },
        });
      if (before.version !== input.target.version) throw staleEdit();
      return {
        change: { kind: "deleteTierRule", id: before.id },
        reached: await skusInScope(tx, before),
      };
    }
    case "priority": {
      const channel = await findChannelByCode(tx, input.channel.channelCode);
      if (channel.version !== input.channel.version) throw staleEdit();
      return {
        change: { kind: "priority", channelId: channel.id, priority: input.channel.priority },
        reached: "all",
      };
    }
  }
}

async function skuIdByCode(tx: Tx, skuCode: string): Promise<string> {
  const sku = await tx.sku.findUnique({ where: { skuCode }, select: { id: true } });
  if (!sku)
    throw new AppError("NOT_FOUND", `No SKU ${skuCode}.`, {
      details: { reason: "SKU_CODE", skuCode },
      fieldErrors: { previewSkuCode: [{ problem: "INVALID" }] },
    });
  return sku.id;
}

/** The (non-bundle) SKUs among `skuIds` with the most pool stock on active nodes. */
async function topSkusByPool(tx: Tx, skuIds: string[] | "all", limit: number): Promise<string[]> {
  if (skuIds !== "all" && skuIds.length === 0) return [];
  const among =
    skuIds === "all" ? Prisma.empty : Prisma.sql`AND k."id" IN (${Prisma.join(skuIds)})`;
  const rows = await tx.$queryRaw<{ skuId: string }[]>`
    SELECT k."id" AS "skuId"
    FROM "Sku" k
    LEFT JOIN "StockLevel" s ON s."skuId" = k."id"
    LEFT JOIN "Node" n ON n."id" = s."nodeId" AND n."active"
    WHERE NOT k."isBundle" ${among}
    GROUP BY k."id"
    ORDER BY COALESCE(SUM(CASE WHEN n."id" IS NULL THEN 0
      ELSE GREATEST(s."onHand" - s."reserved" - s."safetyStock", 0) END), 0) DESC, k."id"
    LIMIT ${limit}`;
  return rows.map((r) => r.skuId);
}
