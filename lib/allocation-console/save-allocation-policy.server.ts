import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import type { AllocationPolicy } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation/parse-input";
import { deleteRuleInputSchema, policyInputSchema } from "./allocation-input";
import { resolvePolicyRow, skusInScope, unionSkus } from "./allocation-targets.server";
import { PENDING_ID, ratioSumOnScope, ratioSumRefusal } from "./apply-change";
import { publishAllocationChange, staleEdit } from "./publish-allocation-change.server";

type Actor = { userId: string | null };

/**
 * Creates an allocation policy, or edits (and so also deactivates) the one named by `id` if it
 * is still at the version the admin opened. In one transaction: the row, the check that ratios
 * on its scope stay within 100 %, the audit entry, and the recomputed channel ATS published on
 * the feeds for every SKU the policy reached before or reaches now.
 */
export async function saveAllocationPolicy(
  db: Db,
  raw: z.input<typeof policyInputSchema>,
  actor: Actor,
) {
  const input = parseInput(policyInputSchema, raw);
  return withTransaction(db, async (tx) => {
    await lockPolicies(tx);
    const before = input.id ? await findPolicy(tx, input.id) : null;
    const row = await resolvePolicyRow(tx, input, input.id ?? PENDING_ID);
    const { id: _pending, ...data } = row;
    let saved: AllocationPolicy;
    if (before) {
      const moved = await tx.allocationPolicy.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (moved.count === 0) throw staleEdit();
      saved = await findPolicy(tx, before.id);
    } else {
      saved = await tx.allocationPolicy.create({ data });
    }
    const policies = await tx.allocationPolicy.findMany({ where: { active: true } });
    const total = ratioSumOnScope(policies, saved);
    if (total > 10_000) throw ratioSumRefusal(total);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "ALLOCATION_POLICY",
      entityId: saved.id,
      action: before ? "UPDATE" : "CREATE",
      before: before ? policyFacts(before) : null,
      after: policyFacts(saved),
    });
    const reached = unionSkus(
      before ? await skusInScope(tx, before) : [],
      await skusInScope(tx, saved),
    );
    const published = await publishAllocationChange(tx, reached);
    return { id: saved.id, version: saved.version, published };
  });
}

/** Deletes a policy the admin saw at `version`; its SKUs fall back to the next most specific one. */
export async function deleteAllocationPolicy(
  db: Db,
  raw: z.input<typeof deleteRuleInputSchema>,
  actor: Actor,
) {
  const { id, version } = parseInput(deleteRuleInputSchema, raw);
  return withTransaction(db, async (tx) => {
    await lockPolicies(tx);
    const before = await findPolicy(tx, id);
    const gone = await tx.allocationPolicy.deleteMany({ where: { id, version } });
    if (gone.count === 0) throw staleEdit();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "ALLOCATION_POLICY",
      entityId: id,
      action: "DELETE",
      before: policyFacts(before),
      after: null,
    });
    const published = await publishAllocationChange(tx, await skusInScope(tx, before));
    return { id, published };
  });
}

/**
 * Policy writers take turns, so the ratio sum checked on a scope is the sum that commits: two
 * admins adding 60 % each on one scope cannot both pass. Readers (checkout, the feed) are not held up.
 */
async function lockPolicies(tx: Tx) {
  await tx.$executeRaw`LOCK TABLE "AllocationPolicy" IN SHARE ROW EXCLUSIVE MODE`;
}

async function findPolicy(tx: Tx, id: string): Promise<AllocationPolicy> {
  const policy = await tx.allocationPolicy.findUnique({ where: { id } });
  if (!policy)
    throw new AppError("NOT_FOUND", "No such allocation policy.", {
      details: { reason: "ALLOCATION_POLICY" },
    });
  return policy;
}

function policyFacts(p: AllocationPolicy) {
  return {
    channelId: p.channelId,
    scope: p.scope,
    categoryId: p.categoryId,
    lifecycle: p.lifecycle,
    skuId: p.skuId,
    mode: p.mode,
    ratioBps: p.ratioBps,
    fixedQty: p.fixedQty,
    safetyBuffer: p.safetyBuffer,
    active: p.active,
    version: p.version,
  };
}
