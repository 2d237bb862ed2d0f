import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

type WasmExports = WebAssembly.Exports & { __wbindgen_start: () => void };

/** Prisma's schema engine, compiled to WebAssembly and talking to a database through an adapter. */
export type SchemaEngine = engineModule.SchemaEngine;

/** A schema file the engine reads: its path (used in messages) and its text. */
export type SchemaSource = { path: string; content: string };

/** No externally managed tables or enums: the engine owns the whole public schema. */
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

let ready: Promise<void> | undefined;

/**
 * The package's own entry imports its .wasm as an ES module, which Node 20 refuses; so the
 * bytes are instantiated here and handed to the generated glue, exactly as that entry would.
 */
function initialiseEngineModule(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const imports: WebAssembly.Imports = {
      "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
    };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    const exports = instance.exports as WasmExports;
    engineModule.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return ready;
}

/**
 * Runs `work` with a schema engine on the adapter's database, freeing it afterwards. Errors carry
 * the engine's own log lines, which hold the real cause.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaSource,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await initialiseEngineModule();
  const engineLog: string[] = [];
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => engineLog.push(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await work(engine);
  } catch (error) {
    const detail = engineLog.length > 0 ? `\nschema engine log:\n${engineLog.join("\n")}` : "";
    throw new Error(`${error instanceof Error ? error.message : String(error)}${detail}`, {
      cause: error,
    });
  } finally {
    engine.free();
  }
}

/**
 * Prisma's own SQL diff from the live database `pglite` to `schema`: the statements that would
 * bring the database to the schema. Empty string when they agree. Throws when the engine fails.
 */
export async function diffDatabaseToSchema(pglite: PGlite, schema: SchemaSource): Promise<string> {
  return withSchemaEngine(new PrismaPGlite(pglite), schema, async (engine) => {
    const files = [schema];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(schema.path) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    // With exitCode requested, 2 means "there is a difference"; anything else but 0 is a failure.
    if (result.exitCode !== 0 && result.exitCode !== 2) {
      throw new Error(`schema engine diff exited with ${result.exitCode}`);
    }
    const sql = result.stdout ?? "";
    if (result.exitCode === 2 && isEmptyDiff(sql)) {
      throw new Error("schema engine reported a difference but printed no SQL");
    }
    return isEmptyDiff(sql) ? "" : sql;
  });
}

/** The engine prints a comment-only script when nothing differs. */
function isEmptyDiff(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
