"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";

/** Units on hand and available per node type (labels already in the page's language). */
export function StockByTypeChart({
  data,
}: {
  data: { key: string; label: string; onHand: number; available: number }[];
}) {
  const t = useTranslations("inventory.charts");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const compact = new Intl.NumberFormat(locale, { notation: "compact" });
  return (
    <ChartFrame
      title={t("stockByType")}
      summary={t("stockByTypeSummary")}
      testId="chart-stock-by-type"
      table={{
        columns: [t("nodeType"), t("onHand"), t("available")],
        rows: data.map((d) => ({
          key: d.key,
          cells: [d.label, number.format(d.onHand), number.format(d.available)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 11 }} width={112} interval={0} />
          <XAxis
            type="number"
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => compact.format(v)}
          />
          <Tooltip formatter={(v) => number.format(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="onHand"
            name={t("onHand")}
            fill="#44403c"
            maxBarSize={32}
            isAnimationActive={false}
          />
          <Bar
            dataKey="available"
            name={t("available")}
            fill="#059669"
            maxBarSize={32}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
