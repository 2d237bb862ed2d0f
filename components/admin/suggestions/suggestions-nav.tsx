import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/ui/section-nav";
import { suggestionSearch, type SuggestionQuery } from "@/lib/inventory-insights/suggestion-query";

/** The two suggestion screens, each opened with the settings they share (search, window, target). */
export async function SuggestionsNav({ query }: { query: SuggestionQuery }) {
  const t = await getTranslations("suggestions");
  const search = suggestionSearch(query);
  const href = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <SectionNav
      label={t("sections")}
      links={[
        { href: href("/admin/inventory/transfers"), label: t("nav.transfers") },
        { href: href("/admin/inventory/replenishment"), label: t("nav.replenishment") },
      ]}
    />
  );
}
