"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { payOrderNow } from "@/lib/payments/actions";

/** Starts (or restarts) payment of an unpaid order with the server's provider. */
export function PayNowButton({ orderNo }: { orderNo: string }) {
  const t = useTranslations("orders");
  const refusal = useLocalizeRefusal();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        size="lg"
        disabled={!hydrated || pending}
        onClick={() =>
          startTransition(async () => {
            const result = await payOrderNow({ orderNo });
            if (result.ok) window.location.assign(result.data.redirectUrl);
            else setError(refusal(result).message);
          })
        }
      >
        {t("payNow")}
      </Button>
      {error && (
        <Notice tone="error" variant="text">
          {error}
        </Notice>
      )}
    </div>
  );
}
