"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { payOrderNow } from "@/lib/payments/actions";

/** Starts (or restarts) payment of an unpaid order with the server's provider. */
export function PayNowButton({ orderNo }: { orderNo: string }) {
  const t = useTranslations("orders");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await payOrderNow({ orderNo });
            if (result.ok) window.location.assign(result.data.redirectUrl);
            else setError(result.message);
          })
        }
        className="rounded-full bg-ink px-6 py-3 font-semibold text-white disabled:opacity-50"
      >
        {t("payNow")}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
