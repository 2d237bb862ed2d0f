import "server-only";
import { getDb } from "@/lib/db/client.server";
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
export async function saveRoutingRules(input: z.output<typeof rulesInputSchema> & { prisma?: Db }) {
  const rules = input.rules.map((r, i) => ({ ...r, id: `rule ${i + 1}` }));
  const problems = ruleSetProblems(rules);
  if (problems.length > 0)
    throw new AppError("INVALID_INPUT", problems[0] ?? "Invalid rules.", {
      fieldErrors: { rules: problems },
    });
  const prisma = input.prisma ?? (await getDb());
  return withTransaction(prisma, async (tx) => {
    await tx.routingRule.deleteMany({});
    await tx.routingRule.createMany({
      data: input.rules.map((r) => ({ ...r, params: r.params as Prisma.InputJsonValue })),
    });
    return { count: input.rules.length };
  });
}
