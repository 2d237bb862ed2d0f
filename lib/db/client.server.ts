import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "./open";
import { databaseTarget } from "./target";

// One database per server process: PGlite must have a single owner, and dev reloads would
// otherwise open a new pool on every edit.
const globalForDb = globalThis as unknown as { onepoolDb?: Promise<Database> };

/** The process-wide Prisma client. */
export async function getDb(): Promise<PrismaClient> {
  globalForDb.onepoolDb ??= openDatabase(databaseTarget());
  return (await globalForDb.onepoolDb).prisma;
}
