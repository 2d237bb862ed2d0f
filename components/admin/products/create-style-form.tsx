"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { LIFECYCLES } from "@/lib/products/product-input";
import { createStyleAction } from "@/lib/products/actions";
import { SkuFields, EMPTY_SKU, type SkuValues } from "./sku-fields";
import { StyleFields, type CategoryOption, type StyleValues } from "./style-fields";
import { useConsoleAction } from "@/components/admin/use-console-action";

/** A new style with its first SKUs; on success the style's own page opens. */
export function CreateStyleForm({ categories }: { categories: readonly CategoryOption[] }) {
  const t = useTranslations("products");
  const router = useRouter();
  const { run, error, message, busy } = useConsoleAction("new-style");
  const [style, setStyle] = useState<StyleValues>({
    styleCode: "",
    name: "",
    nameZh: "",
    description: "",
    descriptionZh: "",
    categorySlug: categories[0]?.slug ?? "",
    gender: "UNISEX",
    listPriceYuan: "",
  });
  const [lifecycle, setLifecycle] = useState<(typeof LIFECYCLES)[number]>("NEW");
  const [skus, setSkus] = useState<SkuValues[]>([EMPTY_SKU]);

  return (
    <form
      data-testid="create-style"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => createStyleAction({ ...style, lifecycle, skus }),
          t("created"),
          (created) => router.push(`/admin/products/${encodeURIComponent(created.styleCode)}`),
        );
      }}
    >
      <fieldset disabled={busy} className="contents">
        <StyleFields
          values={style}
          onChange={setStyle}
          categories={categories}
          error={error}
          codeFixed={false}
        />
      </fieldset>
      <label className="block max-w-xs text-sm">
        <span className="mb-1 block font-medium">{t("lifecycle")}</span>
        <Select
          name="lifecycle"
          value={lifecycle}
          className="w-full"
          onChange={(e) => setLifecycle(e.target.value as (typeof LIFECYCLES)[number])}
        >
          {LIFECYCLES.map((l) => (
            <option key={l} value={l}>
              {t(`lifecycles.${l}`)}
            </option>
          ))}
        </Select>
      </label>
      <fieldset className="space-y-3" disabled={busy}>
        <legend className="font-semibold">{t("skus")}</legend>
        <p className="text-sm text-stone-600">{t("skusHint")}</p>
        {error("skus").field.error ? (
          <Notice tone="error" variant="text">
            {error("skus").field.error}
          </Notice>
        ) : null}
        {skus.map((s, i) => (
          <div
            key={i}
            data-testid={`sku-line-${i}`}
            className="rounded-lg border border-stone-200 p-3"
          >
            <SkuFields
              values={s}
              prefix={`skus.${i}`}
              error={error}
              codeFixed={false}
              onChange={(v) => setSkus(skus.map((old, j) => (j === i ? v : old)))}
            />
            {skus.length > 1 ? (
              <Button
                type="button"
                variant="secondary"
                size="sm"
                className="mt-2"
                disabled={busy}
                onClick={() => setSkus(skus.filter((_, j) => j !== i))}
              >
                {t("removeSkuLine")}
              </Button>
            ) : null}
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={() =>
            setSkus([
              ...skus,
              { ...EMPTY_SKU, colorHex: skus.at(-1)?.colorHex ?? EMPTY_SKU.colorHex },
            ])
          }
        >
          {t("addSkuLine")}
        </Button>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {t("create")}
        </Button>
        {message ? (
          <Notice tone={message.ok ? "success" : "error"} variant="text">
            {message.text}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
