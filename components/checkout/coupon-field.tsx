"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { previewCoupon } from "@/lib/checkout/actions";
import { formatMoney } from "@/lib/i18n/money";

type Preview = { ok: true; text: string } | { ok: false; text: string };

/** The coupon code input with a "Check" button that previews the discount; placing the order decides. */
export function CouponField({ className }: { className: string }) {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const [code, setCode] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, startTransition] = useTransition();

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
        setPreview({ ok: false, text: result.message });
      }
    });
  }

  return (
    <div className="space-y-1">
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("couponCode")}</span>
        <span className="flex gap-2">
          <input
            name="couponCode"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className={className}
            autoCapitalize="characters"
          />
          <button
            type="button"
            onClick={check}
            disabled={pending || code.trim() === ""}
            className="rounded-full border border-stone-300 px-3 text-sm disabled:opacity-50"
          >
            {t("checkCoupon")}
          </button>
        </span>
      </label>
      {preview && (
        <p
          className={`text-sm ${preview.ok ? "text-emerald-700" : "text-red-700"}`}
          data-testid="coupon-preview"
          role="status"
        >
          {preview.text}
        </p>
      )}
    </div>
  );
}
