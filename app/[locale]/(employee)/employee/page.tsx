import { getTranslations } from "next-intl/server";
import { EmployeeFiltersForm } from "@/components/employee/employee-filters-form";
import { EmployeeProductCard } from "@/components/employee/employee-product-card";
import { PageTitle, Stat } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requirePageRole } from "@/lib/auth/session.server";
import { sizesOf } from "@/lib/catalogue/colours";
import { getDb } from "@/lib/db/client.server";
import { requireActiveEmployee } from "@/lib/employee/employee-access.server";
import type { EmployeeFilters } from "@/lib/employee/employee-catalogue";
import { listEmployeeCatalogue } from "@/lib/employee/employee-catalogue.server";
import { getEmployeeOverview } from "@/lib/employee/get-employee-overview.server";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

// Quota and the offer follow every order and every allocation change: never a cached page.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

/** The employee store: quota left this period and what the employee channel sells, filtered. */
export default async function EmployeeHome({ searchParams }: Props) {
  // Layouts and pages render in parallel, so the page checks the role too before reading data.
  const user = await requirePageRole(["EMPLOYEE"], "/employee");
  const query = await searchParams;
  const filters: EmployeeFilters = {
    category: readSearchParam(query.category, 60),
    size: readSearchParam(query.size, 20),
    inStock: readSearchParam(query.inStock) === "1",
  };
  const db = await getDb();
  await requireActiveEmployee(db, user);
  const [t, overview, listing] = await Promise.all([
    getTranslations("employee"),
    getEmployeeOverview(db, { userId: user.id, now: new Date() }),
    listEmployeeCatalogue(db, { userId: user.id, filters }),
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
        <Stat label={t("perSku")} value={overview.limits.maxPerSku} testId="quota-per-sku" />
      </div>
      <section className="space-y-4">
        <h2 className="text-lg font-bold">{t("offer", { count: listing.styles.length })}</h2>
        <EmployeeFiltersForm
          filters={filters}
          categories={listing.categories}
          sizes={sizesOf(listing.offeredSkus)}
        />
        {listing.styles.length === 0 ? (
          <p
            className="rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600"
            data-testid="employee-no-results"
          >
            {t("noResults")}
          </p>
        ) : null}
        <div
          className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
          data-testid="clearance-products"
        >
          {listing.styles.map((style, i) => (
            <EmployeeProductCard key={style.id} style={style} preload={i < 2} />
          ))}
        </div>
      </section>
    </div>
  );
}
