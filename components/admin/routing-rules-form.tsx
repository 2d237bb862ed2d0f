"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { saveRoutingRulesAction } from "@/lib/admin/actions";
import { RULE_KINDS } from "@/lib/routing/rules-input";

export type EditableRule = {
  kind: (typeof RULE_KINDS)[number];
  mode: "FILTER" | "SCORE";
  method: "PICKUP" | "SAME_CITY" | "EXPRESS" | null;
  weight: number;
  position: number;
  enabled: boolean;
  params: string;
};

const METHODS = ["PICKUP", "SAME_CITY", "EXPRESS"] as const;
const cell = "rounded border border-stone-300 px-2 py-1 text-sm";

/** The admin's routing rules as an editable table; saved as one set, refused as one set. */
export function RoutingRulesForm({ initial }: { initial: EditableRule[] }) {
  const t = useTranslations("admin.rules");
  const tm = useTranslations("admin.methods");
  const [rules, setRules] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const update = (i: number, change: Partial<EditableRule>) =>
    setRules((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const save = () =>
    start(async () => {
      const result = await saveRoutingRulesAction({ rules });
      setMessage(
        result.ok
          ? { ok: true, text: t("saved") }
          : {
              ok: false,
              text: [result.message, ...(result.fieldErrors?.rules ?? []).slice(1)].join(" "),
            },
      );
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
                  <input
                    type="number"
                    aria-label={`${t("position")} ${i + 1}`}
                    className={`${cell} w-16`}
                    value={r.position}
                    onChange={(e) => update(i, { position: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`${t("kind")} ${i + 1}`}
                    className={cell}
                    value={r.kind}
                    onChange={(e) => update(i, { kind: e.target.value as EditableRule["kind"] })}
                  >
                    {RULE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${t("mode")} ${i + 1}`}
                    className={cell}
                    value={r.mode}
                    onChange={(e) => update(i, { mode: e.target.value as EditableRule["mode"] })}
                  >
                    <option value="FILTER">{t("modes.FILTER")}</option>
                    <option value="SCORE">{t("modes.SCORE")}</option>
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${t("method")} ${i + 1}`}
                    className={cell}
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
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    step="0.1"
                    min="0"
                    aria-label={`${t("weight")} ${i + 1}`}
                    className={`${cell} w-20`}
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
                  <input
                    aria-label={`${t("params")} ${i + 1}`}
                    className={`${cell} w-56 font-mono`}
                    value={r.params}
                    onChange={(e) => update(i, { params: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="text-sm underline"
                    onClick={() => setRules((all) => all.filter((_, j) => j !== i))}
                  >
                    {t("remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="rounded-lg border border-stone-300 px-3 py-2 text-sm"
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
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={save}
          className="rounded-lg bg-ink px-4 py-2 font-semibold text-white disabled:opacity-50"
        >
          {t("save")}
        </button>
        {message ? (
          <p
            role={message.ok ? "status" : "alert"}
            className={message.ok ? "text-emerald-700" : "text-red-700"}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
