import { expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withTransaction } from "@/lib/db/transaction.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import type { World } from "@/lib/reservations/test-world";
import {
  changedPairs,
  createFeedWorld,
  eventsAfter,
  expectedAts,
  lastEventId,
  publishedAts,
} from "./feed-test-support";
import { FEED_CURSOR } from "./feed-cursor.server";
import { publishFeed } from "./publish-feed.server";
import { publishPolicyChange } from "./publish-policy-change.server";
import { readChannelFeed } from "./read-channel-feed.server";
import { rebuildFeed } from "./rebuild-feed.server";
import { startHoldSweeper, stopHoldSweeper } from "@/lib/sweeps/order-sweeper.server";
import { releaseHoldsAndPublish } from "./release-holds-and-publish.server";

const reserve = (prisma: PrismaClient, w: World, channel: string, sku: string, quantity: number) =>
  reserveStock(prisma, {
    channelId: w.channel(channel),
    skuId: w.sku(sku),
    nodeId: w.node("n1"),
    quantity,
    kind: "CHECKOUT_HOLD",
  });

/** The channel stock feed against a real database (PGlite or PostgreSQL). */
export function defineFeedTests(db: () => PrismaClient): void {
  it("builds the whole snapshot on the first publish of a fresh database", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    expect(await prisma.logCursor.findUnique({ where: { name: FEED_CURSOR } })).toBeNull();

    const result = await publishFeed(prisma);

    expect(result.rebuilt).toBe(true);
    const published = await publishedAts(prisma, w.skuIds);
    expect(published).toEqual(await expectedAts(prisma, w.skuIds));
    // Plentiful tee is shared (pool 100 ≥ threshold 50); scarce cap is protected: jd's 30 %
    // quota first, web sells the rest; the kit is min(tee, floor(cap / 2)); emp sells nothing.
    expect(published.get(`${w.channel("web")}/${w.sku("tee")}`)).toBe(100);
    expect(published.get(`${w.channel("jd")}/${w.sku("cap")}`)).toBe(3);
    expect(published.get(`${w.channel("web")}/${w.sku("cap")}`)).toBe(7);
    expect(published.get(`${w.channel("web")}/${w.sku("kit")}`)).toBe(3);
    expect([...published.keys()].some((k) => k.startsWith(`${w.channel("emp")}/`))).toBe(false);
    const events = await eventsAfter(prisma, w.skuIds, 0);
    expect(new Set(events.map((e) => e.cause))).toEqual(new Set(["rebuild"]));
    expect(events.length).toBe([...published.values()].filter((ats) => ats > 0).length);
    const cursor = await prisma.logCursor.findUniqueOrThrow({ where: { name: FEED_CURSOR } });
    expect(cursor.position).toBeLessThanOrEqual(
      (await prisma.stockMovement.aggregate({ _max: { id: true } }))._max.id ?? 0,
    );
  });

  it("publishes a reservation: shared channels drop by the quantity, one event per changed pair", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await publishFeed(prisma);
    const before = await publishedAts(prisma, w.skuIds);
    const fromId = await lastEventId(prisma);

    await reserve(prisma, w, "web", "tee", 4);
    await reserve(prisma, w, "web", "cap", 2);
    const result = await publishFeed(prisma);

    const after = await publishedAts(prisma, w.skuIds);
    expect(after).toEqual(await expectedAts(prisma, w.skuIds));
    expect(after.get(`${w.channel("web")}/${w.sku("tee")}`)).toBe(96);
    expect(after.get(`${w.channel("jd")}/${w.sku("tee")}`)).toBe(96);
    const events = await eventsAfter(prisma, w.skuIds, fromId);
    expect(new Map(events.map((e) => [e.pair, e.ats]))).toEqual(changedPairs(before, after));
    expect(events).toHaveLength(changedPairs(before, after).size);
    expect(events.every((e) => e.cause === "stock")).toBe(true);
    // The cap reservation moves the kit too, though no movement names the kit.
    expect(events.map((e) => e.pair)).toContain(`${w.channel("web")}/${w.sku("kit")}`);
    expect(result).toMatchObject({ rebuilt: false, movements: 2, events: events.length });
  });

  it("publishes nothing the second time", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await reserve(prisma, w, "jd", "tee", 1);
    await publishFeed(prisma);
    const fromId = await lastEventId(prisma);

    const again = await publishFeed(prisma);

    expect(again).toMatchObject({ events: 0, movements: 0 });
    expect(await lastEventId(prisma)).toBe(fromId);
  });

  it("publishes a policy change, which leaves no movement, with cause policy", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await publishFeed(prisma);
    const before = await publishedAts(prisma, w.skuIds);
    const fromId = await lastEventId(prisma);
    await prisma.allocationPolicy.updateMany({
      where: { channelId: w.channel("jd") },
      data: { ratioBps: 5000 },
    });

    expect((await publishFeed(prisma)).events).toBe(0);
    const result = await publishPolicyChange(prisma, { skuIds: w.skuIds });

    const after = await publishedAts(prisma, w.skuIds);
    expect(after).toEqual(await expectedAts(prisma, w.skuIds));
    expect(after.get(`${w.channel("jd")}/${w.sku("cap")}`)).toBe(5);
    const events = await eventsAfter(prisma, w.skuIds, fromId);
    expect(new Map(events.map((e) => [e.pair, e.ats]))).toEqual(changedPairs(before, after));
    expect(events.every((e) => e.cause === "policy")).toBe(true);
    expect(result.events).toBe(events.length);
    expect((await publishPolicyChange(prisma, { skuIds: "all" })).events).toBe(0);
  });

  it("announces 0 and drops the rows when a channel stops selling", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await publishFeed(prisma);
    const fromId = await lastEventId(prisma);
    await prisma.allocationPolicy.deleteMany({ where: { channelId: w.channel("jd") } });

    await publishPolicyChange(prisma, { skuIds: w.skuIds });

    const after = await publishedAts(prisma, w.skuIds);
    expect([...after.keys()].some((k) => k.startsWith(`${w.channel("jd")}/`))).toBe(false);
    const jdEvents = (await eventsAfter(prisma, w.skuIds, fromId)).filter((e) =>
      e.pair.startsWith(`${w.channel("jd")}/`),
    );
    expect(jdEvents.length).toBeGreaterThan(0);
    expect(jdEvents.every((e) => e.ats === 0)).toBe(true);
  });

  it("sweeps expired holds and publishes the freed stock in the same call", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    const { reservation } = await reserveStock(prisma, {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: w.node("n1"),
      quantity: 5,
      kind: "CHECKOUT_HOLD",
      ttlSeconds: 60,
    });
    await publishFeed(prisma);
    const pair = `${w.channel("web")}/${w.sku("tee")}`;
    expect((await publishedAts(prisma, w.skuIds)).get(pair)).toBe(95);

    const due = new Date(reservation.expiresAt!.getTime() + 1_000);
    const result = await releaseHoldsAndPublish(prisma, { now: due });

    expect(result.released).toBeGreaterThanOrEqual(1);
    expect(result.feed.events).toBeGreaterThanOrEqual(1);
    expect((await publishedAts(prisma, w.skuIds)).get(pair)).toBe(100);
  });

  it("the server's sweeper releases holds that expired, unasked, and publishes the freed stock", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    const { reservation } = await reserveStock(prisma, {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: w.node("n1"),
      quantity: 4,
      kind: "PICKUP_HOLD",
      ttlSeconds: 60,
    });
    // The hold's 60 s pass in an instant: its expiry is moved into the past.
    await prisma.reservation.update({
      where: { id: reservation.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    startHoldSweeper({ openDb: async () => prisma, intervalMs: 60_000 });
    try {
      await vi.waitFor(
        async () => {
          const row = await prisma.reservation.findUniqueOrThrow({ where: { id: reservation.id } });
          expect(row.status).toBe("EXPIRED");
        },
        { timeout: 10_000, interval: 50 },
      );
    } finally {
      await stopHoldSweeper();
    }
    const pair = `${w.channel("web")}/${w.sku("tee")}`;
    expect((await publishedAts(prisma, w.skuIds)).get(pair)).toBe(100);
  });

  it("serves a snapshot and pages of changes that replay to the same snapshot", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await publishFeed(prisma);
    for (const q of [1, 2, 3]) await reserve(prisma, w, "web", "tee", q);
    await publishFeed(prisma);
    const code = w.channel("web");

    const snapshot = await readChannelFeed(prisma, { code });
    const replayed = new Map<string, number>();
    let since = 0;
    for (;;) {
      const page = await readChannelFeed(prisma, { code, since, limit: 2 });
      if (!("events" in page)) throw new Error("expected a page");
      for (const e of page.events) replayed.set(e.skuCode, e.ats);
      expect(page.events.length).toBeLessThanOrEqual(2);
      since = page.cursor;
      if (!page.hasMore) break;
    }
    if (!("items" in snapshot)) throw new Error("expected a snapshot");
    expect(since).toBe(snapshot.cursor);
    const shown = new Map(snapshot.items.filter((i) => i.ats > 0).map((i) => [i.skuCode, i.ats]));
    expect(new Map([...replayed].filter(([, ats]) => ats > 0))).toEqual(shown);
    expect(shown.get(w.sku("tee"))).toBe(94);
  });

  it("rebuilds on demand after rows were changed behind its back", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await publishFeed(prisma);
    await prisma.channelAts.deleteMany({ where: { skuId: w.sku("tee") } });

    const result = await rebuildFeed(prisma);

    expect(result.events).toBeGreaterThanOrEqual(2);
    expect(await publishedAts(prisma, w.skuIds)).toEqual(await expectedAts(prisma, w.skuIds));
  });

  it("keeps the cursor before a hole left by a rolled-back change until the grace has passed", async () => {
    const prisma = db();
    const w = await createFeedWorld(prisma);
    await publishFeed(prisma, { gapGraceMs: 0 });
    await withTransaction(prisma, async (tx) => {
      await reserveStock(tx, {
        channelId: w.channel("web"),
        skuId: w.sku("cap"),
        nodeId: w.node("n1"),
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      });
      throw new Error("payment page crashed");
    }).catch(() => undefined);
    await reserve(prisma, w, "web", "tee", 1);

    const pinned = await publishFeed(prisma);
    const teeMovement = await prisma.stockMovement.findFirstOrThrow({
      where: { skuId: w.sku("tee"), kind: "RESERVATION" },
      orderBy: { id: "desc" },
    });
    expect(pinned.cursor).toBeLessThan(teeMovement.id);
    // The change after the hole is published anyway; only the cursor waits.
    expect((await publishedAts(prisma, w.skuIds)).get(`${w.channel("web")}/${w.sku("tee")}`)).toBe(
      99,
    );

    const later = await publishFeed(prisma, { gapGraceMs: 0 });
    expect(later.cursor).toBe(teeMovement.id);
    expect(later.events).toBe(0);
  });
}
