"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useConsoleAction } from "@/components/admin/use-console-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { createTransferAction } from "@/lib/transfers/actions";
import type { TransferPrefill } from "@/lib/transfers/transfer-prefill";
import { MAX_TRANSFER_LINES, MAX_TRANSFER_QUANTITY } from "@/lib/transfers/transfer-rules";
import {
  addLine,
  removeLine,
  toCreateInput,
  type DraftLine,
  type TransferDraft,
} from "./transfer-form-lines";

export type TransferNodeOption = { id: string; label: string };

function draftOf(prefill: TransferPrefill): TransferDraft {
  return {
    fromNodeId: prefill.fromNodeId,
    toNodeId: prefill.toNodeId,
    reason: prefill.reason,
    lines: prefill.lines.map((l, i) => ({
      key: i + 1,
      skuCode: l.skuCode,
      quantity: String(l.quantity),
    })),
  };
}

/**
 * An admin plans a transfer: from one node to another, SKUs by code with quantities, and why.
 * It is created as a draft; the list below ships or cancels it.
 */
export function NewTransferForm({
  nodes,
  prefill,
}: {
  nodes: TransferNodeOption[];
  prefill: TransferPrefill;
}) {
  const t = useTranslations("transfers.form");
  const { run, error, message, busy } = useConsoleAction("transfer");
  const [draft, setDraft] = useState<TransferDraft>(() => draftOf(prefill));

  const set = (patch: Partial<TransferDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setLine = (key: number, patch: Partial<DraftLine>) =>
    setDraft((d) => ({
      ...d,
      lines: d.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)),
    }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(
      () => createTransferAction(toCreateInput(draft)),
      (created) => t("created", { transferNo: created.transferNo }),
      () =>
        setDraft(
          draftOf({
            fromNodeId: "",
            toNodeId: "",
            reason: "",
            lines: [{ skuCode: "", quantity: 1 }],
          }),
        ),
    );
  };

  const nodeSelect = (name: "fromNodeId" | "toNodeId", label: string) => {
    const e = error(name);
    return (
      <Field label={label} {...e.field} className="min-w-64 flex-1">
        <Select
          name={name}
          value={draft[name]}
          onChange={(event) => set({ [name]: event.target.value })}
          required
          disabled={busy}
          className="w-full"
          {...e.control}
        >
          <option value="">{t("choose")}</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  return (
    <form
      onSubmit={submit}
      aria-label={t("title")}
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 className="font-bold">{t("title")}</h2>
      <div className="flex flex-wrap gap-3">
        {nodeSelect("fromNodeId", t("from"))}
        {nodeSelect("toNodeId", t("to"))}
      </div>
      <ol className="space-y-2" data-testid="transfer-lines">
        {draft.lines.map((line, i) => {
          const sku = error(`lines.${i}.skuCode`);
          const skuById = error(`lines.${i}.skuId`);
          const skuError = sku.field.error ? sku : skuById;
          const quantity = error(`lines.${i}.quantity`);
          return (
            <li
              key={line.key}
              className="flex flex-wrap items-start gap-3"
              aria-label={t("line", { n: i + 1 })}
            >
              <Field label={t("skuCode")} {...skuError.field} className="min-w-48 flex-1">
                <Input
                  value={line.skuCode}
                  onChange={(event) => setLine(line.key, { skuCode: event.target.value })}
                  required
                  disabled={busy}
                  autoComplete="off"
                  className="w-full font-mono"
                  {...skuError.control}
                />
              </Field>
              <Field label={t("quantity")} {...quantity.field} className="w-32">
                <Input
                  type="number"
                  min={1}
                  max={MAX_TRANSFER_QUANTITY}
                  step={1}
                  value={line.quantity}
                  onChange={(event) => setLine(line.key, { quantity: event.target.value })}
                  required
                  disabled={busy}
                  className="w-full"
                  {...quantity.control}
                />
              </Field>
              <Button
                variant="secondary"
                size="sm"
                className="mt-6"
                disabled={busy || draft.lines.length === 1}
                onClick={() => set({ lines: removeLine(draft.lines, line.key) })}
                aria-label={t("removeLine", { n: i + 1 })}
              >
                ×
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        size="sm"
        disabled={busy || draft.lines.length >= MAX_TRANSFER_LINES}
        onClick={() => set({ lines: addLine(draft.lines) })}
      >
        {t("addLine")}
      </Button>
      <Field label={t("reason")} {...error("reason").field}>
        <Input
          value={draft.reason}
          onChange={(event) => set({ reason: event.target.value })}
          required
          maxLength={500}
          disabled={busy}
          className="w-full"
          {...error("reason").control}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t("submit")}
      </Button>
      {message && (
        <Notice tone={message.ok ? "success" : "error"} data-testid="transfer-result">
          {message.text}
        </Notice>
      )}
    </form>
  );
}
