import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle, Stat } from "@/components/ui/card";
import { loadPoints } from "@/lib/account/points.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("points.title") };
}

const KNOWN_REASONS = new Set(["ORDER_PAID", "ORDER_REDEEMED", "ORDER_CANCELLED", "WELCOME_BONUS"]);

export default async function PointsPage() {
  const user = await requirePageRole(["CONSUMER"], "/account/points");
  const [t, format, points] = await Promise.all([
    getTranslations("account"),
    getFormatter(),
    loadPoints(await getDb(), { userId: user.id }),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle title={t("points.title")} subtitle={t("points.rules")} />
      <div className="max-w-xs">
        <Stat label={t("points.balance")} value={points.balance} testId="points-balance" />
      </div>
      {points.entries.length === 0 ? (
        <p className="text-stone-600">{t("points.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="px-4 py-2">{t("points.date")}</th>
                <th className="px-4 py-2">{t("points.reason")}</th>
                <th className="px-4 py-2">{t("points.order")}</th>
                <th className="px-4 py-2 text-right">{t("points.change")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {points.entries.map((e) => (
                <tr key={e.id} data-testid="points-entry">
                  <td className="px-4 py-2 whitespace-nowrap">
                    {format.dateTime(e.createdAt, { dateStyle: "medium" })}
                  </td>
                  <td className="px-4 py-2">
                    {t(`points.reasons.${KNOWN_REASONS.has(e.reason) ? e.reason : "OTHER"}`)}
                  </td>
                  <td className="px-4 py-2 font-mono">
                    {e.orderNo ? (
                      <Link href={`/orders/${encodeURIComponent(e.orderNo)}`}>{e.orderNo}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td
                    className={`px-4 py-2 text-right tabular-nums ${e.delta < 0 ? "text-red-700" : "text-green-700"}`}
                  >
                    {e.delta > 0 ? `+${e.delta}` : e.delta}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
