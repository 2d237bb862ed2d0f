"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { failDemo, payDemo } from "@/lib/payments/actions";

/** Pay / Fail for the demo provider; both lead back to the order page, a refusal stays here. */
export function DemoPayButtons({ orderNo }: { orderNo: string }) {
  const t = useTranslations("payments");
  const refusal = useLocalizeRefusal();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const orderUrl = `/orders/${encodeURIComponent(orderNo)}`;

  function run(kind: "pay" | "fail") {
    startTransition(async () => {
      setError(null);
      const result = kind === "pay" ? await payDemo({ orderNo }) : await failDemo({ orderNo });
      if (result.ok)
        window.location.assign(
          kind === "pay" ? `${orderUrl}?paid=1` : `${orderUrl}?payment=failed`,
        );
      else setError(refusal(result).message);
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button
          variant="success"
          size="lg"
          onClick={() => run("pay")}
          disabled={!hydrated || pending}
        >
          {t("demoPay")}
        </Button>
        <Button
          variant="secondary"
          size="lg"
          onClick={() => run("fail")}
          disabled={!hydrated || pending}
        >
          {t("demoFail")}
        </Button>
      </div>
      {error && (
        <Notice tone="error" data-testid="payment-error">
          {error}
        </Notice>
      )}
    </div>
  );
}
