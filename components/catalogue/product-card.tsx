import { getLocale, getTranslations } from "next-intl/server";
import { ProductPicture } from "@/components/catalogue/product-picture";
import { IntentLink } from "@/components/layout/intent-link";
import { coloursOf } from "@/lib/catalogue/colours";
import type { CatalogueProduct } from "@/lib/catalogue/types";
import { localized } from "@/lib/i18n/localized";
import { formatMoney } from "@/lib/i18n/money";

/** A style in a grid: picture, category, name, "from" price and colour dots; links to the product page. */
export async function ProductCard({
  product,
  preload = false,
}: {
  product: CatalogueProduct;
  preload?: boolean;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("shop")]);
  const colours = coloursOf(product);
  const prices = new Set(product.skus.map((s) => s.price));
  const price = formatMoney(product.price, locale);
  return (
    <article
      className="overflow-hidden rounded-xl border border-stone-200 bg-white"
      data-testid="product-card"
    >
      <IntentLink
        href={`/products/${product.styleCode}`}
        className="block focus-visible:outline-2 focus-visible:outline-brand"
      >
        <div className="relative aspect-square bg-stone-100">
          <ProductPicture
            src={product.imagePath}
            size={240}
            eager={preload}
            className="h-full w-full object-contain p-6"
          />
          {product.lifecycle === "NEW" ? (
            <span className="absolute left-2 top-2 rounded bg-brand px-2 py-0.5 text-xs font-bold text-white">
              {t("new")}
            </span>
          ) : null}
        </div>
        <div className="space-y-1 p-3">
          <p className="text-xs text-stone-600">
            {localized(locale, { name: product.categoryName, nameZh: product.categoryNameZh })}
          </p>
          <h3 className="font-semibold leading-tight">{localized(locale, product)}</h3>
          <p className="font-bold">{prices.size > 1 ? t("from", { price }) : price}</p>
          <div
            className="flex gap-1 pt-1"
            aria-label={t("colours", { count: colours.length })}
            role="img"
          >
            {colours.map((c) => (
              <span
                key={c.color}
                className="h-3 w-3 rounded-full border border-stone-300"
                style={{ backgroundColor: c.colorHex }}
              />
            ))}
          </div>
        </div>
      </IntentLink>
    </article>
  );
}
