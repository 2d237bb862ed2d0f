import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/money";

/** A coupon's value, minimum spend and end date in words. */
export async function CouponTerms({
  kind,
  value,
  minSpend,
  validTo,
}: {
  kind: "AMOUNT_OFF" | "PERCENT_OFF";
  value: number;
  minSpend: number;
  validTo: Date;
}) {
  const [t, locale, format] = await Promise.all([
    getTranslations("account.coupons"),
    getLocale(),
    getFormatter(),
  ]);
  return (
    <div className="space-y-0.5">
      <p className="text-lg font-black text-brand">
        {kind === "AMOUNT_OFF"
          ? t("amountOff", { amount: formatMoney(value, locale) })
          : t("percentOff", { percent: value / 100 })}
      </p>
      <p className="text-sm text-stone-600">
        {minSpend > 0 ? t("minSpend", { amount: formatMoney(minSpend, locale) }) : t("noMinimum")}
      </p>
      <p className="text-xs text-stone-500">
        {t("validTo", { date: format.dateTime(validTo, { dateStyle: "medium" }) })}
      </p>
    </div>
  );
}
