import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SuggestionFilters } from "@/components/admin/suggestions/suggestion-filters";
import { SuggestionsNav } from "@/components/admin/suggestions/suggestions-nav";
import { TransferSuggestionTable } from "@/components/admin/suggestions/transfer-suggestion-table";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import {
  listSuggestionCategories,
  loadTransferSuggestions,
} from "@/lib/inventory-insights/load-suggestions.server";
import { readSuggestionQuery } from "@/lib/inventory-insights/suggestion-query";
import { localized } from "@/lib/i18n/localized";
import type { RawParam } from "@/lib/validation/route-params";

// Suggestions follow every sale and stock change: never prerender or cache this page.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("suggestions.transfers");
  return { title: t("title") };
}

/** HQ's store-to-store transfer suggestions: slow stock moved to where the SKU sells. */
export default async function TransferSuggestions({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/inventory/transfers");
  const query = readSuggestionQuery(await searchParams);
  const db = await getDb();
  const [t, locale, categories, result] = await Promise.all([
    getTranslations("suggestions.transfers"),
    getLocale(),
    listSuggestionCategories(db),
    loadTransferSuggestions(db, {
      filter: { categoryId: query.categoryId, skuQuery: query.skuQuery },
      windowDays: query.windowDays,
      targetDays: query.targetDays,
      slowThresholdDays: query.slowThresholdDays,
      now: new Date(),
    }),
  ]);
  return (
    <div className="space-y-4">
      <SuggestionsNav query={query} />
      <PageTitle
        title={t("title")}
        subtitle={t("formula", {
          slow: query.slowThresholdDays,
          window: query.windowDays,
          target: query.targetDays,
        })}
      />
      <SuggestionFilters
        action="/admin/inventory/transfers"
        query={query}
        categories={categories.map((c) => ({ id: c.id, label: localized(locale, c) }))}
        setting="slow"
      />
      <TransferSuggestionTable suggestions={result.suggestions} labels={result.labels} />
    </div>
  );
}
