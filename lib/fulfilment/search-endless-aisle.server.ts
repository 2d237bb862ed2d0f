import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { aisleStock } from "./aisle-stock";

/** The channel a store sells through for walk-in customers (endless aisle, 无限货架). */
export const STORE_CHANNEL_CODE = "STORE_O2O";

const MAX_STYLES = 8;
const NODES_PER_SKU = 6;

/**
 * Styles matching a style code, a name (English or Chinese) or an exact barcode, with each
 * SKU's sellable stock here and at the other nodes that have some (deepest first).
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
    skus: p.skus.map((s) => ({
      id: s.id,
      skuCode: s.skuCode,
      barcode: s.barcode,
      color: s.color,
      colorZh: s.colorZh,
      size: s.size,
      price: s.channelPrices?.[0]?.price ?? s.listPrice ?? p.listPrice,
      ...aisleStock(s.stockLevels, input.storeNodeId, NODES_PER_SKU),
    })),
  }));
}
export type AisleResult = Awaited<ReturnType<typeof searchEndlessAisle>>;
