"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmPickup, lookUpPickupCode } from "@/lib/fulfilment/actions";
import { ActionFeedback } from "./action-feedback";
import { useHydrated } from "./use-hydrated";
import { useRefusalText } from "./use-refusal-text";

type Found = { fulfilmentOrderId: string; orderNo: string; contactName: string };

/** Counter flow: type the customer's code, see their order, confirm the handover. */
export function PickupVerifier() {
  const t = useTranslations("fulfilment.pickup");
  const tr = useTranslations("fulfilment.refused");
  const refusal = useRefusalText();
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
              const text =
                result.code === "NOT_FOUND"
                  ? tr("noSuchCode")
                  : result.code === "CONFLICT"
                    ? tr("codeUsed")
                    : refusal(result);
              setFeedback({ ok: false, text });
            }
          });
        }}
      >
        <label className="flex-1 text-sm">
          {t("codeLabel")}
          <input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            required
            disabled={!hydrated}
            pattern="[0-9]{6}"
            className="w-full rounded-lg border border-stone-300 px-3 py-3 font-mono text-2xl tracking-[0.4em]"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-ink px-4 py-3 font-semibold text-white disabled:opacity-50"
        >
          {t("find")}
        </button>
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
          <button
            type="button"
            disabled={pending}
            className="w-full rounded-lg bg-emerald-700 px-4 py-3 font-semibold text-white disabled:opacity-50 sm:w-auto"
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
                  setFeedback({ ok: false, text: refusal(result) });
                }
              })
            }
          >
            {t("confirm")}
          </button>
        </div>
      ))}
      {feedback?.ok ? (
        <button type="button" onClick={reset} className="text-sm underline">
          {t("another")}
        </button>
      ) : null}
    </div>
  );
}
