import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { StoredDecision } from "@/lib/admin/get-order-detail.server";
import { formatMoney } from "@/lib/i18n/money";
import {
  localizeRoutingMessage,
  localizeSentences,
  type RoutingTranslator,
} from "@/lib/routing/localize";

/**
 * One routing run in words a merchandiser reads: the summary of why the winner won, then every
 * node that held some of the order with its distance, shipping cost, and either the rule that
 * ruled it out or how each rule scored it.
 */
export async function RoutingDecisionView({ decision }: { decision: StoredDecision }) {
  const [t, tr, locale] = await Promise.all([
    getTranslations("admin.decision"),
    getTranslations("routing"),
    getLocale(),
  ]);
  const routing = tr as unknown as RoutingTranslator;
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const summary = decision.summaryParts.length
    ? localizeSentences(decision.summaryParts, routing, locale)
    : decision.explanation;
  const plan = decision.plan?.plan;
  return (
    <Card className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-2" data-testid="routing-decision">
        <h3 className="font-bold">{t("attempt", { attempt: decision.attempt })}</h3>
        {decision.attempt > 1 ? (
          <span className="text-sm text-stone-500">{t("reroute")}</span>
        ) : null}
        {decision.refusalCode ? (
          <span className="text-sm font-semibold text-red-700">
            {t("refused", { code: decision.refusalCode })}
          </span>
        ) : null}
      </div>
      <p className="text-stone-800" data-testid="routing-summary">
        <span className="sr-only">{t("why")}: </span>
        {summary}
      </p>
      {plan ? (
        <p className="text-sm text-stone-600">
          {t("plan", { parcels: plan.parcels, cost: formatMoney(plan.costFen, locale) })}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="text-left font-semibold">{t("candidates")}</caption>
          <thead className="text-left text-stone-500">
            <tr>
              <th className="py-1">{t("node")}</th>
              <th>{t("distance")}</th>
              <th>{t("cost")}</th>
              <th>{t("units")}</th>
              <th>{t("verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {decision.candidates.map((c) => (
              <tr
                key={`${c.role}-${c.nodeId}`}
                className={`border-t border-stone-100 align-top ${c.chosen ? "bg-emerald-50" : ""}`}
              >
                <td className="py-1">
                  <span className="font-mono text-xs">{c.code}</span> {c.name}
                </td>
                <td className="tabular-nums">{t("km", { km: nf.format(c.distanceKm) })}</td>
                <td className="tabular-nums">{formatMoney(c.costFen, locale)}</td>
                <td className="tabular-nums">{c.coveredUnits}</td>
                <td>
                  {c.chosen ? <strong className="text-emerald-700">{t("chosen")} · </strong> : null}
                  {c.filteredOut ? (
                    <span className="text-stone-600">
                      {t("out", { reason: localizeRoutingMessage(c.filteredOut.message, routing) })}
                    </span>
                  ) : (
                    <>
                      <span>{t("scored", { total: nf.format(c.total) })}</span>
                      <ul className="text-xs text-stone-600">
                        {Object.entries(c.scores).map(([kind, s]) => (
                          <li key={kind}>
                            {localizeRoutingMessage(s.message, routing)} ({nf.format(s.value)} ×{" "}
                            {nf.format(s.weight)})
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
