"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { setPresaleAction } from "@/lib/products/actions";
import { ResultNotice } from "./result-notice";
import { useConsoleAction } from "@/components/admin/use-console-action";

/** A SKU's presale switch, cap and expected ship date. */
export function PresaleForm({
  skuCode,
  initial,
}: {
  skuCode: string;
  initial: { enabled: boolean; cap: number; sold: number; shipDate: string | null };
}) {
  const t = useTranslations("products");
  const { run, error, message, busy } = useConsoleAction(`presale-${skuCode}`);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [cap, setCap] = useState(String(initial.cap));
  const [shipDate, setShipDate] = useState(initial.shipDate ?? "");
  return (
    <form
      data-testid={`presale-${skuCode}`}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => setPresaleAction({ skuCode, enabled, cap, shipDate }), t("saved"));
      }}
    >
      <span className="w-40 text-sm font-medium">{skuCode}</span>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={enabled}
          disabled={busy}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        {t("presaleOn")}
      </label>
      <Field label={t("presaleCap")} {...error("cap").field}>
        <Input
          compact
          type="number"
          min="0"
          step="1"
          className="w-24"
          value={cap}
          onChange={(e) => setCap(e.target.value)}
          {...error("cap").control}
        />
      </Field>
      <Field label={t("shipDate")} {...error("shipDate").field}>
        <Input
          compact
          type="date"
          value={shipDate}
          onChange={(e) => setShipDate(e.target.value)}
          {...error("shipDate").control}
        />
      </Field>
      <span className="text-sm text-stone-600">
        {t("presaleSold")}: {initial.sold}
      </span>
      <Button type="submit" size="sm" disabled={busy}>
        {t("savePresale")}
      </Button>
      <ResultNotice message={message} />
    </form>
  );
}
