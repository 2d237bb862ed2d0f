"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LIFECYCLES, POLICY_SCOPES } from "@/lib/allocation-console/allocation-input";
import { localized } from "@/lib/i18n/localized";
import type { ConsoleCategory } from "./console-types";
import { fieldAria, fieldError, type ChangeRunner } from "./use-change-runner";

/** Where a policy or tier rule applies, as the form holds it. */
export type ScopeValue = {
  scope: (typeof POLICY_SCOPES)[number];
  categoryId: string;
  lifecycle: string;
  skuCode: string;
};

/** The scope select and the one target field the chosen scope needs. */
export function ScopeFields({
  form,
  value,
  onChange,
  categories,
  runner,
}: {
  form: string;
  value: ScopeValue;
  onChange: (value: ScopeValue) => void;
  categories: readonly ConsoleCategory[];
  runner: ChangeRunner;
}) {
  const t = useTranslations("allocation");
  const locale = useLocale();
  return (
    <>
      <Field label={t("scope")} {...fieldError(runner, form, "scope")}>
        <Select
          name="scope"
          value={value.scope}
          disabled={runner.disabled}
          onChange={(e) => onChange({ ...value, scope: e.target.value as ScopeValue["scope"] })}
        >
          {POLICY_SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`scopes.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      {value.scope === "CATEGORY" ? (
        <Field label={t("category")} {...fieldError(runner, form, "categoryId")}>
          <Select
            name="categoryId"
            value={value.categoryId}
            disabled={runner.disabled}
            {...fieldAria(runner, form, "categoryId")}
            onChange={(e) => onChange({ ...value, categoryId: e.target.value })}
          >
            <option value="">{t("choose")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(locale, c)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {value.scope === "LIFECYCLE" ? (
        <Field label={t("lifecycle")} {...fieldError(runner, form, "lifecycle")}>
          <Select
            name="lifecycle"
            value={value.lifecycle}
            disabled={runner.disabled}
            {...fieldAria(runner, form, "lifecycle")}
            onChange={(e) => onChange({ ...value, lifecycle: e.target.value })}
          >
            <option value="">{t("choose")}</option>
            {LIFECYCLES.map((l) => (
              <option key={l} value={l}>
                {t(`lifecycles.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {value.scope === "SKU" ? (
        <Field label={t("skuCode")} {...fieldError(runner, form, "skuCode")}>
          <Input
            name="skuCode"
            value={value.skuCode}
            disabled={runner.disabled}
            {...fieldAria(runner, form, "skuCode")}
            onChange={(e) => onChange({ ...value, skuCode: e.target.value })}
          />
        </Field>
      ) : null}
    </>
  );
}
