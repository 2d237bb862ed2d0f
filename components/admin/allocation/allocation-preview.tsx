"use client";

import { useLocale, useTranslations } from "next-intl";
import type { PreviewRow } from "@/lib/allocation-console/apply-change";
import { PENDING_ID } from "@/lib/allocation-console/apply-change";
import { localized } from "@/lib/i18n/localized";
import type { ConsoleChannel, ConsolePolicy } from "./console-types";

/**
 * Every channel's ATS now → after a pending change for the SKUs it touches, with the tier switch
 * state per SKU and the policy that wins for each channel after the change.
 */
export function AllocationPreview({
  rows,
  channels,
  policies,
}: {
  rows: PreviewRow[];
  channels: readonly ConsoleChannel[];
  policies: readonly ConsolePolicy[];
}) {
  const t = useTranslations("allocation");
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale);
  const channelOf = new Map(channels.map((c) => [c.id, c]));
  const scopeOf = (policyId: string | null) => {
    if (policyId === null) return t("noPolicy");
    if (policyId === PENDING_ID) return t("pendingPolicy");
    const p = policies.find((x) => x.id === policyId);
    return p ? t(`scopes.${p.scope}`) : t("noPolicy");
  };
  if (rows.length === 0) return <p className="text-sm text-stone-500">{t("previewEmpty")}</p>;
  const columns = rows[0]?.now.channels.map((c) => c.channelId) ?? [];
  return (
    <div className="overflow-x-auto" data-testid="allocation-preview">
      <h3 className="font-semibold">{t("previewTitle")}</h3>
      <p className="mb-2 text-xs text-stone-500">{t("previewHint")}</p>
      <table className="w-full text-sm">
        <thead className="text-left text-stone-500">
          <tr>
            <th className="pr-2">{t("sku")}</th>
            <th className="pr-2 text-right">{t("pool")}</th>
            <th className="pr-2">{t("tierSwitch")}</th>
            {columns.map((id) => (
              <th key={id} className="px-1 text-right">
                {channelOf.get(id)?.code ?? id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.skuId}
              className="border-t border-stone-100 align-top"
              data-testid={`preview-${row.skuCode}`}
            >
              <td className="py-1 pr-2">
                <div>
                  {localized(locale, { name: row.product, nameZh: row.productZh })} ·{" "}
                  {localized(locale, { name: row.colour, nameZh: row.colourZh })} · {row.size}
                </div>
                <div className="text-xs text-stone-500">{row.skuCode}</div>
              </td>
              <td className="pr-2 text-right tabular-nums" data-testid="preview-pool">
                {nf.format(row.poolAvailable)}
              </td>
              <td className="pr-2 text-xs" data-testid="preview-tier">
                <div data-protected-now={row.now.protected}>
                  {t("now")}: {row.now.protected ? t("protectedOn") : t("protectedOff")}
                </div>
                <div data-protected-after={row.after.protected} className="font-medium">
                  {t("after")}: {row.after.protected ? t("protectedOn") : t("protectedOff")}
                </div>
                {row.after.threshold !== null ? (
                  <div className="text-stone-500">
                    {t("thresholdOf", { threshold: nf.format(row.after.threshold) })}
                  </div>
                ) : null}
              </td>
              {columns.map((id) => {
                const now = row.now.channels.find((c) => c.channelId === id);
                const after = row.after.channels.find((c) => c.channelId === id);
                const changed = (now?.ats ?? 0) !== (after?.ats ?? 0);
                const code = channelOf.get(id)?.code ?? id;
                return (
                  <td
                    key={id}
                    className="px-1 text-right tabular-nums"
                    data-testid={`preview-${row.skuCode}-${code}`}
                    data-now={now?.ats ?? 0}
                    data-after={after?.ats ?? 0}
                  >
                    <span className="text-stone-500">
                      {now?.listed ? nf.format(now.ats) : t("notListed")}
                    </span>
                    {" → "}
                    <span className={changed ? "font-semibold text-amber-800" : undefined}>
                      {after?.listed ? nf.format(after.ats) : t("notListed")}
                    </span>
                    <div className="text-xs text-stone-400">
                      {t("winning", { scope: scopeOf(after?.policyId ?? null) })}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
