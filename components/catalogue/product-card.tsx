import Image from "next/image";
import { getLocale, getTranslations } from "next-intl/server";
import { Money } from "@/components/ui/money";
import type { ProductCard as ProductCardData } from "@/lib/catalogue/list-featured-products.server";
import { localized } from "@/lib/i18n/localized";

export async function ProductCard({ product }: { product: ProductCardData }) {
  const locale = await getLocale();
  const t = await getTranslations("shop");
  return (
    <article className="overflow-hidden rounded-xl border border-stone-200 bg-white" data-testid="product-card">
      <div className="relative aspect-square bg-stone-100">
        <Image src={product.imagePath} alt="" fill sizes="(max-width: 640px) 50vw, 25vw" className="object-contain p-6" />
        {product.lifecycle === "NEW" ? (
          <span className="absolute left-2 top-2 rounded bg-brand px-2 py-0.5 text-xs font-bold text-white">{t("new")}</span>
        ) : null}
      </div>
      <div className="space-y-1 p-3">
        <p className="text-xs text-stone-500">{localized(locale, { name: product.categoryName, nameZh: product.categoryNameZh })}</p>
        <h3 className="font-semibold leading-tight">{localized(locale, product)}</h3>
        <Money fen={product.listPrice} className="font-bold" />
        <div className="flex gap-1 pt-1" aria-label={t("colours", { count: product.colorHexes.length })}>
          {product.colorHexes.map((hex) => (
            <span key={hex} className="h-3 w-3 rounded-full border border-stone-300" style={{ backgroundColor: hex }} />
          ))}
        </div>
      </div>
    </article>
  );
}
