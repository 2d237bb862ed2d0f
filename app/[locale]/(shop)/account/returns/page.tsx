import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReturnTimeline } from "@/components/account/return-timeline";
import { Money } from "@/components/ui/money";
import { PageTitle } from "@/components/ui/card";
import { listReturnsOf } from "@/lib/account/order-history.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("returns.title") };
}

/** The shopper's return requests, with the code to show at a store. */
export default async function ReturnsPage() {
  const user = await requirePageRole(["CONSUMER"], "/account/returns");
  const [t, format, returns] = await Promise.all([
    getTranslations("account.returns"),
    getFormatter(),
    listReturnsOf(await getDb(), { userId: user.id }),
  ]);
  return (
    <div>
      <PageTitle title={t("title")} />
      {returns.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {returns.map((r) => (
            <li
              key={r.rmaNo}
              className="rounded-xl border border-stone-200 bg-white p-4"
              data-testid="return-row"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-mono font-semibold">{r.rmaNo}</p>
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium">
                  {t(`status.${r.status}`)}
                </span>
              </div>
              <p className="text-sm text-stone-600">
                {format.dateTime(r.createdAt, { dateStyle: "medium" })} · {t("order")}{" "}
                <Link
                  href={`/orders/${encodeURIComponent(r.orderNo)}`}
                  className="font-mono underline"
                >
                  {r.orderNo}
                </Link>{" "}
                · {t("units", { count: r.units })} · {r.atStore ? t("atStore") : t("online")}
              </p>
              <p className="text-sm">
                {t("refund")}: <Money fen={r.refundAmount} className="font-semibold" />
              </p>
              <ReturnTimeline ret={r} />
              {r.returnCode && r.status === "REQUESTED" ? (
                <div className="mt-2 rounded-lg bg-stone-50 p-3">
                  <p className="text-xs text-stone-600">{t("returnCode")}</p>
                  <p
                    className="font-mono text-2xl font-black tracking-widest"
                    data-testid="return-code"
                  >
                    {r.returnCode}
                  </p>
                  <p className="text-xs text-stone-500">{t("showCode")}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
