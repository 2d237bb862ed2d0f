"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { failDemo, payDemo } from "@/lib/payments/actions";

/** Pay / Fail for the demo provider; both lead back to the order page, a refusal stays here. */
export function DemoPayButtons({ orderNo }: { orderNo: string }) {
  const t = useTranslations("payments");
  const [pending, startTransition] = useTransition();
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
      else setError(result.message);
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => run("pay")}
          disabled={pending}
          className="rounded-full bg-emerald-700 px-6 py-3 font-semibold text-white disabled:opacity-50"
        >
          {t("demoPay")}
        </button>
        <button
          type="button"
          onClick={() => run("fail")}
          disabled={pending}
          className="rounded-full border border-stone-300 px-6 py-3 font-semibold disabled:opacity-50"
        >
          {t("demoFail")}
        </button>
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          data-testid="payment-error"
        >
          {error}
        </p>
      )}
    </div>
  );
}
