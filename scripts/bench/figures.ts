import type { DriveResult } from "./drive";
import type { ScenarioName } from "./options";
import { latencyOf, perSecond, round, type Latency } from "./stats";

/** One scenario's printed figures; also one entry of the JSON line. */
export type ScenarioFigures = Latency & {
  scenario: ScenarioName;
  database: "PostgreSQL" | "PGlite";
  path: "engine" | "naive" | "fast path";
  attempts: number;
  /** Attempts started before the deadline. */
  started: number;
  concurrency: number;
  wallMs: number;
  attemptsPerSec: number;
  successesPerSec: number;
  successes: number;
  successfulUnits: number;
  refusals: Record<string, number>;
  errors: number;
  firstError: string | null;
  /** Units the path could honestly promise at the start (stock, or the channel's allocation). */
  unitsAtStart: number;
  /** Successful units beyond `unitsAtStart`: must be 0. */
  oversold: number;
  /** Lowest node balance seen during and after the run (below 0 = promised stock it lacks). */
  lowestBalance: number;
  /** Units the database holds as reserved for the run (must equal `successfulUnits`). */
  recordedUnits: number;
  /** Ledger counters that fail to reconcile; null where there is no ledger (naive). */
  ledgerMismatches: number | null;
};

export type FiguresInput = {
  scenario: ScenarioName;
  database: ScenarioFigures["database"];
  path: ScenarioFigures["path"];
  attempts: number;
  concurrency: number;
  unitsAtStart: number;
  run: DriveResult;
  lowestBalance: number;
  recordedUnits: number;
  ledgerMismatches: number | null;
};

/** Turns a run's raw measurements into its figures. */
export function toFigures(input: FiguresInput): ScenarioFigures {
  const { run } = input;
  return {
    scenario: input.scenario,
    database: input.database,
    path: input.path,
    attempts: input.attempts,
    started: run.started,
    concurrency: input.concurrency,
    wallMs: round(run.wallMs, 0),
    attemptsPerSec: perSecond(run.started, run.wallMs),
    successesPerSec: perSecond(run.successes, run.wallMs),
    ...latencyOf(run.latenciesMs),
    successes: run.successes,
    successfulUnits: run.successfulUnits,
    refusals: run.refusals,
    errors: run.errors,
    firstError: run.firstError,
    unitsAtStart: input.unitsAtStart,
    oversold: Math.max(0, run.successfulUnits - input.unitsAtStart),
    lowestBalance: input.lowestBalance,
    recordedUnits: input.recordedUnits,
    ledgerMismatches: input.ledgerMismatches,
  };
}

/** True when the figures show a correct run: nothing oversold, nothing lost, books reconcile. */
export function isSound(f: ScenarioFigures): boolean {
  return (
    f.oversold === 0 &&
    f.lowestBalance >= 0 &&
    f.errors === 0 &&
    f.recordedUnits === f.successfulUnits &&
    (f.ledgerMismatches ?? 0) === 0
  );
}
