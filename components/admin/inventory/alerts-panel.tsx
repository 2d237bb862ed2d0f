import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { InventoryDashboard } from "@/lib/inventory-insights/load-inventory-dashboard.server";

/** At most this many alerts of each kind are listed; the count says how many there are. */
export const ALERTS_SHOWN = 20;

type Action = { label: string; href: string };
type AlertLine = {
  kind: string;
  key: string;
  skuCode: string;
  nodeCode: string;
  where: string;
  what: string;
  figures: string;
  actions: Action[];
};

const replenishHref = (sku: string) =>
  `/admin/inventory/replenishment?q=${encodeURIComponent(sku)}`;
const transfersHref = (sku: string) => `/admin/inventory/transfers?q=${encodeURIComponent(sku)}`;

/** The dashboard's alerts, each with links to the screen that acts on it. */
export async function AlertsPanel({ dashboard }: { dashboard: InventoryDashboard }) {
  const [t, locale] = await Promise.all([getTranslations("inventory.alerts"), getLocale()]);
  const number = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const { nodes, skus } = dashboard.labels;
  const sku = (id: string) => {
    const s = skus[id];
    return s
      ? {
          code: s.skuCode,
          name: localized(locale, { name: s.productName, nameZh: s.productNameZh }),
        }
      : { code: id, name: "" };
  };
  const node = (id: string) => {
    const n = nodes[id];
    return n
      ? { code: n.code, name: `${localized(locale, n)} (${n.code})` }
      : { code: id, name: id };
  };
  const { stockOuts, slowMovers, belowTier } = dashboard.alerts;
  const groups: { id: string; title: string; help: string; total: number; lines: AlertLine[] }[] = [
    {
      id: "stock-outs",
      title: t("stockOuts"),
      help: t("stockOutsHelp"),
      total: stockOuts.length,
      lines: stockOuts.slice(0, ALERTS_SHOWN).map((a) => {
        const s = sku(a.skuId);
        const n = node(a.nodeId);
        return {
          kind: a.kind,
          key: `${a.nodeId}:${a.skuId}`,
          skuCode: s.code,
          nodeCode: n.code,
          where: n.name,
          what: `${s.code} · ${s.name}`,
          figures: t("stockOutLine", { sold: number.format(a.unitsSold), days: a.windowDays }),
          actions: [
            { label: t("replenish"), href: replenishHref(s.code) },
            { label: t("transferIn"), href: transfersHref(s.code) },
          ],
        };
      }),
    },
    {
      id: "slow-movers",
      title: t("slowMovers"),
      help: t("slowMoversHelp", { days: dashboard.slowThresholdDays }),
      total: slowMovers.length,
      lines: slowMovers.slice(0, ALERTS_SHOWN).map((a) => {
        const s = sku(a.skuId);
        const n = node(a.nodeId);
        const supply =
          a.daysOfSupply.kind === "DAYS"
            ? t("slowDays", { days: oneDecimal.format(a.daysOfSupply.days) })
            : t("slowNoSales", { days: a.windowDays });
        return {
          kind: a.kind,
          key: `${a.nodeId}:${a.skuId}`,
          skuCode: s.code,
          nodeCode: n.code,
          where: n.name,
          what: `${s.code} · ${s.name}`,
          figures: t("slowLine", { available: number.format(a.available), supply }),
          actions: [{ label: t("moveStock"), href: transfersHref(s.code) }],
        };
      }),
    },
    {
      id: "below-tier",
      title: t("belowTier"),
      help: t("belowTierHelp"),
      total: belowTier.length,
      lines: belowTier.slice(0, ALERTS_SHOWN).map((a) => {
        const s = sku(a.skuId);
        return {
          kind: a.kind,
          key: a.skuId,
          skuCode: s.code,
          nodeCode: "",
          where: "",
          what: `${s.code} · ${s.name}`,
          figures: t("belowTierLine", {
            pool: number.format(a.poolAvailable),
            threshold: number.format(a.threshold),
            shortfall: number.format(a.shortfall),
          }),
          actions: [
            { label: t("allocation"), href: "/admin/allocation" },
            { label: t("replenish"), href: replenishHref(s.code) },
          ],
        };
      }),
    },
  ];
  return (
    <section
      className="space-y-3"
      aria-labelledby="inventory-alerts-title"
      data-testid="inventory-alerts"
    >
      <h2 id="inventory-alerts-title" className="text-lg font-bold">
        {t("title")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        {groups.map((g) => (
          <section
            key={g.id}
            className="min-w-0 space-y-2 rounded-xl border border-stone-200 bg-white p-4"
            aria-labelledby={`alerts-${g.id}`}
            data-testid={`alerts-${g.id}`}
          >
            <div className="flex items-baseline justify-between gap-2">
              <h3 id={`alerts-${g.id}`} className="font-bold">
                {g.title}
              </h3>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${g.total > 0 ? "bg-amber-100 text-amber-900" : "bg-stone-100 text-stone-600"}`}
                data-testid="alert-count"
              >
                {t("count", { total: g.total })}
              </span>
            </div>
            <p className="text-xs text-stone-500">{g.help}</p>
            {g.lines.length === 0 ? (
              <p className="text-sm text-stone-600">{t("none")}</p>
            ) : (
              <ul className="divide-y divide-stone-100 text-sm">
                {g.lines.map((line) => (
                  <li
                    key={line.key}
                    className="space-y-1 py-2"
                    data-testid={`alert-${line.kind}`}
                    data-sku={line.skuCode}
                    data-node={line.nodeCode}
                  >
                    <p className="font-medium break-words">{line.what}</p>
                    {line.where ? <p className="text-stone-600">{line.where}</p> : null}
                    <p className="text-stone-600">{line.figures}</p>
                    <p className="flex flex-wrap gap-x-3">
                      {line.actions.map((a) => (
                        <Link key={a.label} href={a.href} prefetch={false} className="underline">
                          {a.label}
                        </Link>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {g.total > g.lines.length ? (
              <p className="text-xs text-stone-500">
                {t("shown", { shown: g.lines.length, total: g.total })}
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </section>
  );
}
