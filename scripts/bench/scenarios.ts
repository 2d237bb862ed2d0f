import type { Redis } from "@upstash/redis";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reserveStockFast } from "@/lib/reservations/fast-path.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { BEST_NODE } from "@/lib/reservations/rules";
import { checkStock, lowestBalance, watchLowest } from "./checks";
import { drive, type AttemptOutcome } from "./drive";
import { toFigures, type ScenarioFigures } from "./figures";
import { createNaiveStock, naiveOutcome, naiveReserve } from "./naive";
import type { BenchOptions, ScenarioName } from "./options";
import { createHotSku, spreadUnits, type BenchBase } from "./world";

/** Where a scenario runs: which database it is, the shared rows in it, and the gate's Redis if any. */
export type ScenarioContext = {
  database: ScenarioFigures["database"];
  base: BenchBase;
  redis: Redis | null;
  /** Makes this run's SKU ids unique, so gate counts of an earlier run cannot be reused. */
  runId: string;
  options: BenchOptions;
};

type Shape = { path: ScenarioFigures["path"]; allocation: boolean };

const SHAPES: Record<ScenarioName, Shape> = {
  "pg-engine": { path: "engine", allocation: false },
  "pg-naive": { path: "naive", allocation: false },
  "pg-fast": { path: "fast path", allocation: false },
  "pglite-engine": { path: "engine", allocation: false },
  "pglite-fast": { path: "fast path", allocation: false },
  "pg-engine-allocation": { path: "engine", allocation: true },
  "pg-fast-allocation": { path: "fast path", allocation: true },
};

/** Refusal codes as counted: the gate's own refusals are told apart from the database's. */
function refusal(error: unknown): AttemptOutcome {
  if (!isAppError(error)) throw error;
  const gate = error.details?.gate === "redis" ? " (gate)" : "";
  return { ok: false, code: `${error.code}${gate}` };
}

/** Runs one scenario on a fresh hot SKU and reads back what the database holds. */
export async function runScenario(
  db: PrismaClient,
  name: ScenarioName,
  context: ScenarioContext,
): Promise<ScenarioFigures> {
  const { base, options } = context;
  const shape = SHAPES[name];
  const onPglite = context.database === "PGlite";
  const attempts = onPglite ? options.pgliteAttempts : options.attempts;
  const concurrency = onPglite ? options.pgliteConcurrency : options.concurrency;
  const deadlineMs = options.deadlineSeconds * 1000;
  const common = {
    scenario: name,
    database: context.database,
    path: shape.path,
    attempts,
    concurrency,
  };

  if (shape.path === "naive") {
    await createNaiveStock(db, base.nodeIds, spreadUnits(options.units, base.nodeIds.length));
    const { result: run, lowest } = await watchLowest(
      async () => (await naiveOutcome(db)).lowestBalance,
      20,
      () => drive({ attempts, concurrency, deadlineMs, attempt: () => naiveReserve(db, 1) }),
    );
    const after = await naiveOutcome(db);
    return toFigures({
      ...common,
      unitsAtStart: options.units,
      run,
      lowestBalance: lowest,
      recordedUnits: after.reserved,
      ledgerMismatches: null,
    });
  }

  const allocation = shape.allocation ? options.allocation : undefined;
  const skuId = await createHotSku(db, base, `${name}_${context.runId}`, options.units, allocation);
  const channelId = shape.allocation ? base.liveChannelId : base.webChannelId;
  const request = {
    channelId,
    skuId,
    nodeId: BEST_NODE,
    quantity: 1,
    kind: "CHECKOUT_HOLD" as const,
  };
  const fast = shape.path === "fast path";
  if (fast && !context.redis) throw new Error(`${name} needs Redis`);
  const reserve = fast
    ? () =>
        reserveStockFast(db, {
          ...request,
          redis: context.redis,
          gateTtlSeconds: options.fastPathTtlSeconds,
        })
    : () => reserveStock(db, request);
  const attempt = async (): Promise<AttemptOutcome> => {
    try {
      const { reservation } = await reserve();
      return { ok: true, units: reservation.quantity };
    } catch (error) {
      return refusal(error);
    }
  };
  // PGlite has one connection: sample less often so the watcher does not steal its time.
  const { result: run, lowest } = await watchLowest(
    () => lowestBalance(db, skuId),
    onPglite ? 100 : 20,
    () => drive({ attempts, concurrency, deadlineMs, attempt }),
  );
  const check = await checkStock(db, skuId, channelId);
  return toFigures({
    ...common,
    unitsAtStart: allocation ?? options.units,
    run,
    lowestBalance: Math.min(lowest, check.lowestBalance),
    recordedUnits: check.channelUnits,
    ledgerMismatches: check.ledgerMismatches,
  });
}

/** True for scenarios that run on PGlite. */
export function runsOnPglite(name: ScenarioName): boolean {
  return name.startsWith("pglite-");
}

/** True for scenarios that need the Redis gate. */
export function needsRedis(name: ScenarioName): boolean {
  return SHAPES[name].path === "fast path";
}
