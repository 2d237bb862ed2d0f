import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { TransferView } from "@/lib/transfers/list-transfers.server";
import { canMoveTransfer } from "@/lib/transfers/transfer-rules";
import { TransferLinesTable } from "./transfer-lines-table";
import { TransferStepButtons } from "./transfer-step-buttons";

const STATUS_TONE = {
  DRAFT: "bg-stone-100 text-stone-700",
  SHIPPED: "bg-sky-100 text-sky-800",
  RECEIVED: "bg-emerald-100 text-emerald-800",
  CANCELLED: "bg-red-50 text-red-700",
} as const;

/** The console's transfers: route, lines with what was counted in, state, dates and next steps. */
export async function TransferList({ transfers }: { transfers: TransferView[] }) {
  const [t, ts, locale] = await Promise.all([
    getTranslations("transfers.list"),
    getTranslations("transfers.status"),
    getLocale(),
  ]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const node = (n: TransferView["from"]) => `${localized(locale, n)} (${n.code})`;
  return (
    <ul className="space-y-3" data-testid="admin-transfers">
      {transfers.map((tr) => (
        <li
          key={tr.id}
          className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
          data-testid={`transfer-${tr.transferNo}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <div>
              <h3 className="font-mono font-bold">{tr.transferNo}</h3>
              <p className="text-sm" data-testid="transfer-route">
                {node(tr.from)} → {node(tr.to)}
              </p>
              <p className="text-sm text-stone-600">{t("reason", { reason: tr.reason })}</p>
            </div>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_TONE[tr.status]}`}
              data-testid="transfer-status"
            >
              {ts(tr.status)}
            </span>
          </div>
          <TransferLinesTable transfer={tr} />
          <ul className="flex flex-wrap gap-x-4 text-xs text-stone-600" aria-label={t("dates")}>
            <li>
              {tr.createdBy
                ? t("createdBy", { when: when.format(tr.createdAt), name: tr.createdBy })
                : t("created", { when: when.format(tr.createdAt) })}
            </li>
            {tr.shippedAt && <li>{t("shipped", { when: when.format(tr.shippedAt) })}</li>}
            {tr.receivedAt && (
              <li>
                {tr.receivedBy
                  ? t("receivedBy", { when: when.format(tr.receivedAt), name: tr.receivedBy })
                  : t("receivedAt", { when: when.format(tr.receivedAt) })}
              </li>
            )}
            {tr.cancelledAt && <li>{t("cancelled", { when: when.format(tr.cancelledAt) })}</li>}
          </ul>
          <TransferStepButtons
            transferId={tr.id}
            transferNo={tr.transferNo}
            canShip={canMoveTransfer(tr.status, "SHIPPED")}
            canCancel={canMoveTransfer(tr.status, "CANCELLED")}
          />
        </li>
      ))}
    </ul>
  );
}
