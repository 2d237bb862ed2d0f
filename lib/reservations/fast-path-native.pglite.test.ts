import { describe } from "vitest";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { defineFastPathLifecycleTests } from "./fast-path-lifecycle.contract";
import { defineFastPathTests } from "./fast-path.contract";
import { useStockGate } from "./fast-path.test-gate";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";

// The same contracts as fast-path.pglite.test.ts, with the app's REDIS_URL client; a file of its
// own, so its once-a-minute warning is its own too.
const redis = await probeRedis();

describeWithRedis("Redis fast path over Redis's own protocol (REDIS_URL)", redis, () => {
  const db = useMigratedDatabase("pglite");
  const gate = useStockGate(redis.url, "native");
  describe("admission", () => defineFastPathTests(db, gate));
  describe("replays, releases, expiry, no Redis", () => defineFastPathLifecycleTests(db, gate));
});
