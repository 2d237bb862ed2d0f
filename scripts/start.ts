/**
 * `npm start`: brings the whole store up on one machine. Applies pending migrations, seeds the
 * demo brand on first run, builds, and serves on PORT (default 3000). Works on the embedded
 * database with nothing else installed; set DATABASE_URL to use PostgreSQL instead.
 *
 * Flags: --no-build (serve the existing build), --reseed (run the idempotent seed again),
 * --server-node-arg=FLAG (a Node flag for the serving process only, e.g. --cpu-prof; repeatable).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase } from "@/lib/db/open";
import { databaseTarget, describeTarget } from "@/lib/db/target";
import { env } from "@/lib/env";
import { seedDemoData } from "@/prisma/seed/write-seed";

const args = new Set(process.argv.slice(2));
const SERVER_NODE_ARG = "--server-node-arg=";
const serverNodeArgs = process.argv
  .slice(2)
  .filter((arg) => arg.startsWith(SERVER_NODE_ARG))
  .map((arg) => arg.slice(SERVER_NODE_ARG.length));
const port = env.PORT;

/** A session secret that survives restarts, so sign-ins stay valid, without anyone configuring one. */
function ensureAuthSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.resolve(".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function prepareDatabase(): Promise<void> {
  const target = databaseTarget();
  console.log(`Database: ${describeTarget(target)}`);
  const { applied } = await deployMigrations(target, { log: (line) => console.log(`  ${line}`) });
  console.log(
    applied.length ? `Applied ${applied.length} migration(s).` : "Migrations are up to date.",
  );
  // The server must own PGlite alone, so the database is closed again before it starts.
  const db = await openDatabase(target);
  try {
    const seeded = (await db.prisma.organization.count()) > 0;
    if (!seeded || args.has("--reseed")) {
      const started = Date.now();
      await seedDemoData(db.prisma, { log: (line) => console.log(`  ${line}`) });
      console.log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } else {
      console.log("Demo data already present (run `npm start -- --reseed` to top it up).");
    }
  } finally {
    await db.close();
  }
}

function build(childEnv: NodeJS.ProcessEnv): void {
  console.log("Building the store…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: childEnv,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  await prepareDatabase();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: ensureAuthSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!args.has("--no-build")) build(childEnv);
  // Next behind the front server (scripts/serve.ts), started as `node --import tsx/esm …` (not
  // through `tsx` or `npx`, which fork) so that one PID owns the server. Not with the
  // react-server condition: Next loads its own server code.
  const server = spawn(
    process.execPath,
    [...serverNodeArgs, "--import", "tsx/esm", "scripts/serve.ts"],
    {
      stdio: "inherit",
      env: { ...childEnv, NODE_ENV: "production", PORT: String(port) },
    },
  );
  console.log(`OnePool is starting on http://localhost:${port} (Node ${process.version})`);
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
