import { expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { releaseExpiredHolds } from "./release-expired-holds.server";
import { releaseReservation } from "./release-reservation.server";
import { reserveBundle } from "./reserve-bundle.server";
import { reserveStock } from "./reserve-stock.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld, levelOf, type World } from "./test-world";

// PGlite runs one connection, so it cannot race; these bursts run on PostgreSQL over 24 pooled
// connections, many more requests than connections, all started at once.

/** Runs the calls concurrently; returns what succeeded and the codes of what was refused. */
async function burst<T>(
  calls: (() => Promise<T>)[],
): Promise<{ ok: T[]; refused: string[]; ms: number }> {
  const started = performance.now();
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const ms = Math.round(performance.now() - started);
  const ok: T[] = [];
  const refused: string[] = [];
  for (const s of settled) {
    if (s.status === "fulfilled") ok.push(s.value);
    else if (s.reason instanceof AppError) refused.push(s.reason.code);
    else throw s.reason;
  }
  return { ok, refused, ms };
}

/** Samples the lowest node available of the SKUs while `work` runs; it must never go below 0. */
async function watchAvailable<T>(prisma: PrismaClient, skuIds: string[], work: () => Promise<T>) {
  let lowest = Number.POSITIVE_INFINITY;
  let running = true;
  const watcher = (async () => {
    while (running) {
      const [row] = await prisma.$queryRaw<{ low: number | null }[]>`
        SELECT MIN("onHand" - "reserved" - "safetyStock")::int AS low FROM "StockLevel"
        WHERE "skuId" IN (${Prisma.join(skuIds)})`;
      lowest = Math.min(lowest, row?.low ?? lowest);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return { result: await work(), lowest: () => lowest };
  } finally {
    running = false;
    await watcher;
  }
}

const reservedOf = async (prisma: PrismaClient, w: World, skuKey: string) =>
  (await prisma.stockLevel.aggregate({ where: { skuId: w.sku(skuKey) }, _sum: { reserved: true } }))
    ._sum.reserved ?? 0;

describeIfPostgres("stock engine under concurrency (PostgreSQL, 24 connections)", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 24 });

  it("500 concurrent reservations of a SKU with 50 units: exactly 50 succeed", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b", "c"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 20, b: 20, c: 10 } } },
    });
    const { result, lowest } = await watchAvailable(prisma, w.skuIds, () =>
      burst(
        Array.from(
          { length: 500 },
          () => () =>
            reserveStock(prisma, {
              channelId: w.channel("web"),
              skuId: w.sku("tee"),
              nodeId: "best",
              quantity: 1,
              kind: "CHECKOUT_HOLD",
            }),
        ),
      ),
    );
    console.info(`[timing] 500 reservations, 50 units: ${result.ms} ms`);
    expect(result.ok).toHaveLength(50);
    expect(new Set(result.refused)).toEqual(new Set(["OUT_OF_STOCK"]));
    expect(lowest()).toBeGreaterThanOrEqual(0);
    for (const [node, units] of [
      ["a", 20],
      ["b", 20],
      ["c", 10],
    ] as const) {
      expect((await levelOf(prisma, w.node(node), w.sku("tee"))).reserved).toBe(units);
    }
    expect(
      await prisma.stockMovement.count({ where: { skuId: w.sku("tee"), kind: "RESERVATION" } }),
    ).toBe(50);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("60 attempts at once on a client commit together: far fewer transactions than promises", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 60 } } },
    });
    const attempt = () =>
      reserveStock(prisma, {
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      });
    const { ok } = await burst(Array.from({ length: 60 }, () => attempt));
    expect(ok).toHaveLength(60);
    // Rows written by one transaction share its id (xmin): one id per commit of the SKU's lock.
    const [row] = await prisma.$queryRaw<{ commits: number }[]>`
      SELECT COUNT(DISTINCT xmin::text)::int AS "commits" FROM "Reservation"
      WHERE "skuId" = ${w.sku("tee")}`;
    console.info(`[grouping] 60 promises in ${row?.commits} commits`);
    expect(row?.commits).toBeLessThanOrEqual(30);
    expect(await reservedOf(prisma, w, "tee")).toBe(60);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a channel allocated 20 of 100 units sells exactly 20, and a shared channel exactly the other 80", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: {
        live: { priority: 1, policy: { mode: "FIXED", fixedQty: 20 } },
        web: { priority: 2, policy: { mode: "SHARED" } },
      },
      skus: { tee: { stock: { a: 60, b: 40 } } },
    });
    const attempt = (channel: string) => () =>
      reserveStock(prisma, {
        channelId: w.channel(channel),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      });
    const calls = Array.from({ length: 600 }, (_, i) => attempt(i % 2 === 0 ? "live" : "web"));
    const { result, lowest } = await watchAvailable(prisma, w.skuIds, () => burst(calls));
    console.info(
      `[timing] 600 reservations over two channels (FIXED 20 + SHARED), 100 units: ${result.ms} ms`,
    );
    const byChannel = (id: string) =>
      result.ok.filter((r) => r.reservation.channelId === id).length;
    expect(byChannel(w.channel("live"))).toBe(20);
    expect(byChannel(w.channel("web"))).toBe(80);
    expect(new Set(result.refused)).toEqual(new Set(["OUT_OF_STOCK"]));
    expect(lowest()).toBeGreaterThanOrEqual(0);
    expect(await reservedOf(prisma, w, "tee")).toBe(100);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("two bundles and single sales sharing a component with 30 units never oversell it", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["x", "y"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: {
        shoe: { stock: { x: 30 } },
        sock: { stock: { y: 500 } },
        cap: { stock: { x: 250, y: 250 } },
      },
      bundles: { runKit: { shoe: 1, sock: 1 }, pairKit: { shoe: 2, cap: 1 } },
    });
    const base = {
      channelId: w.channel("web"),
      nodeId: "best",
      quantity: 1,
      kind: "CHECKOUT_HOLD" as const,
    };
    const calls = Array.from({ length: 400 }, (_, i) => () => {
      if (i % 4 === 3)
        return reserveStock(prisma, { ...base, skuId: w.sku("shoe") }).then((r) => [r.reservation]);
      return reserveBundle(prisma, {
        ...base,
        skuId: w.sku(i % 2 === 0 ? "runKit" : "pairKit"),
      }).then((r) => r.reservations);
    });
    const { result, lowest } = await watchAvailable(prisma, w.skuIds, () => burst(calls));
    console.info(`[timing] 400 bundle/single reservations sharing 30 units: ${result.ms} ms`);
    const shoesPromised = result.ok
      .flat()
      .filter((r) => r.skuId === w.sku("shoe"))
      .reduce((s, r) => s + r.quantity, 0);
    expect(shoesPromised).toBeLessThanOrEqual(30);
    expect(shoesPromised).toBeGreaterThanOrEqual(29);
    expect(await reservedOf(prisma, w, "shoe")).toBe(shoesPromised);
    expect(lowest()).toBeGreaterThanOrEqual(0);
    // All or nothing: every bundle group holds both of its components.
    const groups = await prisma.reservation.groupBy({
      by: ["groupId"],
      where: { skuId: { in: w.skuIds }, groupId: { not: null } },
      _count: { _all: true },
    });
    expect(groups.every((g) => g._count._all === 2)).toBe(true);
    expect(new Set(result.refused)).toEqual(new Set(["OUT_OF_STOCK"]));
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("200 concurrent releases and sweeps of the same 50 holds release each exactly once", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 40, b: 40 } } },
    });
    // Created in the past so that only these holds are due for the sweepers below.
    const t0 = new Date("2020-01-01T00:00:00Z");
    const holds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { reservation } = await reserveStock(prisma, {
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "PICKUP_HOLD",
        ttlSeconds: 1,
        now: t0,
      });
      holds.push(reservation.id);
    }
    const sweepAt = new Date(t0.getTime() + 3_600_000);
    const calls = Array.from(
      { length: 200 },
      (_, i) => () =>
        i % 4 === 0
          ? releaseExpiredHolds(prisma, { now: sweepAt, limit: 7 }).then((r) =>
              r.expired.map((e) => e.id),
            )
          : releaseReservation(prisma, {
              reservationId: holds[i % holds.length] ?? "",
              now: sweepAt,
            }).then((r) => r.released.map((e) => e.id)),
    );
    const result = await burst(calls);
    console.info(`[timing] 200 concurrent releases and sweeps of 50 holds: ${result.ms} ms`);
    const closed = result.ok.flat().filter((id) => holds.includes(id));
    expect(closed.sort()).toEqual([...holds].sort());
    expect(new Set(result.refused)).toEqual(new Set(["CONFLICT"]));
    const releases = await prisma.stockMovement.findMany({
      where: { skuId: w.sku("tee"), kind: "RELEASE" },
    });
    expect(releases).toHaveLength(50);
    expect(new Set(releases.map((m) => m.reservationId)).size).toBe(50);
    expect(await reservedOf(prisma, w, "tee")).toBe(0);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("one idempotency key sent for ten SKUs at once: one reservation, nine CONFLICTs", async () => {
    const prisma = db();
    const skus = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`s${i}`, { stock: { a: 5 } }]),
    );
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus,
    });
    // Different SKUs take different locks, so the requests race to the key's unique index.
    const result = await burst(
      Object.keys(skus).map(
        (key) => () =>
          reserveStock(prisma, {
            channelId: w.channel("web"),
            skuId: w.sku(key),
            nodeId: "best",
            quantity: 1,
            kind: "CHECKOUT_HOLD",
            idempotencyKey: `race-${w.sku("s0")}`,
          }),
      ),
    );
    expect(result.ok).toHaveLength(1);
    expect(result.refused).toEqual(Array.from({ length: 9 }, () => "CONFLICT"));
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });
});
