import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db/target";
import { deployMigrations } from "./deploy";
import { openMigrationConnection, type MigrationConnection } from "./migration-connection";
import { defaultPaths, migrationChecksum, readMigrationFiles } from "./migration-files";
import type { AppliedMigrationRow } from "./prisma-migrations-table";

/** A throwaway database for one group of tests. */
export type ThrowawayDatabase = { target: DatabaseTarget; cleanup: () => Promise<void> };

/** The CHECK constraints the init migration adds by hand. */
const STOCK_GUARDS = [
  "StockLevel_onHand_nonnegative",
  "StockLevel_reserved_nonnegative",
  "StockLevel_safetyStock_nonnegative",
  "StockLevel_inbound_nonnegative",
  "StockLevel_displayMin_nonnegative",
  "Reservation_quantity_positive",
  "OrderLine_quantity_positive",
  "CartItem_quantity_positive",
  "BundleComponent_quantity_positive",
  "TransferLine_quantity_positive",
  "FulfilmentLine_quantity_positive",
];

/** The smallest set of rows a StockLevel needs to satisfy its foreign keys. */
const ONE_STOCK_LEVEL = `
INSERT INTO "Organization" (id, code, name, "nameZh", kind) VALUES ('org', 'ORG', 'Org', '组织', 'BRAND');
INSERT INTO "Node" (id, code, name, "nameZh", type, "organizationId", city, "cityZh", district, address,
  latitude, longitude, "dailyCapacity", "costPerShipment")
  VALUES ('node', 'N1', 'Node', '仓', 'CENTRAL_WAREHOUSE', 'org', 'Shanghai', '上海', 'Pudong', 'x', 31.2, 121.5, 100, 800);
INSERT INTO "Category" (id, slug, name, "nameZh") VALUES ('cat', 'tops', 'Tops', '上衣');
INSERT INTO "Product" (id, "styleCode", name, "nameZh", description, "descriptionZh", "categoryId", gender,
  lifecycle, "listPrice", "imagePath", "updatedAt")
  VALUES ('prod', 'S1', 'Tee', 'T恤', 'd', 'd', 'cat', 'U', 'NEW', 9900, '/x.png', now());
INSERT INTO "Sku" (id, "productId", "skuCode", barcode, color, "colorZh", "colorHex", size)
  VALUES ('sku', 'prod', 'S1-BLK-M', '690000000001', 'Black', '黑', '#000000', 'M');
INSERT INTO "StockLevel" (id, "nodeId", "skuId", "onHand", "updatedAt") VALUES ('sl', 'node', 'sku', 5, now());
`;

async function withConnection<T>(
  target: DatabaseTarget,
  work: (connection: MigrationConnection) => Promise<T>,
): Promise<T> {
  const connection = await openMigrationConnection(target);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

async function modelNames(): Promise<string[]> {
  const schema = await readFile(defaultPaths.schemaPath, "utf8");
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1] ?? "");
}

/** The deploy behaviour every database target must show; `open` makes a fresh empty database. */
export function defineDeployTests(open: () => Promise<ThrowawayDatabase>): void {
  let database: ThrowawayDatabase;
  let firstApplied: string[];

  beforeAll(async () => {
    database = await open();
    firstApplied = (await deployMigrations(database.target)).applied;
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("applies every migration and creates every model's table", async () => {
    const files = await readMigrationFiles(defaultPaths.migrationsDir);
    expect(files.length).toBeGreaterThan(0);
    expect(firstApplied).toEqual(files.map((file) => file.name));

    const tables = await withConnection(database.target, (connection) =>
      connection.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      ),
    );
    const names = new Set(tables.map((row) => row.table_name));
    const expected = [...(await modelNames()), "_prisma_migrations"];
    expect(expected.length).toBeGreaterThan(30);
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
  });

  it("records one finished row per migration with Prisma's checksum", async () => {
    const files = await readMigrationFiles(defaultPaths.migrationsDir);
    const rows = await withConnection(database.target, (connection) =>
      connection.query<AppliedMigrationRow>(
        `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, file] of files.entries()) {
      const row = rows[index];
      const bytes = await readFile(
        path.join(defaultPaths.migrationsDir, file.name, "migration.sql"),
      );
      expect(row?.migration_name).toBe(file.name);
      expect(row?.checksum).toBe(migrationChecksum(bytes));
      expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.rolled_back_at).toBeNull();
      expect(row?.logs).toBeNull();
      expect(row?.applied_steps_count).toBe(1);
      expect(row!.finished_at!.getTime()).toBeGreaterThanOrEqual(row!.started_at.getTime());
    }
  });

  it("applies nothing when deployed again", async () => {
    expect(await deployMigrations(database.target)).toEqual({ applied: [] });
    const [count] = await withConnection(database.target, (connection) =>
      connection.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`),
    );
    expect(count?.n).toBe(firstApplied.length);
  });

  it("has every stock guard, and a negative onHand is refused", async () => {
    await withConnection(database.target, async (connection) => {
      const guards = await connection.query<{ conname: string }>(
        "SELECT conname FROM pg_constraint WHERE contype = 'c'",
      );
      const present = new Set(guards.map((row) => row.conname));
      expect(STOCK_GUARDS.filter((name) => !present.has(name))).toEqual([]);

      await connection.exec(ONE_STOCK_LEVEL);
      await expect(
        connection.exec(`UPDATE "StockLevel" SET "onHand" = "onHand" - 6 WHERE id = 'sl'`),
      ).rejects.toThrow(/StockLevel_onHand_nonnegative/);
      await expect(
        connection.exec(`UPDATE "StockLevel" SET "reserved" = -1 WHERE id = 'sl'`),
      ).rejects.toThrow(/StockLevel_reserved_nonnegative/);
      const [row] = await connection.query<{ onHand: number }>(
        `SELECT "onHand" FROM "StockLevel" WHERE id = 'sl'`,
      );
      expect(row?.onHand).toBe(5);
    });
  });

  it("refuses to deploy when an applied migration's checksum differs", async () => {
    const [first] = firstApplied;
    await withConnection(database.target, (connection) =>
      connection.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [
        "0".repeat(64),
        first,
      ]),
    );
    await expect(deployMigrations(database.target)).rejects.toThrow(
      new RegExp(`checksum mismatch.*${first}`),
    );
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const failing = await open();
    const migrationsDir = await mkdtemp(path.join(os.tmpdir(), "onepool-migrations-"));
    try {
      await cp(defaultPaths.migrationsDir, migrationsDir, { recursive: true });
      const brokenName = "99990101000000_broken";
      await mkdir(path.join(migrationsDir, brokenName));
      await writeFile(
        path.join(migrationsDir, brokenName, "migration.sql"),
        `CREATE TABLE "HalfDone" (id INT);\nSELECT * FROM "NoSuchTable";\n`,
      );
      await expect(deployMigrations(failing.target, { migrationsDir })).rejects.toThrow(
        /99990101000000_broken/,
      );
      await withConnection(failing.target, async (connection) => {
        const tables = await connection.query(
          "SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'",
        );
        expect(tables).toHaveLength(0);
        const rows = await connection.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
        );
        expect(rows.map((row) => row.migration_name)).toEqual(firstApplied);
      });
    } finally {
      await rm(migrationsDir, { recursive: true, force: true });
      await failing.cleanup();
    }
  });
}
