import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/money";

/** Employee price, the list price struck through and the discount badge, as on every employee screen. */
export async function EmployeePrices({
  listPrice,
  employeePrice,
  discountPercent,
  from = false,
  large = false,
}: {
  listPrice: number;
  employeePrice: number;
  discountPercent: number;
  /** The style's SKUs differ in price: the figure is the lowest. */
  from?: boolean;
  large?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("employee"), getLocale()]);
  const price = formatMoney(employeePrice, locale);
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <span
        className={`font-bold text-brand ${large ? "text-2xl" : ""}`}
        data-testid="employee-price"
      >
        {from ? t("from", { price }) : price}
      </span>
      {discountPercent > 0 ? (
        <>
          <s
            className={`text-stone-500 ${large ? "text-base" : "text-sm"}`}
            data-testid="list-price"
          >
            <span className="sr-only">{t("listPrice")} </span>
            {formatMoney(listPrice, locale)}
          </s>
          <span
            className="rounded bg-brand px-1.5 py-0.5 text-xs font-bold text-white"
            data-testid="discount"
            aria-label={t("discountLabel", { percent: discountPercent })}
          >
            −{discountPercent}%
          </span>
        </>
      ) : null}
    </p>
  );
}
