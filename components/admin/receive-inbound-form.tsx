"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { receiveInboundAction } from "@/lib/admin/actions";

export type ReceivingNodeOption = { id: string; label: string };

/** Books a receipt of inbound goods at a warehouse; waiting presale orders are allocated. */
export function ReceiveInboundForm({
  nodes,
  initialSkuCode,
}: {
  nodes: ReceivingNodeOption[];
  initialSkuCode: string;
}) {
  const t = useTranslations("admin.inbound");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start(async () => {
      const result = await receiveInboundAction({
        skuCode: String(form.get("skuCode") ?? ""),
        nodeId: String(form.get("nodeId") ?? ""),
        quantity: Number(form.get("quantity") ?? 0),
      });
      if (result.ok) {
        setFields({});
        setMessage({
          ok: true,
          text: t("received", {
            received: result.data.received,
            documentId: result.data.documentId,
            allocated: result.data.allocatedUnits,
          }),
        });
      } else {
        const text = refusal(result);
        setFields(text.fields);
        setMessage({ ok: false, text: text.message });
      }
    });
  };

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4"
      aria-label={t("title")}
    >
      <Field label={t("skuCode")} error={fields.skuCode} errorId="inbound-sku-error">
        <Input
          name="skuCode"
          defaultValue={initialSkuCode}
          required
          aria-describedby={fields.skuCode ? "inbound-sku-error" : undefined}
        />
      </Field>
      <Field label={t("node")} error={fields.nodeId} errorId="inbound-node-error">
        <Select name="nodeId" required>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("quantity")} error={fields.quantity} errorId="inbound-quantity-error">
        <Input
          name="quantity"
          type="number"
          min={1}
          step={1}
          defaultValue={1}
          required
          className="w-28"
          aria-describedby={fields.quantity ? "inbound-quantity-error" : undefined}
        />
      </Field>
      <Button type="submit" disabled={!hydrated || pending}>
        {t("submit")}
      </Button>
      {message && (
        <Notice
          tone={message.ok ? "success" : "error"}
          className="w-full"
          data-testid="inbound-result"
        >
          {message.text}
        </Notice>
      )}
    </form>
  );
}
