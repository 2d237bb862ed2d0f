"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  deleteAllocationPolicyAction,
  previewAllocationChangeAction,
  saveAllocationPolicyAction,
} from "@/lib/allocation-console/actions";
import { ALLOCATION_MODES } from "@/lib/allocation-console/allocation-input";
import { localized } from "@/lib/i18n/localized";
import { AllocationPreview } from "./allocation-preview";
import { EditorActions } from "./editor-actions";
import type { ConsoleCategory, ConsoleChannel, ConsolePolicy } from "./console-types";
import { ScopeFields, type ScopeValue } from "./scope-fields";
import { fieldAria, fieldError, useChangeRunner } from "./use-change-runner";

/** A policy as the editor holds it: numbers as typed, ids and the version it was opened at. */
export type PolicyDraft = ScopeValue & {
  id?: string;
  version?: number;
  channelCode: string;
  mode: (typeof ALLOCATION_MODES)[number];
  ratioPercent: string;
  fixedQty: string;
  safetyBuffer: string;
  active: boolean;
};

/** The draft of a stored policy, or of a new one for a channel and scope. */
export function policyDraft(
  policy: ConsolePolicy | null,
  channels: readonly ConsoleChannel[],
  start: Partial<PolicyDraft> = {},
): PolicyDraft {
  const codeOf = (id: string) => channels.find((c) => c.id === id)?.code ?? "";
  if (!policy)
    return {
      channelCode: channels[0]?.code ?? "",
      scope: "ALL",
      categoryId: "",
      lifecycle: "",
      skuCode: "",
      mode: "SHARED",
      ratioPercent: "",
      fixedQty: "",
      safetyBuffer: "0",
      active: true,
      ...start,
    };
  return {
    id: policy.id,
    version: policy.version,
    channelCode: codeOf(policy.channelId),
    scope: policy.scope,
    categoryId: policy.categoryId ?? "",
    lifecycle: policy.lifecycle ?? "",
    skuCode: policy.skuCode ?? "",
    mode: policy.mode,
    ratioPercent: policy.ratioBps === null ? "" : String(policy.ratioBps / 100),
    fixedQty: policy.fixedQty === null ? "" : String(policy.fixedQty),
    safetyBuffer: String(policy.safetyBuffer),
    active: policy.active,
  };
}

const FORM = "policy";

/** Creates, edits, deactivates or deletes one allocation policy, with a preview before saving. */
export function PolicyEditor({
  initial,
  channels,
  categories,
  policies,
  onDone,
}: {
  initial: PolicyDraft;
  channels: readonly ConsoleChannel[];
  categories: readonly ConsoleCategory[];
  policies: readonly ConsolePolicy[];
  onDone: () => void;
}) {
  const t = useTranslations("allocation");
  const locale = useLocale();
  const runner = useChangeRunner();
  const [draft, setDraft] = useState(initial);
  const [previewSku, setPreviewSku] = useState("");
  const set = (change: Partial<PolicyDraft>) => setDraft({ ...draft, ...change });

  return (
    <Card className="space-y-3">
      <h3 className="font-semibold">{draft.id ? t("editPolicy") : t("newPolicy")}</h3>
      <form
        data-testid="policy-editor"
        className="grid grid-cols-2 gap-3 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          runner.runSave(
            () => saveAllocationPolicyAction(draft),
            t("saved"),
            (saved) => set({ id: saved.id, version: saved.version }),
          );
        }}
      >
        <Field label={t("channel")} {...fieldError(runner, FORM, "channelCode")}>
          <Select
            name="channelCode"
            className="w-full"
            value={draft.channelCode}
            disabled={runner.disabled}
            {...fieldAria(runner, FORM, "channelCode")}
            onChange={(e) => set({ channelCode: e.target.value })}
          >
            {channels.map((c) => (
              <option key={c.id} value={c.code}>
                {c.code} · {localized(locale, c)}
              </option>
            ))}
          </Select>
        </Field>
        <ScopeFields
          form={FORM}
          value={draft}
          onChange={(scope) => set(scope)}
          categories={categories}
          runner={runner}
        />
        <Field label={t("mode")} {...fieldError(runner, FORM, "mode")}>
          <Select
            name="mode"
            value={draft.mode}
            disabled={runner.disabled}
            onChange={(e) => set({ mode: e.target.value as PolicyDraft["mode"] })}
          >
            {ALLOCATION_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        {draft.mode === "RATIO" ? (
          <Field label={t("ratioPercent")} {...fieldError(runner, FORM, "ratioPercent")}>
            <Input
              name="ratioPercent"
              type="number"
              step="0.01"
              value={draft.ratioPercent}
              disabled={runner.disabled}
              {...fieldAria(runner, FORM, "ratioPercent")}
              onChange={(e) => set({ ratioPercent: e.target.value })}
            />
          </Field>
        ) : null}
        {draft.mode === "FIXED" ? (
          <Field label={t("fixedQty")} {...fieldError(runner, FORM, "fixedQty")}>
            <Input
              name="fixedQty"
              type="number"
              step="1"
              value={draft.fixedQty}
              disabled={runner.disabled}
              {...fieldAria(runner, FORM, "fixedQty")}
              onChange={(e) => set({ fixedQty: e.target.value })}
            />
          </Field>
        ) : null}
        <Field label={t("safetyBuffer")} {...fieldError(runner, FORM, "safetyBuffer")}>
          <Input
            name="safetyBuffer"
            type="number"
            step="1"
            value={draft.safetyBuffer}
            disabled={runner.disabled}
            {...fieldAria(runner, FORM, "safetyBuffer")}
            onChange={(e) => set({ safetyBuffer: e.target.value })}
          />
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
        <Field label={t("previewSku")} {...fieldError(runner, FORM, "previewSkuCode")}>
          <Input
            name="previewSku"
            value={previewSku}
            disabled={runner.disabled}
            onChange={(e) => setPreviewSku(e.target.value)}
          />
        </Field>
        <EditorActions
          runner={runner}
          onPreview={() =>
            runner.runPreview(() =>
              previewAllocationChangeAction({
                change: { kind: "policy", policy: draft },
                previewSkuCode: previewSku,
              }),
            )
          }
          onDelete={
            draft.id
              ? () =>
                  runner.runSave(
                    () =>
                      deleteAllocationPolicyAction({
                        id: draft.id ?? "",
                        version: draft.version ?? 0,
                      }),
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
