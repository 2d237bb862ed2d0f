import { createHash } from "node:crypto";

// Named statements are parsed and planned once per connection, then reused: PostgreSQL keeps
// their plans (custom for the first five runs, then a generic plan when it costs no more). An
// unnamed statement is planned on every run, and for the engine's one-statement reads (see
// lib/reservations/reserve-context.server.ts) planning costs more than executing: about 0.4 ms
// against 0.15 ms, which bounded how many refusals a second one hot SKU could answer.

/** Statement names already computed, by SQL text; cleared when full so memory stays bounded. */
const names = new Map<string, string>();
const MAX_REMEMBERED = 5_000;

/** A stable name for a statement's text: the same SQL always gets the same name. */
export function statementName(sql: string): string {
  const known = names.get(sql);
  if (known !== undefined) return known;
  if (names.size >= MAX_REMEMBERED) names.clear();
  // PostgreSQL truncates names at 63 bytes; 40 hex digits of SHA-1 stay well inside that.
  const name = `op_${createHash("sha1").update(sql).digest("hex")}`;
  names.set(sql, name);
  return name;
}

/**
 * Connections are replaced after this many seconds: each keeps its prepared statements until it
 * closes, and queries whose text varies (an IN list of any length) would otherwise add to them
 * for as long as the process runs.
 */
export const CONNECTION_LIFETIME_SECONDS = 600;
