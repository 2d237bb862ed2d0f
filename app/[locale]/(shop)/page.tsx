import { getTranslations } from "next-intl/server";
import { ProductGrid } from "@/components/catalogue/product-grid";
import { IntentLink } from "@/components/layout/intent-link";
import {
  listCategories,
  listFeaturedProducts,
} from "@/lib/catalogue/list-featured-products.server";
import { localized } from "@/lib/i18n/localized";
import { renderOnFirstVisit, segmentLocale } from "@/i18n/segment-locale";

export const generateStaticParams = renderOnFirstVisit;

/** Storefront home: cached per language; stock is shown on the product pages. */
export default async function ShopHome({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await segmentLocale(params);
  const [t, products, categories] = await Promise.all([
    getTranslations("shop"),
    listFeaturedProducts({ limit: 12 }),
    listCategories(),
  ]);
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-ink px-6 py-10 text-white">
        <h1 className="text-3xl font-black sm:text-4xl">{t("heroTitle")}</h1>
        <p className="mt-2 max-w-xl text-stone-300">{t("heroBody")}</p>
        <IntentLink
          href="/shop"
          className="mt-5 inline-block rounded-full bg-brand px-5 py-2 font-semibold text-white"
        >
          {t("heroCta")}
        </IntentLink>
      </section>
      <section aria-labelledby="categories">
        <h2 id="categories" className="mb-3 text-lg font-bold">
          {t("categories")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {categories.map((c) => (
            <li key={c.slug}>
              <IntentLink
                href={`/shop/${c.slug}`}
                className="block rounded-full border border-stone-300 bg-white px-3 py-1 text-sm hover:border-ink"
              >
                {localized(locale, c)} <span className="text-stone-500">{c.styles}</span>
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured">
        <h2 id="featured" className="mb-3 text-lg font-bold">
          {t("featured")}
        </h2>
        <ProductGrid products={products} testId="featured-products" />
      </section>
    </div>
  );
}
