import { isAppError } from "@/lib/errors/app-error";

/** What one attempt returned: the units it got, or the code it was refused with. */
export type AttemptOutcome = { ok: true; units: number } | { ok: false; code: string };

/** Everything measured while driving one scenario. */
export type DriveResult = {
  /** Attempts started (fewer than asked when the deadline stopped the run). */
  started: number;
  successes: number;
  successfulUnits: number;
  refusals: Record<string, number>;
  /** Failures that are not typed refusals (a bug or an infrastructure fault), with a sample. */
  errors: number;
  firstError: string | null;
  latenciesMs: number[];
  wallMs: number;
};

export type DriveOptions = {
  attempts: number;
  /** Attempts in flight at once. */
  concurrency: number;
  /** No new attempt starts after this many milliseconds; the run stays bounded in time. */
  deadlineMs: number;
  attempt: (index: number) => Promise<AttemptOutcome>;
};

/** Runs `attempts` calls with `concurrency` in flight, timing each one. */
export async function drive(options: DriveOptions): Promise<DriveResult> {
  const result: DriveResult = {
    started: 0,
    successes: 0,
    successfulUnits: 0,
    refusals: {},
    errors: 0,
    firstError: null,
    latenciesMs: [],
    wallMs: 0,
  };
  const begin = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < options.attempts && performance.now() - begin < options.deadlineMs) {
      const index = next++;
      result.started++;
      const started = performance.now();
      try {
        const outcome = await options.attempt(index);
        if (outcome.ok) {
          result.successes++;
          result.successfulUnits += outcome.units;
        } else {
          result.refusals[outcome.code] = (result.refusals[outcome.code] ?? 0) + 1;
        }
      } catch (error) {
        if (isAppError(error)) {
          result.refusals[error.code] = (result.refusals[error.code] ?? 0) + 1;
        } else {
          result.errors++;
          result.firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
      result.latenciesMs.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  result.wallMs = performance.now() - begin;
  return result;
}
