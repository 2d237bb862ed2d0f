import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** HQ landing: the pool in one view — nodes by type, units by node type, channels and their policies. */
export async function getPoolSummary(db: Db) {
  const [nodes, skuCount, styleCount, byType, channels, orders] = await Promise.all([
    db.node.groupBy({ by: ["type"], _count: { _all: true }, orderBy: { type: "asc" } }),
    db.sku.count({ where: { isBundle: false } }),
    db.product.count(),
    db.$queryRaw<{ type: string; on_hand: bigint; reserved: bigint; available: bigint }[]>`
      SELECT n."type" AS type,
             COALESCE(SUM(s."onHand"), 0) AS on_hand,
             COALESCE(SUM(s."reserved"), 0) AS reserved,
             COALESCE(SUM(GREATEST(s."onHand" - s."reserved" - s."safetyStock", 0)), 0) AS available
      FROM "StockLevel" s JOIN "Node" n ON n."id" = s."nodeId"
      GROUP BY n."type" ORDER BY n."type"`,
    db.channel.findMany({
      orderBy: { priority: "asc" },
      select: {
        code: true,
        name: true,
        nameZh: true,
        priority: true,
        policies: {
          select: { scope: true, lifecycle: true, mode: true, ratioBps: true, fixedQty: true },
          orderBy: { scope: "asc" },
        },
      },
    }),
    db.order.count(),
  ]);
  return {
    nodesByType: nodes.map((n) => ({ type: n.type, count: n._count._all })),
    skuCount,
    styleCount,
    orderCount: orders,
    stockByNodeType: byType.map((r) => ({
      type: r.type,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      available: Number(r.available),
    })),
    channels,
  };
}
