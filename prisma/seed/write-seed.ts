import bcrypt from "bcryptjs";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { findExisting, insertInBatches } from "./batches";
import { buildSeedData, type SeedData } from "./build-seed";
import { DEMO_PASSWORD } from "./people";
import { seedOpenOrders } from "./open-orders";
import { countSeedTables, zeroSeedCounts, type SeedCounts } from "./seed-counts";
import { writeStock } from "./write-stock";
import { recountNodeLoads } from "@/lib/capacity/node-capacity.server";
import { ORDER_EVENTS_CURSOR } from "@/lib/order-events/record-channel-order-event.server";

export type SeedSummary = {
  /** Rows this run added, per table (all zero when the seed had already run). */
  inserted: SeedCounts;
  /** Rows now in the database, per table. */
  totals: SeedCounts;
  elapsedMs: number;
};

type Tx = Prisma.TransactionClient;
type Log = (line: string) => void;

// Large enough for the history on a slow disk; PostgreSQL otherwise cuts a transaction at 5 s.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 300_000 };

/** A bcrypt hash of the demo accounts' password (`DEMO_PASSWORD`), as sign-in checks it. */
export function hashDemoPassword(): Promise<string> {
  return bcrypt.hash(DEMO_PASSWORD, 10);
}

/**
 * Inserts the demo brand. Every row has a stable id and is written with skipDuplicates, and a
 * stock level's movements are written only together with the level itself, so running the
 * seed again adds nothing and leaves stock and its ledger in agreement.
 */
export async function seedDemoData(
  db: PrismaClient,
  options: { log?: Log; now?: Date } = {},
): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  // Hashed once for every demo account: bcrypt is slow on purpose.
  const passwordHash = await hashDemoPassword();
  const data = buildSeedData({ now: options.now ?? new Date(), passwordHash });
  log(`built the demo brand in memory in ${Date.now() - started} ms`);

  const inserted = zeroSeedCounts();
  const phase = async (name: string, work: (tx: Tx) => Promise<void>) => {
    const t = Date.now();
    await db.$transaction(work, TRANSACTION_OPTIONS);
    log(`${name} written in ${Date.now() - t} ms`);
  };
  await phase("catalogue", (tx) => writeCatalogue(tx, data, inserted));
  await phase("nodes and channels", (tx) => writeNetwork(tx, data, inserted));
  await phase("people", (tx) => writePeople(tx, data, inserted));
  await phase("members and order history", async (tx) => {
    const events = await writeHistory(tx, data, inserted);
    // The history's fulfilment orders count in their nodes' loads, like those checkout makes.
    await recountNodeLoads(tx);
    // Last, as the live writers do: the event log's cursor is the transaction's last lock.
    inserted.channelOrderEvents = await writeChannelOrderEvents(tx, events);
  });
  await phase("stock and its ledger", (tx) => writeStock(tx, data.stock, inserted));

  // Open online orders go through checkout itself (route, reserve, pay), so stores have tasks.
  await seedOpenOrders(db, { now: options.now, inserted, log });

  const totals = await countSeedTables(db);
  return { inserted, totals, elapsedMs: Date.now() - started };
}

async function writeCatalogue(tx: Tx, data: SeedData, n: SeedCounts): Promise<void> {
  const c = data.catalogue;
  n.organizations = await insertInBatches(data.organizations, (rows) =>
    tx.organization.createMany({ data: rows, skipDuplicates: true }),
  );
  n.categories = await insertInBatches(c.categories, (rows) =>
    tx.category.createMany({ data: rows, skipDuplicates: true }),
  );
  n.products = await insertInBatches(c.products, (rows) =>
    tx.product.createMany({ data: rows, skipDuplicates: true }),
  );
  n.skus = await insertInBatches(c.skus, (rows) =>
    tx.sku.createMany({ data: rows, skipDuplicates: true }),
  );
  n.bundleComponents = await insertInBatches(c.bundleComponents, (rows) =>
    tx.bundleComponent.createMany({ data: rows, skipDuplicates: true }),
  );
}

async function writeNetwork(tx: Tx, data: SeedData, n: SeedCounts): Promise<void> {
  const ch = data.channels;
  n.nodes = await insertInBatches(data.nodes, (rows) =>
    tx.node.createMany({ data: rows, skipDuplicates: true }),
  );
  n.channels = await insertInBatches(ch.channels, (rows) =>
    tx.channel.createMany({ data: rows, skipDuplicates: true }),
  );
  n.channelPrices = await insertInBatches(ch.prices, (rows) =>
    tx.channelPrice.createMany({ data: rows, skipDuplicates: true }),
  );
  n.allocationPolicies = await insertInBatches(ch.policies, (rows) =>
    tx.allocationPolicy.createMany({ data: rows, skipDuplicates: true }),
  );
  n.tierSwitchRules = await insertInBatches(ch.tierRules, (rows) =>
    tx.tierSwitchRule.createMany({ data: rows, skipDuplicates: true }),
  );
  n.routingRules = await insertInBatches(data.routingRules, (rows) =>
    tx.routingRule.createMany({ data: rows, skipDuplicates: true }),
  );
}

async function writePeople(tx: Tx, data: SeedData, n: SeedCounts): Promise<void> {
  const p = data.people;
  n.quotaPolicies = await insertInBatches(p.quotaPolicies, (rows) =>
    tx.employeeQuotaPolicy.createMany({ data: rows, skipDuplicates: true }),
  );
  n.users = await insertInBatches(p.users, (rows) =>
    tx.user.createMany({ data: rows, skipDuplicates: true }),
  );
  n.employees = await insertInBatches(p.employees, (rows) =>
    tx.employee.createMany({ data: rows, skipDuplicates: true }),
  );
}

// Members, their orders, points and coupons go in one transaction: a member's points balance
// and a coupon's claimed count are only right together with the rows they summarise. Returns the
// marketplace events of the orders it wrote, for the caller to publish last.
async function writeHistory(
  tx: Tx,
  data: SeedData,
  n: SeedCounts,
): Promise<Prisma.ChannelOrderEventCreateManyInput[]> {
  const m = data.membership;
  const h = data.history;
  n.members = await insertInBatches(m.members, (rows) =>
    tx.member.createMany({ data: rows, skipDuplicates: true }),
  );
  n.coupons = await insertInBatches(m.coupons, (rows) =>
    tx.coupon.createMany({ data: rows, skipDuplicates: true }),
  );
  // Orders already present were written with all their rows in an earlier run; skipping them
  // up front only saves time, as skipDuplicates would refuse them anyway.
  const known = await findExisting(
    h.orders.map((o) => o.id),
    (ids) => tx.order.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  const fresh = <T extends { orderId?: string | null }>(rows: T[]) =>
    rows.filter((r) => !r.orderId || !known.has(r.orderId));
  const freshOrders = h.orders.filter((o) => !known.has(o.id));
  const freshFulfilments = fresh(h.fulfilmentOrders);
  const freshFulfilmentIds = new Set(freshFulfilments.map((f) => f.id));
  n.orders = await insertInBatches(freshOrders, (rows) =>
    tx.order.createMany({ data: rows, skipDuplicates: true }),
  );
  n.orderLines = await insertInBatches(fresh(h.orderLines), (rows) =>
    tx.orderLine.createMany({ data: rows, skipDuplicates: true }),
  );
  n.fulfilmentOrders = await insertInBatches(freshFulfilments, (rows) =>
    tx.fulfilmentOrder.createMany({ data: rows, skipDuplicates: true }),
  );
  n.fulfilmentLines = await insertInBatches(
    h.fulfilmentLines.filter((l) => freshFulfilmentIds.has(l.fulfilmentOrderId)),
    (rows) => tx.fulfilmentLine.createMany({ data: rows, skipDuplicates: true }),
  );
  n.fulfilmentEvents = await insertInBatches(
    h.fulfilmentEvents.filter((e) => freshFulfilmentIds.has(e.fulfilmentOrderId)),
    (rows) => tx.fulfilmentEvent.createMany({ data: rows, skipDuplicates: true }),
  );
  n.payments = await insertInBatches(fresh(h.payments), (rows) =>
    tx.payment.createMany({ data: rows, skipDuplicates: true }),
  );
  n.settlementEntries = await insertInBatches(fresh(h.settlementEntries), (rows) =>
    tx.settlementEntry.createMany({ data: rows, skipDuplicates: true }),
  );
  n.pointsEntries = await insertInBatches(fresh(m.pointsEntries), (rows) =>
    tx.pointsEntry.createMany({ data: rows, skipDuplicates: true }),
  );
  n.memberCoupons = await insertInBatches(fresh(m.memberCoupons), (rows) =>
    tx.memberCoupon.createMany({ data: rows, skipDuplicates: true }),
  );
  // Quota usage goes in only with the employee orders it counts, so a rerun on another day (a
  // period later) cannot add usage without orders.
  const employeesWithFreshOrders = new Set(
    freshOrders.flatMap((o) => (o.employeeId ? [o.employeeId] : [])),
  );
  const u = data.employeeUsage;
  await insertInBatches(
    u.usages.filter((r) => employeesWithFreshOrders.has(r.employeeId)),
    (rows) => tx.employeeQuotaUsage.createMany({ data: rows, skipDuplicates: true }),
  );
  await insertInBatches(
    u.skuUsages.filter((r) => employeesWithFreshOrders.has(r.employeeId)),
    (rows) => tx.employeeQuotaSkuUsage.createMany({ data: rows, skipDuplicates: true }),
  );
  return fresh(h.channelOrderEvents);
}

/**
 * The history's marketplace events, written as lib/order-events writes them: the log's cursor row
 * is locked first (and moved on as far as these writes would have moved it), so the events take
 * their ids in time order after any event already there, and a live writer waits for them.
 */
async function writeChannelOrderEvents(
  tx: Tx,
  events: readonly Prisma.ChannelOrderEventCreateManyInput[],
): Promise<number> {
  if (events.length === 0) return 0;
  await tx.logCursor.upsert({
    where: { name: ORDER_EVENTS_CURSOR },
    create: { name: ORDER_EVENTS_CURSOR, position: events.length - 1 },
    update: { position: { increment: events.length } },
  });
  return insertInBatches(events, (rows) =>
    tx.channelOrderEvent.createMany({ data: rows, skipDuplicates: true }),
  );
}
