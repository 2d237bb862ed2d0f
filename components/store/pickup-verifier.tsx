"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { confirmPickup, lookUpPickupCode } from "@/lib/fulfilment/actions";
import { ActionFeedback } from "./action-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";

type Found = { fulfilmentOrderId: string; orderNo: string; contactName: string };

/** Counter flow: type the customer's code, see their order, confirm the handover. */
export function PickupVerifier() {
  const t = useTranslations("fulfilment.pickup");
  const refusal = useLocalizeRefusal();
  const [transitionPending, start] = useTransition();
  const hydrated = useHydrated();
  const pending = transitionPending || !hydrated;
  const [code, setCode] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);

  function reset() {
    setCode("");
    setFound([]);
    setFeedback(null);
  }

  return (
    <div className="space-y-4">
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            setFound([]);
            const result = await lookUpPickupCode({ code });
            if (result.ok) {
              setFound(result.data);
              setFeedback(null);
            } else {
              setFeedback({ ok: false, text: refusal(result).message });
            }
          });
        }}
      >
        <Field label={t("codeLabel")} className="flex-1">
          <Input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            required
            disabled={!hydrated}
            pattern="[0-9]{6}"
            className="w-full font-mono text-2xl tracking-[0.4em]"
          />
        </Field>
        <Button type="submit" size="lg" disabled={pending}>
          {t("find")}
        </Button>
      </form>
      <ActionFeedback message={feedback} />
      {found.map((f) => (
        <div
          key={f.fulfilmentOrderId}
          className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
        >
          <p data-testid="pickup-found">
            {t("found", { orderNo: f.orderNo, name: f.contactName })}
          </p>
          <Button
            variant="success"
            size="lg"
            disabled={pending}
            className="w-full sm:w-auto"
            onClick={() =>
              start(async () => {
                const result = await confirmPickup({
                  fulfilmentOrderId: f.fulfilmentOrderId,
                  code,
                });
                if (result.ok) {
                  setFound([]);
                  setFeedback({ ok: true, text: t("completed", { orderNo: f.orderNo }) });
                } else {
                  setFeedback({ ok: false, text: refusal(result).message });
                }
              })
            }
          >
            {t("confirm")}
          </Button>
        </div>
      ))}
      {feedback?.ok ? (
        <Button variant="link" onClick={reset}>
          {t("another")}
        </Button>
      ) : null}
    </div>
  );
}
