import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BundleForm } from "@/components/admin/products/bundle-form";
import { ChannelPriceForm } from "@/components/admin/products/channel-price-form";
import { PresaleForm } from "@/components/admin/products/presale-form";
import { SkuForm } from "@/components/admin/products/sku-form";
import { StyleEditor } from "@/components/admin/products/style-edit-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { Card, PageTitle } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { getStyle } from "@/lib/products/get-style.server";
import { readRouteParam, type RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

const yuan = (fen: number) => String(fen / 100);

export default async function EditStyle({ params }: { params: Promise<{ styleCode: RawParam }> }) {
  const styleCode = readRouteParam((await params).styleCode, { decode: true });
  await requirePageRole(["ADMIN"], `/admin/products/${encodeURIComponent(styleCode)}`);
  const [t, locale, data] = await Promise.all([
    getTranslations("products"),
    getLocale(),
    getStyle(await getDb(), styleCode),
  ]);
  if (!data) notFound();
  const zh = locale.startsWith("zh");
  const { style, skus, channels } = data;
  const categories = data.categories.map((c) => ({ slug: c.slug, label: zh ? c.nameZh : c.name }));
  return (
    <div className="space-y-6">
      <Link href="/admin/products" className="text-sm underline">
        {t("back")}
      </Link>
      <PageTitle title={`${style.styleCode} · ${zh ? style.nameZh : style.name}`} />
      <ClientMessages namespaces={["products"]}>
        <Card className="space-y-6">
          <StyleEditor
            version={style.version}
            lifecycle={style.lifecycle}
            categories={categories}
            initial={{
              styleCode: style.styleCode,
              name: style.name,
              nameZh: style.nameZh,
              description: style.description,
              descriptionZh: style.descriptionZh,
              categorySlug: style.categorySlug,
              gender: style.gender === "MEN" || style.gender === "WOMEN" ? style.gender : "UNISEX",
              listPriceYuan: yuan(style.listPrice),
            }}
          />
        </Card>

        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("skus")}</h2>
          <p className="text-sm text-stone-600">{t("skusHint")}</p>
          {skus.map((s) => (
            <SkuForm
              key={s.skuCode}
              initial={{
                skuCode: s.skuCode,
                barcode: s.barcode,
                color: s.color,
                colorZh: s.colorZh,
                colorHex: s.colorHex,
                size: s.size,
                sizeOrder: String(s.sizeOrder),
                listPriceYuan: s.listPrice === null ? "" : yuan(s.listPrice),
              }}
            />
          ))}
          <h3 className="font-medium">{t("newSku")}</h3>
          <SkuForm styleCode={style.styleCode} />
        </section>

        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("channelPrices")}</h2>
          <p className="text-sm text-stone-600">{t("channelPricesHint")}</p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="channel-prices">
              <thead className="text-left text-stone-500">
                <tr>
                  <th className="py-2">{t("skuCode")}</th>
                  {channels.map((c) => (
                    <th key={c.code} className="text-right">
                      {zh ? c.nameZh : c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {skus.map((s) => (
                  <tr key={s.skuCode} className="border-t border-stone-100">
                    <td className="py-2">{s.skuCode}</td>
                    {channels.map((c) => {
                      const price = s.channelPrices[c.code];
                      return (
                        <td key={c.code} className="text-right tabular-nums">
                          {price === undefined ? (
                            <span className="text-stone-400">{t("noPrice")}</span>
                          ) : (
                            <Money fen={price} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChannelPriceForm
            styleCode={style.styleCode}
            skuCodes={skus.map((s) => s.skuCode)}
            channels={channels.map((c) => ({ code: c.code, label: zh ? c.nameZh : c.name }))}
          />
        </section>

        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("bundles")}</h2>
          <p className="text-sm text-stone-600">{t("bundlesHint")}</p>
          {skus.map((s) =>
            s.isBundle ? (
              <BundleForm key={s.skuCode} skuCode={s.skuCode} initial={s.components} />
            ) : (
              // A single item becomes a bundle only on purpose: its form stays folded.
              <details key={s.skuCode} className="text-sm">
                <summary className="cursor-pointer">
                  {s.skuCode} · {t("single")}
                </summary>
                <BundleForm skuCode={s.skuCode} initial={[]} />
              </details>
            ),
          )}
        </section>

        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("presale")}</h2>
          <p className="text-sm text-stone-600">{t("presaleHint")}</p>
          {skus
            .filter((s) => !s.isBundle)
            .map((s) => (
              <PresaleForm key={s.skuCode} skuCode={s.skuCode} initial={s.presale} />
            ))}
        </section>
      </ClientMessages>
    </div>
  );
}
