import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
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
      <div className="space-y-1 text-sm">
        <label htmlFor="filter-category" className="block font-medium">
          {t("category")}
        </label>
        <Select
          id="filter-category"
          name="category"
          defaultValue={filters.category ?? ""}
          compact
          className="w-full"
        >
          <option value="">{t("anyCategory")}</option>
          {props.categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {localized(locale, c)}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="filter-size" className="block font-medium">
          {t("size")}
        </label>
        <Select
          id="filter-size"
          name="size"
          defaultValue={filters.size ?? ""}
          compact
          className="w-full"
        >
          <option value="">{t("anySize")}</option>
          {props.sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="filter-colour" className="block font-medium">
          {t("colour")}
        </label>
        <Select
          id="filter-colour"
          name="colour"
          defaultValue={filters.colour ?? ""}
          compact
          className="w-full"
        >
          <option value="">{t("anyColour")}</option>
          {props.colours.map((c) => (
            <option key={c.color} value={c.color}>
              {localized(locale, { name: c.color, nameZh: c.colorZh })}
            </option>
          ))}
        </Select>
      </div>
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
      <div className="space-y-1 text-sm">
        <label htmlFor="filter-near" className="block font-medium">
          {t("near")}
        </label>
        <Select
          id="filter-near"
          name="near"
          defaultValue={filters.nearCity ?? ""}
          compact
          className="w-full"
        >
          <option value="">{t("anywhere")}</option>
          {SHOPPER_CITIES.map((c) => (
            <option key={c.name} value={c.name}>
              {localized(locale, c)}
            </option>
          ))}
        </Select>
      </div>
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
