"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { saveBundleAction } from "@/lib/products/actions";
import { ResultNotice } from "./result-notice";
import { useConsoleAction } from "@/components/admin/use-console-action";

type Line = { skuCode: string; quantity: string };

/** A bundle SKU's components × quantities, replacing the ones it had. */
export function BundleForm({
  skuCode,
  initial,
}: {
  skuCode: string;
  initial: readonly { skuCode: string; quantity: number }[];
}) {
  const t = useTranslations("products");
  const { run, error, message, busy } = useConsoleAction(`bundle-${skuCode}`);
  const [lines, setLines] = useState<Line[]>(
    initial.length > 0
      ? initial.map((c) => ({ skuCode: c.skuCode, quantity: String(c.quantity) }))
      : [{ skuCode: "", quantity: "1" }],
  );
  const set = (i: number, line: Line) => setLines(lines.map((l, j) => (j === i ? line : l)));
  return (
    <form
      data-testid={`bundle-${skuCode}`}
      className="space-y-2 rounded-lg border border-stone-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => saveBundleAction({ skuCode, components: lines }), t("saved"));
      }}
    >
      <p className="text-sm font-medium">
        {t("bundleSku")}: {skuCode}
      </p>
      {error("components").field.error ? (
        <Notice tone="error" variant="text">
          {error("components").field.error}
        </Notice>
      ) : null}
      {lines.map((line, i) => (
        <div key={i} className="flex flex-wrap items-end gap-2">
          <Field label={t("component")} {...error(`components.${i}.skuCode`).field}>
            <Input
              compact
              value={line.skuCode}
              onChange={(e) => set(i, { ...line, skuCode: e.target.value })}
              {...error(`components.${i}.skuCode`).control}
            />
          </Field>
          <Field label={t("quantity")} {...error(`components.${i}.quantity`).field}>
            <Input
              compact
              type="number"
              min="1"
              className="w-20"
              value={line.quantity}
              onChange={(e) => set(i, { ...line, quantity: e.target.value })}
              {...error(`components.${i}.quantity`).control}
            />
          </Field>
          {lines.length > 1 ? (
            <Button
              type="button"
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => setLines(lines.filter((_, j) => j !== i))}
            >
              {t("removeSkuLine")}
            </Button>
          ) : null}
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={busy}
          onClick={() => setLines([...lines, { skuCode: "", quantity: "1" }])}
        >
          {t("addComponent")}
        </Button>
        <Button type="submit" size="sm" disabled={busy}>
          {t("saveBundle")}
        </Button>
        <ResultNotice message={message} />
      </div>
    </form>
  );
}
