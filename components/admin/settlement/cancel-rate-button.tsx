"use client";

import { useTranslations } from "next-intl";
import { useConsoleAction } from "@/components/admin/use-console-action";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { cancelRateAction } from "@/lib/settlement/actions";

/** Takes back a rate that has not started; the server refuses one already in force. */
export function CancelRateButton({ id }: { id: string }) {
  const t = useTranslations("settlement.rates");
  const { run, message, busy } = useConsoleAction(`cancel-${id}`);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        onClick={() => run(() => cancelRateAction({ id }), t("cancelled"))}
      >
        {t("cancel")}
      </Button>
      {message && !message.ok ? (
        <Notice tone="error" variant="text">
          {message.text}
        </Notice>
      ) : null}
    </span>
  );
}
