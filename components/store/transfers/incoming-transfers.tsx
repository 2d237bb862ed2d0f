"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import {
  ReceiveTransferForm,
  type IncomingTransfer,
  type ReceiptOutcome,
} from "./receive-transfer-form";

/**
 * The transfers on their way to the store, each with its receiving form. A receipt's outcome
 * stays shown here after the page refreshes and the transfer leaves the list.
 */
export function IncomingTransfers({ transfers }: { transfers: IncomingTransfer[] }) {
  const t = useTranslations("transfers.store");
  const [outcomes, setOutcomes] = useState<ReceiptOutcome[]>([]);
  const shown = transfers.filter((tr) => !outcomes.some((o) => o.transferNo === tr.transferNo));
  return (
    <div className="space-y-4">
      {outcomes.map((o) => (
        <Notice
          key={o.transferNo}
          tone={o.short.length > 0 ? "warning" : "success"}
          data-testid="receipt-result"
        >
          {t("received", { transferNo: o.transferNo, received: o.received, shipped: o.shipped })}
          {o.short.length > 0
            ? ` ${t("shortLines", {
                lines: o.short
                  .map((s) => t("shortLine", { sku: s.skuCode, short: s.short }))
                  .join(", "),
              })}`
            : null}
        </Notice>
      ))}
      {shown.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        shown.map((tr) => (
          <ReceiveTransferForm
            key={tr.id}
            transfer={tr}
            onReceived={(outcome) => setOutcomes((list) => [outcome, ...list])}
          />
        ))
      )}
    </div>
  );
}
