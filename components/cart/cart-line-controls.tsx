"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
  const [draft, setDraft] = useState(String(quantity));
  const [error, setError] = useState<string | null>(null);

  function explain(failure: ActionFailure): string {
    const available = failure.details?.available;
    if (failure.code === "OUT_OF_STOCK") {
      return typeof available === "number" && available > 0
        ? t("errors.onlyAvailable", { count: available })
        : t("errors.outOfStock");
    }
    if (failure.code === "INVALID_INPUT") {
      if (failure.details?.reason === "NOT_SOLD_ONLINE") return t("errors.notSoldOnline");
      if (failure.details?.reason === "LINE_LIMIT") return t("errors.lineLimit");
      return t("errors.invalidQuantity");
    }
    if (failure.code === "NOT_FOUND") return t("errors.notFound");
    if (failure.code === "FORBIDDEN") return t("errors.forbidden");
    return t("errors.generic");
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

  const button =
    "h-9 w-9 rounded-full border border-stone-300 bg-white text-lg leading-none disabled:opacity-40";
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={button}
          aria-label={t("decrease", { name })}
          disabled={pending || quantity <= 1}
          onClick={() => update(quantity - 1)}
        >
          −
        </button>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_CART_LINE_QUANTITY}
          step={1}
          aria-label={t("quantityOf", { name })}
          className="h-9 w-16 rounded border border-stone-300 px-2 text-center tabular-nums"
          value={draft}
          disabled={pending}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft !== String(quantity)) update(Number(draft));
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") update(Number(draft));
          }}
        />
        <button
          type="button"
          className={button}
          aria-label={t("increase", { name })}
          disabled={pending || quantity >= MAX_CART_LINE_QUANTITY}
          onClick={() => update(quantity + 1)}
        >
          +
        </button>
        <button
          type="button"
          className="ml-2 text-sm text-stone-600 underline"
          aria-label={t("removeItem", { name })}
          disabled={pending}
          onClick={remove}
        >
          {t("remove")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
