"use client";

import { useTranslations } from "next-intl";
import { useConsoleAction } from "@/components/admin/use-console-action";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { cancelTransferAction, shipTransferAction } from "@/lib/transfers/actions";

/** Ship and Cancel for one transfer, each shown only where its state allows it. */
export function TransferStepButtons({
  transferId,
  transferNo,
  canShip,
  canCancel,
}: {
  transferId: string;
  transferNo: string;
  canShip: boolean;
  canCancel: boolean;
}) {
  const t = useTranslations("transfers.actions");
  const { run, message, busy } = useConsoleAction(`transfer-${transferId}`);
  if (!canShip && !canCancel && !message) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canShip && (
          <Button
            size="sm"
            disabled={busy}
            onClick={() =>
              run(() => shipTransferAction({ transferId }), t("shipped", { transferNo }))
            }
          >
            {t("ship")}
          </Button>
        )}
        {canCancel && (
          <Button
            size="sm"
            variant="secondary"
            disabled={busy}
            onClick={() =>
              run(() => cancelTransferAction({ transferId }), t("cancelled", { transferNo }))
            }
          >
            {t("cancel")}
          </Button>
        )}
      </div>
      {message && (
        <Notice
          tone={message.ok ? "success" : "error"}
          variant="text"
          data-testid="transfer-step-result"
        >
          {message.text}
        </Notice>
      )}
    </div>
  );
}
