/**
 * `npm run test:cluster`: two app servers on one PostgreSQL and one Redis, as a load balancer
 * runs them, over the existing production build (built first if there is none). Checks that a
 * session is valid on both, that rate limits are shared, that expired holds are released exactly
 * once and that every stock change reaches the channel feed once. Exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { throwawayPostgres } from "@/scripts/bench/databases";
import { probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { seedDemoData } from "@/prisma/seed/write-seed";
import {
  feedPublishedOnce,
  holdsReleasedOnce,
  rateLimitsShared,
  sessionsShared,
  type CheckResult,
} from "./checks";
import { startInstance, type Instance } from "./instances";

const PORTS = [3201, 3202] as const;
const SIGN_IN_PER_MINUTE = 4;
const HOLDS = 12;
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("No production build yet: building…");
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

async function main(): Promise<void> {
  ensureBuild();
  // Without Redis every server would fall back to counting for itself: say so instead.
  const redis = await probeRedis();
  if (!redis.available) throw new Error(`Redis at ${redis.url} is not reachable: ${redis.reason}`);
  const db = await throwawayPostgres(adminUrl, 5);
  let instances: Instance[] = [];
  let results: CheckResult[] = [];
  try {
    await seedDemoData(db.prisma, { log: () => {} });
    const shared = {
      DATABASE_URL: db.url ?? "",
      // One Redis for every instance, over its own protocol (README: Running several servers).
      REDIS_URL: redis.url,
      UPSTASH_REDIS_REST_URL: undefined,
      UPSTASH_REDIS_REST_TOKEN: undefined,
      // One secret for every instance: a session cookie is then valid on each.
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${PORTS[0]}`,
      SIGNIN_ATTEMPTS_PER_MINUTE: String(SIGN_IN_PER_MINUTE),
      HOLD_SWEEP_INTERVAL_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const a = await startInstance(PORTS[0], shared);
    instances = [a];
    const b = await startInstance(PORTS[1], shared);
    instances = [a, b];
    const pair = [a, b] as const;
    console.log(`Two instances on ${instances.map((i) => i.baseUrl).join(" and ")}, ${db.label}`);
    results = [
      await sessionsShared(pair),
      await rateLimitsShared(pair, SIGN_IN_PER_MINUTE),
      await holdsReleasedOnce(db.prisma, HOLDS),
      await feedPublishedOnce(db.prisma),
    ];
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await db.dispose();
  }
  for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name}: ${r.seen}`);
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0 || results.length === 0) {
    console.error(`${failed} of ${results.length} cluster checks failed`);
    for (const i of instances) console.error(`--- ${i.baseUrl}\n${i.output()}`);
    process.exit(1);
  }
  console.log(`All ${results.length} cluster checks passed.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
