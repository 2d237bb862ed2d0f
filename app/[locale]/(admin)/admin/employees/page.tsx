import { getTranslations } from "next-intl/server";
import { EmployeePolicyTable } from "@/components/admin/employee-policy-table";
import { PurchaseTotalsCard } from "@/components/admin/purchase-totals-card";
import { EmployeePriceForm } from "@/components/admin/employee-price-form";
import { QuotaPolicyForm } from "@/components/admin/quota-policy-form";
import { Button } from "@/components/ui/button";
import { QueryLink } from "@/components/ui/query-link";
import { PageTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { periodKeySchema } from "@/lib/admin/employee-admin-input";
import { employeePurchaseTotals } from "@/lib/admin/employee-purchase-totals.server";
import { listEmployeeAdmin } from "@/lib/admin/list-employee-admin.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { quotaPeriodKey } from "@/lib/employee/quota";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

const NEW_POLICY = {
  name: "",
  period: "QUARTER",
  maxUnits: 10,
  maxSpendYuan: 2000,
  maxPerSku: 2,
  discountPercent: 50,
} as const;

export default async function AdminEmployees({
  searchParams,
}: {
  searchParams: Promise<{ period?: RawParam }>;
}) {
  await requirePageRole(["ADMIN"], "/admin/employees");
  const now = new Date();
  const asked = periodKeySchema.safeParse(readSearchParam((await searchParams).period, 10));
  // The current quarter unless a valid period was chosen: the demo policies count by quarter.
  const period = asked.success ? asked.data : quotaPeriodKey(now, "QUARTER");
  const db = await getDb();
  const [t, data, totals] = await Promise.all([
    getTranslations("admin.employees"),
    listEmployeeAdmin(db),
    employeePurchaseTotals(db, period),
  ]);
  const csv = (by: "employee" | "sku") =>
    `/api/admin/employee-purchases?period=${encodeURIComponent(period)}&by=${by}`;

  return (
    <div className="space-y-8">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("policies")}</h2>
        {data.policies.map((p) => (
          <QuotaPolicyForm
            key={p.id}
            employees={p.employees}
            initial={{
              id: p.id,
              name: p.name,
              period: p.period,
              maxUnits: p.maxUnits,
              maxSpendYuan: p.maxSpend / 100,
              maxPerSku: p.maxPerSku,
              discountPercent: Math.round(p.discountBps / 100),
            }}
          />
        ))}
        <h3 className="font-medium">{t("newPolicy")}</h3>
        <QuotaPolicyForm initial={NEW_POLICY} employees={0} />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("assignments")}</h2>
        <EmployeePolicyTable
          employees={data.employees}
          policies={data.policies.map((p) => ({ id: p.id, name: p.name }))}
        />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("prices")}</h2>
        <table className="w-full text-sm" data-testid="employee-prices">
          <thead className="text-left text-stone-500">
            <tr>
              <th>{t("styleCode")}</th>
              <th>{t("sku")}</th>
              <th>{t("style")}</th>
              <th>{t("listPrice")}</th>
              <th>{t("employeePrice")}</th>
            </tr>
          </thead>
          <tbody>
            {data.priced.map((s) => (
              <tr key={s.skuCode ?? s.styleCode} className="border-t border-stone-100">
                <td>{s.styleCode}</td>
                <td>{s.skuCode ?? t("wholeStyle")}</td>
                <td>{s.name}</td>
                <td>
                  <Money fen={s.listPrice} />
                </td>
                <td>{s.employeePrice === null ? null : <Money fen={s.employeePrice} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <EmployeePriceForm />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("totals", { period })}</h2>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <Input
            name="period"
            compact
            className="w-32"
            aria-label={t("period")}
            defaultValue={period}
            placeholder="2026-Q4"
          />
          <Button type="submit" variant="secondary">
            {t("show")}
          </Button>
          {(["MONTH", "QUARTER", "YEAR"] as const).map((p) => (
            <QueryLink
              key={p}
              className="text-sm underline"
              href={`/admin/employees?period=${quotaPeriodKey(now, p)}`}
            >
              {t(`current.${p}`)}
            </QueryLink>
          ))}
        </form>
        <div className="grid gap-6 lg:grid-cols-2">
          <PurchaseTotalsCard
            title={t("byEmployee")}
            csvHref={csv("employee")}
            testId="totals-by-employee"
            keyHeadings={[t("employeeNo"), t("employeeName")]}
            rows={totals.byEmployee.map((r) => ({
              key: r.employeeNo,
              first: r.employeeNo,
              second: r.name,
              units: r.units,
              spend: r.spend,
            }))}
          />
          <PurchaseTotalsCard
            title={t("bySku")}
            csvHref={csv("sku")}
            testId="totals-by-sku"
            keyHeadings={[t("sku"), t("style")]}
            rows={totals.bySku.map((r) => ({
              key: r.skuCode,
              first: r.skuCode,
              second: r.name,
              units: r.units,
              spend: r.spend,
            }))}
          />
        </div>
      </section>
    </div>
  );
}
