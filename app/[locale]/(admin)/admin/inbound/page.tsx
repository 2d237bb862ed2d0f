import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReceiveInboundForm } from "@/components/admin/receive-inbound-form";
import { PageTitle } from "@/components/ui/card";
import { listPresaleSkus, listReceivingNodes } from "@/lib/admin/list-presale-skus.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";

export default async function AdminInbound() {
  await requirePageRole(["ADMIN"], "/admin/inbound");
  const db = await getDb();
  const [t, locale, format, presale, nodes] = await Promise.all([
    getTranslations("admin.inbound"),
    getLocale(),
    getFormatter(),
    listPresaleSkus(db),
    listReceivingNodes(db),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <ReceiveInboundForm
        nodes={nodes.map((n) => ({ id: n.id, label: `${localized(locale, n)} (${n.code})` }))}
        initialSkuCode={presale[0]?.skuCode ?? ""}
      />
      <section className="space-y-2">
        <h2 className="font-bold">{t("presaleTitle")}</h2>
        {presale.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="presale-skus">
              <thead className="text-left text-stone-500">
                <tr>
                  <th>{t("sku")}</th>
                  <th>{t("item")}</th>
                  <th>{t("cap")}</th>
                  <th>{t("sold")}</th>
                  <th>{t("waiting")}</th>
                  <th>{t("shipDate")}</th>
                  <th>{t("onTheWay")}</th>
                </tr>
              </thead>
              <tbody>
                {presale.map((s) => (
                  <tr
                    key={s.skuCode}
                    className="border-t border-stone-100"
                    data-testid={`presale-${s.skuCode}`}
                  >
                    <td className="font-mono">{s.skuCode}</td>
                    <td>
                      {localized(locale, { name: s.product, nameZh: s.productZh })} ·{" "}
                      {localized(locale, { name: s.color, nameZh: s.colorZh })} · {s.size}
                    </td>
                    <td>{s.presaleCap}</td>
                    <td>{s.presaleSold}</td>
                    <td data-testid="presale-waiting">{s.waitingUnits}</td>
                    <td>
                      {s.shipDate ? format.dateTime(s.shipDate, { dateStyle: "medium" }) : "—"}
                    </td>
                    <td>
                      {s.inbound
                        .map(
                          (i) =>
                            `${localized(locale, { name: i.nodeName, nameZh: i.nodeNameZh })} ${i.quantity}`,
                        )
                        .join(", ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
