"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DaysOfSupplyBucket } from "@/lib/inventory-insights/metrics";
import { ChartFrame } from "./chart-frame";

/** How many SKU-at-node rows fall in each days-of-supply bucket, "no sales" last. */
export function DaysOfSupplyChart({ buckets }: { buckets: DaysOfSupplyBucket[] }) {
  const t = useTranslations("inventory.charts");
  const number = new Intl.NumberFormat(useLocale());
  const label = (key: DaysOfSupplyBucket["key"]) =>
    key === "NO_SALES" ? t("noSales") : t("bucketDays", { range: key.replace("-", "–") });
  // The axis shows the bare ranges (its title says they are days); the table spells them out.
  const tick = (key: DaysOfSupplyBucket["key"]) =>
    key === "NO_SALES" ? t("noSales") : key.replace("-", "–");
  const data = buckets.map((b) => ({ label: tick(b.key), rows: b.rows }));
  return (
    <ChartFrame
      title={t("daysOfSupply")}
      summary={t("daysOfSupplySummary")}
      testId="chart-days-of-supply"
      table={{
        columns: [t("bucket"), t("rows"), t("units")],
        rows: buckets.map((b) => ({
          key: b.key,
          cells: [label(b.key), number.format(b.rows), number.format(b.units)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} width={48} />
          <Tooltip formatter={(v) => number.format(Number(v))} />
          <Bar
            dataKey="rows"
            name={t("rows")}
            fill="#b45309"
            maxBarSize={32}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
