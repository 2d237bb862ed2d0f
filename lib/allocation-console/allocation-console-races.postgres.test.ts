import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import { expectedAts, publishedAts } from "@/lib/feed/feed-test-support";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import { poolAvailable } from "@/lib/inventory/availability";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { createWorld } from "@/lib/reservations/test-world";
import { saveAllocationPolicy } from "./save-allocation-policy.server";

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) =>
      isAppError(e) ? `${e.code}:${String(e.details?.reason ?? "")}` : `ERROR:${String(e)}`,
  );

async function world(db: PrismaClient) {
  const w = await createWorld(db, {
    nodes: ["n1", "n2"],
    channels: {
      web: { priority: 1, policy: { mode: "SHARED" } },
      tm: { priority: 2, policy: { mode: "SHARED", safetyBuffer: 1 } },
      jd: { priority: 3, policy: { mode: "RATIO", ratioBps: 2000 } },
    },
    skus: { tee: { stock: { n1: 30, n2: 30 } } },
    tierRule: { threshold: 100, strategy: "POLICY" },
  });
  const sku = await db.sku.findUniqueOrThrow({
    where: { id: w.sku("tee") },
    include: { product: true },
  });
  const tm = await db.allocationPolicy.findFirstOrThrow({ where: { channelId: w.channel("tm") } });
  return { w, categoryId: sku.product.categoryId, tm };
}

async function poolOf(db: PrismaClient, skuId: string) {
  const levels = await db.stockLevel.findMany({ where: { skuId }, include: { node: true } });
  return poolAvailable(
    levels.map((l) => ({
      onHand: l.onHand,
      reserved: l.reserved,
      safetyStock: l.safetyStock,
      node: { ...l.node, nodeId: l.node.id },
    })),
  );
}

describeIfPostgres("allocation console saves racing on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  it("policy saves publishing amid concurrent checkouts leave no channel ATS above the pool", async () => {
    const prisma = db();
    const { w, categoryId, tm } = await world(prisma);
    await publishFeed(prisma);
    const channels = ["web", "tm", "jd"] as const;
    const checkouts = Array.from({ length: 30 }, (_, i) =>
      outcome(
        reserveStock(prisma, {
          channelId: w.channel(channels[i % 3]!),
          skuId: w.sku("tee"),
          nodeId: w.node(i % 2 === 0 ? "n1" : "n2"),
          quantity: 2,
          kind: "CHECKOUT_HOLD",
        }),
      ),
    );
    // Each save starts from the version the previous one left, as one admin clicking through.
    const saves = (async () => {
      const results: string[] = [];
      let version = tm.version;
      for (const percent of [30, 10, 50, 25]) {
        const r = await saveAllocationPolicy(
          prisma,
          {
            id: tm.id,
            version,
            channelCode: w.channel("tm"),
            scope: "CATEGORY",
            categoryId,
            mode: "RATIO",
            ratioPercent: percent,
            safetyBuffer: 1,
            active: true,
          },
          { userId: null },
        );
        version = r.version;
        results.push("ok");
      }
      return results;
    })();
    const [results, saved] = await Promise.all([Promise.all(checkouts), saves]);
    expect(results.filter((r) => r.startsWith("ERROR"))).toEqual([]);
    expect(results.filter((r) => r === "ok").length).toBeGreaterThan(0);
    expect(saved).toEqual(["ok", "ok", "ok", "ok"]);

    await publishFeed(prisma);
    const pool = await poolOf(prisma, w.sku("tee"));
    const published = await publishedAts(prisma, [w.sku("tee")]);
    expect(published).toEqual(await expectedAts(prisma, [w.sku("tee")]));
    for (const [pair, ats] of published) expect(ats, pair).toBeLessThanOrEqual(pool);
    // The last save (tm at 25 %) is what the feed shows.
    const final = await prisma.allocationPolicy.findUniqueOrThrow({ where: { id: tm.id } });
    expect([final.ratioBps, final.version]).toEqual([2500, tm.version + 4]);
    // Stock stayed whole: reserved never exceeds on hand on any node.
    for (const l of await prisma.stockLevel.findMany({ where: { skuId: w.sku("tee") } }))
      expect(l.reserved).toBeLessThanOrEqual(l.onHand);
  });

  it("two admins saving the same opened policy at once: one wins, the other is refused", async () => {
    const prisma = db();
    const { w, categoryId, tm } = await world(prisma);
    const edit = (percent: number) =>
      outcome(
        saveAllocationPolicy(
          prisma,
          {
            id: tm.id,
            version: tm.version,
            channelCode: w.channel("tm"),
            scope: "CATEGORY",
            categoryId,
            mode: "RATIO",
            ratioPercent: percent,
            safetyBuffer: 1,
            active: true,
          },
          { userId: null },
        ),
      );
    for (let round = 0; round < 3; round++) {
      const current = await prisma.allocationPolicy.findUniqueOrThrow({ where: { id: tm.id } });
      tm.version = current.version;
      const results = await Promise.all([edit(30 + round), edit(40 + round)]);
      expect(results.sort()).toEqual(["CONFLICT:CHANGED_SINCE_OPENED", "ok"]);
      const after = await prisma.allocationPolicy.findUniqueOrThrow({ where: { id: tm.id } });
      expect(after.version).toBe(current.version + 1);
      expect([3000 + round * 100, 4000 + round * 100]).toContain(after.ratioBps);
    }
    expect(
      await prisma.auditEntry.count({ where: { entity: "ALLOCATION_POLICY", entityId: tm.id } }),
    ).toBe(3);
  });

  it("two admins adding ratios on one scope at once cannot together pass 100 %", async () => {
    const prisma = db();
    const { w, categoryId } = await world(prisma);
    // jd holds 20 % of the category; 50 % more each for web and tm would make 120 %.
    const add = (channel: string) =>
      outcome(
        saveAllocationPolicy(
          prisma,
          {
            channelCode: w.channel(channel),
            scope: "CATEGORY",
            categoryId,
            mode: "RATIO",
            ratioPercent: 50,
            safetyBuffer: 0,
            active: true,
          },
          { userId: null },
        ),
      );
    const results = await Promise.all([add("web"), add("tm")]);
    expect(results.sort()).toEqual(["INVALID_INPUT:RATIO_SUM", "ok"]);
    const ratios = await prisma.allocationPolicy.findMany({
      where: { categoryId, mode: "RATIO", active: true },
    });
    expect(ratios.reduce((s, p) => s + (p.ratioBps ?? 0), 0)).toBe(7000);
  });
});
