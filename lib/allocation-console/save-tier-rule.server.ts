import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import type { TierSwitchRule } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation/parse-input";
import { deleteRuleInputSchema, tierRuleInputSchema } from "./allocation-input";
import { resolveTierRuleRow, skusInScope, unionSkus } from "./allocation-targets.server";
import { PENDING_ID } from "./apply-change";
import { publishAllocationChange, staleEdit } from "./publish-allocation-change.server";

type Actor = { userId: string | null };

/**
 * Creates a tier-switch rule (threshold and protected strategy for a scope), or edits the one
 * named by `id` if it is still at the version the admin opened; audited and published on the
 * feeds for every SKU it reached before or reaches now, in one transaction.
 */
export async function saveTierRule(db: Db, raw: z.input<typeof tierRuleInputSchema>, actor: Actor) {
  const input = parseInput(tierRuleInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const before = input.id ? await findTierRule(tx, input.id) : null;
    const { id: _pending, ...data } = await resolveTierRuleRow(tx, input, input.id ?? PENDING_ID);
    let saved: TierSwitchRule;
    if (before) {
      const moved = await tx.tierSwitchRule.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (moved.count === 0) throw staleEdit();
      saved = await findTierRule(tx, before.id);
    } else {
      saved = await tx.tierSwitchRule.create({ data });
    }
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "TIER_SWITCH_RULE",
      entityId: saved.id,
      action: before ? "UPDATE" : "CREATE",
      before: before ? ruleFacts(before) : null,
      after: ruleFacts(saved),
    });
    const reached = unionSkus(
      before ? await skusInScope(tx, before) : [],
      await skusInScope(tx, saved),
    );
    const published = await publishAllocationChange(tx, reached);
    return { id: saved.id, version: saved.version, published };
  });
}

/** Deletes a tier rule the admin saw at `version`. */
export async function deleteTierRule(
  db: Db,
  raw: z.input<typeof deleteRuleInputSchema>,
  actor: Actor,
) {
  const { id, version } = parseInput(deleteRuleInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const before = await findTierRule(tx, id);
    const gone = await tx.tierSwitchRule.deleteMany({ where: { id, version } });
    if (gone.count === 0) throw staleEdit();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "TIER_SWITCH_RULE",
      entityId: id,
      action: "DELETE",
      before: ruleFacts(before),
      after: null,
    });
    const published = await publishAllocationChange(tx, await skusInScope(tx, before));
    return { id, published };
  });
}

async function findTierRule(tx: Tx, id: string): Promise<TierSwitchRule> {
  const rule = await tx.tierSwitchRule.findUnique({ where: { id } });
  if (!rule)
    throw new AppError("NOT_FOUND", "No such tier-switch rule.", {
      details: { reason: "TIER_RULE" },
    });
  return rule;
}

function ruleFacts(r: TierSwitchRule) {
  return {
    scope: r.scope,
    categoryId: r.categoryId,
    lifecycle: r.lifecycle,
    skuId: r.skuId,
    threshold: r.threshold,
    strategy: r.strategy,
    active: r.active,
    version: r.version,
  };
}
