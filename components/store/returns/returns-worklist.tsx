import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Money } from "@/components/ui/money";
import { QueryLink } from "@/components/ui/query-link";
import { localized } from "@/lib/i18n/localized";
import type { AwaitingReturn } from "@/lib/returns/list-awaiting-returns.server";

/** One of HQ's return lists (parcels on their way back, or received and not yet refunded). */
export async function ReturnsWorklist({
  title,
  returns,
  testId,
}: {
  title: string;
  returns: AwaitingReturn[];
  testId: string;
}) {
  const [t, locale, format] = await Promise.all([
    getTranslations("returns.worklist"),
    getLocale(),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="space-y-2" aria-label={title}>
      <h2 className="text-lg font-bold">{title}</h2>
      {returns.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid={testId}>
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-1 pr-3">{t("rma")}</th>
                <th className="py-1 pr-3">{t("order")}</th>
                <th className="py-1 pr-3">{t("requested")}</th>
                <th className="py-1 pr-3">{t("received")}</th>
                <th className="py-1 pr-3 text-right">{t("units")}</th>
                <th className="py-1 pr-3 text-right">{t("refund")}</th>
                <th className="py-1" />
              </tr>
            </thead>
            <tbody>
              {returns.map((r) => (
                <tr key={r.returnId} className="border-t border-stone-100">
                  <td className="py-1 pr-3 font-mono">{r.rmaNo}</td>
                  <td className="py-1 pr-3 font-mono">{r.orderNo}</td>
                  <td className="py-1 pr-3">{when(r.createdAt)}</td>
                  <td className="py-1 pr-3">
                    {r.receivedAt ? when(r.receivedAt) : "—"}
                    {r.receivingNode ? ` · ${localized(locale, r.receivingNode)}` : ""}
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{r.units}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    <Money fen={r.refundAmount} />
                  </td>
                  <td className="py-1">
                    <QueryLink
                      href={`?return=${encodeURIComponent(r.rmaNo)}`}
                      className="underline"
                      aria-label={t("opened", { rmaNo: r.rmaNo })}
                    >
                      {t("open")}
                    </QueryLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
