import type { PrismaClient } from "@/lib/generated/prisma/client";

const COUNTERS = {
  organizations: (p: PrismaClient) => p.organization.count(),
  categories: (p: PrismaClient) => p.category.count(),
  products: (p: PrismaClient) => p.product.count(),
  skus: (p: PrismaClient) => p.sku.count(),
  bundleComponents: (p: PrismaClient) => p.bundleComponent.count(),
  nodes: (p: PrismaClient) => p.node.count(),
  channels: (p: PrismaClient) => p.channel.count(),
  channelPrices: (p: PrismaClient) => p.channelPrice.count(),
  allocationPolicies: (p: PrismaClient) => p.allocationPolicy.count(),
  tierSwitchRules: (p: PrismaClient) => p.tierSwitchRule.count(),
  routingRules: (p: PrismaClient) => p.routingRule.count(),
  quotaPolicies: (p: PrismaClient) => p.employeeQuotaPolicy.count(),
  users: (p: PrismaClient) => p.user.count(),
  employees: (p: PrismaClient) => p.employee.count(),
  members: (p: PrismaClient) => p.member.count(),
  coupons: (p: PrismaClient) => p.coupon.count(),
  memberCoupons: (p: PrismaClient) => p.memberCoupon.count(),
  pointsEntries: (p: PrismaClient) => p.pointsEntry.count(),
  orders: (p: PrismaClient) => p.order.count(),
  orderLines: (p: PrismaClient) => p.orderLine.count(),
  fulfilmentOrders: (p: PrismaClient) => p.fulfilmentOrder.count(),
  fulfilmentLines: (p: PrismaClient) => p.fulfilmentLine.count(),
  fulfilmentEvents: (p: PrismaClient) => p.fulfilmentEvent.count(),
  payments: (p: PrismaClient) => p.payment.count(),
  settlementEntries: (p: PrismaClient) => p.settlementEntry.count(),
  channelOrderEvents: (p: PrismaClient) => p.channelOrderEvent.count(),
  stockLevels: (p: PrismaClient) => p.stockLevel.count(),
  stockMovements: (p: PrismaClient) => p.stockMovement.count(),
};

/** A table the seed writes. */
export type SeedTable = keyof typeof COUNTERS;
/** A number per seeded table. */
export type SeedCounts = Record<SeedTable, number>;

/** The seeded tables, in the order they are written. */
export const SEED_TABLES = Object.keys(COUNTERS) as SeedTable[];

/** Zero for every seeded table. */
export function zeroSeedCounts(): SeedCounts {
  return Object.fromEntries(SEED_TABLES.map((table) => [table, 0])) as SeedCounts;
}

/** Counts the rows of every seeded table. */
export async function countSeedTables(db: PrismaClient): Promise<SeedCounts> {
  const counts = zeroSeedCounts();
  // One query at a time: the embedded database serves a single connection anyway.
  for (const table of SEED_TABLES) counts[table] = await COUNTERS[table](db);
  return counts;
}
