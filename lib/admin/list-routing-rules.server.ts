import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** The routing rules as the editor shows them: by position, params as JSON text. */
export async function listRoutingRules(db: Db) {
  const rules = await db.routingRule.findMany({ orderBy: [{ position: "asc" }, { kind: "asc" }] });
  return rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    method: r.method,
    weight: r.weight,
    position: r.position,
    enabled: r.enabled,
    params: JSON.stringify(r.params),
  }));
}
