import type { CatalogueProduct } from "@/lib/catalogue/types";
import { ProductCard } from "./product-card";

/** Product cards in a responsive grid; the first row's pictures load eagerly. */
export function ProductGrid({
  products,
  testId,
}: {
  products: readonly CatalogueProduct[];
  testId?: string;
}) {
  return (
    <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid={testId}>
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} preload={i < 2} />
      ))}
    </div>
  );
}
