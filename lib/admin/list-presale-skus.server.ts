import "server-only";
import type { Db } from "@/lib/db/transaction.server";

export type PresaleSkuRow = {
  skuCode: string;
  product: string;
  productZh: string;
  color: string;
  colorZh: string;
  size: string;
  presaleCap: number;
  presaleSold: number;
  shipDate: Date | null;
  /** Units ordered on presale still waiting for stock. */
  waitingUnits: number;
  /** Announced inbound per node. */
  inbound: { nodeId: string; nodeName: string; nodeNameZh: string; quantity: number }[];
};

export type ReceivingNode = { id: string; code: string; name: string; nameZh: string };

/** Presale SKUs with their cap, what waits for stock and what is on its way, for /admin/inbound. */
export async function listPresaleSkus(db: Db): Promise<PresaleSkuRow[]> {
  const skus = await db.sku.findMany({
    where: { presaleEnabled: true },
    orderBy: { skuCode: "asc" },
    select: {
      id: true,
      skuCode: true,
      color: true,
      colorZh: true,
      size: true,
      presaleCap: true,
      presaleSold: true,
      presaleShipDate: true,
      product: { select: { name: true, nameZh: true } },
      stockLevels: {
        where: { inbound: { gt: 0 } },
        select: { inbound: true, node: { select: { id: true, name: true, nameZh: true } } },
      },
    },
  });
  const waiting = await db.reservation.groupBy({
    by: ["skuId"],
    where: { skuId: { in: skus.map((s) => s.id) }, status: "WAITING" },
    _sum: { quantity: true },
  });
  const waitingOf = new Map(waiting.map((w) => [w.skuId, w._sum.quantity ?? 0]));
  return skus.map((s) => ({
    skuCode: s.skuCode,
    product: s.product.name,
    productZh: s.product.nameZh,
    color: s.color,
    colorZh: s.colorZh,
    size: s.size,
    presaleCap: s.presaleCap,
    presaleSold: s.presaleSold,
    shipDate: s.presaleShipDate,
    waitingUnits: waitingOf.get(s.id) ?? 0,
    inbound: s.stockLevels.map((l) => ({
      nodeId: l.node.id,
      nodeName: l.node.name,
      nodeNameZh: l.node.nameZh,
      quantity: l.inbound,
    })),
  }));
}

/** Warehouses that receive goods, central first. */
export async function listReceivingNodes(db: Db): Promise<ReceivingNode[]> {
  const nodes = await db.node.findMany({
    where: { active: true, type: { in: ["CENTRAL_WAREHOUSE", "REGIONAL_WAREHOUSE"] } },
    orderBy: [{ type: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, nameZh: true },
  });
  return nodes;
}
