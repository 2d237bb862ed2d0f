import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkMigrationDrift } from "./check-drift";
import { createMigration } from "./create-migration";
import { defaultPaths } from "./migration-files";

const temporaryDirs: string[] = [];

async function tempCopy(): Promise<{ migrationsDir: string; schemaPath: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "onepool-drift-"));
  temporaryDirs.push(dir);
  const migrationsDir = path.join(dir, "migrations");
  const schemaPath = path.join(dir, "schema.prisma");
  await cp(defaultPaths.migrationsDir, migrationsDir, { recursive: true });
  await cp(defaultPaths.schemaPath, schemaPath);
  return { migrationsDir, schemaPath };
}

async function addOrganizationField(schemaPath: string): Promise<void> {
  const schema = await readFile(schemaPath, "utf8");
  const edited = schema.replace(
    "model Organization {\n",
    "model Organization {\n  loyaltyNote String?\n",
  );
  expect(edited).not.toBe(schema);
  await writeFile(schemaPath, edited);
}

afterEach(async () => {
  await Promise.all(
    temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

describe("checkMigrationDrift", () => {
  it("passes on the repository: the hand-added CHECK constraints are not drift", async () => {
    expect(await checkMigrationDrift(defaultPaths)).toEqual({ ok: true });
  });

  it("fails with the missing SQL when the schema has a field no migration adds", async () => {
    const paths = await tempCopy();
    await addOrganizationField(paths.schemaPath);
    const result = await checkMigrationDrift(paths);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.missingSql).toContain(
      `ALTER TABLE "Organization" ADD COLUMN     "loyaltyNote" TEXT`,
    );
  });

  it("throws rather than passing when the schema cannot be read by the engine", async () => {
    const paths = await tempCopy();
    await writeFile(paths.schemaPath, "model Broken {\n  id String @id\n  other Nope\n}\n", {
      flag: "a",
    });
    await expect(checkMigrationDrift(paths)).rejects.toThrow();
  });

  it("throws when a migration does not replay", async () => {
    const paths = await tempCopy();
    const bad = path.join(paths.migrationsDir, "99990101000000_bad");
    await mkdir(bad);
    await writeFile(
      path.join(bad, "migration.sql"),
      `ALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n`,
    );
    await expect(checkMigrationDrift(paths)).rejects.toThrow(/99990101000000_bad failed to replay/);
  });
});

describe("createMigration", () => {
  it("writes nothing when the schema and migrations agree", async () => {
    const paths = await tempCopy();
    const before = await readdir(paths.migrationsDir);
    expect(await createMigration({ ...paths, name: "nothing" })).toBeNull();
    expect(await readdir(paths.migrationsDir)).toEqual(before);
  });

  it("writes Prisma's folder layout with the new SQL, after which the check passes", async () => {
    const paths = await tempCopy();
    await addOrganizationField(paths.schemaPath);
    const created = await createMigration({
      ...paths,
      name: "Add loyalty note",
      now: new Date("2031-02-03T04:05:06Z"),
    });
    expect(created && path.basename(created.dir)).toBe("20310203040506_add_loyalty_note");
    const sql = await readFile(path.join(created!.dir, "migration.sql"), "utf8");
    expect(sql).toContain(`ADD COLUMN     "loyaltyNote" TEXT`);
    expect(await readFile(path.join(paths.migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
    expect(await checkMigrationDrift(paths)).toEqual({ ok: true });
  });
});
