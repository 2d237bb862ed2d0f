import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { QueryLink } from "@/components/ui/query-link";
import { Select } from "@/components/ui/select";
import {
  dashboardHref,
  SLOW_DAYS,
  MAX_QUERY_LENGTH,
  type DashboardState,
} from "./dashboard-params";
import { DEFAULT_SORT } from "./sort-totals";

/**
 * The dashboard's filters as a plain GET form (works before scripts load): category, SKU search,
 * sales window and slow-mover threshold; the region, node and sort ride along hidden.
 */
export async function InventoryFilters({
  state,
  categories,
  windowChoices,
}: {
  state: DashboardState;
  categories: { id: string; label: string }[];
  windowChoices: readonly number[];
}) {
  const t = await getTranslations("inventory.filters");
  const sorted = state.sort.key !== DEFAULT_SORT.key || state.sort.dir !== DEFAULT_SORT.dir;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-3"
      role="search"
      aria-label={t("label")}
      action="/admin/inventory"
      data-testid="inventory-filters"
    >
      {state.city ? <input type="hidden" name="city" value={state.city} /> : null}
      {state.node ? <input type="hidden" name="node" value={state.node.code} /> : null}
      {sorted ? (
        <>
          <input type="hidden" name="sort" value={state.sort.key} />
          <input type="hidden" name="dir" value={state.sort.dir} />
        </>
      ) : null}
      <div className="w-full sm:w-48">
        <FilterSelect
          id="inventory-category"
          name="category"
          label={t("category")}
          anyLabel={t("anyCategory")}
          value={state.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.label }))}
        />
      </div>
      <div className="w-full space-y-1 text-sm sm:w-56">
        <label htmlFor="inventory-q" className="block font-medium">
          {t("search")}
        </label>
        <Input
          id="inventory-q"
          name="q"
          type="search"
          defaultValue={state.q}
          maxLength={MAX_QUERY_LENGTH}
          compact
          className="w-full"
        />
      </div>
      <div className="w-[calc(50%-0.375rem)] space-y-1 text-sm sm:w-40">
        <label htmlFor="inventory-window" className="block font-medium">
          {t("window")}
        </label>
        <Select
          id="inventory-window"
          name="window"
          defaultValue={String(state.windowDays)}
          compact
          className="w-full"
        >
          {[...windowChoices]
            .sort((a, b) => a - b)
            .map((days) => (
              <option key={days} value={days}>
                {t("windowDays", { days })}
              </option>
            ))}
        </Select>
      </div>
      <div className="w-[calc(50%-0.375rem)] space-y-1 text-sm sm:w-36">
        <label htmlFor="inventory-slow" className="block font-medium">
          {t("slow")}
        </label>
        <Input
          id="inventory-slow"
          name="slow"
          type="number"
          min={SLOW_DAYS.min}
          max={SLOW_DAYS.max}
          step={1}
          defaultValue={state.slowDays}
          compact
          className="w-full"
        />
      </div>
      <Button type="submit" size="sm">
        {t("show")}
      </Button>
      {state.categoryId || state.q ? (
        <QueryLink
          href={dashboardHref({ ...state, q: undefined }, { categoryId: undefined })}
          className="self-center text-sm underline"
        >
          {t("clear")}
        </QueryLink>
      ) : null}
    </form>
  );
}
