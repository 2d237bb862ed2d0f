"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { addToCart } from "@/lib/cart/actions";
import { announceCartChanged } from "@/lib/cart/cart-changed";

type Outcome = { ok: true; itemCount: number } | { ok: false; text: string };

/** Adds one unit of a SKU to the cart and says what happened right beside the button. */
export function AddToCartButton({
  skuId,
  disabled = false,
}: {
  skuId: string;
  disabled?: boolean;
}) {
  const t = useTranslations("cart");
  const refusal = useLocalizeRefusal();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function add() {
    startTransition(async () => {
      const result = await addToCart({ skuId, quantity: 1 });
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
