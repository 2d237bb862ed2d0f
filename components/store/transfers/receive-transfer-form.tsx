"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { receiveTransferAction } from "@/lib/transfers/actions";
import { fullCounts, receiptOf, receiptSummary, type CountLine } from "./receipt-counts";

/** A shipped transfer as the store counts it in. */
export type IncomingTransfer = {
  id: string;
  transferNo: string;
  from: string;
  shippedAt: string;
  reason: string;
  lines: (CountLine & { item: string })[];
};

/** What a receipt came to, for the page to tell after the transfer leaves the list. */
export type ReceiptOutcome = {
  transferNo: string;
  shipped: number;
  received: number;
  short: { skuCode: string; short: number }[];
};

/** One incoming transfer: a count per line (0 to what was shipped), then Receive. */
export function ReceiveTransferForm({
  transfer,
  onReceived,
}: {
  transfer: IncomingTransfer;
  onReceived: (outcome: ReceiptOutcome) => void;
}) {
  const t = useTranslations("transfers.store");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [counts, setCounts] = useState(() => fullCounts(transfer.lines));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const busy = !hydrated || pending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    start(async () => {
      const result = await receiveTransferAction(receiptOf(transfer.id, transfer.lines, counts));
      if (result.ok) {
        const codes = new Map(transfer.lines.map((l) => [l.id, l.skuCode]));
        onReceived({
          transferNo: result.data.transferNo,
          ...receiptSummary(
            result.data.lines.map((l) => ({
              skuCode: codes.get(l.lineId) ?? "",
              quantity: l.quantity,
              receivedQty: l.receivedQty,
            })),
          ),
        });
        return;
      }
      const worded = refusal(result);
      const byField = { ...worded.fields };
      if (result.details)
        for (const path of Object.keys(result.fieldErrors ?? {})) byField[path] = worded.message;
      setFields(byField);
      setError(worded.message);
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={transfer.transferNo}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
      data-testid={`incoming-${transfer.transferNo}`}
    >
      <div>
        <h2 className="font-mono font-bold">{transfer.transferNo}</h2>
        <p className="text-sm">{t("from", { node: transfer.from })}</p>
        <p className="text-sm text-stone-600">
          {t("shipped", { when: transfer.shippedAt })} · {t("reason", { reason: transfer.reason })}
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-stone-500">
            <tr>
              <th className="py-1">{t("sku")}</th>
              <th />
              <th className="text-right">{t("shippedQty")}</th>
              <th className="pl-3">{t("counted")}</th>
            </tr>
          </thead>
          <tbody>
            {transfer.lines.map((l, i) => {
              const errorId = `receive-${l.id}-error`;
              const problem = fields[`lines.${i}.receivedQty`];
              return (
                <tr key={l.id} className="border-t border-stone-100 align-top">
                  <td className="py-1 font-mono text-xs">{l.skuCode}</td>
                  <td>{l.item}</td>
                  <td className="text-right tabular-nums">{l.quantity}</td>
                  <td className="pl-3">
                    <Input
                      type="number"
                      min={0}
                      max={l.quantity}
                      step={1}
                      compact
                      className="w-24"
                      value={counts[l.id] ?? ""}
                      onChange={(event) => setCounts((c) => ({ ...c, [l.id]: event.target.value }))}
                      disabled={busy}
                      aria-label={t("countedLabel", { item: `${l.skuCode} ${l.item}` })}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? errorId : undefined}
                    />
                    {problem ? (
                      <p id={errorId} className="mt-1 text-sm text-red-700">
                        {problem}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button type="submit" variant="success" disabled={busy}>
        {t("submit")}
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}
