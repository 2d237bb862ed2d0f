"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { SellThroughPoint } from "@/lib/inventory-insights/sell-through-series";
import { ChartFrame } from "./chart-frame";

/** Weekly sell-through; a week with neither sales nor stock leaves a gap. */
export function SellThroughChart({ weeks }: { weeks: SellThroughPoint[] }) {
  const t = useTranslations("inventory.charts");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  // Axis steps can be finer than a tenth of a percent: two decimals keep the ticks distinct.
  const axisPercent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const label = (start: string) => day.format(new Date(`${start}T00:00:00Z`));
  const data = weeks.map((w) => ({ label: label(w.start), sellThrough: w.sellThrough }));
  // Nothing sold in any week: the automatic axis would stretch to 400 %; show 0–100 % instead.
  const anySales = weeks.some((w) => (w.sellThrough ?? 0) > 0);
  return (
    <ChartFrame
      title={t("sellThrough")}
      summary={t("sellThroughSummary", { weeks: weeks.length })}
      testId="chart-sell-through"
      table={{
        columns: [t("week"), t("sold"), t("onHandEnd"), t("sellThroughPct")],
        rows: weeks.map((w) => ({
          key: w.start,
          cells: [
            w.start,
            number.format(w.sold),
            number.format(w.onHandEnd),
            w.sellThrough === null ? t("noData") : percent.format(w.sellThrough),
          ],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis
            tick={{ fontSize: 11 }}
            domain={anySales ? [0, "auto"] : [0, 1]}
            tickFormatter={(v: number) => axisPercent.format(v)}
            width={48}
          />
          <Tooltip formatter={(v) => percent.format(Number(v))} />
          <Line
            type="monotone"
            dataKey="sellThrough"
            name={t("sellThroughPct")}
            stroke="#0369a1"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
