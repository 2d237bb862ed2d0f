import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withTransaction } from "@/lib/db/transaction.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { World } from "@/lib/reservations/test-world";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { defineFeedTests } from "./feed.contract";
import {
  changedPairs,
  createFeedWorld,
  eventsAfter,
  expectedAts,
  lastEventId,
  publishedAts,
} from "./feed-test-support";
import { publishFeed } from "./publish-feed.server";

const hold = (prisma: Parameters<typeof reserveStock>[0], w: World, sku: string) =>
  reserveStock(prisma, {
    channelId: w.channel("web"),
    skuId: w.sku(sku),
    nodeId: w.node("n1"),
    quantity: 1,
    kind: "CHECKOUT_HOLD",
  });

describeIfPostgres("channel stock feed on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 16 });
  describe("contract", () => defineFeedTests(db));

  describe("concurrency", () => {
    it("publishes each change exactly once when publishers race", async () => {
      const prisma: PrismaClient = db();
      const w = await createFeedWorld(prisma);
      await publishFeed(prisma);
      const before = await publishedAts(prisma, w.skuIds);
      const fromId = await lastEventId(prisma);
      for (let i = 0; i < 5; i++) await hold(prisma, w, i % 2 ? "tee" : "cap");

      const results = await Promise.all(Array.from({ length: 6 }, () => publishFeed(prisma)));

      const after = await publishedAts(prisma, w.skuIds);
      const events = await eventsAfter(prisma, w.skuIds, fromId);
      expect(new Map(events.map((e) => [e.pair, e.ats]))).toEqual(changedPairs(before, after));
      expect(new Set(events.map((e) => e.pair)).size).toBe(events.length);
      expect(results.reduce((sum, r) => sum + r.events, 0)).toBe(events.length);
      expect(results.filter((r) => r.movements > 0)).toHaveLength(1);
    });

    it("converges while reservations and publishers run together, in event-id order", async () => {
      const prisma: PrismaClient = db();
      const w = await createFeedWorld(prisma);
      await publishFeed(prisma);
      const fromId = await lastEventId(prisma);
      const before = await publishedAts(prisma, w.skuIds);
      const writes = Array.from(
        { length: 40 },
        (_, i) => () => hold(prisma, w, i % 4 ? "tee" : "cap"),
      );
      let writing = true;
      const publishers = Array.from({ length: 3 }, async () => {
        while (writing) await publishFeed(prisma);
      });

      const settled = await Promise.allSettled(writes.map((write) => write()));
      writing = false;
      await Promise.all(publishers);
      await publishFeed(prisma);

      expect(settled.filter((s) => s.status === "fulfilled").length).toBeGreaterThan(30);
      const after = await publishedAts(prisma, w.skuIds);
      expect(after).toEqual(await expectedAts(prisma, w.skuIds));
      // Replaying the events in id order lands on the published snapshot.
      const replay = new Map(before);
      for (const e of await eventsAfter(prisma, w.skuIds, fromId)) replay.set(e.pair, e.ats);
      expect(changedPairs(replay, after).size).toBe(0);
    });

    it("publishes a change that commits after a later one, although its id is lower", async () => {
      const prisma: PrismaClient = db();
      const w = await createFeedWorld(prisma);
      await publishFeed(prisma, { gapGraceMs: 0 });
      let commitSlow!: () => void;
      const held = new Promise<void>((resolve) => (commitSlow = resolve));
      let reserved!: () => void;
      const slowReserved = new Promise<void>((resolve) => (reserved = resolve));

      const slow = withTransaction(prisma, async (tx) => {
        await hold(tx, w, "cap"); // takes the lower movement id, commits last
        reserved();
        await held;
      });
      await slowReserved;
      await hold(prisma, w, "tee");
      const first = await publishFeed(prisma);
      const capPair = `${w.channel("web")}/${w.sku("cap")}`;
      expect(
        (await publishedAts(prisma, w.skuIds)).get(`${w.channel("web")}/${w.sku("tee")}`),
      ).toBe(99);
      expect((await publishedAts(prisma, w.skuIds)).get(capPair)).toBe(7);

      commitSlow();
      await slow;
      const second = await publishFeed(prisma);

      expect(second.cursor).toBeGreaterThan(first.cursor);
      expect((await publishedAts(prisma, w.skuIds)).get(capPair)).toBe(6);
      expect(await publishedAts(prisma, w.skuIds)).toEqual(await expectedAts(prisma, w.skuIds));
    });
  });
});
