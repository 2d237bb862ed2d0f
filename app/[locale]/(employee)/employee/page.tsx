import Image from "next/image";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { getEmployeeOverview } from "@/lib/employee/get-employee-overview.server";
import { localized } from "@/lib/i18n/localized";

export default async function EmployeeHome() {
  // Layouts and pages render in parallel, so the page checks the role too before reading data.
  const user = await requirePageRole(["EMPLOYEE"], "/employee");
  const [t, locale, overview] = await Promise.all([
    getTranslations("employee"),
    getLocale(),
    getEmployeeOverview(await getDb(), { userId: user.id, now: new Date() }),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle
        title={t("title")}
        subtitle={t("subtitle", { name: user.name, employeeNo: overview.employeeNo })}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat
          label={t("unitsLeft", { period: overview.periodKey })}
          value={`${overview.remaining.units} / ${overview.limits.maxUnits}`}
          testId="quota-units-left"
        />
        <Stat
          label={t("spendLeft", { period: overview.periodKey })}
          value={<Money fen={overview.remaining.spend} />}
          testId="quota-spend-left"
        />
        <Stat label={t("perSku")} value={overview.limits.maxPerSku} />
      </div>
      <section>
        <h2 className="mb-3 text-lg font-bold">
          {t("clearance", { count: overview.products.length })}
        </h2>
        <div
          className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
          data-testid="clearance-products"
        >
          {overview.products.map((p) => (
            <Card key={p.id} className="space-y-1">
              <div className="relative aspect-square bg-stone-100">
                <Image src={p.imagePath} alt="" fill sizes="25vw" className="object-contain p-4" />
              </div>
              <p className="text-xs text-stone-500">
                {localized(locale, { name: p.categoryName, nameZh: p.categoryNameZh })}
              </p>
              <h3 className="font-semibold leading-tight">{localized(locale, p)}</h3>
              <p>
                <Money fen={p.employeePrice} className="font-bold text-brand" />{" "}
                <Money fen={p.listPrice} className="text-sm text-stone-400 line-through" />
              </p>
            </Card>
          ))}
        </div>
      </section>
    </div>
  );
}
