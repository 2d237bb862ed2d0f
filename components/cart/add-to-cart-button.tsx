"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { addToCart } from "@/lib/cart/actions";
import { announceCartChanged } from "@/lib/cart/cart-changed";

type Outcome =
  | { ok: true; itemCount: number }
  | { ok: false; code: string; reason?: string; available?: number };

/** Adds one unit of a SKU to the cart and says what happened right beside the button. */
export function AddToCartButton({
  skuId,
  disabled = false,
}: {
  skuId: string;
  disabled?: boolean;
}) {
  const t = useTranslations("cart");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function add() {
    startTransition(async () => {
      const result = await addToCart({ skuId, quantity: 1 });
      if (result.ok) {
        setOutcome({ ok: true, itemCount: result.data.itemCount });
        announceCartChanged();
      } else {
        const { available, reason } = result.details ?? {};
        setOutcome({
          ok: false,
          code: result.code,
          reason: typeof reason === "string" ? reason : undefined,
          available: typeof available === "number" ? available : undefined,
        });
      }
    });
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={add}
        disabled={disabled || pending}
        className="w-full rounded-full bg-ink px-6 py-3 font-semibold text-white disabled:cursor-not-allowed disabled:opacity-50 sm:w-auto"
      >
        {pending ? t("adding") : t("addToCart")}
      </button>
      <div aria-live="polite" className="min-h-5 text-sm">
        {outcome?.ok === true && (
          <p role="status" className="text-green-700">
            {t("added", { count: outcome.itemCount })}{" "}
            <Link href="/cart" prefetch={false} className="font-semibold underline">
              {t("viewCart")}
            </Link>
          </p>
        )}
        {outcome?.ok === false && (
          <p role="alert" className="text-red-700">
            {refusalText(t, outcome)}
          </p>
        )}
      </div>
    </div>
  );
}

function refusalText(
  t: ReturnType<typeof useTranslations<"cart">>,
  outcome: Extract<Outcome, { ok: false }>,
): string {
  switch (outcome.code) {
    case "OUT_OF_STOCK":
      return outcome.available
        ? t("errors.onlyAvailable", { count: outcome.available })
        : t("errors.outOfStock");
    case "NOT_FOUND":
      return t("errors.notFound");
    case "FORBIDDEN":
      return t("errors.forbidden");
    case "UNAUTHENTICATED":
      return t("errors.signIn");
    case "INVALID_INPUT":
      if (outcome.reason === "NOT_SOLD_ONLINE") return t("errors.notSoldOnline");
      if (outcome.reason === "LINE_LIMIT") return t("errors.lineLimit");
      return t("errors.invalidQuantity");
    default:
      return t("errors.generic");
  }
}
