"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { claimCouponAction } from "@/lib/coupons/actions";

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
  const refusal = useLocalizeRefusal();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function claim() {
    startTransition(async () => {
      const result = await claimCouponAction({ code });
      if (result.ok) {
        setMessage({ ok: true, text: t("claimed", { code }) });
        router.refresh();
        return;
      }
      setMessage({ ok: false, text: refusal(result).message });
    });
  }

  return (
    <div className="space-y-1">
      {unavailable ? (
        <span className="inline-block rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-600">
          {unavailable}
        </span>
      ) : (
        <Button
          size="sm"
          onClick={claim}
          disabled={!hydrated || pending}
          aria-label={t("claimNamed", { name })}
        >
          {pending ? t("claiming") : t("claim")}
        </Button>
      )}
      {message ? (
        <Notice tone={message.ok ? "success" : "error"} variant="text">
          {message.text}
        </Notice>
      ) : null}
    </div>
  );
}
