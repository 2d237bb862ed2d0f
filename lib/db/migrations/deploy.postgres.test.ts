import pg from "pg";
import { expect, it } from "vitest";
import { createThrowawayPostgres, describeIfPostgres } from "@/lib/db/testing/databases";
import { deployMigrations } from "./deploy";
import { defineDeployTests } from "./deploy.contract";
import { defaultPaths, readMigrationFiles } from "./migration-files";
import { PRISMA_ADVISORY_LOCK_KEY } from "./migration-lock";

describeIfPostgres("deployMigrations on PostgreSQL", () => {
  defineDeployTests(async () => {
    const database = await createThrowawayPostgres();
    return { target: { kind: "postgres", url: database.url }, cleanup: database.drop };
  });
});

describeIfPostgres("deployMigrations under concurrency on PostgreSQL", () => {
  it("two deploys at once apply each migration exactly once", async () => {
    const database = await createThrowawayPostgres();
    try {
      const target = { kind: "postgres" as const, url: database.url };
      const results = await Promise.all([deployMigrations(target), deployMigrations(target)]);
      const files = await readMigrationFiles(defaultPaths.migrationsDir);
      const appliedCounts = results.map((result) => result.applied.length).sort();
      expect(appliedCounts).toEqual([0, files.length]);
    } finally {
      await database.drop();
    }
  });

  it("waits while another session holds Prisma's migration lock", async () => {
    const database = await createThrowawayPostgres();
    const holder = new pg.Client({ connectionString: database.url });
    try {
      await holder.connect();
      await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
      const started = Date.now();
      const deploying = deployMigrations({ kind: "postgres", url: database.url });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
      const { applied } = await deploying;
      expect(applied.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    } finally {
      await holder.end();
      await database.drop();
    }
  });
});
