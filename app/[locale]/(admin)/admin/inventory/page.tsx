import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertsPanel } from "@/components/admin/inventory/alerts-panel";
import {
  dashboardHref,
  MAX_QUERY_LENGTH,
  parseDashboardParams,
  type DashboardState,
} from "@/components/admin/inventory/dashboard-params";
import { DaysOfSupplyChart } from "@/components/admin/inventory/days-of-supply-chart";
import { InventoryFilters } from "@/components/admin/inventory/inventory-filters";
import { SellThroughChart } from "@/components/admin/inventory/sell-through-chart";
import { StockByTypeChart } from "@/components/admin/inventory/stock-by-type-chart";
import {
  formatDays,
  formatShare,
  TotalsTable,
  type TotalsRow,
} from "@/components/admin/inventory/totals-table";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageTitle, Stat } from "@/components/ui/card";
import { QueryLink } from "@/components/ui/query-link";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { formatMoney } from "@/lib/i18n/money";
import { localized } from "@/lib/i18n/localized";
import {
  loadInventoryDashboard,
  WINDOW_DAYS_CHOICES,
} from "@/lib/inventory-insights/load-inventory-dashboard.server";
import { rollUp } from "@/lib/inventory-insights/metrics";
import { listNodes } from "@/lib/nodes/list-nodes.server";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

/** A store holds hundreds of SKUs: the table lists this many, after sorting. */
const SKU_ROWS_SHOWN = 100;

type Props = { searchParams: Promise<Record<string, RawParam>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inventory.dashboard");
  return { title: t("title") };
}

/** HQ's pool dashboard: regions → nodes → SKUs with their figures, charts and alerts. */
export default async function AdminInventory({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/inventory");
  const query = await searchParams;
  const db = await getDb();
  const [t, tc, tn, locale, allNodes] = await Promise.all([
    getTranslations("inventory.dashboard"),
    getTranslations("inventory.columns"),
    getTranslations("inventory.nodeType"),
    getLocale(),
    listNodes(db),
  ]);
  const nodes = allNodes.filter((n) => n.active);
  let state: DashboardState = parseDashboardParams(
    {
      city: readSearchParam(query.city, 100),
      node: readSearchParam(query.node, 32),
      category: readSearchParam(query.category, 64),
      q: readSearchParam(query.q, MAX_QUERY_LENGTH),
      sort: readSearchParam(query.sort, 20),
      dir: readSearchParam(query.dir, 4),
      window: readSearchParam(query.window, 4),
      slow: readSearchParam(query.slow, 4),
    },
    { nodes, windowChoices: WINDOW_DAYS_CHOICES },
  );
  const now = new Date();
  const load = (s: DashboardState) =>
    loadInventoryDashboard(db, {
      filter: { city: s.city, nodeId: s.node?.id, categoryId: s.categoryId, skuQuery: s.q },
      windowDays: s.windowDays,
      slowThresholdDays: s.slowDays,
      now,
    });
  let dashboard = await load(state);
  // Every category is labelled whatever the filter: one that is not names nothing.
  if (state.categoryId && !dashboard.labels.categories[state.categoryId]) {
    state = { ...state, categoryId: undefined };
    dashboard = await load(state);
  }

  const cityName = (city: string) => {
    const n = nodes.find((x) => x.city === city);
    return n ? localized(locale, { name: n.city, nameZh: n.cityZh }) : city;
  };
  const nodeName = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? `${localized(locale, n)} (${n.code})` : id;
  };
  const categoryName = (id: string) => {
    const c = dashboard.labels.categories[id];
    return c ? localized(locale, c) : id;
  };
  const days = { days: dashboard.windowDays };

  let level: {
    caption: string;
    nameHeader: string;
    testId: string;
    rows: TotalsRow[];
    limit?: number;
  };
  if (state.node) {
    const skus = dashboard.labels.skus;
    level = {
      caption: t("skus", { node: nodeName(state.node.id) }),
      nameHeader: tc("sku"),
      testId: "inventory-skus",
      limit: SKU_ROWS_SHOWN,
      rows: rollUp(dashboard.rows, (r) => r.skuId, days).map((totals) => {
        const s = skus[totals.key];
        const name = s ? localized(locale, { name: s.productName, nameZh: s.productNameZh }) : "";
        return { label: s ? `${s.skuCode} · ${name}` : totals.key, totals };
      }),
    };
  } else if (state.city) {
    level = {
      caption: t("nodes", { city: cityName(state.city) }),
      nameHeader: tc("node"),
      testId: "inventory-nodes",
      rows: dashboard.byNode.map((totals) => ({
        label: nodeName(totals.key),
        href: dashboardHref(state, { node: dashboard.labels.nodes[totals.key]?.code }),
        totals,
      })),
    };
  } else {
    level = {
      caption: t("regions"),
      nameHeader: tc("region"),
      testId: "inventory-regions",
      rows: dashboard.byCity.map((totals) => ({
        label: cityName(totals.key),
        href: dashboardHref(state, { city: totals.key }),
        totals,
      })),
    };
  }
  const categoryRows: TotalsRow[] = dashboard.byCategory.map((totals) => ({
    label: categoryName(totals.key),
    href: dashboardHref(state, { categoryId: totals.key }),
    totals,
  }));
  const crumbs = [
    { label: t("allRegions"), href: dashboardHref(state, { city: undefined, node: undefined }) },
    ...(state.city
      ? [{ label: cityName(state.city), href: dashboardHref(state, { node: undefined }) }]
      : []),
    ...(state.node ? [{ label: nodeName(state.node.id), href: dashboardHref(state) }] : []),
  ];
  const total = dashboard.total;
  const number = new Intl.NumberFormat(locale);

  return (
    <div className="space-y-6">
      <PageTitle title={t("title")} subtitle={t("subtitle", { days: dashboard.windowDays })} />
      <nav className="flex flex-wrap gap-3 text-sm" aria-label={t("title")}>
        <Link href="/admin/inventory/transfers" className="underline" prefetch={false}>
          {t("transferLink")}
        </Link>
        <Link href="/admin/inventory/replenishment" className="underline" prefetch={false}>
          {t("replenishLink")}
        </Link>
      </nav>
      <nav aria-label={t("breadcrumb")} data-testid="inventory-breadcrumbs">
        <ol className="flex flex-wrap items-center gap-1 text-sm">
          {crumbs.map((c, i) => (
            <li key={c.href} className="flex items-center gap-1">
              {i > 0 ? <span aria-hidden="true">›</span> : null}
              {i === crumbs.length - 1 ? (
                <span aria-current="page" className="font-semibold">
                  {c.label}
                </span>
              ) : (
                <QueryLink href={c.href} className="underline">
                  {c.label}
                </QueryLink>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <InventoryFilters
        state={state}
        windowChoices={WINDOW_DAYS_CHOICES}
        categories={Object.entries(dashboard.labels.categories)
          .map(([id, c]) => ({ id, label: localized(locale, c) }))
          .sort((a, b) => a.label.localeCompare(b.label, locale))}
      />
      <section aria-label={t("totals")} className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat label={tc("onHand")} value={number.format(total.onHand)} testId="total-onHand" />
        <Stat
          label={tc("available")}
          value={number.format(total.available)}
          testId="total-available"
        />
        {/* The widest figure: the whole row on a phone, a smaller type until there is room. */}
        <div className="col-span-2 md:col-span-1">
          <Stat
            label={tc("stockValue")}
            value={
              <span className="text-xl lg:text-2xl">{formatMoney(total.stockValue, locale)}</span>
            }
            testId="total-stockValue"
          />
        </div>
        <Stat
          label={tc("unitsSold", { days: dashboard.windowDays })}
          value={number.format(total.unitsSold)}
          testId="total-unitsSold"
        />
        <Stat
          label={tc("sellThrough")}
          value={
            total.sellThrough === null
              ? tc("noSalesNoStock")
              : formatShare(total.sellThrough, locale)
          }
          testId="total-sellThrough"
        />
        <Stat
          label={tc("daysOfSupply")}
          value={formatDays(total.daysOfSupply, locale) ?? tc("noSales")}
          testId="total-daysOfSupply"
        />
      </section>
      <ClientMessages namespaces={["inventory"]}>
        <section className="grid gap-4 lg:grid-cols-3" data-testid="inventory-charts">
          <StockByTypeChart
            data={dashboard.byNodeType.map((g) => ({
              key: g.key,
              label: tn(g.key),
              onHand: g.onHand,
              available: g.available,
            }))}
          />
          <SellThroughChart weeks={dashboard.sellThroughWeeks} />
          <DaysOfSupplyChart buckets={dashboard.daysOfSupply} />
        </section>
      </ClientMessages>
      {level.rows.length === 0 ? (
        <p className="text-stone-600" data-testid="inventory-empty">
          {t("empty")}
        </p>
      ) : (
        <TotalsTable {...level} state={state} />
      )}
      <AlertsPanel dashboard={dashboard} />
      {categoryRows.length > 0 ? (
        <TotalsTable
          caption={t("categories")}
          nameHeader={tc("category")}
          rows={categoryRows}
          state={state}
          testId="inventory-categories"
        />
      ) : null}
    </div>
  );
}
