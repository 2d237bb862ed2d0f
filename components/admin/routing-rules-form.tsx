"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { saveRoutingRulesAction } from "@/lib/admin/actions";
import { RULE_KINDS } from "@/lib/routing/rules-input";

export type EditableRule = {
  /** The stored rule this row edits; absent for a row added in the editor. */
  id?: string;
  kind: (typeof RULE_KINDS)[number];
  mode: "FILTER" | "SCORE";
  method: "PICKUP" | "SAME_CITY" | "EXPRESS" | null;
  weight: number;
  position: number;
  enabled: boolean;
  params: string;
};

const METHODS = ["PICKUP", "SAME_CITY", "EXPRESS"] as const;

/** The admin's routing rules as an editable table; saved as one set, refused as one set. */
export function RoutingRulesForm({ initial }: { initial: EditableRule[] }) {
  const t = useTranslations("admin.rules");
  const tm = useTranslations("admin.methods");
  const refusal = useLocalizeRefusal();
  const [rules, setRules] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  /** A row's refused fields (its settings' keys included), shown beside its settings. */
  const rowErrors = (i: number) =>
    Object.entries(fields)
      .filter(([path]) => path.startsWith(`rules.${i}.`))
      .map(([path, text]) => `${path.split(".").slice(2).join(".")}: ${text}`);
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const update = (i: number, change: Partial<EditableRule>) =>
    setRules((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const save = () =>
    start(async () => {
      const result = await saveRoutingRulesAction({ rules });
      const refused = result.ok ? null : refusal(result);
      setFields(refused?.fields ?? {});
      setMessage(refused ? { ok: false, text: refused.message } : { ok: true, text: t("saved") });
    });

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="routing-rules">
          <thead className="text-left text-stone-500">
            <tr>
              <th>{t("position")}</th>
              <th>{t("kind")}</th>
              <th>{t("mode")}</th>
              <th>{t("method")}</th>
              <th>{t("weight")}</th>
              <th>{t("enabled")}</th>
              <th>{t("params")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={i} className="border-t border-stone-100">
                <td>
                  <Input
                    type="number"
                    aria-label={`${t("position")} ${i + 1}`}
                    compact
                    className="w-16"
                    value={r.position}
                    onChange={(e) => update(i, { position: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <Select
                    aria-label={`${t("kind")} ${i + 1}`}
                    compact
                    value={r.kind}
                    onChange={(e) => update(i, { kind: e.target.value as EditableRule["kind"] })}
                  >
                    {RULE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`kinds.${k}`)}
                      </option>
                    ))}
                  </Select>
                </td>
                <td>
                  <Select
                    aria-label={`${t("mode")} ${i + 1}`}
                    compact
                    value={r.mode}
                    onChange={(e) => update(i, { mode: e.target.value as EditableRule["mode"] })}
                  >
                    <option value="FILTER">{t("modes.FILTER")}</option>
                    <option value="SCORE">{t("modes.SCORE")}</option>
                  </Select>
                </td>
                <td>
                  <Select
                    aria-label={`${t("method")} ${i + 1}`}
                    compact
                    value={r.method ?? ""}
                    onChange={(e) =>
                      update(i, { method: (e.target.value || null) as EditableRule["method"] })
                    }
                  >
                    <option value="">{t("allMethods")}</option>
                    {METHODS.map((m) => (
                      <option key={m} value={m}>
                        {tm(m)}
                      </option>
                    ))}
                  </Select>
                </td>
                <td>
                  <Input
                    type="number"
                    step="0.1"
                    min="0"
                    aria-label={`${t("weight")} ${i + 1}`}
                    compact
                    className="w-20"
                    value={r.weight}
                    onChange={(e) => update(i, { weight: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t("enabled")} ${i + 1}`}
                    checked={r.enabled}
                    onChange={(e) => update(i, { enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`${t("params")} ${i + 1}`}
                    compact
                    className="w-56 font-mono"
                    value={r.params}
                    aria-invalid={rowErrors(i).length > 0 || undefined}
                    aria-describedby={rowErrors(i).length > 0 ? `rule-${i}-error` : undefined}
                    onChange={(e) => update(i, { params: e.target.value })}
                  />
                  {rowErrors(i).length > 0 ? (
                    <FieldError id={`rule-${i}-error`} data-testid="rule-error">
                      {rowErrors(i).join(" · ")}
                    </FieldError>
                  ) : null}
                </td>
                <td>
                  <Button
                    variant="link"
                    onClick={() => setRules((all) => all.filter((_, j) => j !== i))}
                  >
                    {t("remove")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={() =>
            setRules((all) => [
              ...all,
              {
                kind: "NEAREST",
                mode: "SCORE",
                method: null,
                weight: 1,
                position: all.length + 1,
                enabled: true,
                params: "{}",
              },
            ])
          }
        >
          {t("add")}
        </Button>
        <Button disabled={!hydrated || pending} onClick={save}>
          {t("save")}
        </Button>
        {message ? (
          <Notice tone={message.ok ? "success" : "error"} variant="text">
            {message.text}
          </Notice>
        ) : null}
      </div>
    </div>
  );
}
