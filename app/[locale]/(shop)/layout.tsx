import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CartLink } from "@/components/cart/cart-link";
import { SearchBox } from "@/components/catalogue/search-box";
import { IntentLink } from "@/components/layout/intent-link";
import { segmentLocale } from "@/i18n/segment-locale";

/** The storefront's own bar under the site header: all styles, search, the cart with its count. */
export default async function ShopLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await segmentLocale(params);
  const t = await getTranslations("shop");
  return (
    <ClientMessages namespaces={["cart", "catalogue"]}>
      <nav aria-label={t("shopNav")} className="-mt-2 mb-6 flex flex-wrap items-center gap-3">
        <IntentLink href="/shop" className="text-sm font-semibold">
          {t("allStyles")}
        </IntentLink>
        <SearchBox />
        <CartLink className="ml-auto rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium" />
      </nav>
      {children}
    </ClientMessages>
  );
}
