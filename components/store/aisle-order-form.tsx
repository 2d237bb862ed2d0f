"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { placeAisleOrder } from "@/lib/fulfilment/actions";
import { ActionFeedback } from "./action-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";

type SkuOption = { id: string; label: string };

/** Places a paid-at-the-till order for a walk-in customer, for pickup here or express delivery. */
export function AisleOrderForm({ styleCode, skus }: { styleCode: string; skus: SkuOption[] }) {
  const t = useTranslations("fulfilment.aisle");
  const refusal = useLocalizeRefusal();
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
            setFeedback({ ok: false, text: refusal(result).message });
          }
        });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label={t("size")}>
          <Select name="skuId" className="w-full" required>
            {skus.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("quantity")}>
          <Input
            name="quantity"
            type="number"
            min={1}
            max={20}
            defaultValue={1}
            className="w-full"
          />
        </Field>
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
        <Field label={t("contactName")}>
          <Input name="contactName" required maxLength={100} className="w-full" />
        </Field>
        <Field label={t("contactPhone")}>
          <Input name="contactPhone" type="tel" className="w-full" />
        </Field>
        {method === "EXPRESS" ? (
          <Field label={t("address")} className="sm:col-span-2">
            <Input name="addressLine" required minLength={3} maxLength={300} className="w-full" />
          </Field>
        ) : null}
      </div>
      <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto">
        {t("place")}
      </Button>
      <ActionFeedback message={feedback} />
    </form>
  );
}
