import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/money";
import { localized } from "@/lib/i18n/localized";
import type { listSettlementEntries } from "@/lib/settlement/list-entries.server";

type Entry = Awaited<ReturnType<typeof listSettlementEntries>>["rows"][number];

/** The entries behind a statement row: each order links to its page in the console. */
export async function EntriesTable({ rows }: { rows: readonly Entry[] }) {
  const [t, kinds, locale] = await Promise.all([
    getTranslations("settlement.entries"),
    getTranslations("settlement.kinds"),
    getLocale(),
  ]);
  if (rows.length === 0) return <p className="text-stone-600">{t("empty")}</p>;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="settlement-entries">
        <thead className="text-left text-stone-500">
          <tr>
            <th className="py-2">{t("when")}</th>
            <th>{t("order")}</th>
            <th>{t("kind")}</th>
            <th className="px-2 text-right">{t("amount")}</th>
            <th>{t("organization")}</th>
            <th>{t("node")}</th>
            <th>{t("beneficiary")}</th>
            <th>{t("return")}</th>
            <th>{t("rate")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className="border-t border-stone-100" data-testid="settlement-entry">
              <td className="py-2 whitespace-nowrap">{when.format(e.createdAt)}</td>
              <td>
                <Link
                  prefetch={false}
                  className="underline"
                  href={`/admin/orders/${encodeURIComponent(e.orderNo)}`}
                >
                  {e.orderNo}
                </Link>
              </td>
              <td>{kinds(e.kind)}</td>
              <td className={`px-2 text-right tabular-nums ${e.amount < 0 ? "text-red-700" : ""}`}>
                {formatMoney(e.amount, locale)}
              </td>
              <td>{e.organization.code}</td>
              <td>{e.node ? `${e.node.code} · ${localized(locale, e.node)}` : "—"}</td>
              <td>{e.beneficiary ?? "—"}</td>
              <td>{e.rmaNo ?? "—"}</td>
              <td className="tabular-nums">
                {e.rateBps === null ? "—" : percent.format(e.rateBps / 10_000)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
