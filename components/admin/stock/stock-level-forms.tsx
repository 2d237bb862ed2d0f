"use client";

import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useConsoleAction } from "@/components/admin/use-console-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { adjustStockAction, setStockSettingsAction } from "@/lib/nodes/actions";
import { ADJUSTMENT_REASONS } from "@/lib/inventory/stock-admin-input";

type Level = { nodeId: string; skuId: string; version: number };

const FORM_CLASS =
  "flex flex-wrap items-start gap-3 rounded-xl border border-stone-200 bg-white p-4";

/** A number field's value as sent: blank is NaN, which the server refuses as required. */
function numberOf(form: FormData, name: string): number {
  const text = String(form.get(name) ?? "").trim();
  return text === "" ? Number.NaN : Number(text);
}

/** The outcome of a form's last submit, under the form. */
function Outcome({
  message,
  testId,
}: {
  message: { ok: boolean; text: string } | null;
  testId: string;
}) {
  return message ? (
    <Notice tone={message.ok ? "success" : "error"} className="w-full" data-testid={testId}>
      {message.text}
    </Notice>
  ) : null;
}

/** Books a signed on-hand correction with its reason through the stock engine. */
export function AdjustStockForm({ level }: { level: Level }) {
  const t = useTranslations("stock.levels");
  const { run, error, message, busy } = useConsoleAction("adjust");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run(
      () =>
        adjustStockAction({
          nodeId: level.nodeId,
          skuId: level.skuId,
          delta: numberOf(form, "delta"),
          // The server checks the reason; an empty choice is sent as "" and refused as required.
          reason: String(form.get("reason") ?? ""),
          note: String(form.get("note") ?? ""),
          version: level.version,
        }),
      (data) => t("adjusted", data),
    );
  };

  return (
    <form onSubmit={submit} className={FORM_CLASS} aria-label={t("adjustTitle")} noValidate>
      <Field label={t("delta")} {...error("delta").field}>
        <Input name="delta" type="number" step={1} className="w-28" {...error("delta").control} />
      </Field>
      <Field label={t("reason")} {...error("reason").field}>
        <Select name="reason" defaultValue="" {...error("reason").control}>
          <option value="">{t("chooseReason")}</option>
          {ADJUSTMENT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("note")} className="flex-1" {...error("note").field}>
        <Input name="note" maxLength={200} className="w-full" {...error("note").control} />
      </Field>
      <Button type="submit" disabled={busy} className="mt-6">
        {t("adjust")}
      </Button>
      <Outcome message={message} testId="adjust-result" />
    </form>
  );
}

/** Sets a level's safety stock and display minimum against the version read. */
export function StockSettingsForm({
  level,
}: {
  level: Level & { safetyStock: number; displayMin: number };
}) {
  const t = useTranslations("stock.levels");
  const { run, error, message, busy } = useConsoleAction("settings");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run(
      () =>
        setStockSettingsAction({
          nodeId: level.nodeId,
          skuId: level.skuId,
          safetyStock: numberOf(form, "safetyStock"),
          displayMin: numberOf(form, "displayMin"),
          version: level.version,
        }),
      (data) => t("settingsSaved", data),
    );
  };

  return (
    <form onSubmit={submit} className={FORM_CLASS} aria-label={t("settingsTitle")} noValidate>
      {(["safetyStock", "displayMin"] as const).map((name) => (
        <Field key={name} label={t(name)} {...error(name).field}>
          <Input
            name={name}
            type="number"
            min={0}
            step={1}
            defaultValue={level[name]}
            className="w-28"
            {...error(name).control}
          />
        </Field>
      ))}
      <Button type="submit" disabled={busy} className="mt-6">
        {t("saveSettings")}
      </Button>
      <Outcome message={message} testId="settings-result" />
    </form>
  );
}
