"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { setChannelPriceAction } from "@/lib/products/actions";
import { ResultNotice } from "./result-notice";
import { useConsoleAction } from "@/components/admin/use-console-action";

/** One channel's price for a SKU or for every SKU of the style; blank removes it. */
export function ChannelPriceForm({
  styleCode,
  channels,
  skuCodes,
}: {
  styleCode: string;
  channels: readonly { code: string; label: string }[];
  skuCodes: readonly string[];
}) {
  const t = useTranslations("products");
  const { run, error, message, busy } = useConsoleAction("channel-price");
  const [channelCode, setChannelCode] = useState(channels[0]?.code ?? "");
  const [skuCode, setSkuCode] = useState("");
  const [priceYuan, setPriceYuan] = useState("");
  return (
    <form
      data-testid="channel-price-form"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => setChannelPriceAction({ styleCode, skuCode, channelCode, priceYuan }),
          t("saved"),
        );
      }}
    >
      <Field label={t("channel")} {...error("channelCode").field}>
        <Select
          name="channelCode"
          value={channelCode}
          onChange={(e) => setChannelCode(e.target.value)}
        >
          {channels.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("appliesTo")} {...error("skuCode").field}>
        <Select name="skuCode" value={skuCode} onChange={(e) => setSkuCode(e.target.value)}>
          <option value="">{t("allSkus")}</option>
          {skuCodes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("price")} {...error("priceYuan").field}>
        <Input
          name="priceYuan"
          type="number"
          step="0.01"
          placeholder={t("priceHint")}
          value={priceYuan}
          onChange={(e) => setPriceYuan(e.target.value)}
          {...error("priceYuan").control}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t("savePrice")}
      </Button>
      <ResultNotice message={message} />
    </form>
  );
}
