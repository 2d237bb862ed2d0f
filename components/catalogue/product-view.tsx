import { ProductImage } from "@/components/catalogue/product-image";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { ColourPicker } from "@/components/catalogue/colour-picker";
import { NearbyStores } from "@/components/catalogue/nearby-stores";
import { SelectionProblemMessage } from "@/components/catalogue/selection-problem";
import { LiveStockProvider } from "@/components/catalogue/live-stock";
import { LiveAddToCart, LiveChosenStock } from "@/components/catalogue/live-size-option";
import { SizePicker } from "@/components/catalogue/size-picker";
import { IntentLink } from "@/components/layout/intent-link";
import { getPresaleOffers } from "@/lib/cart/presale-offers.server";
import { coloursOf } from "@/lib/catalogue/colours";
import { getWebStock } from "@/lib/catalogue/get-web-stock.server";
import { findProduct } from "@/lib/catalogue/load-catalogue.server";
import type { ProductQuery } from "@/lib/catalogue/product-query";
import { resolveSelection } from "@/lib/catalogue/product-selection";
import type { Db } from "@/lib/db/transaction.server";
import { localized } from "@/lib/i18n/localized";
import { formatMoney } from "@/lib/i18n/money";

/** Title and description of a style's page, in the page's language. */
export async function productMetadata(styleCode: string): Promise<Metadata> {
  const [locale, product] = await Promise.all([getLocale(), findProduct(styleCode)]);
  if (!product) return {};
  return {
    title: localized(locale, product),
    description: locale.startsWith("zh") ? product.descriptionZh : product.description,
  };
}

/** A style: picture, price, colour and size pickers with fresh web stock per size, add to cart, nearby stores. */
export async function ProductView({
  db,
  styleCode,
  query,
}: {
  /** The page's database handle, for stock (read fresh, never cached). */
  db: Db;
  styleCode: string;
  query: ProductQuery;
}) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const product = await findProduct(styleCode);
  if (!product) notFound();
  const selection = resolveSelection(product, query);
  if (!selection) notFound();
  // Stock comes from the published web-channel stock on every render, never from a data cache:
  // per request once a size is chosen, at most seconds old on the plain (cached) product URL.
  const stock = await getWebStock(
    db,
    selection.sizes.map((s) => s.id),
  );
  const chosen = selection.sku ? stock.get(selection.sku.id) : undefined;
  // A presale size sells against its presale cap, not stock, and shows when it ships.
  const presale = selection.sku
    ? (await getPresaleOffers(db, [selection.sku.id])).get(selection.sku.id)
    : undefined;
  const format = await getFormatter();
  const colourName = localized(locale, {
    name: selection.colour.color,
    nameZh: selection.colour.colorZh,
  });
  const price = formatMoney(selection.sku?.price ?? product.price, locale);
  const imageLabel = `${localized(locale, product)} — ${colourName}`;
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <ProductImage
        imagePath={product.imagePath}
        colorHex={selection.colour.colorHex}
        label={imageLabel}
      />
      <div className="space-y-5">
        <div className="space-y-1">
          <IntentLink
            href={`/shop/${product.categorySlug}`}
            className="text-sm text-stone-600 underline-offset-2 hover:underline"
          >
            {localized(locale, { name: product.categoryName, nameZh: product.categoryNameZh })}
          </IntentLink>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
            {localized(locale, product)}
          </h1>
          <p className="text-sm text-stone-600">{t("styleCode", { code: product.styleCode })}</p>
          <p className="text-xl font-bold" data-testid="product-price">
            {price}
          </p>
        </div>
        <p className="text-stone-700">
          {locale.startsWith("zh") ? product.descriptionZh : product.description}
        </p>
        {selection.problem ? (
          <SelectionProblemMessage problem={selection.problem} colours={coloursOf(product)} />
        ) : null}
        <ColourPicker
          styleCode={product.styleCode}
          colours={coloursOf(product)}
          selected={selection.colour.color}
          query={query}
        />
        <LiveStockProvider skuCodes={selection.sizes.map((s) => s.skuCode)}>
          <SizePicker
            styleCode={product.styleCode}
            sizes={selection.sizes}
            selectedSkuId={selection.sku?.id ?? null}
            stock={stock}
            query={query}
          />
          {selection.sku ? (
            <div className="space-y-2">
              {presale ? (
                // A presale size sells against its cap: its own stock says nothing to the shopper.
                <>
                  <p className="text-sm font-medium" data-testid="stock-state">
                    {t("sizeStock", { size: selection.sku.size, state: t("stock.PRESALE") })}
                  </p>
                  <p className="text-sm font-medium text-amber-800" data-testid="presale-ship-date">
                    {presale.shipDate &&
                      t("presaleShipDate", {
                        date: format.dateTime(presale.shipDate, { dateStyle: "medium" }),
                      })}{" "}
                    {t("presaleLeft", { count: presale.left })}
                  </p>
                  <AddToCartButton skuId={selection.sku.id} disabled={presale.left <= 0} />
                </>
              ) : (
                <>
                  <LiveChosenStock
                    size={selection.sku.size}
                    skuCode={selection.sku.skuCode}
                    ats={chosen?.ats ?? 0}
                  />
                  <LiveAddToCart
                    skuId={selection.sku.id}
                    skuCode={selection.sku.skuCode}
                    ats={chosen?.ats ?? 0}
                  />
                </>
              )}
            </div>
          ) : (
            <p className="text-sm text-stone-600">{t("pickSize")}</p>
          )}
        </LiveStockProvider>
        <NearbyStores db={db} styleCode={product.styleCode} sku={selection.sku} query={query} />
      </div>
    </div>
  );
}
