/** A publisher that runs on a timer and soon after every notification, one run at a time. */
export type PublishLoop = {
  /** Asks for a run within `debounceMs`; bursts of notifications share one run. */
  notify: () => void;
  /** Stops the timers and waits for a run in progress. */
  stop: () => Promise<void>;
  /** Runs, counts and failures so far. */
  stats: () => { runs: number; failures: number; lastError: unknown };
};

export type PublishLoopOptions = {
  /** One publication; `more` asks to run again straight away (a backlog). */
  publish: () => Promise<{ more: boolean }>;
  intervalMs: number;
  debounceMs: number;
  onError?: (error: unknown) => void;
};

/**
 * Drives `publish` every `intervalMs` and `debounceMs` after a notification. Runs never overlap:
 * a notification during a run schedules one more run after it, so a change committed while a run
 * was reading is never left for the next tick.
 */
export function createPublishLoop(options: PublishLoopOptions): PublishLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let running: Promise<void> | undefined;
  let rerun = false;
  let stopped = false;
  const counts = { runs: 0, failures: 0, lastError: undefined as unknown };

  function schedule(delayMs: number): void {
    if (stopped) return;
    const at = Date.now() + delayMs;
    if (timer !== undefined && dueAt <= at) return;
    if (timer !== undefined) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Number.POSITIVE_INFINITY;
      running = run();
    }, delayMs);
    // The loop must not keep a script or a test process alive on its own.
    timer.unref?.();
  }

  async function run(): Promise<void> {
    rerun = false;
    let more = false;
    try {
      more = (await options.publish()).more;
      counts.runs++;
    } catch (error) {
      counts.failures++;
      counts.lastError = error;
      options.onError?.(error);
    } finally {
      running = undefined;
    }
    if (more) schedule(0);
    else if (rerun) schedule(options.debounceMs);
    else schedule(options.intervalMs);
  }

  schedule(0);
  return {
    notify() {
      if (running) rerun = true;
      else schedule(options.debounceMs);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    stats: () => ({ ...counts }),
  };
}
