"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { setLifecycleAction, updateStyleAction } from "@/lib/products/actions";
import { LIFECYCLES } from "@/lib/products/product-input";
import { ResultNotice } from "./result-notice";
import { StyleFields, type CategoryOption, type StyleValues } from "./style-fields";
import { useConsoleAction } from "@/components/admin/use-console-action";

/**
 * A style's fields, saved only if nobody saved it since the page was opened (its version); the
 * version moves on with each save so the same editor can save again.
 */
function StyleEditForm({
  initial,
  version,
  onSaved,
  categories,
}: {
  initial: StyleValues;
  version: string;
  onSaved: (version: string) => void;
  categories: readonly CategoryOption[];
}) {
  const t = useTranslations("products");
  const { run, error, message, busy } = useConsoleAction("style");
  const [style, setStyle] = useState(initial);
  return (
    <form
      data-testid="style-form"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => updateStyleAction({ ...style, version }),
          t("saved"),
          (saved) => onSaved(saved.version),
        );
      }}
    >
      <fieldset disabled={busy} className="contents">
        <StyleFields
          values={style}
          onChange={setStyle}
          categories={categories}
          error={error}
          codeFixed
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {t("saveStyle")}
        </Button>
        <ResultNotice message={message} />
      </div>
    </form>
  );
}

/**
 * The style's fields and its lifecycle, sharing the version the editor holds: a lifecycle save
 * moves it on, so the next save of the fields is not refused as someone else's change.
 */
export function StyleEditor({
  initial,
  version,
  lifecycle,
  categories,
}: {
  initial: StyleValues;
  version: string;
  lifecycle: (typeof LIFECYCLES)[number];
  categories: readonly CategoryOption[];
}) {
  const [opened, setOpened] = useState(version);
  return (
    <>
      <StyleEditForm
        initial={initial}
        version={opened}
        onSaved={setOpened}
        categories={categories}
      />
      <LifecycleForm styleCode={initial.styleCode} initial={lifecycle} onSaved={setOpened} />
    </>
  );
}

/** The style's lifecycle stage; saving recomputes the channels' stock figures for its SKUs. */
function LifecycleForm({
  styleCode,
  initial,
  onSaved,
}: {
  styleCode: string;
  initial: (typeof LIFECYCLES)[number];
  onSaved: (version: string) => void;
}) {
  const t = useTranslations("products");
  const { run, message, busy } = useConsoleAction("lifecycle");
  const [lifecycle, setLifecycle] = useState(initial);
  return (
    <form
      data-testid="lifecycle-form"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => setLifecycleAction({ styleCode, lifecycle }),
          t("saved"),
          (saved) => onSaved(saved.version),
        );
      }}
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium">{t("lifecycle")}</span>
        <Select
          name="lifecycle"
          value={lifecycle}
          onChange={(e) => setLifecycle(e.target.value as (typeof LIFECYCLES)[number])}
        >
          {LIFECYCLES.map((l) => (
            <option key={l} value={l}>
              {t(`lifecycles.${l}`)}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" disabled={busy}>
        {t("saveLifecycle")}
      </Button>
      <ResultNotice message={message} />
      <p className="basis-full text-sm text-stone-600">{t("lifecycleHint")}</p>
    </form>
  );
}
