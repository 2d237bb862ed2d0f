"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { exchangeOptionsAction } from "@/lib/returns/actions";
import type { ExchangeOptions } from "@/lib/returns/exchange-options.server";
import { ExchangeForm } from "./exchange-form";

/**
 * At the counter, after an order was found with the customer's phone or email: the sizes the
 * store can offer instead are loaded only when staff ask, and the exchange form shown.
 */
export function ExchangeSection({ orderNo, contact }: { orderNo: string; contact: string }) {
  const t = useTranslations("exchange");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [options, setOptions] = useState<ExchangeOptions | null>(null);
  const [error, setError] = useState<string | null>(null);

  function open() {
    setError(null);
    start(async () => {
      const result = await exchangeOptionsAction({ orderNo, contact });
      if (result.ok) setOptions(result.data);
      else setError(refusal(result).message);
    });
  }

  return (
    <section className="space-y-3" aria-label={t("title")}>
      <h2 className="text-lg font-bold">{t("title")}</h2>
      {options ? (
        <ExchangeForm options={options} contact={contact} />
      ) : (
        <Button variant="secondary" onClick={open} disabled={!hydrated || pending}>
          {pending ? t("loading") : t("open")}
        </Button>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </section>
  );
}
