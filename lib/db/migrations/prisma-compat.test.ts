import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db/target";
import {
  createThrowawayPostgres,
  describeIfPostgres,
  freshPglite,
} from "@/lib/db/testing/databases";
import { deployMigrations } from "./deploy";
import { openMigrationConnection } from "./migration-connection";
import { defaultPaths, readMigrationFiles } from "./migration-files";
import { readPrismaMigrationList } from "./prisma-migration-list";
import { NO_FILTERS, withSchemaEngine, type SchemaEngine } from "./schema-engine";

// These tests ask Prisma's own schema engine (the code behind `prisma migrate deploy`) about
// databases our deploy wrote, and the reverse, so a hand-over in either direction is proven.

async function withPrismaEngine<T>(
  target: DatabaseTarget,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const schemaPath = path.resolve(defaultPaths.schemaPath);
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  if (target.kind === "postgres") {
    return withSchemaEngine(new PrismaPg({ connectionString: target.url }), schema, work);
  }
  const pglite = new PGlite(target.dataDir);
  try {
    return await withSchemaEngine(new PrismaPGlite(pglite), schema, work);
  } finally {
    await pglite.close();
  }
}

function defineHandOverTests(
  open: () => Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }>,
) {
  it("Prisma's engine finds our history in sync, unedited, with nothing to apply", async () => {
    const database = await open();
    try {
      await deployMigrations(database.target);
      const migrationsList = await readPrismaMigrationList(defaultPaths.migrationsDir);
      await withPrismaEngine(database.target, async (engine) => {
        const diagnosis = await engine.diagnoseMigrationHistory({
          migrationsList,
          optInToShadowDatabase: false,
          filters: NO_FILTERS,
        });
        expect(diagnosis).toEqual({
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: true,
          history: null,
        });
        expect(await engine.applyMigrations({ migrationsList, filters: NO_FILTERS })).toEqual({
          appliedMigrationNames: [],
        });
      });
    } finally {
      await database.cleanup();
    }
  });

  it("Prisma's engine reports the same edited migration our deploy refuses", async () => {
    const database = await open();
    try {
      const { applied } = await deployMigrations(database.target);
      const connection = await openMigrationConnection(database.target);
      await connection
        .query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [
          "f".repeat(64),
          applied[0],
        ])
        .finally(() => connection.close());
      const migrationsList = await readPrismaMigrationList(defaultPaths.migrationsDir);
      const diagnosis = await withPrismaEngine(database.target, (engine) =>
        engine.diagnoseMigrationHistory({
          migrationsList,
          optInToShadowDatabase: false,
          filters: NO_FILTERS,
        }),
      );
      expect(diagnosis.editedMigrationNames).toEqual([applied[0]]);
      await expect(deployMigrations(database.target)).rejects.toThrow(/checksum mismatch/);
    } finally {
      await database.cleanup();
    }
  });

  it("our deploy takes over a database Prisma's engine migrated", async () => {
    const database = await open();
    try {
      const migrationsList = await readPrismaMigrationList(defaultPaths.migrationsDir);
      const byPrisma = await withPrismaEngine(database.target, (engine) =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      );
      const files = await readMigrationFiles(defaultPaths.migrationsDir);
      expect(byPrisma.appliedMigrationNames).toEqual(files.map((file) => file.name));
      expect(await deployMigrations(database.target)).toEqual({ applied: [] });
    } finally {
      await database.cleanup();
    }
  });
}

describe("hand-over with prisma migrate on the embedded PGlite", () => {
  defineHandOverTests(freshPglite);
});

describeIfPostgres("hand-over with prisma migrate on PostgreSQL", () => {
  defineHandOverTests(async () => {
    const database = await createThrowawayPostgres();
    return { target: { kind: "postgres", url: database.url }, cleanup: database.drop };
  });
});
