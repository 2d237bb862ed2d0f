"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { setEmployeePriceAction } from "@/lib/admin/actions";

/** Sets a style's or one SKU's explicit employee price in yuan, or clears it (an empty price). */
export function EmployeePriceForm() {
  const t = useTranslations("admin.employees");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [styleCode, setStyleCode] = useState("");
  const [skuCode, setSkuCode] = useState("");
  const [price, setPrice] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (priceYuan: string | null) =>
    start(async () => {
      const result = await setEmployeePriceAction({ styleCode, skuCode, priceYuan });
      const refused = result.ok ? null : refusal(result);
      setFields(refused?.fields ?? {});
      setMessage(
        refused
          ? { ok: false, text: refused.message }
          : { ok: true, text: priceYuan === null ? t("priceCleared") : t("priceSaved") },
      );
    });

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid="employee-price-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(price.trim() === "" ? null : price);
      }}
    >
      <Field label={t("styleCode")} error={fields.styleCode} errorId="price-style-error">
        <Input value={styleCode} onChange={(e) => setStyleCode(e.target.value)} />
      </Field>
      <Field label={t("skuCodeOptional")} error={fields.skuCode} errorId="price-sku-error">
        <Input value={skuCode} onChange={(e) => setSkuCode(e.target.value)} />
      </Field>
      <Field label={t("priceYuan")} error={fields.priceYuan} errorId="price-yuan-error">
        <Input
          type="number"
          step="0.01"
          min="0"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={!hydrated || pending}>
        {t("setPrice")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        disabled={!hydrated || pending}
        onClick={() => submit(null)}
      >
        {t("clearPrice")}
      </Button>
      {message ? (
        <Notice tone={message.ok ? "success" : "error"} variant="text">
          {message.text}
        </Notice>
      ) : null}
    </form>
  );
}
