"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { removeFromCart, setCartQuantity } from "@/lib/cart/actions";
import { announceCartChanged } from "@/lib/cart/cart-changed";
import { MAX_CART_LINE_QUANTITY } from "@/lib/cart/cart-rules";
import type { ActionFailure } from "@/lib/actions/result";

/** Quantity stepper and remove button of one cart line; refusals show beside it, the cart stays as it was. */
export function CartLineControls({
  skuId,
  quantity,
  name,
}: {
  skuId: string;
  quantity: number;
  name: string;
}) {
  const t = useTranslations("cart");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const busy = !hydrated || pending;
  const [draft, setDraft] = useState(String(quantity));
  const [error, setError] = useState<string | null>(null);
  const refusal = useLocalizeRefusal();

  /** The quantity's own problem when the server names one, else the refusal's sentence. */
  function explain(failure: ActionFailure): string {
    const { message, fields } = refusal(failure);
    return fields.quantity ?? message;
  }

  function update(next: number) {
    setDraft(String(next));
    // Anything numeric goes to the server, whose typed refusal is what the shopper reads.
    if (Number.isNaN(next)) {
      setError(t("errors.invalidQuantity"));
      setDraft(String(quantity));
      return;
    }
    startTransition(async () => {
      const result = await setCartQuantity({ skuId, quantity: next });
      if (result.ok) {
        setError(null);
        announceCartChanged();
        router.refresh();
      } else {
        setError(explain(result));
        setDraft(String(quantity));
      }
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await removeFromCart({ skuId });
      if (result.ok) {
        announceCartChanged();
        router.refresh();
      } else setError(explain(result));
    });
  }

  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          size="icon"
          aria-label={t("decrease", { name })}
          disabled={busy || quantity <= 1}
          onClick={() => update(quantity - 1)}
        >
          −
        </Button>
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_CART_LINE_QUANTITY}
          step={1}
          aria-label={t("quantityOf", { name })}
          compact
          className="h-9 w-16 text-center tabular-nums"
          value={draft}
          disabled={busy}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft !== String(quantity)) update(Number(draft));
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") update(Number(draft));
          }}
        />
        <Button
          variant="secondary"
          size="icon"
          aria-label={t("increase", { name })}
          disabled={busy || quantity >= MAX_CART_LINE_QUANTITY}
          onClick={() => update(quantity + 1)}
        >
          +
        </Button>
        <Button
          variant="link"
          className="ml-2 text-stone-600"
          aria-label={t("removeItem", { name })}
          disabled={busy}
          onClick={remove}
        >
          {t("remove")}
        </Button>
      </div>
      {error ? (
        <Notice tone="error" variant="text">
          {error}
        </Notice>
      ) : null}
    </div>
  );
}
