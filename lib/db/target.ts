import { env, pgliteDataDir } from "@/lib/env";

/** Which database the app talks to: the embedded default, or PostgreSQL when DATABASE_URL is set. */
export type DatabaseTarget =
  { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export function databaseTarget(): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: pgliteDataDir() };
}

/** A short description safe to print (no password). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite at ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
