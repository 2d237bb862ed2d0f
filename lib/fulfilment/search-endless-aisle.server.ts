import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** The channel a store sells through for walk-in customers (endless aisle, 无限货架). */
export const STORE_CHANNEL_CODE = "STORE_O2O";

const MAX_STYLES = 8;
const NODES_PER_SKU = 6;

/**
 * Styles matching a style code, a name (English or Chinese) or an exact barcode, with each
 * SKU's sellable stock at every node that has some: this store first, then the deepest.
 */
export async function searchEndlessAisle(db: Db, input: { query: string; storeNodeId: string }) {
  const query = input.query.trim();
  if (query.length < 2) return [];
  const channel = await db.channel.findUnique({
    where: { code: STORE_CHANNEL_CODE },
    select: { id: true },
  });
  const products = await db.product.findMany({
    where: {
      OR: [
        { styleCode: { contains: query, mode: "insensitive" } },
        { name: { contains: query, mode: "insensitive" } },
        { nameZh: { contains: query } },
        {
          skus: {
            some: { OR: [{ barcode: query }, { skuCode: { equals: query, mode: "insensitive" } }] },
          },
        },
      ],
    },
    orderBy: { styleCode: "asc" },
    take: MAX_STYLES,
    select: {
      id: true,
      styleCode: true,
      name: true,
      nameZh: true,
      imagePath: true,
      listPrice: true,
      skus: {
        where: { isBundle: false },
        orderBy: [{ color: "asc" }, { sizeOrder: "asc" }],
        select: {
          id: true,
          skuCode: true,
          barcode: true,
          color: true,
          colorZh: true,
          size: true,
          listPrice: true,
          channelPrices: channel
            ? { where: { channelId: channel.id }, select: { price: true } }
            : false,
          stockLevels: {
            where: { node: { active: true } },
            select: {
              onHand: true,
              reserved: true,
              safetyStock: true,
              node: {
                select: {
                  id: true,
                  code: true,
                  name: true,
                  nameZh: true,
                  city: true,
                  cityZh: true,
                },
              },
            },
          },
        },
      },
    },
  });
  return products.map((p) => ({
    ...p,
    skus: p.skus.map((s) => {
      const nodes = s.stockLevels
        .map((l) => ({ ...l.node, available: Math.max(0, l.onHand - l.reserved - l.safetyStock) }))
        .filter((n) => n.available > 0)
        .sort(
          (a, b) =>
            Number(b.id === input.storeNodeId) - Number(a.id === input.storeNodeId) ||
            b.available - a.available,
        );
      return {
        id: s.id,
        skuCode: s.skuCode,
        barcode: s.barcode,
        color: s.color,
        colorZh: s.colorZh,
        size: s.size,
        price: s.channelPrices?.[0]?.price ?? s.listPrice ?? p.listPrice,
        atThisStore: nodes.find((n) => n.id === input.storeNodeId)?.available ?? 0,
        elsewhere: nodes
          .filter((n) => n.id !== input.storeNodeId)
          .reduce((sum, n) => sum + n.available, 0),
        nodes: nodes.slice(0, NODES_PER_SKU),
      };
    }),
  }));
}
export type AisleResult = Awaited<ReturnType<typeof searchEndlessAisle>>;
