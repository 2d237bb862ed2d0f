import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TransferLinesTable } from "@/components/admin/transfers/transfer-lines-table";
import { ClientMessages } from "@/components/layout/client-messages";
import { IncomingTransfers } from "@/components/store/transfers/incoming-transfers";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import {
  listIncomingTransfers,
  listReceivedTransfers,
} from "@/lib/transfers/list-transfers.server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transfers.store");
  return { title: t("title") };
}

/** The store's incoming transfers, counted in line by line, and the last ones received. */
export default async function StoreTransfers() {
  const user = await requirePageRole(["STORE_STAFF"], "/store/transfers");
  const storeNodeId = user.storeNodeId ?? "";
  const db = await getDb();
  const [t, locale, incoming, received] = await Promise.all([
    getTranslations("transfers.store"),
    getLocale(),
    listIncomingTransfers(db, { storeNodeId }),
    listReceivedTransfers(db, { storeNodeId }),
  ]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <PageTitle title={t("title")} subtitle={t("subtitle")} />
        <ClientMessages namespaces={["transfers"]}>
          <IncomingTransfers
            transfers={incoming.map((tr) => ({
              id: tr.id,
              transferNo: tr.transferNo,
              from: `${localized(locale, tr.from)} (${tr.from.code})`,
              shippedAt: tr.shippedAt ? when.format(tr.shippedAt) : "—",
              reason: tr.reason,
              lines: tr.lines.map((l) => ({
                id: l.id,
                skuCode: l.skuCode,
                quantity: l.quantity,
                item: `${localized(locale, { name: l.product, nameZh: l.productZh })} · ${localized(
                  locale,
                  { name: l.colour, nameZh: l.colourZh },
                )} · ${l.size}`,
              })),
            }))}
          />
        </ClientMessages>
      </div>
      <section className="space-y-3" data-testid="received-transfers">
        <h2 className="text-lg font-bold">{t("recentTitle")}</h2>
        {received.length === 0 ? (
          <p className="text-stone-600">{t("recentEmpty")}</p>
        ) : (
          received.map((tr) => (
            <div
              key={tr.id}
              className="space-y-2 rounded-xl border border-stone-200 bg-white p-4"
              data-testid={`received-${tr.transferNo}`}
            >
              <p className="text-sm">
                <span className="font-mono font-bold">{tr.transferNo}</span> ·{" "}
                {t("from", { node: `${localized(locale, tr.from)} (${tr.from.code})` })}
                {tr.receivedAt ? ` · ${when.format(tr.receivedAt)}` : ""}
              </p>
              <TransferLinesTable transfer={tr} />
            </div>
          ))
        )}
      </section>
    </div>
  );
}
