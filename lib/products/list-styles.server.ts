import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/transaction.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { styleSearchSchema } from "./product-input";

export const STYLES_PER_PAGE = 25;

/**
 * Styles matching a search (style code, SKU code, barcode or name in either language), newest
 * first, with their SKU count and the categories to filter by.
 */
export async function listStyles(db: Db, search: z.output<typeof styleSearchSchema>) {
  const q = search.q;
  const where: Prisma.ProductWhereInput = {
    ...(search.category ? { category: { slug: search.category } } : {}),
    ...(search.lifecycle ? { lifecycle: search.lifecycle } : {}),
    ...(q
      ? {
          OR: [
            { styleCode: { contains: q, mode: "insensitive" } },
            { name: { contains: q, mode: "insensitive" } },
            { nameZh: { contains: q } },
            {
              skus: {
                some: { OR: [{ skuCode: { contains: q, mode: "insensitive" } }, { barcode: q }] },
              },
            },
          ],
        }
      : {}),
  };
  const [total, styles, categories] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { styleCode: "asc" }],
      skip: (search.page - 1) * STYLES_PER_PAGE,
      take: STYLES_PER_PAGE,
      select: {
        styleCode: true,
        name: true,
        nameZh: true,
        lifecycle: true,
        listPrice: true,
        category: { select: { slug: true, name: true, nameZh: true } },
        _count: { select: { skus: true } },
      },
    }),
    listCategories(db),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / STYLES_PER_PAGE)),
    styles: styles.map(({ _count, ...s }) => ({ ...s, skus: _count.skus })),
    categories,
  };
}

/** Every category, in the catalogue's order, to choose a style's from. */
export function listCategories(db: Db) {
  return db.category.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { slug: true, name: true, nameZh: true },
  });
}
