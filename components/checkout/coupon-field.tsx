"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { previewCoupon } from "@/lib/checkout/actions";
import { formatMoney } from "@/lib/i18n/money";

type Preview = { ok: true; text: string } | { ok: false; text: string };

/** The coupon code input with a "Check" button that previews the discount; placing the order decides. */
export function CouponField() {
  const t = useTranslations("checkout");
  const refusal = useLocalizeRefusal();
  const locale = useLocale();
  const [code, setCode] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function check() {
    startTransition(async () => {
      const result = await previewCoupon({ couponCode: code });
      if (result.ok) {
        const name = locale.startsWith("zh") ? result.data.nameZh : result.data.name;
        setPreview({
          ok: true,
          text: t("couponApplies", { amount: formatMoney(result.data.discount, locale), name }),
        });
      } else {
        setPreview({ ok: false, text: refusal(result).message });
      }
    });
  }

  return (
    <div className="space-y-1">
      <Field label={t("couponCode")}>
        <span className="flex gap-2">
          <Input
            name="couponCode"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="w-full"
            autoCapitalize="characters"
          />
          <Button
            variant="secondary"
            size="sm"
            onClick={check}
            disabled={!hydrated || pending || code.trim() === ""}
          >
            {t("checkCoupon")}
          </Button>
        </span>
      </Field>
      {preview && (
        <Notice
          tone={preview.ok ? "success" : "error"}
          variant="text"
          role="status"
          data-testid="coupon-preview"
        >
          {preview.text}
        </Notice>
      )}
    </div>
  );
}
