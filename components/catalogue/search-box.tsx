import { getTranslations } from "next-intl/server";

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
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        aria-label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        maxLength={80}
        className="min-w-0 flex-1 rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm"
      />
      <button
        type="submit"
        className="rounded-full bg-ink px-4 py-1.5 text-sm font-semibold text-white"
      >
        {t("searchButton")}
      </button>
    </form>
  );
}
