import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { WINDOW_DAYS_CHOICES } from "@/lib/inventory-insights/load-inventory-dashboard.server";
import { SUGGESTION_BOUNDS, type SuggestionQuery } from "@/lib/inventory-insights/suggestion-query";

/**
 * A suggestion screen's GET filter: SKU search, category, sales window, target cover, and the
 * slow threshold (transfers) or the lead time (replenishment).
 */
export async function SuggestionFilters(props: {
  action: string;
  query: SuggestionQuery;
  categories: readonly { id: string; label: string }[];
  setting: "slow" | "lead";
}) {
  const t = await getTranslations("suggestions.filters");
  const { query } = props;
  const { targetDays, slowThresholdDays, leadTimeDays } = SUGGESTION_BOUNDS;
  return (
    <form
      className="grid items-end gap-2 sm:grid-cols-3 lg:grid-cols-6"
      role="search"
      action={props.action}
      data-testid="suggestion-filter"
    >
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t("search")}</span>
        <Input
          type="search"
          name="q"
          defaultValue={query.skuQuery ?? ""}
          placeholder={t("searchPlaceholder")}
          maxLength={60}
          compact
          className="w-full"
        />
      </label>
      <FilterSelect
        id="suggestion-category"
        name="category"
        label={t("category")}
        anyLabel={t("anyCategory")}
        value={query.categoryId}
        options={props.categories.map((c) => ({ value: c.id, label: c.label }))}
      />
      <div className="space-y-1 text-sm">
        <label htmlFor="suggestion-window" className="block font-medium">
          {t("window")}
        </label>
        <Select
          id="suggestion-window"
          name="window"
          defaultValue={String(query.windowDays)}
          compact
          className="w-full"
        >
          {WINDOW_DAYS_CHOICES.map((days) => (
            <option key={days} value={days}>
              {t("windowDays", { days })}
            </option>
          ))}
        </Select>
      </div>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t("target")}</span>
        <Input
          type="number"
          name="target"
          min={targetDays.min}
          max={targetDays.max}
          step={1}
          defaultValue={query.targetDays}
          compact
          className="w-full"
        />
      </label>
      {props.setting === "slow" ? (
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("slow")}</span>
          <Input
            type="number"
            name="slow"
            min={query.targetDays}
            max={slowThresholdDays.max}
            step={1}
            defaultValue={query.slowThresholdDays}
            compact
            className="w-full"
          />
        </label>
      ) : (
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("lead")}</span>
          <Input
            type="number"
            name="lead"
            min={leadTimeDays.min}
            max={leadTimeDays.max}
            step={1}
            defaultValue={query.leadTimeDays}
            compact
            className="w-full"
          />
        </label>
      )}
      <Button type="submit" size="sm">
        {t("show")}
      </Button>
    </form>
  );
}
