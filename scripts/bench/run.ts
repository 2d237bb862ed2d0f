import { randomBytes } from "node:crypto";
import { invalidateGate } from "@/lib/redis/stock-gate.server";
import { throwawayPglite, throwawayPostgres, type BenchDatabase } from "./databases";
import type { ScenarioFigures } from "./figures";
import { startGate, type BenchGate } from "./gate";
import { parseBenchOptions } from "./options";
import { formatTable, summaryJson } from "./report";
import { needsRedis, runScenario, runsOnPglite, type ScenarioContext } from "./scenarios";
import { createBenchBase } from "./world";

// Progress goes to stderr, so stdout holds only the table and, last, the JSON line.
const say = (line: string) => process.stderr.write(`${line}\n`);

type Opened = { db: BenchDatabase; context: Omit<ScenarioContext, "redis"> };

/** Runs the benchmark; resolves to the exit code (1 when a correct path was not sound). */
export async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchOptions(argv);
  if (!options) return 0;
  const runId = randomBytes(4).toString("hex");
  const skipped: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const rows: ScenarioFigures[] = [];
  try {
    let gate: BenchGate | null = null;
    if (options.scenarios.some(needsRedis)) {
      const started = await startGate(options.redisUrl);
      if ("unavailable" in started) {
        say(
          `[skipped] fast-path scenarios: Redis at ${options.redisUrl} did not answer (${started.unavailable})`,
        );
      } else {
        gate = started;
        cleanups.push(() => started.close());
      }
    }
    const opened = new Map<"PostgreSQL" | "PGlite", Opened>();
    const open = async (database: "PostgreSQL" | "PGlite"): Promise<Opened> => {
      const known = opened.get(database);
      if (known) return known;
      say(`setting up a throwaway ${database} database…`);
      const db =
        database === "PGlite"
          ? await throwawayPglite()
          : await throwawayPostgres(options.postgresUrl, options.pool);
      cleanups.push(() => db.dispose());
      const base = await createBenchBase(db.prisma, options.nodes);
      const entry = { db, context: { database, base, runId, options } };
      opened.set(database, entry);
      return entry;
    };
    for (const name of options.scenarios) {
      if (needsRedis(name) && !gate) {
        skipped.push(name);
        continue;
      }
      const { db, context } = await open(runsOnPglite(name) ? "PGlite" : "PostgreSQL");
      say(`running ${name} on ${db.label}…`);
      const figures = await runScenario(db.prisma, name, {
        ...context,
        redis: gate?.redis ?? null,
      });
      say(
        `  ${figures.attemptsPerSec} attempts/s, ${figures.successes} reserved, oversold ${figures.oversold}`,
      );
      rows.push(figures);
    }
    if (gate) {
      const skuIds = rows
        .filter((r) => r.path === "fast path")
        .map((r) => `bench_sku_${r.scenario}_${runId}`);
      await invalidateGate(gate.redis, skuIds);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => say(`cleanup failed: ${String(error)}`));
    }
  }
  console.log(formatTable(rows));
  if (skipped.length > 0) console.log(`skipped (no Redis): ${skipped.join(", ")}`);
  const summary = summaryJson(options, rows, skipped);
  console.log(JSON.stringify(summary));
  // A correct path that oversold or lost a unit fails the run, so CI can run the benchmark too.
  return summary.allCorrectPathsSound ? 0 : 1;
}
