import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { QueryLink } from "@/components/ui/query-link";
import { PageTitle } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listStyles } from "@/lib/products/list-styles.server";
import { LIFECYCLES, styleSearchSchema } from "@/lib/products/product-input";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = {
  searchParams: Promise<{
    q?: RawParam;
    category?: RawParam;
    lifecycle?: RawParam;
    page?: RawParam;
  }>;
};

export default async function AdminProducts({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/products");
  const raw = await searchParams;
  const search = styleSearchSchema.parse({
    q: readSearchParam(raw.q, 64),
    category: readSearchParam(raw.category, 64),
    lifecycle: readSearchParam(raw.lifecycle, 16),
    page: readSearchParam(raw.page, 6),
  });
  const [t, locale, result] = await Promise.all([
    getTranslations("products"),
    getLocale(),
    listStyles(await getDb(), search),
  ]);
  const zh = locale.startsWith("zh");
  const pageLink = (page: number) =>
    `/admin/products?${new URLSearchParams({
      ...(search.q ? { q: search.q } : {}),
      ...(search.category ? { category: search.category } : {}),
      ...(search.lifecycle ? { lifecycle: search.lifecycle } : {}),
      page: String(page),
    })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle title={t("title")} subtitle={t("subtitle")} />
        <Link
          href="/admin/products/new"
          className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white"
        >
          {t("newStyle")}
        </Link>
      </div>
      <form className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_10rem_auto]" role="search">
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t("search")}</span>
          <Input name="q" defaultValue={search.q} compact className="w-full" />
        </label>
        <FilterSelect
          id="products-category"
          name="category"
          label={t("category")}
          anyLabel={t("any")}
          value={search.category || undefined}
          options={result.categories.map((c) => ({ value: c.slug, label: zh ? c.nameZh : c.name }))}
        />
        <FilterSelect
          id="products-lifecycle"
          name="lifecycle"
          label={t("lifecycle")}
          anyLabel={t("any")}
          value={search.lifecycle}
          options={LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycles.${l}`) }))}
        />
        <Button type="submit">{t("find")}</Button>
      </form>
      <p className="text-sm text-stone-600">{t("count", { total: result.total })}</p>
      {result.styles.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="styles">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2">{t("styleCode")}</th>
                <th>{t("name")}</th>
                <th>{t("category")}</th>
                <th>{t("lifecycle")}</th>
                <th className="text-right">{t("skuCount")}</th>
                <th className="text-right">{t("listPrice")}</th>
              </tr>
            </thead>
            <tbody>
              {result.styles.map((s) => (
                <tr key={s.styleCode} className="border-t border-stone-100">
                  <td className="py-2 font-medium">
                    <Link
                      className="underline"
                      href={`/admin/products/${encodeURIComponent(s.styleCode)}`}
                    >
                      {s.styleCode}
                    </Link>
                  </td>
                  <td>{zh ? s.nameZh : s.name}</td>
                  <td>{zh ? s.category.nameZh : s.category.name}</td>
                  <td>{t(`lifecycles.${s.lifecycle}`)}</td>
                  <td className="text-right tabular-nums">{s.skus}</td>
                  <td className="text-right tabular-nums">
                    <Money fen={s.listPrice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 ? (
        <nav className="flex items-center gap-3 text-sm">
          {search.page > 1 ? (
            <QueryLink className="underline" href={pageLink(search.page - 1)}>
              {t("previous")}
            </QueryLink>
          ) : null}
          <span>{t("page", { page: search.page, pages: result.pages })}</span>
          {search.page < result.pages ? (
            <QueryLink className="underline" href={pageLink(search.page + 1)}>
              {t("next")}
            </QueryLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
