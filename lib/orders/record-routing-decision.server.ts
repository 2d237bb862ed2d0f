import "server-only";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/transaction.server";
import { newRowId } from "@/lib/inventory/stock-writes.server";
import type { RoutingResult } from "@/lib/routing/route-order";
import type { RoutingRule } from "@/lib/routing/types";
import { insertOrderRows, type NewRoutingDecisionRow } from "./order-rows.server";

/** What a routing run is stored from. */
export type RoutingRun = {
  orderId: string;
  attempt: number;
  method: FulfilmentMethod;
  rules: readonly RoutingRule[];
  result: RoutingResult;
};

/**
 * One routing run of an order as its row: the rules it applied, every candidate with its scores
 * or the reason it was out, the assignments, and the summary in English and as message keys, so
 * the admin's order page can say why the winner won in either language. A refused run is stored
 * too. The JSON columns take what JSON.stringify makes of these (no undefined, dates as text).
 */
export function routingDecisionRow(run: RoutingRun): NewRoutingDecisionRow {
  const { orderId, attempt, method, rules, result } = run;
  const explanation = result.explanation;
  return {
    id: newRowId(),
    orderId,
    attempt,
    method,
    rules: rules.filter((r) => r.enabled),
    candidates: explanation?.candidates ?? [],
    assignments: result.ok ? result.assignments : [],
    explanation: result.ok ? result.explanation.summary : result.message,
    summaryParts: (result.ok ? result.explanation.summaryParts : result.messageParts) ?? null,
    plan: {
      plan: explanation?.plan ?? null,
      runnerUp: explanation?.runnerUp ?? null,
      winners: explanation?.winners ?? [],
      notListed: explanation?.notListed ?? null,
      costFen: result.ok ? result.costFen : null,
      alternatives: result.alternatives,
      availability: result.ok ? [] : result.availability,
    },
    refusalCode: result.ok ? null : result.code,
  };
}

/** Stores one routing run of an order (routingDecisionRow). */
export async function recordRoutingDecision(tx: Tx, run: RoutingRun): Promise<{ id: string }> {
  const row = routingDecisionRow(run);
  await insertOrderRows(tx, { decisions: [row] });
  return { id: row.id };
}
