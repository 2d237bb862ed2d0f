"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { localized } from "@/lib/i18n/localized";
import type { AllocationConsole as ConsoleData } from "@/lib/allocation-console/list-allocation-console.server";
import { ChannelPriorities } from "./channel-priorities";
import type { ConsolePolicy, ConsoleTierRule } from "./console-types";
import { PolicyEditor, policyDraft, type PolicyDraft } from "./policy-editor";
import { TierRuleEditor, tierRuleDraft } from "./tier-rule-editor";

type Target = Pick<ConsolePolicy, "scope" | "categoryId" | "lifecycle" | "skuCode">;

const SCOPE_ORDER = { ALL: 0, LIFECYCLE: 1, CATEGORY: 2, SKU: 3 } as const;
const targetKey = (t: Target) =>
  `${t.scope}|${t.categoryId ?? ""}|${t.lifecycle ?? ""}|${t.skuCode ?? ""}`;

/** The channel × scope grid of policies, the tier rules and the channel priorities, each editable. */
export function AllocationConsole({ data }: { data: ConsoleData }) {
  const t = useTranslations("allocation");
  const locale = useLocale();
  const hydrated = useHydrated();
  // The editor is keyed by what it opened, so choosing another cell starts a fresh draft.
  const [policyEdit, setPolicyEdit] = useState<{ key: string; draft: PolicyDraft } | null>(null);
  const [ruleEdit, setRuleEdit] = useState<{ key: string; rule: ConsoleTierRule | null } | null>(
    null,
  );
  const { channels, policies, tierRules, categories } = data;

  const targets = [...new Map(policies.map((p) => [targetKey(p), p as Target])).values()].sort(
    (a, b) =>
      SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || targetKey(a).localeCompare(targetKey(b)),
  );
  const targetLabel = (target: Target) => {
    switch (target.scope) {
      case "ALL":
        return t("scopes.ALL");
      case "LIFECYCLE":
        return `${t("scopes.LIFECYCLE")}: ${target.lifecycle ? t(`lifecycles.${target.lifecycle}`) : ""}`;
      case "CATEGORY": {
        const c = categories.find((x) => x.id === target.categoryId);
        return `${t("scopes.CATEGORY")}: ${c ? localized(locale, c) : ""}`;
      }
      case "SKU":
        return `${t("scopes.SKU")}: ${target.skuCode ?? ""}`;
    }
  };
  const summary = (p: ConsolePolicy) =>
    t("policySummary", { mode: p.mode, ratio: (p.ratioBps ?? 0) / 100, qty: p.fixedQty ?? 0 });

  return (
    <div className="space-y-6">
      <Card className="space-y-3">
        <div>
          <h2 className="font-bold">{t("policies")}</h2>
          <p className="text-sm text-stone-500">{t("policiesHint")}</p>
        </div>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="policy-grid">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="pr-2">{t("scopeColumn")}</th>
                {channels.map((c) => (
                  <th key={c.id} className="px-1">
                    {c.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={targetKey(target)} className="border-t border-stone-100 align-top">
                  <td className="py-1 pr-2">{targetLabel(target)}</td>
                  {channels.map((c) => {
                    const here = policies.filter(
                      (p) => p.channelId === c.id && targetKey(p) === targetKey(target),
                    );
                    return (
                      <td
                        key={c.id}
                        className="px-1 py-1"
                        data-testid={`cell-${c.code}-${targetKey(target)}`}
                      >
                        {here.map((p) => (
                          <div key={p.id} className={p.active ? undefined : "text-stone-400"}>
                            <span>{summary(p)}</span>
                            {p.safetyBuffer > 0 ? (
                              <span className="text-xs text-stone-500">
                                {" "}
                                · {t("buffer", { buffer: p.safetyBuffer })}
                              </span>
                            ) : null}
                            {p.active ? null : <span className="text-xs"> · {t("inactive")}</span>}{" "}
                            <Button
                              type="button"
                              variant="link"
                              size="sm"
                              className="px-0 py-0"
                              disabled={!hydrated}
                              aria-label={`${t("edit")} ${c.code} ${targetLabel(target)}`}
                              onClick={() =>
                                setPolicyEdit({
                                  key: `${p.id}-${p.version}`,
                                  draft: policyDraft(p, channels),
                                })
                              }
                            >
                              {t("edit")}
                            </Button>
                          </div>
                        ))}
                        {here.length === 0 ? (
                          <Button
                            type="button"
                            variant="link"
                            size="sm"
                            className="px-0 py-0 text-stone-400"
                            disabled={!hydrated}
                            aria-label={`${t("add")} ${c.code} ${targetLabel(target)}`}
                            onClick={() =>
                              setPolicyEdit({
                                key: `new-${c.code}-${targetKey(target)}`,
                                draft: policyDraft(null, channels, {
                                  channelCode: c.code,
                                  scope: target.scope,
                                  categoryId: target.categoryId ?? "",
                                  lifecycle: target.lifecycle ?? "",
                                  skuCode: target.skuCode ?? "",
                                }),
                              })
                            }
                          >
                            +
                          </Button>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={!hydrated}
          onClick={() =>
            setPolicyEdit({ key: `new-${Date.now()}`, draft: policyDraft(null, channels) })
          }
        >
          {t("newPolicy")}
        </Button>
        {policyEdit ? (
          <PolicyEditor
            key={policyEdit.key}
            initial={policyEdit.draft}
            channels={channels}
            categories={categories}
            policies={policies}
            onDone={() => setPolicyEdit(null)}
          />
        ) : null}
      </Card>

      <Card className="space-y-3">
        <div>
          <h2 className="font-bold">{t("tierRules")}</h2>
          <p className="text-sm text-stone-500">{t("tierRulesHint")}</p>
        </div>
        <ul className="divide-y divide-stone-100 text-sm" data-testid="tier-rules">
          {tierRules.map((r) => (
            <li
              key={r.id}
              className={`flex items-center gap-3 py-1 ${r.active ? "" : "text-stone-400"}`}
            >
              <span className="w-64">{targetLabel(r)}</span>
              <span>
                {t("thresholdOf", { threshold: r.threshold })} · {t(`strategies.${r.strategy}`)}
                {r.active ? "" : ` · ${t("inactive")}`}
              </span>
              <Button
                type="button"
                variant="link"
                size="sm"
                disabled={!hydrated}
                aria-label={`${t("edit")} ${t("tierRule")} ${targetLabel(r)}`}
                onClick={() => setRuleEdit({ key: `${r.id}-${r.version}`, rule: r })}
              >
                {t("edit")}
              </Button>
            </li>
          ))}
        </ul>
        <Button
          type="button"
          variant="secondary"
          disabled={!hydrated}
          onClick={() => setRuleEdit({ key: `new-${Date.now()}`, rule: null })}
        >
          {t("newTierRule")}
        </Button>
        {ruleEdit ? (
          <TierRuleEditor
            key={ruleEdit.key}
            initial={tierRuleDraft(ruleEdit.rule)}
            channels={channels}
            categories={categories}
            policies={policies}
            onDone={() => setRuleEdit(null)}
          />
        ) : null}
      </Card>

      <Card className="space-y-3">
        <div>
          <h2 className="font-bold">{t("priorities")}</h2>
          <p className="text-sm text-stone-500">{t("prioritiesHint")}</p>
        </div>
        <ChannelPriorities channels={channels} policies={policies} />
      </Card>
    </div>
  );
}
