"use client";

import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useConsoleAction } from "@/components/admin/use-console-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { saveRateAction } from "@/lib/settlement/actions";
import { RATE_KINDS } from "@/lib/settlement/rates";

/** Schedules a fee or commission rate from a Shanghai day on; the server refuses a past day. */
export function RateForm({ today }: { today: string }) {
  const t = useTranslations("settlement.rates");
  const { run, error, message, busy } = useConsoleAction("rate");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    run(
      () =>
        saveRateAction({
          kind: text("kind") as (typeof RATE_KINDS)[number],
          // Sent as typed, for the server to read; a blank is no rate, refused as required.
          percent: text("percent").trim() === "" ? undefined : text("percent"),
          effectiveFrom: text("effectiveFrom"),
          note: text("note"),
        }),
      (saved) => t("form.saved", { percent: String(saved.bps / 100), day: text("effectiveFrom") }),
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("form.title")}
      data-testid="rate-form"
      className="flex flex-wrap items-start gap-3 rounded-xl border border-stone-200 bg-white p-4"
    >
      <Field label={t("form.kind")} {...error("kind").field}>
        <Select name="kind" defaultValue={RATE_KINDS[0]} {...error("kind").control}>
          {RATE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.percent")} {...error("percent").field}>
        <Input
          name="percent"
          type="number"
          min={0}
          max={100}
          step={0.01}
          className="w-28"
          {...error("percent").control}
        />
      </Field>
      <Field label={t("form.effectiveFrom")} {...error("effectiveFrom").field}>
        <Input
          name="effectiveFrom"
          type="date"
          min={today}
          defaultValue={today}
          {...error("effectiveFrom").control}
        />
      </Field>
      <Field label={t("form.note")} className="min-w-48 flex-1" {...error("note").field}>
        <Input name="note" maxLength={200} className="w-full" {...error("note").control} />
      </Field>
      <Button type="submit" className="self-end" disabled={busy}>
        {t("form.save")}
      </Button>
      {message ? (
        <Notice
          tone={message.ok ? "success" : "error"}
          className="w-full"
          data-testid="rate-outcome"
        >
          {message.text}
        </Notice>
      ) : null}
    </form>
  );
}
