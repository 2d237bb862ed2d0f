/**
 * `npm run bench:feed`: how long a stock change takes to reach a channel's stock feed. On a fresh
 * database (embedded PGlite, or a new database on the PostgreSQL server of DATABASE_URL) seeded
 * with the demo brand, the feed publisher runs in-process as in the server; a connector polls
 * `?since`. Each change is a 1-unit reservation in the WEB channel (SHARED, so its ATS drops);
 * its delay runs from the commit to the poll that first returns the new ATS. Alternate changes
 * call notifyStockChanged() as a checkout action does; the others wait for the publisher's tick,
 * as a change made by another process would. Prints a table, then one JSON line with the figures.
 *
 * Options: --changes <n> (200), --poll-ms <ms> (10), --seed <n> (1).
 */
import { parseArgs } from "node:util";
import { env } from "@/lib/env";

const { FEED_PUBLISH_INTERVAL_MS } = env;
import {
  FEED_NOTIFY_DEBOUNCE_MS,
  notifyStockChanged,
  startFeedPublisher,
  stopFeedPublisher,
} from "@/lib/feed/feed-publisher.server";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { seedDemoData } from "@/prisma/seed/write-seed";
import { openFreshDatabase } from "./bench-database";
import { startFeedPoller } from "./feed-poller";
import { seededRandom, summarise } from "./stats";

const { values } = parseArgs({
  options: {
    changes: { type: "string", default: "200" },
    "poll-ms": { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
  },
});
const changes = Math.max(2, Number(values.changes));
const pollMs = Math.max(1, Number(values["poll-ms"]));
const random = seededRandom(Number(values.seed));
const CHANNEL = "WEB";
const SEEN_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsed = (since: number) => Math.round(performance.now() - since);

async function waitForSnapshot(db: PrismaClient): Promise<void> {
  while ((await db.logCursor.count()) === 0) await sleep(20);
}

async function measure(db: PrismaClient) {
  const web = await db.channel.findUniqueOrThrow({ where: { code: CHANNEL } });
  const skus = await db.channelAts.findMany({
    where: { channelId: web.id, ats: { gte: 20 }, sku: { isBundle: false } },
    select: { skuId: true, sku: { select: { skuCode: true } } },
    orderBy: { skuId: "asc" },
  });
  if (skus.length === 0) throw new Error("no WEB SKU with stock to reserve");
  const poller = startFeedPoller(db, { code: CHANNEL, pollMs });
  const delays = { notify: [] as number[], interval: [] as number[] };
  let missed = 0;
  for (let i = 0; i < changes; i++) {
    const mode = i % 2 === 0 ? "notify" : "interval";
    // A random pause, so changes land anywhere between two publisher ticks.
    await sleep(random() * FEED_PUBLISH_INTERVAL_MS);
    const sku = skus[Math.floor(random() * skus.length)] ?? skus[0]!;
    const afterId = poller.cursor();
    await reserveStock(db, {
      channelId: web.id,
      skuId: sku.skuId,
      nodeId: "best",
      quantity: 1,
      kind: "CHECKOUT_HOLD",
    });
    const committed = performance.now();
    if (mode === "notify") notifyStockChanged();
    const at = await poller.seenAt(sku.sku.skuCode, afterId, SEEN_TIMEOUT_MS);
    if (at === null) missed++;
    else delays[mode].push(at - committed);
  }
  await poller.stop();
  return { delays, missed, skus };
}

/** What one publish costs after a single change, the loop stopped. */
async function publishCost(db: PrismaClient, skuIds: readonly string[], channelId: string) {
  const costs: number[] = [];
  for (const skuId of skuIds.slice(0, 30)) {
    await reserveStock(db, {
      channelId,
      skuId,
      nodeId: "best",
      quantity: 1,
      kind: "CHECKOUT_HOLD",
    });
    const started = performance.now();
    await publishFeed(db);
    costs.push(performance.now() - started);
  }
  return summarise(costs);
}

async function main(): Promise<void> {
  const db = await openFreshDatabase(env.DATABASE_URL);
  try {
    console.log(`Database: ${db.label}`);
    let started = performance.now();
    await seedDemoData(db.prisma);
    const seedMs = elapsed(started);
    console.log(`Seeded the demo brand in ${seedMs} ms.`);

    started = performance.now();
    startFeedPublisher({ openDb: async () => db.prisma });
    await waitForSnapshot(db.prisma);
    const snapshotMs = elapsed(started);
    const atsRows = await db.prisma.channelAts.count();
    console.log(
      `First publish built the snapshot (${atsRows} channel × SKU rows) in ${snapshotMs} ms.`,
    );

    const { delays, missed, skus } = await measure(db.prisma);
    await stopFeedPublisher();
    const web = await db.prisma.channel.findUniqueOrThrow({ where: { code: CHANNEL } });
    const cost = await publishCost(
      db.prisma,
      skus.map((s) => s.skuId),
      web.id,
    );

    const notify = summarise(delays.notify);
    const interval = summarise(delays.interval);
    const all = summarise([...delays.notify, ...delays.interval]);
    console.log(
      `\nDelay from commit to the feed poller seeing the new ATS (ms), poll every ${pollMs} ms:`,
    );
    console.log("mode                        n     p50     p95     max    mean");
    for (const [label, s] of [
      [`notified (debounce ${FEED_NOTIFY_DEBOUNCE_MS} ms)`, notify],
      [`tick only (every ${FEED_PUBLISH_INTERVAL_MS} ms)`, interval],
      ["all", all],
      ["one publish after 1 change", cost],
    ] as const) {
      const cells = [s.n, s.p50, s.p95, s.max, s.mean].map((v) => String(v).padStart(7));
      console.log(`${label.padEnd(26)}${cells.join(" ")}`);
    }
    if (missed > 0) console.log(`${missed} change(s) not seen within ${SEEN_TIMEOUT_MS} ms.`);
    console.log(
      JSON.stringify({
        bench: "feed",
        database: db.label.startsWith("PGlite") ? "pglite" : "postgres",
        changes,
        missed,
        pollMs,
        intervalMs: FEED_PUBLISH_INTERVAL_MS,
        debounceMs: FEED_NOTIFY_DEBOUNCE_MS,
        seedMs,
        snapshotMs,
        snapshotRows: atsRows,
        delayMs: { notified: notify, tickOnly: interval, all },
        publishMs: cost,
      }),
    );
  } finally {
    await stopFeedPublisher();
    await db.dispose();
  }
}

await main();
