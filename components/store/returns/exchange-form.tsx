"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { formatMoney } from "@/lib/i18n/money";
import { exchangeAtStoreAction } from "@/lib/returns/actions";
import type { Exchanged } from "@/lib/returns/exchange-at-store.server";
import type { ExchangeOptions } from "@/lib/returns/exchange-options.server";
import { RETURN_REASONS, type ReturnReason } from "@/lib/returns/return-rules";

/**
 * Exchange at the counter: the line handed back, the size taken instead (with this store's
 * stock), how many; after the exchange, what the customer pays at the till or gets back.
 * `contact` is the phone or email the customer proved the order with.
 */
export function ExchangeForm({ options, contact }: { options: ExchangeOptions; contact: string }) {
  const t = useTranslations("exchange");
  const locale = useLocale();
  const zh = locale.startsWith("zh");
  const money = (fen: number) => formatMoney(fen, locale);
  const refusal = useLocalizeRefusal();
  const [transitionPending, start] = useTransition();
  const hydrated = useHydrated();
  const pending = transitionPending || !hydrated;
  const [lineId, setLineId] = useState(options.lines[0]?.orderLineId ?? "");
  const line = options.lines.find((l) => l.orderLineId === lineId) ?? options.lines[0];
  const [skuId, setSkuId] = useState(line?.sizes[0]?.skuId ?? "");
  const size = line?.sizes.find((s) => s.skuId === skuId) ?? line?.sizes[0];
  const [quantity, setQuantity] = useState("1");
  const [reason, setReason] = useState<ReturnReason>("WRONG_SIZE");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Exchanged | null>(null);
  // One key per exchange: a double press makes one exchange.
  const [key, setKey] = useState(() => crypto.randomUUID());

  if (!options.returnable) return <Notice tone="warning">{t("notReturnable")}</Notice>;
  if (!line) return <Notice tone="info">{t("nothingLeft")}</Notice>;

  const units = Math.min(Math.max(1, Math.trunc(Number(quantity)) || 1), line.returnable);
  const difference = size ? (size.price - line.paidPerUnit) * units : 0;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!line || !size) return;
    setError(null);
    start(async () => {
      const result = await exchangeAtStoreAction({
        orderNo: options.orderNo,
        contact,
        orderLineId: line.orderLineId,
        quantity: units,
        newSkuId: size.skuId,
        reason,
        idempotencyKey: key,
      });
      if (result.ok) {
        setDone(result.data);
        setKey(crypto.randomUUID());
      } else {
        setError(refusal(result).message);
      }
    });
  }

  return (
    <form className="space-y-3" aria-label={t("title")} onSubmit={submit}>
      <h3 className="font-semibold">{t("title")}</h3>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label={t("line")} className="sm:col-span-2">
          <Select
            className="w-full"
            value={line.orderLineId}
            onChange={(e) => {
              const next = options.lines.find((l) => l.orderLineId === e.target.value);
              setLineId(e.target.value);
              setSkuId(next?.sizes[0]?.skuId ?? "");
              setQuantity("1");
            }}
          >
            {options.lines.map((l) => (
              <option key={l.orderLineId} value={l.orderLineId}>
                {t("lineOption", {
                  product: zh ? l.productZh : l.product,
                  colour: zh ? l.colourZh : l.colour,
                  size: l.size,
                  returnable: l.returnable,
                })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("newSize")} className="sm:col-span-2">
          {line.sizes.length === 0 ? (
            <Notice tone="info" variant="text">
              {t("noOtherSize")}
            </Notice>
          ) : (
            <Select
              className="w-full"
              value={size?.skuId ?? ""}
              onChange={(e) => setSkuId(e.target.value)}
            >
              {line.sizes.map((s) => (
                <option key={s.skuId} value={s.skuId}>
                  {t("sizeOption", {
                    colour: zh ? s.colourZh : s.colour,
                    size: s.size,
                    price: money(s.price),
                    here: s.atThisStore,
                    elsewhere: s.elsewhere,
                  })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("quantity")}>
          <Input
            type="number"
            min={1}
            max={line.returnable}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            className="w-full"
          />
        </Field>
        <Field label={t("reason")}>
          <Select
            className="w-full"
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
      </div>
      {size && size.atThisStore < units ? (
        <Notice tone="info" variant="text">
          {t("routedHint")}
        </Notice>
      ) : null}
      {size ? (
        <p className="text-sm text-stone-700">
          {difference > 0
            ? t("estimatePays", { amount: money(difference) })
            : difference < 0
              ? t("estimateRefund", { amount: money(-difference) })
              : t("estimateEven")}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={pending || !size} className="w-full sm:w-auto">
        {transitionPending ? t("submitting") : t("submit")}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? <ExchangeOutcome done={done} money={money} /> : null}
    </form>
  );
}

function ExchangeOutcome({ done, money }: { done: Exchanged; money: (fen: number) => string }) {
  const t = useTranslations("exchange");
  return (
    <Notice tone="success" as="div">
      <p>
        {t("done", { rmaNo: done.rmaNo, orderNo: done.newOrderNo })}{" "}
        {done.pickupCode ? t("pickupCode", { code: done.pickupCode }) : null}
      </p>
      <p>{t("values", { returned: money(done.returnedValue), total: money(done.newTotal) })}</p>
      <p className="font-semibold">
        {done.toPay > 0
          ? t("customerPays", { amount: money(done.toPay) })
          : done.toRefund > 0
            ? t("refund", { amount: money(done.toRefund) })
            : t("even")}
      </p>
    </Notice>
  );
}
