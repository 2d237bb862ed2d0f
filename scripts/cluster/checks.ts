import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FEED_CURSOR } from "@/lib/feed/feed-cursor.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { DEMO_PASSWORD } from "@/prisma/seed/people";
import { BrowserSession } from "@/scripts/bench/checkout-shopper";
import type { Instance } from "./instances";

/** One property of a cluster, checked: what was expected and what was seen. */
export type CheckResult = { name: string; ok: boolean; seen: string };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await wait(250);
    value = await read();
  }
  return value;
}

/** The two instances a check talks to. */
export type Pair = readonly [Instance, Instance];

/** Signed in on one instance, the same cookie is a session on every other. */
export async function sessionsShared([a, b]: Pair): Promise<CheckResult> {
  const onA = new BrowserSession(a.baseUrl);
  const error = await onA.trySignIn("consumer@onepool.dev", DEMO_PASSWORD);
  const seenByA = (await onA.sessionUser())?.email ?? null;
  const seenByB = (await onA.on(b.baseUrl).sessionUser())?.email ?? null;
  return {
    name: "a session signed in on A is valid on B",
    ok: error === null && seenByA === "consumer@onepool.dev" && seenByB === seenByA,
    seen: `sign-in error ${error}, A sees ${seenByA}, B sees ${seenByB}`,
  };
}

/**
 * Wrong passwords for one account alternate between the instances: the limit of `perMinute`
 * refuses the next attempt on either, as one server would.
 */
export async function rateLimitsShared([a, b]: Pair, perMinute: number): Promise<CheckResult> {
  const email = `cluster-${randomBytes(4).toString("hex")}@onepool.dev`;
  const codes: string[] = [];
  for (let i = 0; i <= perMinute; i++) {
    const at = new BrowserSession(i % 2 === 0 ? a.baseUrl : b.baseUrl);
    codes.push((await at.trySignIn(email, "wrong")) ?? "OK");
  }
  const last = codes.at(-1) ?? "";
  return {
    name: `sign-in attempts spread over A and B share one limit of ${perMinute}/min`,
    ok:
      codes.slice(0, perMinute).every((c) => c === "INVALID_CREDENTIALS") &&
      last.startsWith("RATE_LIMITED"),
    seen: codes.join(", "),
  };
}

/** The web channel and the node's stock level with the most units on hand, for holds to take. */
async function webStockToSpare(prisma: PrismaClient) {
  const web = await prisma.channel.findUniqueOrThrow({ where: { code: "WEB" } });
  const level = await prisma.stockLevel.findFirstOrThrow({
    where: { onHand: { gte: 40 }, sku: { presaleEnabled: false } },
    orderBy: { onHand: "desc" },
  });
  return { web, level };
}

/** Holds already past their expiry, at a node of the web channel with stock to spare. */
async function placeExpiredHolds(prisma: PrismaClient, count: number) {
  const { web, level } = await webStockToSpare(prisma);
  const past = new Date(Date.now() - 60 * 60_000);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const held = await reserveStock(prisma, {
      channelId: web.id,
      skuId: level.skuId,
      nodeId: level.nodeId,
      quantity: 1,
      kind: "CHECKOUT_HOLD",
      ttlSeconds: 60,
      now: past,
    });
    ids.push(held.reservation.id);
  }
  return { ids, level };
}

/**
 * Expired holds are released by whichever instance's sweeper claims them, each exactly once: one
 * RELEASE movement per hold, the node's reserved back where it was, the ledger balanced.
 */
export async function holdsReleasedOnce(prisma: PrismaClient, count: number): Promise<CheckResult> {
  const { ids, level } = await placeExpiredHolds(prisma, count);
  const open = () => prisma.reservation.count({ where: { id: { in: ids }, status: "ACTIVE" } });
  const left = await until(open, (n) => n === 0, 60_000);
  // Give a second sweeper time to (wrongly) release again before counting.
  await wait(2_500);
  const releases = await prisma.stockMovement.count({
    where: { reservationId: { in: ids }, kind: "RELEASE" },
  });
  const after = await prisma.stockLevel.findUniqueOrThrow({ where: { id: level.id } });
  const drift = await reconcileLedger(prisma);
  return {
    name: `${count} expired holds released exactly once by two sweepers`,
    ok: left === 0 && releases === count && after.reserved === level.reserved && drift.length === 0,
    seen: `${left} still active, ${releases} releases, reserved ${after.reserved} (was ${level.reserved}), ledger differences ${drift.length}`,
  };
}

/**
 * Both instances run the feed publisher; every change is published once: the cursor reaches the
 * end of the ledger and no channel gets the same figure twice in a row for a SKU. The check makes
 * a change of its own that lasts (a live hold of 10 units, taken once the feed has been built):
 * the expired holds before it are taken and released between two publishes as often as not, and
 * a change that nets to nothing rightly publishes nothing.
 */
export async function feedPublishedOnce(prisma: PrismaClient): Promise<CheckResult> {
  const built = async () =>
    (await prisma.logCursor.findUnique({ where: { name: FEED_CURSOR } })) !== null;
  await until(built, (yes) => yes, 30_000);
  const { web, level } = await webStockToSpare(prisma);
  const stockEvents = () =>
    prisma.channelFeedEvent.count({ where: { cause: "stock", skuId: level.skuId } });
  const before = await stockEvents();
  await reserveStock(prisma, {
    channelId: web.id,
    skuId: level.skuId,
    nodeId: level.nodeId,
    quantity: 10,
    kind: "CHECKOUT_HOLD",
    ttlSeconds: 3_600,
  });
  const lastMovement = await prisma.stockMovement.aggregate({ _max: { id: true } });
  const end = lastMovement._max.id ?? 0;
  const cursor = await until(
    async () =>
      (await prisma.logCursor.findUnique({ where: { name: FEED_CURSOR } }))?.position ?? 0,
    (position) => position >= end,
    30_000,
  );
  const repeats = await prisma.$queryRaw<{ repeats: bigint }[]>`
    SELECT count(*) AS repeats FROM (
      SELECT ats, lag(ats) OVER (PARTITION BY "channelId", "skuId" ORDER BY id) AS previous
      FROM "ChannelFeedEvent"
    ) e WHERE e.ats = e.previous`;
  const events = (await stockEvents()) - before;
  const repeated = Number(repeats[0]?.repeats ?? 0);
  return {
    name: "two feed publishers publish each stock change once",
    ok: cursor >= end && repeated === 0 && events > 0,
    seen: `cursor ${cursor} of ${end}, ${events} stock events for the held SKU, ${repeated} repeated figures`,
  };
}
