import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CONNECTION_WAIT_MS } from "./database-busy";
import { CONNECTION_LIFETIME_SECONDS, statementName } from "./statement-names";
import type { DatabaseTarget } from "./target";

export type Database = {
  prisma: PrismaClient;
  /** The embedded engine, when the target is PGlite (scripts use it for raw SQL). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

/**
 * Opens a Prisma client on either database. Scripts and tests call this directly and close it;
 * the app keeps one process-wide instance (lib/db/client.server.ts).
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: { poolSize?: number; connectionWaitMs?: number } = {},
): Promise<Database> {
  if (target.kind === "pglite") {
    const pglite = new PGlite(target.dataDir);
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      pglite,
      close: async () => {
        await prisma.$disconnect();
        // An unclosed PGlite keeps the process alive and risks its data folder.
        await pglite.close();
      },
    };
  }
  const adapter = new PrismaPg(
    {
      connectionString: target.url,
      max: options.poolSize ?? 10,
      // Without a bound a query waits for a free connection forever; past it the request is
      // answered "busy" (lib/db/database-busy.ts).
      connectionTimeoutMillis: options.connectionWaitMs ?? CONNECTION_WAIT_MS,
      maxLifetimeSeconds: CONNECTION_LIFETIME_SECONDS,
    },
    // Every statement is prepared once per connection and its plan reused (statement-names.ts).
    { statementNameGenerator: (query) => statementName(query.sql) },
  );
  const prisma = new PrismaClient({ adapter });
  return { prisma, close: () => prisma.$disconnect() };
}
