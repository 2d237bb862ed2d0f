import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import type { RateStatus } from "@/lib/settlement/rates";
import { startsAtShanghaiMidnight } from "@/lib/settlement/rates";
import { CancelRateButton } from "./cancel-rate-button";

type Rate = {
  id: string;
  bps: number;
  effectiveFrom: Date;
  until: Date | null;
  status: RateStatus;
  note: string | null;
  createdBy: { name: string } | null;
};

const STATUS_CLASS: Record<RateStatus, string> = {
  SCHEDULED: "bg-sky-50 text-sky-800",
  IN_FORCE: "bg-emerald-50 text-emerald-800",
  ENDED: "text-stone-500",
};

/** One kind's rates, newest first: which is in force, which are scheduled, which have ended. */
export async function RatesTable({ title, rates }: { title: string; rates: readonly Rate[] }) {
  const [t, locale] = await Promise.all([getTranslations("settlement.rates"), getLocale()]);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const moment = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const when = (at: Date) => (startsAtShanghaiMidnight(at) ? day : moment).format(at);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const current = rates.find((r) => r.status === "IN_FORCE");
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">{title}</h2>
        <p className="text-sm text-stone-600" data-testid="rate-in-force">
          {current
            ? t("inForce", { rate: percent.format(current.bps / 10_000) })
            : t("noneInForce")}
        </p>
      </div>
      {rates.length === 0 ? (
        <p className="text-sm text-stone-500">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="rates">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2">{t("rate")}</th>
                <th>{t("from")}</th>
                <th>{t("until")}</th>
                <th>{t("state")}</th>
                <th>{t("note")}</th>
                <th>{t("by")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id} className="border-t border-stone-100" data-testid="rate-row">
                  <td className="py-2 tabular-nums">{percent.format(r.bps / 10_000)}</td>
                  <td className="whitespace-nowrap">{when(r.effectiveFrom)}</td>
                  <td className="whitespace-nowrap">{r.until ? when(r.until) : "—"}</td>
                  <td>
                    <span className={cx("rounded px-2 py-0.5 text-xs", STATUS_CLASS[r.status])}>
                      {t(`status.${r.status}`)}
                    </span>
                  </td>
                  <td className="max-w-64 break-words">{r.note ?? ""}</td>
                  <td>{r.createdBy?.name ?? t("system")}</td>
                  <td className="text-right">
                    {r.status === "SCHEDULED" ? <CancelRateButton id={r.id} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
