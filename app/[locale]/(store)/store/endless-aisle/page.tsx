import Image from "next/image";
import { getLocale, getTranslations } from "next-intl/server";
import { AisleOrderForm } from "@/components/store/aisle-order-form";
import { Button } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { searchEndlessAisle } from "@/lib/fulfilment/search-endless-aisle.server";
import { localized } from "@/lib/i18n/localized";
import { readSearchParam } from "@/lib/validation/route-params";

export default async function EndlessAislePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const user = await requirePageRole(["STORE_STAFF"], "/store/endless-aisle");
  const [t, locale] = await Promise.all([getTranslations("fulfilment.aisle"), getLocale()]);
  const query = readSearchParam((await searchParams).q, 100) ?? "";
  const results =
    user.storeNodeId && query
      ? await searchEndlessAisle(await getDb(), { query, storeNodeId: user.storeNodeId })
      : [];
  const zh = locale.startsWith("zh");
  return (
    <div className="space-y-5">
      <PageTitle title={t("title")} subtitle={t("intro")} />
      <form role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field label={t("searchLabel")} className="flex-1">
          <Input name="q" defaultValue={query} className="w-full" />
        </Field>
        <Button type="submit" size="lg">
          {t("search")}
        </Button>
      </form>
      {query && results.length === 0 ? <p className="text-stone-500">{t("noResults")}</p> : null}
      <ul className="space-y-4">
        {results.map((p) => {
          const sellable = p.skus.filter((s) => s.atThisStore > 0 || s.otherNodes.length > 0);
          return (
            <li
              key={p.id}
              className="rounded-xl border border-stone-200 bg-white p-4"
              data-testid="aisle-style"
            >
              <div className="flex gap-3">
                <Image
                  src={p.imagePath}
                  alt=""
                  width={72}
                  height={72}
                  className="h-18 w-18 shrink-0 rounded bg-stone-100 object-contain p-1"
                />
                <div>
                  <h2 className="font-bold">{localized(locale, p)}</h2>
                  <p className="font-mono text-xs text-stone-500">{p.styleCode}</p>
                </div>
              </div>
              <ul className="mt-3 divide-y divide-stone-100 text-sm">
                {p.skus.map((s) => (
                  <li key={s.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                    <span>
                      {zh ? s.colorZh : s.color} · {s.size} · <Money fen={s.price} />
                    </span>
                    <span className="text-stone-600">
                      {t("here", { count: s.atThisStore })} ·{" "}
                      {t("elsewhere", { count: s.elsewhere })}
                    </span>
                    {s.otherNodes.length > 0 ? (
                      <span
                        className="w-full text-xs text-stone-500"
                        data-testid="aisle-other-nodes"
                      >
                        {s.otherNodes
                          .map((n) =>
                            t("nodeStock", { node: localized(locale, n), count: n.available }),
                          )
                          .join(" · ")}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {sellable.length > 0 ? (
                <details className="mt-3">
                  <summary className="cursor-pointer font-medium">{t("order")}</summary>
                  <div className="mt-3">
                    <AisleOrderForm
                      styleCode={p.styleCode}
                      skus={[...sellable]
                        .sort((a, b) => b.atThisStore - a.atThisStore)
                        .map((s) => ({
                          id: s.id,
                          label: `${zh ? s.colorZh : s.color} · ${s.size} · ${t("here", { count: s.atThisStore })} · ${t("elsewhere", { count: s.elsewhere })}`,
                        }))}
                    />
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
