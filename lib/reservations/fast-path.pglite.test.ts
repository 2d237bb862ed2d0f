import { describe } from "vitest";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { defineFastPathLifecycleTests } from "./fast-path-lifecycle.contract";
import { defineFastPathTests } from "./fast-path.contract";
import { useStockGate } from "./fast-path.test-gate";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";

const redis = await probeRedis();

describeWithRedis("Redis fast path on the embedded PGlite", redis, () => {
  const db = useMigratedDatabase("pglite");
  const gate = useStockGate(redis.url);
  describe("admission", () => defineFastPathTests(db, gate));
  describe("replays, releases, expiry, no Redis", () => defineFastPathLifecycleTests(db, gate));
});
