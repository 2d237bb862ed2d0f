import { getLocale, getTranslations } from "next-intl/server";
import { ProductPicture } from "@/components/catalogue/product-picture";
import { IntentLink } from "@/components/layout/intent-link";
import { sizesOf } from "@/lib/catalogue/colours";
import { employeeProductHref, type EmployeeStyleSummary } from "@/lib/employee/employee-catalogue";
import { localized } from "@/lib/i18n/localized";
import { EmployeePrices } from "./employee-prices";

/** A style on offer to employees: picture, names, prices, sizes and units the channel can sell now. */
export async function EmployeeProductCard({
  style,
  preload = false,
}: {
  style: EmployeeStyleSummary;
  preload?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("employee"), getLocale()]);
  return (
    <article
      className="overflow-hidden rounded-xl border border-stone-200 bg-white"
      data-testid="employee-product-card"
    >
      <IntentLink
        href={employeeProductHref(style.styleCode, {})}
        className="block focus-visible:outline-2 focus-visible:outline-brand"
      >
        <div className="relative aspect-square bg-stone-100">
          <ProductPicture
            src={style.imagePath}
            size={240}
            eager={preload}
            className="h-full w-full object-contain p-6"
          />
        </div>
        <div className="space-y-1 p-3">
          <p className="text-xs text-stone-600">
            {localized(locale, { name: style.categoryName, nameZh: style.categoryNameZh })}
          </p>
          <h3 className="font-semibold leading-tight">{localized(locale, style)}</h3>
          <EmployeePrices
            listPrice={style.listPrice}
            employeePrice={style.employeePrice}
            discountPercent={style.discountPercent}
            from={style.priceVaries}
          />
          <p className="text-xs text-stone-600">
            {t("sizes", { sizes: sizesOf(style.skus).join(" · ") })}
          </p>
          <p
            className={`text-sm font-medium ${style.available > 0 ? "text-emerald-700" : "text-stone-500"}`}
            data-testid="style-available"
          >
            {style.available > 0 ? t("available", { count: style.available }) : t("soldOut")}
          </p>
        </div>
      </IntentLink>
    </article>
  );
}
