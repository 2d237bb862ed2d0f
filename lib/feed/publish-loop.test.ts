import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPublishLoop } from "./publish-loop";

describe("createPublishLoop", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function loopWith(publish: () => Promise<{ more: boolean }>) {
    return createPublishLoop({ publish, intervalMs: 250, debounceMs: 20 });
  }

  it("runs once at start, then every interval", async () => {
    const publish = vi.fn(async () => ({ more: false }));
    const loop = loopWith(publish);
    await vi.advanceTimersByTimeAsync(0);
    expect(publish).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(publish).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(publish).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(publish).toHaveBeenCalledTimes(4);
    await loop.stop();
  });

  it("runs debounceMs after a notification, one run for a burst", async () => {
    const publish = vi.fn(async () => ({ more: false }));
    const loop = loopWith(publish);
    await vi.advanceTimersByTimeAsync(0);
    loop.notify();
    await vi.advanceTimersByTimeAsync(10);
    loop.notify();
    loop.notify();
    await vi.advanceTimersByTimeAsync(10);
    expect(publish).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(publish).toHaveBeenCalledTimes(2);
    await loop.stop();
  });

  it("never overlaps runs, and runs again after a run that was notified during it", async () => {
    let active = 0;
    let maxActive = 0;
    const publish = vi.fn(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 100));
      active--;
      return { more: false };
    });
    const loop = loopWith(publish);
    await vi.advanceTimersByTimeAsync(50); // first run in progress
    loop.notify();
    await vi.advanceTimersByTimeAsync(50 + 20);
    expect(publish).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
    const stopping = loop.stop();
    await vi.advanceTimersByTimeAsync(100); // lets the second run finish
    await stopping;
  });

  it("runs straight again while the publisher reports a backlog", async () => {
    let backlog = 3;
    const publish = vi.fn(async () => ({ more: --backlog > 0 }));
    const loop = loopWith(publish);
    await vi.advanceTimersByTimeAsync(10); // well before the 20 ms debounce and the interval
    expect(publish).toHaveBeenCalledTimes(3);
    await loop.stop();
  });

  it("keeps going after a failure and counts it", async () => {
    const onError = vi.fn();
    const publish = vi
      .fn<() => Promise<{ more: boolean }>>()
      .mockRejectedValueOnce(new Error("database away"))
      .mockResolvedValue({ more: false });
    const loop = createPublishLoop({ publish, intervalMs: 250, debounceMs: 20, onError });
    await vi.advanceTimersByTimeAsync(260);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(loop.stats()).toMatchObject({ runs: 1, failures: 1 });
    await loop.stop();
  });

  it("stops scheduling after stop()", async () => {
    const publish = vi.fn(async () => ({ more: false }));
    const loop = loopWith(publish);
    await vi.advanceTimersByTimeAsync(0);
    await loop.stop();
    loop.notify();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(publish).toHaveBeenCalledTimes(1);
  });
});
