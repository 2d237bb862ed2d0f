import "server-only";
import { getDb } from "@/lib/db/client.server";

export type ProductCard = {
  id: string;
  styleCode: string;
  name: string;
  nameZh: string;
  categoryName: string;
  categoryNameZh: string;
  lifecycle: "NEW" | "IN_SEASON" | "CLEARANCE";
  listPrice: number;
  imagePath: string;
  colorHexes: string[];
};

/** Styles for the storefront home: newest first, clearance excluded (it sells in the employee store). */
export async function listFeaturedProducts({ limit }: { limit: number }): Promise<ProductCard[]> {
  const db = await getDb();
  const products = await db.product.findMany({
    where: { lifecycle: { in: ["NEW", "IN_SEASON"] } },
    orderBy: [{ lifecycle: "asc" }, { styleCode: "asc" }],
    take: limit,
    include: {
      category: { select: { name: true, nameZh: true } },
      skus: { where: { isBundle: false }, select: { colorHex: true } },
    },
  });
  return products.map((p) => ({
    id: p.id,
    styleCode: p.styleCode,
    name: p.name,
    nameZh: p.nameZh,
    categoryName: p.category.name,
    categoryNameZh: p.category.nameZh,
    lifecycle: p.lifecycle,
    listPrice: p.listPrice,
    imagePath: p.imagePath,
    colorHexes: [...new Set(p.skus.map((s) => s.colorHex))],
  }));
}

/** Top-level categories with how many styles each holds. */
export async function listCategories() {
  const db = await getDb();
  const categories = await db.category.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, name: true, nameZh: true, _count: { select: { products: true } } },
  });
  return categories.map((c) => ({ slug: c.slug, name: c.name, nameZh: c.nameZh, styles: c._count.products }));
}
