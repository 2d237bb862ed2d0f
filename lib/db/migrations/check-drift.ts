import { diffMigrationsToSchema, type DiffPaths } from "./diff-migrations-to-schema";

/** Outcome of a drift check: agree, or the SQL a new migration would need. */
export type DriftResult = { ok: true } | { ok: false; missingSql: string };

/**
 * Compares what the migrations build with `schema.prisma`. Throws when the comparison itself
 * fails, so that a broken engine can never pass as "no drift".
 */
export async function checkMigrationDrift(paths: DiffPaths): Promise<DriftResult> {
  const missingSql = await diffMigrationsToSchema(paths);
  return missingSql ? { ok: false, missingSql } : { ok: true };
}
