import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import type { EmployeeCategory, EmployeeFilters } from "@/lib/employee/employee-catalogue";
import { localized } from "@/lib/i18n/localized";

/**
 * The employee listing's filters as a plain GET form to /employee, so filtering works without
 * JavaScript and a filtered listing has its own URL.
 */
export async function EmployeeFiltersForm({
  filters,
  categories,
  sizes,
}: {
  filters: EmployeeFilters;
  categories: readonly EmployeeCategory[];
  sizes: readonly string[];
}) {
  const [t, locale] = await Promise.all([getTranslations("employee"), getLocale()]);
  return (
    <form
      action="/employee"
      method="get"
      aria-label={t("filters")}
      className="grid grid-cols-2 gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-4"
    >
      <FilterSelect
        id="employee-filter-category"
        name="category"
        label={t("category")}
        anyLabel={t("anyCategory")}
        value={filters.category}
        options={categories.map((c) => ({ value: c.slug, label: localized(locale, c) }))}
      />
      <FilterSelect
        id="employee-filter-size"
        name="size"
        label={t("size")}
        anyLabel={t("anySize")}
        value={filters.size}
        options={sizes.map((size) => ({ value: size, label: size }))}
      />
      <FilterSelect
        id="employee-filter-stock"
        name="inStock"
        label={t("stock")}
        anyLabel={t("anyStock")}
        value={filters.inStock ? "1" : undefined}
        options={[{ value: "1", label: t("inStockOnly") }]}
      />
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <Button type="submit" className="flex-1">
          {t("apply")}
        </Button>
        <Link href="/employee" className="py-2 text-sm text-stone-600 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
