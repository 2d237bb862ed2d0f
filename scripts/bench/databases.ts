import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import type { DatabaseTarget } from "@/lib/db/target";
import { withPgClient } from "@/lib/db/with-pg-client";

/** A migrated throwaway database, open, and how to remove it again. */
export type BenchDatabase = Database & {
  label: string;
  /** Its connection string, for a server started on it (PostgreSQL only). */
  url?: string;
  dispose: () => Promise<void>;
};

/** Creates, migrates and opens `onepool_bench_<random>` on the server; dispose drops it. */
export async function throwawayPostgres(
  adminUrl: string,
  poolSize: number,
): Promise<BenchDatabase> {
  // Hex digits only, so quoting the name as an identifier is safe.
  const name = `onepool_bench_${randomBytes(6).toString("hex")}`;
  await withPgClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const drop = () =>
    withPgClient(adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
    await deployMigrations(target);
    const db = await openDatabase(target, { poolSize });
    return {
      ...db,
      label: `PostgreSQL ${url.hostname}:${url.port || 5432}/${name}`,
      url: target.url,
      dispose: async () => {
        await db.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Creates, migrates and opens an embedded database in a temp folder; dispose deletes it. */
export async function throwawayPglite(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "onepool-bench-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const target: DatabaseTarget = { kind: "pglite", dataDir: dir };
    await deployMigrations(target);
    const db = await openDatabase(target);
    return {
      ...db,
      label: `PGlite ${dir}`,
      dispose: async () => {
        await db.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
