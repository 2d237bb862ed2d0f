"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { formatMoney } from "@/lib/i18n/money";
import { localized } from "@/lib/i18n/localized";
import type { CounterReturn } from "@/lib/returns/find-return.server";
import type { ReceiveReturnInput } from "@/lib/returns/return-rules";
import { itemName, reasonWords } from "./counter-words";
import { DecisionFields, decisionInput, RESTOCK, type LineDecision } from "./decision-fields";
import { StatusBadge } from "./status-badge";

export type Warehouse = { id: string; code: string; name: string; nameZh: string };

/**
 * One return as staff handle it: its order and items with what was paid for them; while the
 * goods are awaited, a decision per item and Receive; once received, Refund (only where the
 * goods were received, or at HQ); afterwards what became of each item.
 */
export function ReturnPanel({
  ret,
  warehouses,
  busy,
  fields,
  onReceive,
  onRefund,
}: {
  ret: CounterReturn;
  /** The warehouses to receive at (HQ), or null at a store, which receives at itself. */
  warehouses: Warehouse[] | null;
  busy: boolean;
  fields: Record<string, string>;
  onReceive: (receipt: ReceiveReturnInput) => void;
  onRefund: (ret: CounterReturn) => void;
}) {
  const t = useTranslations("returns");
  const locale = useLocale();
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const money = (fen: number) => formatMoney(fen, locale);
  const [decisions, setDecisions] = useState<Record<string, LineDecision>>({});
  const [nodeId, setNodeId] = useState("");
  const deciding = ret.status === "REQUESTED";
  const decisionOf = (id: string) => decisions[id] ?? RESTOCK;

  function receive(event: React.FormEvent) {
    event.preventDefault();
    onReceive({
      returnId: ret.returnId,
      ...(warehouses ? { nodeId } : {}),
      lines: ret.lines.map((l) => ({
        returnLineId: l.returnLineId,
        ...decisionInput(decisionOf(l.returnLineId)),
      })),
    });
  }

  return (
    <form
      onSubmit={receive}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
      aria-label={t("return.heading", { rmaNo: ret.rmaNo })}
      data-testid="counter-return"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-mono text-lg font-bold">{t("return.heading", { rmaNo: ret.rmaNo })}</h2>
        <StatusBadge status={ret.status} />
      </div>
      <div className="text-sm text-stone-700">
        <p>
          {t("return.order", { orderNo: ret.order.orderNo, name: ret.order.contactName })} ·{" "}
          {ret.atStore ? t("return.atStore") : t("return.online")}
        </p>
        <p>
          {t("return.reason")}: {reasonWords(ret.reason, (r) => t(`reasons.${r}`))}
        </p>
        <p className="text-stone-500">{t("return.requested", { when: when(ret.createdAt) })}</p>
        {ret.receivedAt ? (
          <p className="text-stone-500">
            {t("return.received", {
              node: ret.receivingNode ? localized(locale, ret.receivingNode) : "—",
              when: when(ret.receivedAt),
            })}
          </p>
        ) : null}
        {ret.refundedAt ? (
          <p className="font-semibold text-emerald-800" data-testid="refunded-line">
            {t("return.refunded", { amount: money(ret.refundAmount), when: when(ret.refundedAt) })}
          </p>
        ) : null}
      </div>

      <ul className="divide-y divide-stone-200 border-y border-stone-200">
        {ret.lines.map((l, i) => {
          const name = itemName(l, locale);
          const error =
            fields[`lines.${i}.refuseReason`] ??
            fields[`lines.${i}`] ??
            fields[`lines.${l.returnLineId}`];
          return (
            <li key={l.returnLineId} className="grid gap-2 py-2 text-sm sm:grid-cols-[1fr_14rem]">
              <div>
                <p className="font-medium">{name}</p>
                <p className="text-stone-600">
                  <span className="font-mono text-xs">
                    {t("return.sku")} {l.skuCode}
                  </span>{" "}
                  · {t("return.units")} {l.quantity} · {t("return.paid")} {money(l.paidValue)}
                </p>
              </div>
              {deciding ? (
                <DecisionFields
                  item={name}
                  value={decisionOf(l.returnLineId)}
                  onChange={(next) => setDecisions((all) => ({ ...all, [l.returnLineId]: next }))}
                  disabled={busy}
                  error={error}
                  errorId={`return-${l.returnLineId}-error`}
                />
              ) : (
                <p data-testid="line-condition">
                  {l.condition ? t(`condition.${l.condition}`) : "—"}
                  {l.refuseReason ? (
                    <span className="block text-stone-600">{l.refuseReason}</span>
                  ) : null}
                </p>
              )}
            </li>
          );
        })}
      </ul>

      {/* Once paid back, the timeline above says how much; "due" would read as still owed. */}
      {ret.status === "REFUNDED" || ret.status === "REJECTED" ? null : (
        <p className="text-sm">
          {t("return.refundDue")}:{" "}
          <span className="font-semibold" data-testid="refund-due">
            {money(ret.refundAmount)}
          </span>
        </p>
      )}

      {deciding && warehouses ? (
        <Field
          label={t("return.warehouse")}
          error={fields.nodeId}
          errorId={`return-${ret.returnId}-node-error`}
          className="max-w-sm"
        >
          <Select
            value={nodeId}
            onChange={(e) => setNodeId(e.target.value)}
            disabled={busy}
            required
            className="w-full"
          >
            <option value="">{t("return.chooseWarehouse")}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {localized(locale, w)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {deciding ? (
        <Button type="submit" variant="success" size="lg" disabled={busy}>
          {t("return.receive")}
        </Button>
      ) : null}
      {ret.status === "RECEIVED" && ret.mayRefund ? (
        <Button variant="primary" size="lg" disabled={busy} onClick={() => onRefund(ret)}>
          {t("return.refund", { amount: money(ret.refundAmount) })}
        </Button>
      ) : null}
      {ret.status === "RECEIVED" && !ret.mayRefund ? (
        <p className="text-sm text-stone-600">
          {t("return.refundElsewhere", {
            node: ret.receivingNode ? localized(locale, ret.receivingNode) : "—",
          })}
        </p>
      ) : null}
      {ret.status === "REJECTED" ? (
        <p className="text-sm text-stone-600">{t("return.rejected")}</p>
      ) : null}
    </form>
  );
}
