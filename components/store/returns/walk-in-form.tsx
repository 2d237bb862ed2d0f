"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { formatMoney } from "@/lib/i18n/money";
import type { CounterOrder } from "@/lib/returns/find-return.server";
import { RETURN_REASONS, type ReturnReason } from "@/lib/returns/return-rules";
import { itemName } from "./counter-words";
import { DecisionFields, decisionInput, RESTOCK, type LineDecision } from "./decision-fields";

export type WalkInSubmission = {
  reason: ReturnReason;
  lines: ({ orderLineId: string; quantity: number } & ReturnType<typeof decisionInput>)[];
};

/**
 * A customer brings goods back without having asked first: per line the units brought (up to
 * what is still returnable), what happens to them, and the reason; received here on submit.
 */
export function WalkInForm({
  order,
  busy,
  fields,
  onSubmit,
}: {
  order: CounterOrder;
  busy: boolean;
  fields: Record<string, string>;
  onSubmit: (walkIn: WalkInSubmission) => void;
}) {
  const t = useTranslations("returns");
  const locale = useLocale();
  const lines = order.lines.filter((l) => l.returnable > 0);
  const [units, setUnits] = useState<Record<string, number>>({});
  const [decisions, setDecisions] = useState<Record<string, LineDecision>>({});
  const [reason, setReason] = useState<ReturnReason>("WRONG_SIZE");
  const [nothing, setNothing] = useState(false);

  if (!order.returnable)
    return <p className="text-sm text-stone-600">{t("walkIn.notReturnable")}</p>;
  if (lines.length === 0)
    return <p className="text-sm text-stone-600">{t("walkIn.nothingLeft")}</p>;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const chosen = lines.map((l) => {
      const quantity = units[l.orderLineId] ?? 0;
      // A line not brought back is sent as nothing to decide, so it cannot fail a refusal's reason.
      const decision = quantity > 0 ? (decisions[l.orderLineId] ?? RESTOCK) : RESTOCK;
      return { orderLineId: l.orderLineId, quantity, ...decisionInput(decision) };
    });
    const none = chosen.every((c) => c.quantity === 0);
    setNothing(none);
    if (!none) onSubmit({ reason, lines: chosen });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
      aria-labelledby="walk-in-heading"
      data-testid="walk-in-form"
    >
      <h2 id="walk-in-heading" className="text-lg font-bold">
        {t("walkIn.heading")}
      </h2>
      <p className="text-sm text-stone-600">{t("walkIn.intro")}</p>
      <ul className="divide-y divide-stone-200 border-y border-stone-200">
        {lines.map((l, i) => {
          const name = itemName(l, locale);
          const quantity = units[l.orderLineId] ?? 0;
          const error =
            fields[`lines.${i}.refuseReason`] ??
            fields[`lines.${i}.quantity`] ??
            fields[`lines.${l.orderLineId}`];
          return (
            <li
              key={l.orderLineId}
              className="grid gap-2 py-2 text-sm sm:grid-cols-[1fr_6rem_14rem] sm:items-start"
            >
              <div>
                <p className="font-medium">{name}</p>
                <p className="text-stone-600">
                  <span className="font-mono text-xs">{l.skuCode}</span> ·{" "}
                  {t("walkIn.bought", { count: l.bought })} ·{" "}
                  {t("walkIn.returnable", { count: l.returnable })} ·{" "}
                  {t("walkIn.paidPerUnit", { amount: formatMoney(l.paidPerUnit, locale) })}
                </p>
              </div>
              <Select
                compact
                aria-label={t("walkIn.quantityOf", { item: name })}
                value={String(quantity)}
                disabled={busy}
                onChange={(e) =>
                  setUnits((all) => ({ ...all, [l.orderLineId]: Number(e.target.value) }))
                }
              >
                {Array.from({ length: l.returnable + 1 }, (_, n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
              {quantity > 0 ? (
                <DecisionFields
                  item={name}
                  value={decisions[l.orderLineId] ?? RESTOCK}
                  onChange={(next) => setDecisions((all) => ({ ...all, [l.orderLineId]: next }))}
                  disabled={busy}
                  error={error}
                  errorId={`walk-in-${l.orderLineId}-error`}
                />
              ) : error ? (
                <FieldError>{error}</FieldError>
              ) : (
                <span aria-hidden />
              )}
            </li>
          );
        })}
      </ul>
      <Field label={t("walkIn.reason")} className="max-w-xs">
        <Select
          value={reason}
          disabled={busy}
          onChange={(e) => setReason(RETURN_REASONS.find((r) => r === e.target.value) ?? "OTHER")}
          className="w-full"
        >
          {RETURN_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      {nothing ? <FieldError role="alert">{t("walkIn.nothingChosen")}</FieldError> : null}
      <Button type="submit" variant="success" size="lg" disabled={busy}>
        {t("walkIn.submit")}
      </Button>
    </form>
  );
}
