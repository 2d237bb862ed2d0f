import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReturnSummary } from "@/lib/account/order-history.server";
import { formatMoney } from "@/lib/i18n/money";
import { localized } from "@/lib/i18n/localized";

/**
 * A return's life for the shopper: asked for, goods taken back (where and when), refunded (how
 * much and when), or refused, with each refused item and the reason staff gave.
 */
export async function ReturnTimeline({ ret }: { ret: ReturnSummary }) {
  const [t, locale, format] = await Promise.all([
    getTranslations("returns.timeline"),
    getLocale(),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const steps: { at: Date | null; label: string; notes?: string[] }[] = [
    { at: ret.createdAt, label: t("requested", { rmaNo: ret.rmaNo }) },
  ];
  const refused = ret.refusedLines.map((l) =>
    t("refusedLine", {
      item: `${localized(locale, { name: l.product, nameZh: l.productZh })} · ${localized(locale, { name: l.colour, nameZh: l.colourZh })} · ${l.size}`,
      quantity: l.quantity,
      reason: l.reason,
    }),
  );
  if (ret.receivedAt) {
    steps.push({
      at: ret.receivedAt,
      label: ret.receivingNode
        ? t("received", { node: localized(locale, ret.receivingNode) })
        : t("receivedNoNode"),
      notes: refused,
    });
  }
  if (ret.status === "REJECTED") steps.push({ at: ret.receivedAt, label: t("rejected") });
  if (ret.refundedAt)
    steps.push({
      at: ret.refundedAt,
      label: t("refunded", { amount: formatMoney(ret.refundAmount, locale) }),
    });
  if (ret.status === "REQUESTED") steps.push({ at: null, label: t("awaiting") });

  return (
    <ol
      className="mt-2 space-y-2 border-l-2 border-stone-200 pl-4 text-sm"
      aria-label={t("title")}
      data-testid="return-timeline"
    >
      {steps.map((s, i) => (
        <li key={i} className="relative">
          <span
            className={`absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full ${s.at ? "bg-ink" : "border-2 border-stone-300 bg-white"}`}
            aria-hidden
          />
          <p className="font-medium">{s.label}</p>
          {s.at ? (
            <p className="text-xs text-stone-500">
              <time dateTime={s.at.toISOString()}>{when(s.at)}</time>
            </p>
          ) : null}
          {s.notes?.map((note, n) => (
            <p key={n} className="text-red-800">
              {note}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
