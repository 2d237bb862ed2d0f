import { afterEach, expect, it, vi } from "vitest";

/** A fresh copy of the module, so it reads the environment stubbed by the test. */
async function freshEnv() {
  vi.resetModules();
  return (await import("./env")).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

it("reads REDIS_URL, and an empty one as unset", async () => {
  vi.stubEnv("REDIS_URL", "rediss://cache.internal:6380");
  expect((await freshEnv()).REDIS_URL).toBe("rediss://cache.internal:6380");
  vi.stubEnv("REDIS_URL", "");
  expect((await freshEnv()).REDIS_URL).toBeUndefined();
});

it("refuses a REDIS_URL that is not a Redis URL, naming the setting", async () => {
  vi.stubEnv("REDIS_URL", "http://127.0.0.1:8079");
  await expect(freshEnv()).rejects.toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
});
