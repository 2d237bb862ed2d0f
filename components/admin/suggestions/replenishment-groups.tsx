import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { SuggestionLabels } from "@/lib/inventory-insights/load-suggestions.server";
import type { ReplenishmentGroup } from "@/lib/inventory-insights/replenishment";
import { localized } from "@/lib/i18n/localized";
import { supplyDaysText } from "./supply-days";
import { NodeCell } from "./transfer-suggestion-table";

/**
 * Replenishment by supplier warehouse: a heading with the warehouse and its units, then a row per
 * store and SKU with the figures behind the need, and a link that opens the new-transfer form
 * from the warehouse (or, when the warehouse cannot spare any, the shortfall).
 */
export async function ReplenishmentGroups(props: {
  groups: readonly ReplenishmentGroup[];
  labels: SuggestionLabels;
  windowDays: number;
}) {
  const [t, tf, locale, format] = await Promise.all([
    getTranslations("suggestions.replenishment"),
    getTranslations("suggestions.figures"),
    getLocale(),
    getFormatter(),
  ]);
  const { groups, labels, windowDays } = props;
  if (groups.length === 0) {
    return (
      <p className="text-stone-600" data-testid="replenishment-empty">
        {t("empty")}
      </p>
    );
  }
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const cover = (s: ReplenishmentGroup["suggestions"][number]["daysOfCover"]) =>
    supplyDaysText(s, { days: (days) => tf("days", { days }), noSales: tf("noSales") }, number);
  const lines = groups.reduce((sum, g) => sum + g.suggestions.length, 0);
  const units = groups.reduce((sum, g) => sum + g.units, 0);
  return (
    <div className="space-y-6">
      <p className="text-sm text-stone-600" data-testid="replenishment-total">
        {t("total", { count: lines, units })}
      </p>
      {groups.map((group) => {
        const supplier = labels.nodes[group.supplierNodeId];
        if (!supplier) return null;
        const warehouse = localized(locale, supplier);
        return (
          <section
            key={group.supplierNodeId}
            className="space-y-2"
            data-testid="replenishment-group"
            data-supplier={supplier.code}
          >
            <h2 className="text-lg font-semibold">
              {t("group", { warehouse, code: supplier.code, units: group.units })}
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-stone-500">
                  <tr>
                    <th className="py-2 pr-2">{t("store")}</th>
                    <th className="pr-2">{t("sku")}</th>
                    <th className="pr-2 text-right">{t("need")}</th>
                    <th className="pr-2 text-right">{t("quantity")}</th>
                    <th className="pr-2 text-right">{t("shortfall")}</th>
                    <th className="pr-2 text-right">{t("available")}</th>
                    <th className="pr-2 text-right">{t("inbound")}</th>
                    <th className="pr-2 text-right">{t("sold", { days: windowDays })}</th>
                    <th className="pr-2 text-right">{t("cover")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {group.suggestions.map((s) => {
                    const node = labels.nodes[s.nodeId];
                    const sku = labels.skus[s.skuId];
                    if (!node || !sku) return null;
                    const store = localized(locale, node);
                    const link = new URLSearchParams({
                      from: supplier.code,
                      to: node.code,
                      sku: sku.skuCode,
                      qty: String(s.quantity),
                      reason: t("reason", {
                        store,
                        sold: s.unitsSold,
                        window: windowDays,
                        days: cover(s.daysOfCover),
                      }),
                    });
                    return (
                      <tr
                        key={`${s.nodeId} ${s.skuId}`}
                        className="border-t border-stone-100 align-top"
                        data-testid="replenishment-line"
                        data-node={node.code}
                        data-sku={sku.skuCode}
                      >
                        <td className="py-2 pr-2">
                          <NodeCell name={store} code={node.code} />
                        </td>
                        <td className="py-2 pr-2">
                          <span className="font-mono text-xs">{sku.skuCode}</span>
                          <span className="block text-stone-600">
                            {localized(locale, {
                              name: sku.productName,
                              nameZh: sku.productNameZh,
                            })}
                          </span>
                        </td>
                        <td className="py-2 pr-2 text-right tabular-nums">{s.need}</td>
                        <td className="py-2 pr-2 text-right font-semibold tabular-nums">
                          {s.quantity}
                        </td>
                        <td
                          className={`py-2 pr-2 text-right tabular-nums ${s.shortfall > 0 ? "text-red-700" : ""}`}
                        >
                          {s.shortfall}
                        </td>
                        <td className="py-2 pr-2 text-right tabular-nums">{s.available}</td>
                        <td className="py-2 pr-2 text-right tabular-nums">{s.inbound}</td>
                        <td className="py-2 pr-2 text-right tabular-nums">{s.unitsSold}</td>
                        <td className="py-2 pr-2 text-right tabular-nums">
                          {cover(s.daysOfCover)}
                        </td>
                        <td className="py-2">
                          {s.quantity > 0 ? (
                            // Not prefetched: a long table would fetch the transfers page per row.
                            <Link
                              prefetch={false}
                              href={`/admin/transfers?${link}`}
                              className="whitespace-nowrap rounded-lg border border-stone-300 px-2 py-1 text-xs font-medium hover:border-stone-500"
                              title={t("transferLabel", {
                                quantity: s.quantity,
                                sku: sku.skuCode,
                                warehouse,
                                store,
                              })}
                              data-testid="replenish-transfer"
                            >
                              {t("transfer", { warehouse: supplier.code })}
                            </Link>
                          ) : (
                            <span className="text-xs text-red-700" data-testid="replenish-short">
                              {t("short", { units: s.shortfall, warehouse: supplier.code })}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
