import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FilterSelect } from "@/components/ui/filter-select";
import type { ListingFilters } from "@/lib/catalogue/listing-filters";
import { SHOPPER_CITIES } from "@/lib/catalogue/shopper-cities";
import type { CatalogueCategory, ColourOption } from "@/lib/catalogue/types";
import { localized } from "@/lib/i18n/localized";

/**
 * Listing filters as a plain GET form to /shop (which redirects to the chosen category), so
 * filtering works without JavaScript and every filtered listing has a shareable URL.
 */
export async function ListingFiltersForm(props: {
  filters: ListingFilters;
  categories: readonly CatalogueCategory[];
  sizes: readonly string[];
  colours: readonly ColourOption[];
  clearHref: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const { filters } = props;
  return (
    <form
      action="/shop"
      method="get"
      aria-label={t("filters")}
      className="grid grid-cols-2 gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
    >
      <FilterSelect
        id="filter-category"
        name="category"
        label={t("category")}
        anyLabel={t("anyCategory")}
        value={filters.category}
        options={props.categories.map((c) => ({ value: c.slug, label: localized(locale, c) }))}
      />
      <FilterSelect
        id="filter-size"
        name="size"
        label={t("size")}
        anyLabel={t("anySize")}
        value={filters.size}
        options={props.sizes.map((size) => ({ value: size, label: size }))}
      />
      <FilterSelect
        id="filter-colour"
        name="colour"
        label={t("colour")}
        anyLabel={t("anyColour")}
        value={filters.colour}
        options={props.colours.map((c) => ({
          value: c.color,
          label: localized(locale, { name: c.color, nameZh: c.colorZh }),
        }))}
      />
      <div className="space-y-1 text-sm">
        <label htmlFor="filter-min" className="block font-medium">
          {t("minPrice")}
        </label>
        <Input
          type="number"
          id="filter-min"
          name="min"
          min={0}
          step={1}
          inputMode="numeric"
          defaultValue={filters.minPrice === undefined ? "" : filters.minPrice / 100}
          compact
          className="w-full"
        />
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="filter-max" className="block font-medium">
          {t("maxPrice")}
        </label>
        <Input
          type="number"
          id="filter-max"
          name="max"
          min={0}
          step={1}
          inputMode="numeric"
          defaultValue={filters.maxPrice === undefined ? "" : filters.maxPrice / 100}
          compact
          className="w-full"
        />
      </div>
      <FilterSelect
        id="filter-near"
        name="near"
        label={t("near")}
        anyLabel={t("anywhere")}
        value={filters.nearCity}
        options={SHOPPER_CITIES.map((c) => ({ value: c.name, label: localized(locale, c) }))}
      />
      <div className="col-span-2 flex items-end gap-2 sm:col-span-3 lg:col-span-1">
        <Button type="submit" className="flex-1">
          {t("apply")}
        </Button>
        <Link href={props.clearHref} className="py-2 text-sm text-stone-600 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
