import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import { getPoolSummary } from "@/lib/inventory/get-pool-summary.server";

export default async function AdminHome() {
  await requirePageRole(["ADMIN"], "/admin");
  const [t, locale, summary] = await Promise.all([
    getTranslations("admin"),
    getLocale(),
    getPoolSummary(await getDb()),
  ]);
  const nf = new Intl.NumberFormat(locale);
  const total = summary.stockByNodeType.reduce(
    (acc, r) => ({ onHand: acc.onHand + r.onHand, available: acc.available + r.available }),
    { onHand: 0, available: 0 },
  );
  return (
    <div className="space-y-6">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Stat label={t("styles")} value={nf.format(summary.styleCount)} />
        <Stat label={t("skus")} value={nf.format(summary.skuCount)} testId="admin-sku-count" />
        <Stat label={t("unitsOnHand")} value={nf.format(total.onHand)} testId="admin-units" />
        <Stat label={t("unitsAvailable")} value={nf.format(total.available)} />
        <Stat label={t("orders")} value={nf.format(summary.orderCount)} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-bold">{t("stockByNodeType")}</h2>
          <table className="w-full text-sm">
            <thead className="text-left text-stone-500">
              <tr>
                <th>{t("nodeType")}</th>
                <th className="text-right">{t("nodes")}</th>
                <th className="text-right">{t("unitsOnHand")}</th>
                <th className="text-right">{t("unitsAvailable")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.stockByNodeType.map((r) => (
                <tr key={r.type} className="border-t border-stone-100">
                  <td className="py-1">{t(`nodeTypes.${r.type}`)}</td>
                  <td className="text-right tabular-nums">
                    {summary.nodesByType.find((n) => n.type === r.type)?.count ?? 0}
                  </td>
                  <td className="text-right tabular-nums">{nf.format(r.onHand)}</td>
                  <td className="text-right tabular-nums">{nf.format(r.available)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card>
          <h2 className="mb-2 font-bold">{t("channels")}</h2>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="admin-channels">
            {summary.channels.map((c) => (
              <li key={c.code} className="flex justify-between py-1">
                <span>
                  {localized(locale, c)} <span className="text-stone-400">P{c.priority}</span>
                </span>
                <span className="text-stone-600">
                  {c.policies
                    .map(
                      (p) =>
                        `${t(`scope.${p.scope === "LIFECYCLE" ? (p.lifecycle ?? "ALL") : p.scope}`)}: ${t(`policy.${p.mode}`, { ratio: (p.ratioBps ?? 0) / 100, qty: p.fixedQty ?? 0 })}`,
                    )
                    .join(" · ") || t("policy.none")}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
