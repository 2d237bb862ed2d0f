import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db/target";
import { withPgClient } from "@/lib/db/with-pg-client";

// Test code reads its own settings directly: lib/env.ts describes the app, not the test machine.
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The admin URL without any password, for messages. */
function printableAdminUrl(): string {
  const url = new URL(adminUrl);
  url.password = "";
  return url.toString();
}

let availability: Promise<boolean> | undefined;

/** True when the test PostgreSQL server (TEST_POSTGRES_URL, or local postgres) answers. */
export function postgresAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
    // A refused connection emits 'error' as well as rejecting; without a listener it would crash.
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return availability;
}

/** Creates an empty database `onepool_test_<random>` on the test server; `drop` removes it. */
export async function createThrowawayPostgres(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `onepool_test_${randomBytes(6).toString("hex")}`;
  // The name is generated from hex digits only, so quoting it as an identifier is safe.
  await withPgClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withPgClient(adminUrl, async (client) => {
        await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name],
        );
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

/**
 * A `describe` for tests that need PostgreSQL. Without a server it is skipped with a warning on a
 * developer machine, and fails in CI, where a missing service must never look like a pass.
 */
export function describeIfPostgres(name: string, fn: () => void): void {
  describe(name, async () => {
    if (await postgresAvailable()) {
      fn();
      return;
    }
    const where = printableAdminUrl();
    if (process.env.CI) {
      it("has PostgreSQL", () => {
        throw new Error(
          `PostgreSQL is required in CI at ${where} (set TEST_POSTGRES_URL to point elsewhere)`,
        );
      });
      return;
    }
    console.warn(
      `[skipped] "${name}" needs PostgreSQL at ${where}, which did not answer. ` +
        "Start it, or set TEST_POSTGRES_URL; CI fails instead of skipping.",
    );
    it.skip(`needs PostgreSQL at ${where}`, () => {});
  });
}

/** An embedded database in a new folder under the OS temp dir; `cleanup` deletes the folder. */
export async function freshPglite(): Promise<{
  target: DatabaseTarget;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "onepool-pglite-"));
  return {
    target: { kind: "pglite", dataDir: dir },
    dir,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
