import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { listCategories } from "./list-styles.server";

/**
 * One style as the console edits it: its fields with their version, every SKU with channel
 * prices, bundle components and presale, and the channels and categories to choose from.
 * Null for an unknown style code.
 */
export async function getStyle(db: Db, styleCode: string) {
  const product = await db.product.findUnique({
    where: { styleCode },
    include: {
      category: { select: { slug: true } },
      skus: {
        orderBy: [{ color: "asc" }, { sizeOrder: "asc" }, { skuCode: "asc" }],
        include: {
          channelPrices: { include: { channel: { select: { code: true } } } },
          bundleComponents: {
            include: { component: { select: { skuCode: true } } },
            orderBy: { componentSkuId: "asc" },
          },
        },
      },
    },
  });
  if (!product) return null;
  const [channels, categories] = await Promise.all([
    db.channel.findMany({
      orderBy: { priority: "asc" },
      select: { code: true, name: true, nameZh: true },
    }),
    listCategories(db),
  ]);
  return {
    style: {
      styleCode: product.styleCode,
      name: product.name,
      nameZh: product.nameZh,
      description: product.description,
      descriptionZh: product.descriptionZh,
      categorySlug: product.category.slug,
      gender: product.gender,
      lifecycle: product.lifecycle,
      listPrice: product.listPrice,
      version: product.updatedAt.toISOString(),
    },
    skus: product.skus.map((s) => ({
      skuCode: s.skuCode,
      barcode: s.barcode,
      color: s.color,
      colorZh: s.colorZh,
      colorHex: s.colorHex,
      size: s.size,
      sizeOrder: s.sizeOrder,
      listPrice: s.listPrice,
      isBundle: s.isBundle,
      presale: {
        enabled: s.presaleEnabled,
        cap: s.presaleCap,
        sold: s.presaleSold,
        shipDate: s.presaleShipDate?.toISOString().slice(0, 10) ?? null,
      },
      channelPrices: Object.fromEntries(s.channelPrices.map((p) => [p.channel.code, p.price])),
      components: s.bundleComponents.map((c) => ({
        skuCode: c.component.skuCode,
        quantity: c.quantity,
      })),
    })),
    channels,
    categories,
  };
}

export type StyleDetail = NonNullable<Awaited<ReturnType<typeof getStyle>>>;
