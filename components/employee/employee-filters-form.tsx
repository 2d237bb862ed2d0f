import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
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
      <div className="space-y-1 text-sm">
        <label htmlFor="employee-filter-category" className="block font-medium">
          {t("category")}
        </label>
        <Select
          id="employee-filter-category"
          name="category"
          defaultValue={filters.category ?? ""}
          compact
          className="w-full"
        >
          <option value="">{t("anyCategory")}</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {localized(locale, c)}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="employee-filter-size" className="block font-medium">
          {t("size")}
        </label>
        <Select
          id="employee-filter-size"
          name="size"
          defaultValue={filters.size ?? ""}
          compact
          className="w-full"
        >
          <option value="">{t("anySize")}</option>
          {sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="employee-filter-stock" className="block font-medium">
          {t("stock")}
        </label>
        <Select
          id="employee-filter-stock"
          name="inStock"
          defaultValue={filters.inStock ? "1" : ""}
          compact
          className="w-full"
        >
          <option value="">{t("anyStock")}</option>
          <option value="1">{t("inStockOnly")}</option>
        </Select>
      </div>
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
