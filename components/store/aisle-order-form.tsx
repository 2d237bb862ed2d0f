"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { placeAisleOrder } from "@/lib/fulfilment/actions";
import { ActionFeedback } from "./action-feedback";
import { useHydrated } from "./use-hydrated";
import { useRefusalText } from "./use-refusal-text";

type SkuOption = { id: string; label: string };

const field = "w-full rounded-lg border border-stone-300 px-3 py-2";

/** Places a paid-at-the-till order for a walk-in customer, for pickup here or express delivery. */
export function AisleOrderForm({ styleCode, skus }: { styleCode: string; skus: SkuOption[] }) {
  const t = useTranslations("fulfilment.aisle");
  const refusal = useRefusalText();
  const [transitionPending, start] = useTransition();
  const hydrated = useHydrated();
  const pending = transitionPending || !hydrated;
  const [method, setMethod] = useState<"PICKUP" | "EXPRESS">("PICKUP");
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  // One key per form instance: a double submit places one order.
  const [key, setKey] = useState(() => crypto.randomUUID());

  return (
    <form
      className="space-y-2"
      aria-label={`${t("order")} ${styleCode}`}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const common = {
          skuId: String(data.get("skuId") ?? ""),
          quantity: Number(data.get("quantity") ?? 1),
          contactName: String(data.get("contactName") ?? ""),
          contactPhone: String(data.get("contactPhone") ?? "") || undefined,
          idempotencyKey: key,
        };
        start(async () => {
          const result = await placeAisleOrder(
            method === "PICKUP"
              ? { ...common, method }
              : { ...common, method, addressLine: String(data.get("addressLine") ?? "") },
          );
          if (result.ok) {
            const code = result.data.pickupCode
              ? ` ${t("pickupCode", { code: result.data.pickupCode })}`
              : "";
            setFeedback({
              ok: true,
              text: `${t("placed", { orderNo: result.data.orderNo })}${code}`,
            });
            setKey(crypto.randomUUID());
          } else {
            setFeedback({ ok: false, text: refusal(result) });
          }
        });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm">
          {t("size")}
          <select name="skuId" className={field} required>
            {skus.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("quantity")}
          <input
            name="quantity"
            type="number"
            min={1}
            max={20}
            defaultValue={1}
            className={field}
          />
        </label>
        <fieldset className="text-sm sm:col-span-2">
          <legend>{t("method")}</legend>
          <label className="mr-4 inline-flex items-center gap-1">
            <input
              type="radio"
              name="method"
              checked={method === "PICKUP"}
              onChange={() => setMethod("PICKUP")}
            />
            {t("pickupHere")}
          </label>
          <label className="inline-flex items-center gap-1">
            <input
              type="radio"
              name="method"
              checked={method === "EXPRESS"}
              onChange={() => setMethod("EXPRESS")}
            />
            {t("express")}
          </label>
        </fieldset>
        <label className="text-sm">
          {t("contactName")}
          <input name="contactName" required maxLength={100} className={field} />
        </label>
        <label className="text-sm">
          {t("contactPhone")}
          <input name="contactPhone" type="tel" className={field} />
        </label>
        {method === "EXPRESS" ? (
          <label className="text-sm sm:col-span-2">
            {t("address")}
            <input name="addressLine" required minLength={3} maxLength={300} className={field} />
          </label>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-ink px-4 py-3 font-semibold text-white disabled:opacity-50 sm:w-auto"
      >
        {t("place")}
      </button>
      <ActionFeedback message={feedback} />
    </form>
  );
}
