import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** What the allocation console shows: channels, every policy and tier rule (active or not), categories. */
export async function listAllocationConsole(db: Db) {
  const [channels, policies, tierRules, categories] = await Promise.all([
    db.channel.findMany({
      orderBy: [{ priority: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        name: true,
        nameZh: true,
        kind: true,
        priority: true,
        active: true,
        version: true,
        acceptsPartialOrders: true,
        unpaidHoldMinutes: true,
      },
    }),
    db.allocationPolicy.findMany({
      orderBy: [{ scope: "asc" }, { id: "asc" }],
      include: { sku: { select: { skuCode: true } } },
    }),
    db.tierSwitchRule.findMany({
      orderBy: [{ scope: "asc" }, { id: "asc" }],
      include: { sku: { select: { skuCode: true } } },
    }),
    db.category.findMany({
      orderBy: [{ parentId: "asc" }, { position: "asc" }],
      select: { id: true, name: true, nameZh: true, parentId: true },
    }),
  ]);
  return {
    channels,
    categories,
    policies: policies.map(({ sku, ...p }) => ({ ...p, skuCode: sku?.skuCode ?? null })),
    tierRules: tierRules.map(({ sku, ...r }) => ({ ...r, skuCode: sku?.skuCode ?? null })),
  };
}

export type AllocationConsole = Awaited<ReturnType<typeof listAllocationConsole>>;
