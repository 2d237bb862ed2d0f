"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { claimCouponAction } from "@/lib/coupons/actions";

const KNOWN_REFUSALS = new Set(["LIMIT_REACHED", "SOLD_OUT", "EXPIRED", "NOT_YET_VALID"]);

/**
 * Claims one coupon into the shopper's account and says so beside the button. It stays mounted
 * when the refreshed page says the coupon can no longer be claimed, so the message survives.
 */
export function ClaimCouponButton({
  code,
  name,
  unavailable,
}: {
  code: string;
  name: string;
  unavailable: string | null;
}) {
  const t = useTranslations("account.coupons");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function claim() {
    startTransition(async () => {
      const result = await claimCouponAction({ code });
      if (result.ok) {
        setMessage({ ok: true, text: t("claimed", { code }) });
        router.refresh();
        return;
      }
      const reason = result.details?.reason;
      const key =
        typeof reason === "string" && KNOWN_REFUSALS.has(reason)
          ? reason
          : result.code === "NOT_FOUND"
            ? "NOT_FOUND"
            : "generic";
      setMessage({ ok: false, text: t(`errors.${key}` as "errors.generic") });
    });
  }

  return (
    <div className="space-y-1">
      {unavailable ? (
        <span className="inline-block rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-600">
          {unavailable}
        </span>
      ) : (
        <button
          type="button"
          onClick={claim}
          disabled={pending}
          aria-label={t("claimNamed", { name })}
          className="rounded-full bg-ink px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
        >
          {pending ? t("claiming") : t("claim")}
        </button>
      )}
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
