import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Search form (GET /search?q=…), works without JavaScript. */
export async function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  const t = await getTranslations("shop");
  return (
    <form
      action="/search"
      method="get"
      role="search"
      className="flex min-w-0 flex-1 gap-2 sm:max-w-sm"
    >
      <Input
        type="search"
        name="q"
        defaultValue={defaultValue}
        aria-label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        maxLength={80}
        compact
        className="min-w-0 flex-1"
      />
      <Button type="submit" size="sm">
        {t("searchButton")}
      </Button>
    </form>
  );
}
