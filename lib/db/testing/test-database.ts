import { afterAll, beforeAll } from "vitest";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase } from "@/lib/db/open";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createThrowawayPostgres, freshPglite } from "@/lib/db/testing/databases";

// Test support: a migrated throwaway database per test file, PGlite or PostgreSQL.

export type DatabaseKind = "pglite" | "postgres";

/** Opens a fresh migrated database before the file's tests and removes it after; call in a describe. */
export function useMigratedDatabase(
  kind: DatabaseKind,
  options: { poolSize?: number; connectionWaitMs?: number } = {},
): () => PrismaClient {
  let client: PrismaClient | undefined;
  let teardown: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (kind === "pglite") {
      const fresh = await freshPglite();
      await deployMigrations(fresh.target);
      const db = await openDatabase(fresh.target);
      client = db.prisma;
      teardown = async () => {
        await db.close();
        await fresh.cleanup();
      };
      return;
    }
    const pg = await createThrowawayPostgres();
    const target = { kind: "postgres" as const, url: pg.url };
    await deployMigrations(target);
    const db = await openDatabase(target, options);
    client = db.prisma;
    teardown = async () => {
      await db.close();
      await pg.drop();
    };
  });
  afterAll(async () => {
    await teardown?.();
  });
  return () => {
    if (!client) throw new Error("database not open yet");
    return client;
  };
}
