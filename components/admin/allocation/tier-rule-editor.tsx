"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  deleteTierRuleAction,
  previewAllocationChangeAction,
  saveTierRuleAction,
} from "@/lib/allocation-console/actions";
import { PROTECTED_STRATEGIES } from "@/lib/allocation-console/allocation-input";
import { AllocationPreview } from "./allocation-preview";
import { EditorActions } from "./editor-actions";
import type {
  ConsoleCategory,
  ConsoleChannel,
  ConsolePolicy,
  ConsoleTierRule,
} from "./console-types";
import { ScopeFields, type ScopeValue } from "./scope-fields";
import { fieldAria, fieldError, useChangeRunner } from "./use-change-runner";

/** A tier-switch rule as the editor holds it. */
export type TierRuleDraft = ScopeValue & {
  id?: string;
  version?: number;
  threshold: string;
  strategy: (typeof PROTECTED_STRATEGIES)[number];
  active: boolean;
};

/** The draft of a stored tier rule, or of a new one. */
export function tierRuleDraft(rule: ConsoleTierRule | null): TierRuleDraft {
  if (!rule)
    return {
      scope: "SKU",
      categoryId: "",
      lifecycle: "",
      skuCode: "",
      threshold: "",
      strategy: "POLICY",
      active: true,
    };
  return {
    id: rule.id,
    version: rule.version,
    scope: rule.scope,
    categoryId: rule.categoryId ?? "",
    lifecycle: rule.lifecycle ?? "",
    skuCode: rule.skuCode ?? "",
    threshold: String(rule.threshold),
    strategy: rule.strategy,
    active: rule.active,
  };
}

const FORM = "tier";

/** Sets a SKU's or category's tier switch: the threshold and the protected strategy below it. */
export function TierRuleEditor({
  initial,
  channels,
  categories,
  policies,
  onDone,
}: {
  initial: TierRuleDraft;
  channels: readonly ConsoleChannel[];
  categories: readonly ConsoleCategory[];
  policies: readonly ConsolePolicy[];
  onDone: () => void;
}) {
  const t = useTranslations("allocation");
  const runner = useChangeRunner();
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<TierRuleDraft>) => setDraft({ ...draft, ...change });

  return (
    <Card className="space-y-3">
      <h3 className="font-semibold">{draft.id ? t("editTierRule") : t("newTierRule")}</h3>
      <form
        data-testid="tier-rule-editor"
        className="grid grid-cols-2 gap-3 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          runner.runSave(
            () => saveTierRuleAction(draft),
            t("saved"),
            (saved) => set({ id: saved.id, version: saved.version }),
          );
        }}
      >
        <ScopeFields
          form={FORM}
          value={draft}
          onChange={(scope) => set(scope)}
          categories={categories}
          runner={runner}
        />
        <Field label={t("threshold")} {...fieldError(runner, FORM, "threshold")}>
          <Input
            name="threshold"
            type="number"
            step="1"
            value={draft.threshold}
            disabled={runner.disabled}
            {...fieldAria(runner, FORM, "threshold")}
            onChange={(e) => set({ threshold: e.target.value })}
          />
        </Field>
        <Field label={t("strategy")}>
          <Select
            name="strategy"
            value={draft.strategy}
            disabled={runner.disabled}
            onChange={(e) => set({ strategy: e.target.value as TierRuleDraft["strategy"] })}
          >
            {PROTECTED_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {t(`strategies.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <label className="flex items-center gap-2 self-end text-sm font-medium">
          <input
            type="checkbox"
            name="active"
            checked={draft.active}
            disabled={runner.disabled}
            onChange={(e) => set({ active: e.target.checked })}
          />
          {t("active")}
        </label>
        <EditorActions
          runner={runner}
          onPreview={() =>
            runner.runPreview(() =>
              previewAllocationChangeAction({ change: { kind: "tierRule", rule: draft } }),
            )
          }
          onDelete={
            draft.id
              ? () =>
                  runner.runSave(
                    () => deleteTierRuleAction({ id: draft.id ?? "", version: draft.version ?? 0 }),
                    t("deleted"),
                    onDone,
                  )
              : undefined
          }
          onCancel={onDone}
        />
      </form>
      {runner.preview ? (
        <AllocationPreview rows={runner.preview} channels={channels} policies={policies} />
      ) : null}
    </Card>
  );
}
