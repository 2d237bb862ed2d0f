import { parseArgs } from "node:util";

/** Scenario names, in the order they run and print. */
export const SCENARIOS = [
  "pg-engine",
  "pg-naive",
  "pg-fast",
  "pglite-engine",
  "pglite-fast",
  "pg-engine-allocation",
  "pg-fast-allocation",
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The benchmark's settings; every one has a flag and a default. */
export type BenchOptions = {
  attempts: number;
  /** Attempts in flight at once on PostgreSQL. */
  concurrency: number;
  /** PostgreSQL connections in the pool. */
  pool: number;
  /** Attempts on PGlite, which has one connection (defaults to `attempts`). */
  pgliteAttempts: number;
  /** Attempts in flight at once on PGlite. */
  pgliteConcurrency: number;
  /** Units of the hot SKU, spread over the nodes. */
  units: number;
  nodes: number;
  /** Units the allocation scenarios' channel may sell (FIXED policy), fewer than `units`. */
  allocation: number;
  /** Per scenario: no attempt starts after this many seconds. */
  deadlineSeconds: number;
  /** Seconds the fast path trusts its Redis count before refreshing it from the database. */
  fastPathTtlSeconds: number;
  postgresUrl: string;
  redisUrl: string;
  scenarios: ScenarioName[];
};

const HELP = `npm run bench:reserve -- [options]
  --attempts N             reservation attempts per scenario (5000)
  --concurrency N          attempts in flight on PostgreSQL (64)
  --pool N                 PostgreSQL connections (20)
  --pglite-attempts N      attempts on PGlite (same as --attempts)
  --pglite-concurrency N   attempts in flight on PGlite (16)
  --units N                units of the hot SKU (500)
  --nodes N                nodes the units are spread over (4)
  --allocation N           units the allocation scenarios' channel may sell (150)
  --deadline N             seconds after which a scenario starts no new attempt (60)
  --fast-ttl N             seconds the fast path trusts its Redis count (5)
  --postgres-url URL       admin connection (postgresql://postgres@127.0.0.1:5432/postgres)
  --redis-url URL          Redis behind the local Upstash-protocol proxy (redis://127.0.0.1:6379)
  --only a,b               run only these scenarios: ${SCENARIOS.join(", ")}`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

function scenarioList(raw: string | undefined): ScenarioName[] {
  if (raw === undefined) return [...SCENARIOS];
  const wanted = raw.split(",").map((s) => s.trim());
  const unknown = wanted.filter((s) => !SCENARIOS.some((known) => known === s));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(", ")}`);
  return SCENARIOS.filter((s) => wanted.includes(s));
}

/** Parses the command line; returns null when help was asked for. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      attempts: { type: "string" },
      concurrency: { type: "string" },
      pool: { type: "string" },
      "pglite-attempts": { type: "string" },
      "pglite-concurrency": { type: "string" },
      units: { type: "string" },
      nodes: { type: "string" },
      allocation: { type: "string" },
      deadline: { type: "string" },
      "fast-ttl": { type: "string" },
      "postgres-url": { type: "string" },
      "redis-url": { type: "string" },
      only: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return null;
  }
  const attempts = positive("attempts", values.attempts, 5_000);
  const units = positive("units", values.units, 500);
  const allocation = positive("allocation", values.allocation, 150);
  if (allocation >= units) throw new Error("--allocation must be smaller than --units");
  return {
    attempts,
    concurrency: positive("concurrency", values.concurrency, 64),
    pool: positive("pool", values.pool, 20),
    pgliteAttempts: positive("pglite-attempts", values["pglite-attempts"], attempts),
    pgliteConcurrency: positive("pglite-concurrency", values["pglite-concurrency"], 16),
    units,
    nodes: positive("nodes", values.nodes, 4),
    allocation,
    deadlineSeconds: positive("deadline", values.deadline, 60),
    fastPathTtlSeconds: positive("fast-ttl", values["fast-ttl"], 5),
    postgresUrl: values["postgres-url"] ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    redisUrl: values["redis-url"] ?? "redis://127.0.0.1:6379",
    scenarios: scenarioList(values.only),
  };
}
