"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import type { ActionResult } from "@/lib/actions/result";
import { deleteQuotaPolicyAction, saveQuotaPolicyAction } from "@/lib/admin/actions";
import { QUOTA_PERIODS } from "@/lib/admin/employee-admin-input";

export type EditablePolicy = {
  id?: string;
  name: string;
  period: (typeof QUOTA_PERIODS)[number];
  maxUnits: number;
  /** Yuan, as the admin types it. */
  maxSpendYuan: number;
  maxPerSku: number;
  discountPercent: number;
};

const FIELDS = ["maxUnits", "maxSpendYuan", "maxPerSku", "discountPercent"] as const;

/** One quota policy as a form: saved in place, or created when it has no id yet. */
export function QuotaPolicyForm({
  initial,
  employees,
}: {
  initial: EditablePolicy;
  /** How many employees hold it; a held policy cannot be deleted. */
  employees: number;
}) {
  const t = useTranslations("admin.employees");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [policy, setPolicy] = useState(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const key = policy.id ?? "new";

  const run = (work: () => Promise<ActionResult<unknown>>, done: string) =>
    start(async () => {
      const result = await work();
      const refused = result.ok ? null : refusal(result);
      setFields(refused?.fields ?? {});
      setMessage(refused ? { ok: false, text: refused.message } : { ok: true, text: done });
      if (result.ok && !policy.id) setPolicy(initial);
    });

  const error = (name: string) =>
    fields[name] ? { error: fields[name], errorId: `policy-${key}-${name}-error` } : {};

  return (
    <form
      data-testid={`policy-${policy.id ? policy.name : "new"}`}
      className="grid grid-cols-2 gap-3 rounded-lg border border-stone-200 p-4 sm:grid-cols-7"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => saveQuotaPolicyAction(policy), t("saved"));
      }}
    >
      <Field label={t("name")} {...error("name")}>
        <Input
          value={policy.name}
          aria-invalid={fields.name ? true : undefined}
          onChange={(e) => setPolicy({ ...policy, name: e.target.value })}
        />
      </Field>
      <Field label={t("period")}>
        <Select
          value={policy.period}
          onChange={(e) =>
            setPolicy({ ...policy, period: e.target.value as EditablePolicy["period"] })
          }
        >
          {QUOTA_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`periods.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      {FIELDS.map((name) => (
        <Field key={name} label={t(name)} {...error(name)}>
          <Input
            type="number"
            step={name === "maxSpendYuan" ? "0.01" : "1"}
            value={policy[name]}
            aria-invalid={fields[name] ? true : undefined}
            aria-describedby={fields[name] ? `policy-${key}-${name}-error` : undefined}
            onChange={(e) => setPolicy({ ...policy, [name]: e.target.value })}
          />
        </Field>
      ))}
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-7">
        <Button type="submit" disabled={!hydrated || pending}>
          {policy.id ? t("save") : t("create")}
        </Button>
        {policy.id ? (
          <Button
            type="button"
            variant="secondary"
            disabled={!hydrated || pending}
            onClick={() =>
              run(() => deleteQuotaPolicyAction({ id: policy.id ?? "" }), t("deleted"))
            }
          >
            {t("delete")}
          </Button>
        ) : null}
        {policy.id ? (
          <span className="text-sm text-stone-500">{t("heldBy", { count: employees })}</span>
        ) : null}
        {message ? (
          <Notice tone={message.ok ? "success" : "error"} variant="text">
            {message.text}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
