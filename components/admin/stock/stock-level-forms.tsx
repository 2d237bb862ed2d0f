"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { adjustStockAction, setStockSettingsAction } from "@/lib/nodes/actions";
import { ADJUSTMENT_REASONS } from "@/lib/inventory/stock-admin-input";

type Level = { nodeId: string; skuId: string; version: number };
type Message = { ok: boolean; text: string } | null;

const FORM_CLASS =
  "flex flex-wrap items-start gap-3 rounded-xl border border-stone-200 bg-white p-4";

/** Books a signed on-hand correction with its reason through the stock engine. */
export function AdjustStockForm({ level }: { level: Level }) {
  const t = useTranslations("stock.levels");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const delta = String(form.get("delta") ?? "").trim();
    start(async () => {
      const result = await adjustStockAction({
        nodeId: level.nodeId,
        skuId: level.skuId,
        delta: delta === "" ? Number.NaN : Number(delta),
        // The server checks the reason; an empty choice is sent as "" and refused as required.
        reason: String(form.get("reason") ?? ""),
        note: String(form.get("note") ?? ""),
        version: level.version,
      });
      if (result.ok) {
        setFields({});
        setMessage({ ok: true, text: t("adjusted", result.data) });
        router.refresh();
      } else {
        const text = refusal(result);
        setFields(text.fields);
        setMessage({ ok: false, text: text.message });
      }
    });
  };

  return (
    <form onSubmit={submit} className={FORM_CLASS} aria-label={t("adjustTitle")} noValidate>
      <Field label={t("delta")} error={fields.delta} errorId="adjust-delta-error">
        <Input
          name="delta"
          type="number"
          step={1}
          className="w-28"
          aria-invalid={fields.delta ? true : undefined}
          aria-describedby={fields.delta ? "adjust-delta-error" : undefined}
        />
      </Field>
      <Field label={t("reason")} error={fields.reason} errorId="adjust-reason-error">
        <Select
          name="reason"
          defaultValue=""
          aria-invalid={fields.reason ? true : undefined}
          aria-describedby={fields.reason ? "adjust-reason-error" : undefined}
        >
          <option value="">{t("chooseReason")}</option>
          {ADJUSTMENT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("note")} error={fields.note} errorId="adjust-note-error" className="flex-1">
        <Input
          name="note"
          maxLength={200}
          className="w-full"
          aria-describedby={fields.note ? "adjust-note-error" : undefined}
        />
      </Field>
      <Button type="submit" disabled={!hydrated || pending} className="mt-6">
        {t("adjust")}
      </Button>
      {message && (
        <Notice
          tone={message.ok ? "success" : "error"}
          className="w-full"
          data-testid="adjust-result"
        >
          {message.text}
        </Notice>
      )}
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
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => {
      const text = String(form.get(name) ?? "").trim();
      return text === "" ? Number.NaN : Number(text);
    };
    start(async () => {
      const result = await setStockSettingsAction({
        nodeId: level.nodeId,
        skuId: level.skuId,
        safetyStock: number("safetyStock"),
        displayMin: number("displayMin"),
        version: level.version,
      });
      if (result.ok) {
        setFields({});
        setMessage({ ok: true, text: t("settingsSaved", result.data) });
        router.refresh();
      } else {
        const text = refusal(result);
        setFields(text.fields);
        setMessage({ ok: false, text: text.message });
      }
    });
  };

  return (
    <form onSubmit={submit} className={FORM_CLASS} aria-label={t("settingsTitle")} noValidate>
      <Field label={t("safetyStock")} error={fields.safetyStock} errorId="settings-safety-error">
        <Input
          name="safetyStock"
          type="number"
          min={0}
          step={1}
          defaultValue={level.safetyStock}
          className="w-28"
          aria-describedby={fields.safetyStock ? "settings-safety-error" : undefined}
        />
      </Field>
      <Field label={t("displayMin")} error={fields.displayMin} errorId="settings-display-error">
        <Input
          name="displayMin"
          type="number"
          min={0}
          step={1}
          defaultValue={level.displayMin}
          className="w-28"
          aria-describedby={fields.displayMin ? "settings-display-error" : undefined}
        />
      </Field>
      <Button type="submit" disabled={!hydrated || pending} className="mt-6">
        {t("saveSettings")}
      </Button>
      {message && (
        <Notice
          tone={message.ok ? "success" : "error"}
          className="w-full"
          data-testid="settings-result"
        >
          {message.text}
        </Notice>
      )}
    </form>
  );
}
