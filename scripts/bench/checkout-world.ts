import { randomBytes } from "node:crypto";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { capacityDayOf } from "@/lib/capacity/capacity-day";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashDemoPassword, seedDemoData } from "@/prisma/seed/write-seed";
import { DEMO_PASSWORD } from "@/prisma/seed/people";
import type { LevelCounters } from "./checkout-verdict";

/** The SKU on sale, the pickup store and the channel, as the seeded demo brand names them. */
export type SaleTarget = {
  skuId: string;
  skuCode: string;
  styleCode: string;
  color: string;
  size: string;
  storeNodeId: string;
  storeCode: string;
  webChannelId: string;
};

/** One bench account: signs in with the demo password. */
export type Shopper = { userId: string; email: string; name: string };

/** Seeds the demo brand into a (migrated, empty) database. */
export async function seedBrand(db: PrismaClient, log: (line: string) => void): Promise<void> {
  await seedDemoData(db, { log: (line) => log(`  seed: ${line}`) });
}

/** Finds the SKU and store by their codes in the seeded brand. */
export async function findTarget(
  db: PrismaClient,
  codes: { skuCode: string; storeCode: string },
): Promise<SaleTarget> {
  const sku = await db.sku.findUnique({
    where: { skuCode: codes.skuCode },
    select: { id: true, color: true, size: true, product: { select: { styleCode: true } } },
  });
  if (!sku) throw new Error(`no SKU ${codes.skuCode} in the demo brand`);
  const store = await db.node.findUnique({ where: { code: codes.storeCode } });
  if (!store?.offersPickup) throw new Error(`${codes.storeCode} is not a pickup store`);
  const web = await db.channel.findUnique({ where: { code: "WEB" }, select: { id: true } });
  if (!web) throw new Error("no WEB channel in the demo brand");
  return {
    skuId: sku.id,
    skuCode: codes.skuCode,
    styleCode: sku.product.styleCode,
    color: sku.color,
    size: sku.size,
    storeNodeId: store.id,
    storeCode: codes.storeCode,
    webChannelId: web.id,
  };
}

/**
 * Leaves `units` of the SKU free at the store and none elsewhere (held units stay held), with
 * no safety stock or display minimum, each change booked as an ADJUSTMENT movement so the ledger
 * still reconciles. Raises the store's capacity for today so that it never refuses the run.
 */
export async function setStock(
  db: PrismaClient,
  target: SaleTarget,
  units: number,
  shoppers: number,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.stockLevel.upsert({
      where: { nodeId_skuId: { nodeId: target.storeNodeId, skuId: target.skuId } },
      create: { nodeId: target.storeNodeId, skuId: target.skuId },
      update: {},
    });
    const levels = await tx.stockLevel.findMany({ where: { skuId: target.skuId } });
    for (const level of levels) {
      const free = level.nodeId === target.storeNodeId ? units : 0;
      const onHand = level.reserved + free;
      await tx.stockLevel.update({
        where: { id: level.id },
        data: { onHand, safetyStock: 0, displayMin: 0, version: { increment: 1 } },
      });
      if (onHand !== level.onHand) {
        await tx.stockMovement.create({
          data: {
            nodeId: level.nodeId,
            skuId: target.skuId,
            kind: "ADJUSTMENT",
            onHandDelta: onHand - level.onHand,
            reason: "checkout benchmark stock",
            documentType: "BENCH",
            documentId: "checkout",
          },
        });
      }
    }
    const day = capacityDayOf(new Date());
    const load = await tx.nodeDayLoad.findUnique({
      where: { nodeId_day: { nodeId: target.storeNodeId, day } },
    });
    const store = await tx.node.findUniqueOrThrow({ where: { id: target.storeNodeId } });
    const needed = (load?.used ?? 0) + shoppers + 10;
    if (store.dailyCapacity < needed)
      await tx.node.update({ where: { id: store.id }, data: { dailyCapacity: needed } });
  });
}

/** What the web channel may sell of the SKU now, by the engine's own availability function. */
export async function webAts(db: PrismaClient, target: SaleTarget): Promise<number> {
  const [row] = await computeChannelAts(db, { skuIds: [target.skuId] });
  return row?.channels.find((c) => c.channelId === target.webChannelId)?.ats ?? 0;
}

/** Creates `count` consumer accounts (each a member) with the demo password. */
export async function createShoppers(db: PrismaClient, count: number): Promise<Shopper[]> {
  const run = randomBytes(4).toString("hex");
  const passwordHash = await hashDemoPassword();
  const shoppers = Array.from({ length: count }, (_, i) => ({
    userId: `usr_bench_${run}_${i + 1}`,
    email: `bench.${run}.${i + 1}@onepool.dev`,
    name: `Bench Shopper ${i + 1}`,
  }));
  await db.user.createMany({
    data: shoppers.map((s) => ({
      id: s.userId,
      email: s.email,
      name: s.name,
      role: "CONSUMER" as const,
      passwordHash,
    })),
  });
  await db.member.createMany({
    data: shoppers.map((s, i) => ({ userId: s.userId, memberNo: `MB${run}${i + 1}` })),
  });
  return shoppers;
}

export { DEMO_PASSWORD };

/** The SKU's counters per node. */
export async function readLevels(db: PrismaClient, skuId: string): Promise<LevelCounters[]> {
  const levels = await db.stockLevel.findMany({
    where: { skuId },
    select: { nodeId: true, onHand: true, reserved: true },
    orderBy: { nodeId: "asc" },
  });
  return levels;
}

/** The SKU's movement deltas per node booked after movement `afterId`. */
export async function movementsAfter(
  db: PrismaClient,
  skuId: string,
  afterId: number,
): Promise<{ nodeId: string; onHand: number; reserved: number }[]> {
  const sums = await db.stockMovement.groupBy({
    by: ["nodeId"],
    where: { skuId, id: { gt: afterId } },
    _sum: { onHandDelta: true, reservedDelta: true },
  });
  return sums.map((s) => ({
    nodeId: s.nodeId,
    onHand: s._sum.onHandDelta ?? 0,
    reserved: s._sum.reservedDelta ?? 0,
  }));
}

/** The id of the latest movement (0 when none). */
export async function lastMovementId(db: PrismaClient): Promise<number> {
  const last = await db.stockMovement.aggregate({ _max: { id: true } });
  return last._max.id ?? 0;
}

/** Orders per shopper and units of the SKU they hold, for the bench accounts. */
export async function ordersOf(
  db: PrismaClient,
  shoppers: readonly Shopper[],
  skuId: string,
): Promise<{ perShopper: number[]; heldUnits: number }> {
  const userIds = shoppers.map((s) => s.userId);
  const orders = await db.order.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds } },
    _count: { _all: true },
  });
  const held = await db.reservation.aggregate({
    where: { skuId, status: "ACTIVE", order: { userId: { in: userIds } } },
    _sum: { quantity: true },
  });
  return {
    perShopper: orders.map((o) => o._count._all),
    heldUnits: held._sum.quantity ?? 0,
  };
}
