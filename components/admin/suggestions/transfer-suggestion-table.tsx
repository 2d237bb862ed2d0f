import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { SuggestionLabels } from "@/lib/inventory-insights/load-suggestions.server";
import type { TransferSuggestion } from "@/lib/inventory-insights/transfer-suggestions";
import { localized } from "@/lib/i18n/localized";
import { supplyDaysText } from "./supply-days";

/**
 * Store-to-store transfer suggestions, one row per move: the SKU, the slow store with its days of
 * supply and what it can give, the selling store with its need, and an Accept link that opens the
 * new-transfer form filled in with the move.
 */
export async function TransferSuggestionTable(props: {
  suggestions: readonly TransferSuggestion[];
  labels: SuggestionLabels;
}) {
  const [t, tf, locale, format] = await Promise.all([
    getTranslations("suggestions.transfers"),
    getTranslations("suggestions.figures"),
    getLocale(),
    getFormatter(),
  ]);
  const { suggestions, labels } = props;
  if (suggestions.length === 0) {
    return (
      <p className="text-stone-600" data-testid="transfer-suggestions-empty">
        {t("empty")}
      </p>
    );
  }
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const supply = (s: TransferSuggestion["fromDaysOfSupply"]) =>
    tf("daysOfSupply", {
      days: supplyDaysText(
        s,
        { days: (days) => tf("days", { days }), noSales: tf("noSales") },
        number,
      ),
    });
  const units = suggestions.reduce((sum, s) => sum + s.quantity, 0);
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600" data-testid="transfer-suggestions-total">
        {t("total", { count: suggestions.length, units })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="transfer-suggestions">
          <thead className="text-left text-stone-500">
            <tr>
              <th className="py-2 pr-2">{t("sku")}</th>
              <th className="pr-2">{t("from")}</th>
              <th className="pr-2">{t("to")}</th>
              <th className="pr-2">{t("city")}</th>
              <th className="pr-2 text-right">{t("quantity")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => {
              const sku = labels.skus[s.skuId];
              const from = labels.nodes[s.fromNodeId];
              const to = labels.nodes[s.toNodeId];
              if (!sku || !from || !to) return null;
              const fromName = localized(locale, from);
              const toName = localized(locale, to);
              const accept = new URLSearchParams({
                from: from.code,
                to: to.code,
                sku: sku.skuCode,
                qty: String(s.quantity),
                reason: t("reason", { from: fromName, to: toName }),
              });
              return (
                <tr
                  key={`${s.skuId} ${s.fromNodeId} ${s.toNodeId}`}
                  className="border-t border-stone-100 align-top"
                  data-testid="transfer-suggestion"
                  data-sku={sku.skuCode}
                  data-from={from.code}
                  data-to={to.code}
                >
                  <td className="py-2 pr-2">
                    <span className="font-mono text-xs">{sku.skuCode}</span>
                    <span className="block text-stone-600">
                      {localized(locale, { name: sku.productName, nameZh: sku.productNameZh })}
                    </span>
                  </td>
                  <td className="py-2 pr-2">
                    <NodeCell name={fromName} code={from.code} />
                    <span className="block text-xs text-stone-500">
                      {supply(s.fromDaysOfSupply)} · {tf("giveable", { units: s.fromGiveable })}
                    </span>
                  </td>
                  <td className="py-2 pr-2">
                    <NodeCell name={toName} code={to.code} />
                    <span className="block text-xs text-stone-500">
                      {supply(s.toDaysOfSupply)} · {tf("need", { units: s.toNeed })}
                    </span>
                  </td>
                  <td className="py-2 pr-2">
                    {s.sameCity ? (
                      <span
                        className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800"
                        data-testid="same-city"
                      >
                        {t("sameCity")} · {localized(locale, { name: to.city, nameZh: to.cityZh })}
                      </span>
                    ) : (
                      <span className="text-xs text-stone-600">
                        {t("otherCity")} ·{" "}
                        {localized(locale, { name: from.city, nameZh: from.cityZh })} →{" "}
                        {localized(locale, { name: to.city, nameZh: to.cityZh })}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-2 text-right font-semibold tabular-nums">{s.quantity}</td>
                  <td className="py-2">
                    {/* Not prefetched: a long table would fetch the transfers page once per row. */}
                    <Link
                      prefetch={false}
                      href={`/admin/transfers?${accept}`}
                      className="rounded-lg border border-stone-300 px-2 py-1 text-xs font-medium hover:border-stone-500"
                      title={t("acceptLabel", {
                        quantity: s.quantity,
                        sku: sku.skuCode,
                        from: fromName,
                        to: toName,
                      })}
                      data-testid="accept-transfer"
                    >
                      {t("accept")}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A node as a row shows it: its name in the reader's language and its code. */
export function NodeCell({ name, code }: { name: string; code: string }) {
  return (
    <span className="block">
      {name} <span className="font-mono text-xs text-stone-500">{code}</span>
    </span>
  );
}
