import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Previous / next links of a listing; `hrefOf` keeps the filters. Pages past the first are
 * rendered per request, so they are not prefetched.
 */
export async function Pagination({
  page,
  pageCount,
  hrefOf,
}: {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("catalogue");
  const linkClass = "rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-center gap-3 pt-4">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} prefetch={false} className={linkClass} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span className="text-sm text-stone-600">{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} prefetch={false} className={linkClass} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
