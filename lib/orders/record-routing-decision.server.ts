import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/transaction.server";
import type { RoutingResult } from "@/lib/routing/route-order";
import type { RoutingRule } from "@/lib/routing/types";

/** Plain JSON for a Json column (drops undefined, turns dates into strings). */
function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

/**
 * Stores one routing run of an order: the rules it applied, every candidate with its scores or
 * the reason it was out, the assignments, and the summary in English and as message keys, so the
 * admin's order page can say why the winner won in either language. A refused run is stored too.
 */
export async function recordRoutingDecision(
  tx: Tx,
  input: {
    orderId: string;
    attempt: number;
    method: FulfilmentMethod;
    rules: readonly RoutingRule[];
    result: RoutingResult;
  },
): Promise<{ id: string }> {
  const { orderId, attempt, method, rules, result } = input;
  const explanation = result.explanation;
  return tx.routingDecision.create({
    data: {
      orderId,
      attempt,
      method,
      rules: json(rules.filter((r) => r.enabled)),
      candidates: json(explanation?.candidates ?? []),
      assignments: json(result.ok ? result.assignments : []),
      explanation: result.ok ? result.explanation.summary : result.message,
      summaryParts: json(result.ok ? result.explanation.summaryParts : result.messageParts),
      plan: json({
        plan: explanation?.plan ?? null,
        runnerUp: explanation?.runnerUp ?? null,
        winners: explanation?.winners ?? [],
        notListed: explanation?.notListed ?? null,
        costFen: result.ok ? result.costFen : null,
        alternatives: result.alternatives,
        availability: result.ok ? [] : result.availability,
      }),
      refusalCode: result.ok ? null : result.code,
    },
    select: { id: true },
  });
}
