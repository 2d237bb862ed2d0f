import "server-only";
import { getDb } from "@/lib/db/client.server";

/** The routing rules as the editor shows them: by position, params as JSON text. */
export async function listRoutingRules() {
  const db = await getDb();
  const rules = await db.routingRule.findMany({ orderBy: [{ position: "asc" }, { kind: "asc" }] });
  return rules.map((r) => ({
    kind: r.kind,
    mode: r.mode,
    method: r.method,
    weight: r.weight,
    position: r.position,
    enabled: r.enabled,
    params: JSON.stringify(r.params),
  }));
}
