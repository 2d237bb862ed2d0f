"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { addToCart } from "@/lib/cart/actions";
import { MAX_ADD_QUANTITY } from "@/lib/cart/cart-rules";
import { announceCartChanged } from "@/lib/cart/cart-changed";

type Outcome = { ok: true; itemCount: number } | { ok: false; text: string };

/**
 * Adds units of a SKU to the cart and says what happened right beside the button: one per click,
 * or as many as chosen when `maxQuantity` offers a choice (the employee store's pick limit).
 */
export function AddToCartButton({
  skuId,
  disabled = false,
  maxQuantity = 1,
}: {
  skuId: string;
  disabled?: boolean;
  maxQuantity?: number;
}) {
  const choices = Math.min(MAX_ADD_QUANTITY, Math.max(1, Math.trunc(maxQuantity)));
  const [quantity, setQuantity] = useState(1);
  const t = useTranslations("cart");
  const refusal = useLocalizeRefusal();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function add() {
    startTransition(async () => {
      const result = await addToCart({ skuId, quantity: Math.min(quantity, choices) });
      if (result.ok) {
        setOutcome({ ok: true, itemCount: result.data.itemCount });
        announceCartChanged();
      } else {
        setOutcome({ ok: false, text: refusal(result).message });
      }
    });
  }

  return (
    <div className="space-y-2">
      {choices > 1 && (
        <Select
          aria-label={t("quantity")}
          value={quantity}
          disabled={disabled || !hydrated || pending}
          onChange={(event) => setQuantity(Number(event.target.value))}
          className="mr-2 w-20"
        >
          {Array.from({ length: choices }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      )}
      <Button
        size="lg"
        onClick={add}
        disabled={disabled || !hydrated || pending}
        className="w-full sm:w-auto"
      >
        {pending ? t("adding") : t("addToCart")}
      </Button>
      <div aria-live="polite" className="min-h-5 text-sm">
        {outcome?.ok === true && (
          <Notice tone="success" variant="text">
            {t("added", { count: outcome.itemCount })}{" "}
            <Link href="/cart" prefetch={false} className="font-semibold underline">
              {t("viewCart")}
            </Link>
          </Notice>
        )}
        {outcome?.ok === false && (
          <Notice tone="error" variant="text">
            {outcome.text}
          </Notice>
        )}
      </div>
    </div>
  );
}
