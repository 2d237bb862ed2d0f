import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { ruleSetProblems, type rulesInputSchema } from "@/lib/routing/rules-input";
import type { z } from "zod";

/**
 * Replaces the routing rules as one set, after checking that routing accepts them for every
 * method: a set that would refuse orders is refused here instead, and nothing changes. New
 * orders route with the new set; stored decisions keep the rules they were made with.
 */
export async function saveRoutingRules(db: Db, input: z.output<typeof rulesInputSchema>) {
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
    await tx.routingRule.deleteMany({});
    await tx.routingRule.createMany({
      data: input.rules.map((r) => ({ ...r, params: r.params as Prisma.InputJsonValue })),
    });
    return { count: input.rules.length };
  });
}
