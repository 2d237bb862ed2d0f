"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { addSkuAction, updateSkuAction } from "@/lib/products/actions";
import { ResultNotice } from "./result-notice";
import { EMPTY_SKU, SkuFields, type SkuValues } from "./sku-fields";
import { useConsoleAction } from "@/components/admin/use-console-action";

/** One existing SKU saved in place, or (with `styleCode`) a new SKU added to the style. */
export function SkuForm({ initial, styleCode }: { initial?: SkuValues; styleCode?: string }) {
  const t = useTranslations("products");
  const adding = initial === undefined;
  const { run, error, message, busy } = useConsoleAction(`sku-${initial?.skuCode ?? "new"}`);
  const [sku, setSku] = useState(initial ?? EMPTY_SKU);
  return (
    <form
      data-testid={`sku-${adding ? "new" : sku.skuCode}`}
      className="space-y-2 rounded-lg border border-stone-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (adding)
          run(
            () => addSkuAction({ ...sku, styleCode: styleCode ?? "" }),
            t("saved"),
            () => setSku(EMPTY_SKU),
          );
        else run(() => updateSkuAction(sku), t("saved"));
      }}
    >
      <fieldset disabled={busy} className="contents">
        <SkuFields values={sku} onChange={setSku} error={error} prefix="" codeFixed={!adding} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={busy}>
          {adding ? t("addSku") : t("saveSku")}
        </Button>
        <ResultNotice message={message} />
      </div>
    </form>
  );
}
