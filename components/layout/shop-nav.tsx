import { getTranslations } from "next-intl/server";
import { CartLink } from "@/components/cart/cart-link";
import { SearchBox } from "@/components/catalogue/search-box";
import { IntentLink } from "@/components/layout/intent-link";

/** The storefront's own bar under the site header: all styles, search, the cart with its count. */
export async function ShopNav() {
  const t = await getTranslations("shop");
  return (
    <nav aria-label={t("shopNav")} className="-mt-2 mb-6 flex flex-wrap items-center gap-3">
      <IntentLink href="/shop" className="text-sm font-semibold">
        {t("allStyles")}
      </IntentLink>
      <SearchBox />
      <CartLink className="ml-auto rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium" />
    </nav>
  );
}
