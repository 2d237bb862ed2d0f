import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import type { DatabaseTarget } from "@/lib/db/target";

/** A migrated, empty database made for one run, and how to remove it. */
export type FreshDatabase = Database & { label: string; dispose: () => Promise<void> };

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new database `onepool_feedbench_<random>` on the server of `serverUrl` (never the configured
 * database itself, whose data stays untouched), or an embedded one in a temp folder.
 */
export async function openFreshDatabase(serverUrl: string | undefined): Promise<FreshDatabase> {
  let target: DatabaseTarget;
  let label: string;
  let remove: () => Promise<void>;
  if (serverUrl) {
    // Hex digits only, so quoting the name as an identifier is safe.
    const name = `onepool_feedbench_${randomBytes(6).toString("hex")}`;
    await onServer(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    target = { kind: "postgres", url: url.toString() };
    label = `PostgreSQL ${url.hostname}:${url.port || 5432}/${name}`;
    remove = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "onepool-feedbench-"));
    target = { kind: "pglite", dataDir: dir };
    label = "PGlite (embedded)";
    remove = () => rm(dir, { recursive: true, force: true });
  }
  try {
    await deployMigrations(target);
    const db = await openDatabase(target);
    return {
      ...db,
      label,
      dispose: async () => {
        await db.close();
        await remove();
      },
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
