import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ReplenishmentGroups } from "@/components/admin/suggestions/replenishment-groups";
import { SuggestionFilters } from "@/components/admin/suggestions/suggestion-filters";
import { SuggestionsNav } from "@/components/admin/suggestions/suggestions-nav";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import {
  listSuggestionCategories,
  loadReplenishment,
} from "@/lib/inventory-insights/load-suggestions.server";
import { readSuggestionQuery, suggestionSearch } from "@/lib/inventory-insights/suggestion-query";
import { localized } from "@/lib/i18n/localized";
import type { RawParam } from "@/lib/validation/route-params";

// Suggestions follow every sale and stock change: never prerender or cache this page.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("suggestions.replenishment");
  return { title: t("title") };
}

/** HQ's replenishment from the warehouses, by supplier warehouse, with its CSV. */
export default async function Replenishment({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/inventory/replenishment");
  const query = readSuggestionQuery(await searchParams);
  const db = await getDb();
  const [t, locale, categories, result] = await Promise.all([
    getTranslations("suggestions.replenishment"),
    getLocale(),
    listSuggestionCategories(db),
    loadReplenishment(db, {
      filter: { categoryId: query.categoryId, skuQuery: query.skuQuery },
      windowDays: query.windowDays,
      leadTimeDays: query.leadTimeDays,
      targetDays: query.targetDays,
      now: new Date(),
    }),
  ]);
  const search = suggestionSearch(query, ["lead"]);
  return (
    <div className="space-y-4">
      <SuggestionsNav query={query} />
      <PageTitle
        title={t("title")}
        subtitle={t("formula", {
          lead: query.leadTimeDays,
          window: query.windowDays,
          target: query.targetDays,
        })}
      />
      <SuggestionFilters
        action="/admin/inventory/replenishment"
        query={query}
        categories={categories.map((c) => ({ id: c.id, label: localized(locale, c) }))}
        setting="lead"
      />
      <div className="text-sm">
        <a
          className="underline"
          href={`/api/admin/inventory/replenishment${search ? `?${search}` : ""}`}
          download
          data-testid="replenishment-csv"
        >
          {t("csv")}
        </a>
      </div>
      <ReplenishmentGroups
        groups={result.groups}
        labels={result.labels}
        windowDays={query.windowDays}
      />
    </div>
  );
}
