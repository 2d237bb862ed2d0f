import { getLocale, getTranslations } from "next-intl/server";
import { QueryLink } from "@/components/ui/query-link";
import { formatMoney } from "@/lib/i18n/money";
import type { DaysOfSupply } from "@/lib/inventory-insights/metrics";
import { dashboardHref, type DashboardState } from "./dashboard-params";
import { nextSort, sortTotals, type LabelledTotals, type SortKey } from "./sort-totals";

/** A table row: its totals, the name shown and, when it drills down, where it leads. */
export type TotalsRow = LabelledTotals & { href?: string };

const FIGURES = [
  "onHand",
  "available",
  "stockValue",
  "unitsSold",
  "sellThrough",
  "daysOfSupply",
] as const satisfies readonly SortKey[];

/** Sell-through as a whole-number percentage with one decimal. */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    share,
  );
}

/** Days of supply with one decimal, or null for no sales. */
export function formatDays(supply: DaysOfSupply, locale: string): string | null {
  if (supply.kind === "NO_SALES") return null;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(supply.days);
}

/**
 * One level of the dashboard (regions, a region's nodes, a node's SKUs, or categories) with its
 * figures; each header is a link that sorts the page's tables by it, on the server.
 */
export async function TotalsTable({
  caption,
  nameHeader,
  rows,
  state,
  testId,
  limit,
}: {
  caption: string;
  nameHeader: string;
  rows: TotalsRow[];
  state: DashboardState;
  testId: string;
  /** Rows listed at most, after sorting (a store holds hundreds of SKUs). */
  limit?: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("inventory.columns"), getLocale()]);
  const shown = sortTotals(rows, state.sort).slice(0, limit);
  const number = new Intl.NumberFormat(locale);
  const headerOf = (key: SortKey) =>
    key === "name"
      ? nameHeader
      : key === "unitsSold"
        ? t("unitsSold", { days: state.windowDays })
        : t(key);
  const header = (key: SortKey, alignRight: boolean) => {
    const active = state.sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={`px-2 py-2 font-medium ${alignRight ? "text-right" : "text-left"}`}
        aria-sort={active ? (state.sort.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <QueryLink
          href={dashboardHref(state, { sort: nextSort(state.sort, key) })}
          className="hover:underline"
          aria-label={t("sortBy", { column: headerOf(key) })}
          data-testid={`sort-${key}`}
        >
          {headerOf(key)}
          {active ? (state.sort.dir === "asc" ? " ▲" : " ▼") : ""}
        </QueryLink>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="px-3 pt-3 text-left font-bold">{caption}</caption>
        <thead className="text-stone-500">
          <tr className="border-b border-stone-200">
            {header("name", false)}
            {FIGURES.map((key) => header(key, true))}
          </tr>
        </thead>
        <tbody>
          {shown.map(({ label, href, totals }) => (
            <tr key={totals.key} className="border-b border-stone-100 last:border-0">
              <th scope="row" className="min-w-40 px-2 py-2 text-left font-medium">
                {href ? (
                  <QueryLink href={href} className="underline">
                    {label}
                  </QueryLink>
                ) : (
                  label
                )}
              </th>
              <td className="px-2 text-right tabular-nums">{number.format(totals.onHand)}</td>
              <td className="px-2 text-right tabular-nums">{number.format(totals.available)}</td>
              <td className="px-2 text-right tabular-nums">
                {formatMoney(totals.stockValue, locale)}
              </td>
              <td className="px-2 text-right tabular-nums">{number.format(totals.unitsSold)}</td>
              <td className="px-2 text-right tabular-nums">
                {totals.sellThrough === null ? (
                  <span className="text-stone-500">{t("noSalesNoStock")}</span>
                ) : (
                  formatShare(totals.sellThrough, locale)
                )}
              </td>
              <td className="px-2 text-right tabular-nums">
                {formatDays(totals.daysOfSupply, locale) ?? (
                  <span className="text-stone-500">{t("noSales")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < rows.length ? (
        <p className="px-3 pb-3 text-xs text-stone-500" data-testid={`${testId}-limited`}>
          {t("limited", { shown: shown.length, total: rows.length })}
        </p>
      ) : null}
    </div>
  );
}
