"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { formatMoney } from "@/lib/i18n/money";
import { RETURN_REASONS, type ReturnReason } from "@/lib/returns/return-rules";
import { requestReturnAction } from "@/lib/returns/actions";

export type ReturnFormLineProps = {
  orderLineId: string;
  name: string;
  bought: number;
  returnable: number;
};

/** Choose units per line, a reason and online or at-store; the result (and any return code) shows in place. */
export function ReturnForm({
  orderNo,
  lines,
  returnsHref = "/account/returns",
}: {
  orderNo: string;
  lines: ReturnFormLineProps[];
  /** Where the buyer follows their returns: a member's account, an employee's orders. */
  returnsHref?: string;
}) {
  const t = useTranslations("account.returnForm");
  const refusal = useLocalizeRefusal();
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(lines.map((l) => [l.orderLineId, "0"])),
  );
  const [reason, setReason] = useState<ReturnReason>("WRONG_SIZE");
  const [note, setNote] = useState("");
  const [mode, setMode] = useState<"ONLINE" | "AT_STORE">("AT_STORE");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{
    rmaNo: string;
    refundAmount: number;
    returnCode: string | null;
  } | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const chosen = lines.map((l) => ({
      orderLineId: l.orderLineId,
      quantity: Number(quantities[l.orderLineId] ?? 0),
    }));
    if (chosen.some((c) => !Number.isInteger(c.quantity) || c.quantity < 0)) {
      setError(t("errors.invalid"));
      return;
    }
    startTransition(async () => {
      const result = await requestReturnAction({
        orderNo,
        mode,
        reason,
        note: note.trim() || undefined,
        lines: chosen,
      });
      if (result.ok) {
        // No refresh: the page would swap this form for "nothing left to return" and hide the code.
        setError(null);
        setDone(result.data);
        return;
      }
      setError(refusal(result).message);
    });
  }

  if (done) {
    return (
      <Notice as="div" tone="success" className="space-y-3">
        <p className="font-semibold">
          {t("done", { rmaNo: done.rmaNo, amount: formatMoney(done.refundAmount, locale) })}
        </p>
        {done.returnCode ? (
          <p>
            {t("doneCode")}{" "}
            <span
              className="font-mono text-2xl font-black tracking-widest"
              data-testid="return-code"
            >
              {done.returnCode}
            </span>
          </p>
        ) : null}
        <Link href={returnsHref} className="inline-block underline">
          {t("seeReturns")}
        </Link>
      </Notice>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
        {lines.map((l) => (
          <li key={l.orderLineId} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <p className="font-semibold">{l.name}</p>
              <p className="text-sm text-stone-600">
                {t("bought", { count: l.bought })} · {t("returnable", { count: l.returnable })}
              </p>
            </div>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              max={l.returnable}
              step={1}
              aria-label={t("quantityOf", { name: l.name })}
              disabled={l.returnable === 0}
              compact
              className="h-10 w-20 text-center tabular-nums"
              value={quantities[l.orderLineId] ?? "0"}
              onChange={(e) => setQuantities((q) => ({ ...q, [l.orderLineId]: e.target.value }))}
            />
          </li>
        ))}
      </ul>
      <Field label={t("reason")}>
        <Select
          className="block w-full sm:w-80"
          value={reason}
          onChange={(e) => setReason(e.target.value as ReturnReason)}
        >
          {RETURN_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("note")}>
        <Textarea
          className="block w-full"
          maxLength={500}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("mode")}</legend>
        {(["AT_STORE", "ONLINE"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {m === "AT_STORE" ? t("modeAtStore") : t("modeOnline")}
          </label>
        ))}
      </fieldset>
      {error ? (
        <Notice tone="error" variant="text">
          {error}
        </Notice>
      ) : null}
      <Button type="submit" size="lg" disabled={!hydrated || pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
