import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { ruleSetProblems, type rulesInputSchema } from "@/lib/routing/rules-input";
import type { z } from "zod";

type RulesInput = z.output<typeof rulesInputSchema>;

/**
 * Saves the routing rules as one set, after checking that routing accepts them for every method:
 * a set that would refuse orders is refused here instead, and nothing changes. Rules the editor
 * loaded are updated in place (their ids stay), new ones are added, removed ones deleted, and
 * the whole set before and after goes into the audit trail with who saved it. New orders route
 * with the new set; stored decisions keep the rules they were made with.
 */
export async function saveRoutingRules(
  db: Db,
  input: RulesInput,
  actor: { userId: string | null } = { userId: null },
) {
  const rules = input.rules.map((r, i) => ({ ...r, id: `rule ${i + 1}` }));
  const [problem] = ruleSetProblems(rules);
  if (problem) {
    // The row is the rule's place in the editor, which is how the admin finds it.
    const row = rules.findIndex((r) => r.id === problem.rule.id) + 1;
    throw new AppError("INVALID_INPUT", `${problem.method}: ${problem.problem}`, {
      details: { reason: "ROUTING_RULES", method: problem.method, row },
    });
  }
  return withTransaction(db, async (tx) => {
    const before = await snapshot(tx);
    const known = new Set(before.map((r) => r.id));
    const stale = input.rules.find((r) => r.id !== undefined && !known.has(r.id));
    if (stale)
      throw new AppError("CONFLICT", "The rules changed since this page was loaded.", {
        details: { reason: "CHANGED_MEANWHILE" },
      });
    const kept = new Set(input.rules.flatMap((r) => (r.id ? [r.id] : [])));
    await tx.routingRule.deleteMany({ where: { id: { notIn: [...kept] } } });
    for (const { id, ...rule } of input.rules) {
      const data = { ...rule, params: rule.params as Prisma.InputJsonValue };
      if (id) await tx.routingRule.update({ where: { id }, data });
      else await tx.routingRule.create({ data });
    }
    const after = await snapshot(tx);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "ROUTING_RULES",
      action: "SAVE",
      before,
      after,
    });
    return { count: input.rules.length };
  });
}

async function snapshot(tx: Tx) {
  const rows = await tx.routingRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    method: r.method,
    weight: r.weight,
    position: r.position,
    enabled: r.enabled,
    params: r.params as Prisma.InputJsonValue,
  }));
}
