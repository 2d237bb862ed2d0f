import { afterAll, beforeAll, expect, it } from "vitest";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import type { DatabaseTarget } from "@/lib/db/target";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import {
  readChannelOrderEvents,
  type ChannelOrderEventView,
} from "@/lib/channel-orders/read-channel-order-events.server";
import { ORDER_EVENTS_CURSOR } from "@/lib/order-events/record-channel-order-event.server";
import { reconcileBooks } from "@/lib/settlement/reconcile.server";
import { channelId } from "./channels";
import { DAY_MS } from "./clock";
import { SEED_TABLES } from "./seed-counts";
import { seedDemoData, type SeedSummary } from "./write-seed";

/** A throwaway database for one group of tests. */
export type ThrowawayDatabase = { target: DatabaseTarget; cleanup: () => Promise<void> };

type Count = { n: number };

/** The seed's integration tests, run against whichever database `create` makes. */
export function defineSeedTests(create: () => Promise<ThrowawayDatabase>): void {
  let database: ThrowawayDatabase;
  let db: Database;
  let first: SeedSummary;
  let second: SeedSummary;
  const now = new Date();
  const count = async (query: Promise<Count[]>): Promise<number> => (await query)[0]?.n ?? -1;

  beforeAll(async () => {
    database = await create();
    await deployMigrations(database.target);
    db = await openDatabase(database.target);
    first = await seedDemoData(db.prisma, { now });
    // The next day, as `npm start -- --reseed` would: nothing may be added or changed.
    second = await seedDemoData(db.prisma, { now: new Date(now.getTime() + DAY_MS + 3_600_000) });
  });

  afterAll(async () => {
    await db?.close();
    await database?.cleanup();
  });

  it("writes the demo brand: ~60 styles, ~600 SKUs, 33 nodes, 8 channels, thousands of orders", () => {
    const t = first.totals;
    expect(t.products).toBeGreaterThanOrEqual(55);
    expect(t.products).toBeLessThanOrEqual(70);
    expect(t.skus).toBeGreaterThanOrEqual(550);
    expect(t.skus).toBeLessThanOrEqual(700);
    expect(t.nodes).toBe(33);
    expect(t.channels).toBe(8);
    expect(t.organizations).toBeGreaterThanOrEqual(7);
    expect(t.members).toBeGreaterThanOrEqual(150);
    expect(t.orders).toBeGreaterThan(2000);
    expect(t.stockMovements).toBeGreaterThan(t.stockLevels);
    expect(first.inserted).toEqual(first.totals);
  });

  it("creates the demo accounts with their roles, and binds staff to their stores", async () => {
    const users = await db.prisma.user.findMany({
      where: { email: { endsWith: "@onepool.dev" } },
      select: {
        email: true,
        role: true,
        name: true,
        storeNode: { select: { code: true, city: true } },
      },
      orderBy: { email: "asc" },
    });
    expect(users).toEqual([
      { email: "admin@onepool.dev", role: "ADMIN", name: "Chen Jing", storeNode: null },
      { email: "consumer@onepool.dev", role: "CONSUMER", name: "Li Wei", storeNode: null },
      { email: "employee.mgr@onepool.dev", role: "EMPLOYEE", name: "Zhou Min", storeNode: null },
      { email: "employee@onepool.dev", role: "EMPLOYEE", name: "Wang Fang", storeNode: null },
      {
        email: "staff.bj@onepool.dev",
        role: "STORE_STAFF",
        name: "Sun Yue",
        storeNode: { code: "BJ-001", city: "Beijing" },
      },
      {
        email: "staff.franchise@onepool.dev",
        role: "STORE_STAFF",
        name: "Qian Hao",
        storeNode: { code: "SH-006", city: "Shanghai" },
      },
      {
        email: "staff@onepool.dev",
        role: "STORE_STAFF",
        name: "Zhao Lei",
        storeNode: { code: "SH-001", city: "Shanghai" },
      },
    ]);
    const consumer = await db.prisma.member.findFirstOrThrow({
      where: { user: { email: "consumer@onepool.dev" } },
      include: { coupons: { include: { coupon: true } }, pointsEntries: true },
    });
    expect(consumer.pointsBalance).toBe(consumer.pointsEntries.reduce((s, p) => s + p.delta, 0));
    expect(consumer.coupons.some((c) => c.status === "CLAIMED" && c.coupon.validTo > now)).toBe(
      true,
    );
    const employee = await db.prisma.employee.findFirstOrThrow({
      where: { user: { email: "employee@onepool.dev" } },
      include: { quotaPolicy: true, organization: true },
    });
    expect(employee.organization.kind).toBe("BRAND");
    expect(employee.quotaPolicy).toMatchObject({
      period: "MONTH",
      maxUnits: 10,
      maxSpend: 300_000,
      maxPerSku: 2,
    });
  });

  it("gives the employee store clearance stock through the allocation engine, prices and two policies", async () => {
    const skus = await db.prisma.sku.findMany({
      where: { isBundle: false },
      select: { id: true, product: { select: { lifecycle: true } } },
    });
    const ats = await computeChannelAts(db.prisma, { skuIds: skus.map((s) => s.id) });
    const employeeAts = (skuId: string) =>
      ats
        .find((a) => a.skuId === skuId)
        ?.channels.find((c) => c.channelId === channelId("EMPLOYEE"))?.ats ?? 0;
    const clearance = skus.filter((s) => s.product.lifecycle === "CLEARANCE");
    const granted = clearance.filter((s) => employeeAts(s.id) > 0);
    expect(clearance.length).toBeGreaterThan(0);
    // Nearly every clearance SKU is sellable to employees; nothing else is.
    expect(granted.length).toBeGreaterThanOrEqual(clearance.length * 0.8);
    expect(
      skus.filter((s) => s.product.lifecycle !== "CLEARANCE").some((s) => employeeAts(s.id) > 0),
    ).toBe(false);
    expect(
      await db.prisma.product.count({ where: { employeePrice: { not: null } } }),
    ).toBeGreaterThan(0);
    const policies = await db.prisma.employeeQuotaPolicy.findMany({
      include: { _count: { select: { employees: true } } },
    });
    expect(policies.map((p) => [p.period, p._count.employees]).sort()).toEqual([
      ["MONTH", 1],
      ["QUARTER", 1],
    ]);

    // Every demo employee has bought before; the usage rows equal their paid employee orders.
    const usages = await db.prisma.employeeQuotaUsage.findMany();
    expect(new Set(usages.map((u) => u.employeeId)).size).toBe(2);
    for (const usage of usages) {
      const lines = await db.prisma.orderLine.findMany({
        where: {
          order: {
            employeeId: usage.employeeId,
            status: { not: "CANCELLED" },
            buyerType: "EMPLOYEE",
          },
        },
        select: { quantity: true, lineTotal: true, skuId: true },
      });
      expect(usage.unitsUsed).toBe(lines.reduce((s, l) => s + l.quantity, 0));
      expect(usage.spendUsed).toBe(lines.reduce((s, l) => s + l.lineTotal, 0));
      const perSku = await db.prisma.employeeQuotaSkuUsage.findMany({
        where: { employeeId: usage.employeeId, periodKey: usage.periodKey },
      });
      expect(perSku.reduce((s, r) => s + r.unitsUsed, 0)).toBe(usage.unitsUsed);
    }
  });

  it("stocks every regular SKU somewhere and no bundle anywhere", async () => {
    const unstocked = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM "Sku" s
      WHERE NOT s."isBundle" AND NOT EXISTS (SELECT 1 FROM "StockLevel" l WHERE l."skuId" = s.id)`);
    const stockedBundles = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM "StockLevel" l JOIN "Sku" s ON s.id = l."skuId" WHERE s."isBundle"`);
    expect(unstocked).toBe(0);
    expect(stockedBundles).toBe(0);
  });

  it("keeps every stock level equal to the sum of its movements, never negative", async () => {
    const mismatched = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n
      FROM "StockLevel" l
      FULL JOIN (
        SELECT "nodeId", "skuId", sum("onHandDelta") AS on_hand, sum("reservedDelta") AS reserved,
               sum("inboundDelta") AS inbound
        FROM "StockMovement" GROUP BY "nodeId", "skuId"
      ) m ON m."nodeId" = l."nodeId" AND m."skuId" = l."skuId"
      WHERE l.id IS NULL
         OR l."onHand" <> coalesce(m.on_hand, 0)
         OR l.reserved <> coalesce(m.reserved, 0)
         OR l.inbound <> coalesce(m.inbound, 0)`);
    expect(mismatched).toBe(0);
    const negative = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM (
        SELECT sum("onHandDelta") OVER (PARTITION BY "nodeId", "skuId" ORDER BY "createdAt", id) AS running
        FROM "StockMovement"
      ) r WHERE running < 0`);
    expect(negative).toBe(0);
  });

  it("gives every bundle at least two components", async () => {
    const thin = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM "Sku" s
      WHERE s."isBundle" AND (SELECT count(*) FROM "BundleComponent" c WHERE c."bundleSkuId" = s.id) < 2`);
    expect(thin).toBe(0);
    expect(await db.prisma.sku.count({ where: { isBundle: true } })).toBeGreaterThanOrEqual(3);
  });

  // History orders (OP-H…) are settled; open orders, placed through checkout, are not yet.
  it("makes every history order total the sum of its lines and of its sales credits", async () => {
    const badLines = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM "Order" o
      WHERE o."orderNo" LIKE 'OP-H%'
        AND o.total <> (SELECT coalesce(sum(l."lineTotal"), 0) FROM "OrderLine" l WHERE l."orderId" = o.id)`);
    const badCredits = await count(db.prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM "Order" o
      WHERE o."orderNo" LIKE 'OP-H%'
        AND o.total <> (SELECT coalesce(sum(s.amount), 0) FROM "SettlementEntry" s
                        WHERE s."orderId" = o.id AND s.kind = 'SALES_CREDIT')`);
    const future = await db.prisma.order.count({ where: { placedAt: { gte: now } } });
    expect(badLines).toBe(0);
    expect(badCredits).toBe(0);
    expect(future).toBe(0);
  });

  it("holds marketplace orders with their channel order ids, read back as Tmall's connector reads their events", async () => {
    const history = { orderNo: { startsWith: "OP-H" } };
    const all = await db.prisma.order.count({ where: history });
    const fromMarketplaces = await db.prisma.order.count({
      where: { ...history, channelOrderId: { not: null } },
    });
    expect(fromMarketplaces / all).toBeGreaterThan(0.35);
    expect(fromMarketplaces / all).toBeLessThan(0.45);
    const tmall = await db.prisma.order.findMany({
      where: { ...history, channelId: channelId("TMALL") },
      select: { id: true, orderNo: true, channelOrderId: true, buyerType: true, method: true },
    });
    expect(tmall.length).toBeGreaterThan(300);
    for (const o of tmall) {
      expect(o.channelOrderId).toMatch(/^\d{19}$/);
      expect(o.buyerType).toBe("MARKETPLACE");
    }
    const charges = await db.prisma.payment.groupBy({
      by: ["provider"],
      where: { orderId: { in: tmall.map((o) => o.id) } },
      _count: true,
    });
    expect(charges).toEqual([{ provider: "CHANNEL", _count: tmall.length }]);

    const events: ChannelOrderEventView[] = [];
    for (let since = 0; ;) {
      const page = await readChannelOrderEvents(db.prisma, { code: "TMALL", since });
      events.push(...page.events);
      if (!page.hasMore) break;
      since = page.cursor;
    }
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const kinds = new Map<string, string[]>();
    for (const e of events) kinds.set(e.orderNo, [...(kinds.get(e.orderNo) ?? []), e.kind]);
    for (const o of tmall) {
      expect(kinds.get(o.orderNo), o.orderNo).toEqual(
        o.method === "PICKUP"
          ? ["ACCEPTED", "PAID", "READY_FOR_PICKUP", "PICKED_UP"]
          : ["ACCEPTED", "PAID", "SHIPPED", "DELIVERED"],
      );
    }
    const byOrderNo = new Map(tmall.map((o) => [o.orderNo, o.channelOrderId]));
    for (const e of events) expect(e.channelOrderId).toBe(byOrderNo.get(e.orderNo));
    for (const e of events.filter((e) => e.kind === "SHIPPED")) {
      expect(e.courierName).toMatch(/^(SF Express|Shansong)$/);
      expect(e.trackingNo).toMatch(/^(SF|SS)\d+$/);
    }
    // The cursor row stands where the live writers would have left it after writing each event.
    const cursor = await db.prisma.logCursor.findUnique({ where: { name: ORDER_EVENTS_CURSOR } });
    expect(cursor?.position).toBe((await db.prisma.channelOrderEvent.count()) - 1);
  });

  it("books settlement that reconciles: every day's entries equal its paid orders less refunds", async () => {
    const books = await reconcileBooks(db.prisma);
    expect(books.differing).toEqual([]);
    expect(books.days).toBeGreaterThan(20);
    expect(books.booked).toBe(books.expected);
    // Fee pairs sum to zero: stores are credited exactly what the channels are charged.
    const fees = await db.prisma.settlementEntry.aggregate({
      where: { kind: "FULFILMENT_FEE" },
      _sum: { amount: true },
    });
    expect(fees._sum.amount).toBe(0);
  });

  it("adds nothing when run again the next day", async () => {
    expect(second.totals).toEqual(first.totals);
    for (const table of SEED_TABLES) expect(second.inserted[table], table).toBe(0);
    const stock = await db.prisma.stockLevel.aggregate({ _sum: { onHand: true, inbound: true } });
    const ledger = await db.prisma.stockMovement.aggregate({
      _sum: { onHandDelta: true, inboundDelta: true },
    });
    expect(stock._sum.onHand).toBe(ledger._sum.onHandDelta);
    expect(stock._sum.inbound).toBe(ledger._sum.inboundDelta);
  });
}
